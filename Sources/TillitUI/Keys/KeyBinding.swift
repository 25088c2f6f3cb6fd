import TillitCore

/// One key of a screen, declared once: which keys press it, when it is
/// active, what it does, and how the key bar and `?` help describe it.
/// A screen's handling, its key bar and its help are all read off one table
/// of these (as Bubble Tea's `key.Binding` feeds its help bubble, and each
/// lazygit controller lists its own bindings).
struct KeyBinding<Context>: Sendable {
    /// A key bar item: short, for the bottom row.
    struct Bar: Sendable {
        /// Its place on the bar; the bar is sorted by it (the help has its own order).
        var rank: Int
        var keys: @Sendable (Context) -> String
        var label: @Sendable (Context) -> String
        /// Shown only while this also holds (the binding itself must be active too).
        var when: @Sendable (Context) -> Bool
    }

    /// A line of the `?` help: the key and what it does, in a sentence.
    struct Help: Sendable {
        var rank: Int
        var keys: @Sendable (Context) -> String
        var text: @Sendable (Context) -> UIString
        /// Help lists keys of the screen the person is on, so it may describe a
        /// binding of a mode one key away (Esc while writing); nil: while active.
        var when: (@Sendable (Context) -> Bool)?
    }

    var keys: [Key]
    var when: @Sendable (Context) -> Bool
    var bar: Bar?
    var help: Help?
    /// What it does, given the key pressed (one of `keys`).
    var run: @Sendable (Key, inout Context) -> [Effect]

    /// A binding whose work may ask for something outside (`Effect`).
    init(_ keys: [Key], when: @escaping @Sendable (Context) -> Bool = { _ in true }, bar: Bar? = nil, help: Help? = nil,
         key run: @escaping @Sendable (Key, inout Context) -> [Effect]) {
        self.keys = keys
        self.when = when
        self.bar = bar
        self.help = help
        self.run = run
    }

    /// A binding that does its work and asks for nothing outside.
    init(_ keys: [Key], when: @escaping @Sendable (Context) -> Bool = { _ in true }, bar: Bar? = nil, help: Help? = nil,
         do work: @escaping @Sendable (inout Context) -> Void) {
        self.init(keys, when: when, bar: bar, help: help) { _, context in work(&context); return [] }
    }

    func isShownOnBar(_ context: Context) -> Bool { bar.map { when(context) && $0.when(context) } ?? false }

    func isShownInHelp(_ context: Context) -> Bool { help.map { ($0.when ?? when)(context) } ?? false }
}

extension KeyBinding.Bar {
    init(_ rank: Int, _ keys: String, when: @escaping @Sendable (Context) -> Bool = { _ in true }, label: @escaping @Sendable (Context) -> String) {
        self.init(rank: rank, keys: { _ in keys }, label: label, when: when)
    }
}

extension KeyBinding.Help {
    init(_ rank: Int, _ keys: String, _ text: UIString, when: (@Sendable (Context) -> Bool)? = nil) {
        self.init(rank: rank, keys: { _ in keys }, text: { _ in text }, when: when)
    }
}

/// A screen's bindings. For a key, the first active binding in the table wins.
struct KeyTable<Context>: Sendable {
    var bindings: [KeyBinding<Context>]

    init(_ bindings: [KeyBinding<Context>]) { self.bindings = bindings }

    /// The active binding for `key`, if any.
    func binding(for key: Key, _ context: Context) -> KeyBinding<Context>? {
        bindings.first { $0.keys.contains(key) && $0.when(context) }
    }

    /// Runs the active binding for `key`; nil when none is active, so the caller
    /// can pass the key on (to a text field, say).
    func handle(_ key: Key, _ context: inout Context) -> [Effect]? {
        binding(for: key, context)?.run(key, &context)
    }

    /// The key bar: the active bindings that have a bar item, in bar order.
    func bar(_ context: Context) -> [(String, String)] {
        bindings.filter { $0.isShownOnBar(context) }.map { ($0.bar!.rank, $0.bar!) }
            .sorted { $0.0 < $1.0 }.map { ($0.1.keys(context), $0.1.label(context)) }
    }

    /// The `?` help: the bindings with a help line that holds now, in help order.
    func help(_ context: Context) -> [(String, UIString)] {
        bindings.filter { $0.isShownInHelp(context) }.map { ($0.help!.rank, $0.help!) }
            .sorted { $0.0 < $1.0 }.map { ($0.1.keys(context), $0.1.text(context)) }
    }
}
