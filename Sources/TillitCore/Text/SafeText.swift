/// Text from decks, answers and session files is untrusted. Before it is drawn
/// or exported, control characters that a terminal would act on are removed,
/// so no escape sequence in a card or an answer ever reaches the screen raw.
package enum SafeText {
    /// Strips C0 controls (keeping newline and tab), DEL, C1 controls and the
    /// bidirectional overrides and isolates that can disguise text.
    package static func clean(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ !isUnsafe($0) }) { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isUnsafe(scalar) { scalars.append(scalar) }
        return String(scalars)
    }

    /// A single line: line breaks and tabs become spaces as well.
    package static func line(_ text: String) -> String {
        // Compared one by one, not looked up in a Set<Character>, whose first
        // use costs a new talk a tenth of a millisecond.
        String(clean(text).map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" ? " " : $0 })
    }

    package static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

