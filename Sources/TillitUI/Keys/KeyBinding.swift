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
        /// Nil: the binding's keys (`KeyLabel.bar`); a closure only where the key shown changes.
        var keys: (@Sendable (Context) -> String)?
        var label: @Sendable (Context) -> String
        /// Shown only while this also holds (the binding itself must be active too).
        var when: @Sendable (Context) -> Bool
    }

    /// A line of the `?` help: the key and what it does, in a sentence.
    struct Help: Sendable {
        var rank: Int
        /// Nil: the binding's keys (`KeyLabel.help`); text only for keys no binding holds (a text field's).
        var keys: (@Sendable (Context) -> String)?
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

    /// The keys as the bar shows them: derived from `keys` unless the bar item says otherwise.
    func barKeys(_ context: Context) -> String { bar?.keys?(context) ?? KeyLabel.bar(keys) }

    /// The keys as `?` shows them.
    func helpKeys(_ context: Context) -> String { help?.keys?(context) ?? KeyLabel.help(keys) }

    func isShownOnBar(_ context: Context) -> Bool { bar.map { when(context) && $0.when(context) } ?? false }

    func isShownInHelp(_ context: Context) -> Bool { help.map { ($0.when ?? when)(context) } ?? false }
}

extension KeyBinding.Bar {
    /// Shown with the binding's own keys.
    init(_ rank: Int, when: @escaping @Sendable (Context) -> Bool = { _ in true }, label: @escaping @Sendable (Context) -> String) {
        self.init(rank: rank, keys: nil, label: label, when: when)
    }

    /// Shown with other words for the keys: for a binding that holds no key itself.
    init(_ rank: Int, _ keys: String, when: @escaping @Sendable (Context) -> Bool = { _ in true }, label: @escaping @Sendable (Context) -> String) {
        self.init(rank: rank, keys: { _ in keys }, label: label, when: when)
    }
}

extension KeyBinding.Help {
    /// Described with the binding's own keys.
    init(_ rank: Int, _ text: UIString, when: (@Sendable (Context) -> Bool)? = nil) {
        self.init(rank: rank, keys: nil, text: { _ in text }, when: when)
    }

    /// Described with other words for the keys: for a binding that holds no key itself.
    init(_ rank: Int, _ keys: String, _ text: UIString, when: (@Sendable (Context) -> Bool)? = nil) {
        self.init(rank: rank, keys: { _ in keys }, text: { _ in text }, when: when)
    }
}

/// A screen's bindings. For a key, the first active binding in the table wins.
struct KeyTable<Context>: Sendable {
    var bindings: [KeyBinding<Context>]
    /// What every other key does, where a mode says so ("any other key keeps
    /// it", "every other key is text"); nil: other keys are not this table's.
    var otherKeys: (@Sendable (Key, inout Context) -> [Effect])?

    init(_ bindings: [KeyBinding<Context>], otherKeys: (@Sendable (Key, inout Context) -> [Effect])? = nil) {
        self.bindings = bindings
        self.otherKeys = otherKeys
    }

    /// The active binding for `key`, if any.
    func binding(for key: Key, _ context: Context) -> KeyBinding<Context>? {
        bindings.first { $0.keys.contains(key) && $0.when(context) }
    }

    /// Runs the active binding for `key`; nil when none is active, so the caller
    /// can pass the key on (to a text field, say).
    func handle(_ key: Key, _ context: inout Context) -> [Effect]? {
        if let binding = binding(for: key, context) { return binding.run(key, &context) }
        return otherKeys?(key, &context)
    }

    /// The key bar: the active bindings that have a bar item, in bar order.
    func bar(_ context: Context) -> [(String, String)] {
        bindings.filter { $0.isShownOnBar(context) }.sorted { $0.bar!.rank < $1.bar!.rank }
            .map { ($0.barKeys(context), $0.bar!.label(context)) }
    }

    /// The `?` help: the bindings with a help line that holds now, in help order.
    func help(_ context: Context) -> [(String, UIString)] {
        bindings.filter { $0.isShownInHelp(context) }.sorted { $0.help!.rank < $1.help!.rank }
            .map { ($0.helpKeys(context), $0.help!.text(context)) }
    }
}
