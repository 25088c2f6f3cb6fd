import TillitCore

extension Key {
    /// The key as the key bar and `?` name it.
    var label: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "⇧Tab"
        case .backspace: return "⌫"
        case .delete: return "Del"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .control(let c): return "Ctrl-" + String(c).uppercased()
        case .function(let n): return "F\(n)"
        }
    }

    /// The ten digit keys, 0 to 9: ratings and votes.
    static let digits: [Key] = (0...9).map { .character(Character(String($0))) }

    /// The value of a digit key; nil for any other key.
    var digit: Int? {
        if case .character(let c) = self, c.isASCII, let value = c.wholeNumberValue { return value }
        return nil
    }
}

/// A binding's keys as words, so no label is typed beside the keys it names:
/// `[.right, .pageDown]` is "→ PgDn", the ten digits "0–9".
enum KeyLabel {
    /// Every key, digits in a row as a range: the `?` help.
    static func help(_ keys: [Key]) -> String {
        var words: [String] = []
        var index = keys.startIndex
        while index < keys.endIndex {
            var end = index
            while let digit = keys[end].digit, end + 1 < keys.endIndex, keys[end + 1].digit == digit + 1 { end += 1 }
            if end - index >= 2, let low = keys[index].digit, let high = keys[end].digit {
                words.append("\(low)–\(high)")
            } else {
                words += keys[index...end].map(\.label)
            }
            index = end + 1
        }
        return words.joined(separator: " ")
    }

    /// The key it is known by, short for the bottom row: the first key, a pair
    /// of arrows as one ("↑↓"), + and - together, digits as their range.
    static func bar(_ keys: [Key]) -> String {
        guard let first = keys.first else { return "" }
        if keys.starts(with: [.up, .down]) { return "↑↓" }
        if keys.starts(with: [.left, .right]) { return "←→" }
        if keys.starts(with: [.character("+"), .character("-")]) { return "+ -" }
        if first.digit != nil { return help(keys.prefix { $0.digit != nil }.map { $0 }) }
        return first.label
    }
}
