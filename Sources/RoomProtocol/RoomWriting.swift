/// The rules of anonymous written answers from phones that the room and tillit
/// both hold to: the room refuses what breaks them, and tillit refuses a room
/// that sends it anything else (`RoomEventCheck`).
package enum RoomWriting {
    /// The longest answer, in characters as a person counts them.
    package static let maximumCharacters = 280
    /// And in UTF-8 bytes: 280 characters of four bytes each. A character built of
    /// many combining marks counts for all its bytes.
    package static let maximumBytes = 4 * maximumCharacters
    /// Answers one phone (by its cookie, and by its address) may send on one card.
    package static let answersPerPhone = 5
    /// Answers the room takes on one card in all, so its memory and tillit's stay bounded.
    package static let maximumAnswers = 1_000
    /// Below this many the answers are not shown, so no one's words can be told apart by elimination.
    package static let minimumToReveal = 3

    /// What may not be in an answer: control characters (line breaks and tabs included),
    /// and the marks that turn text around or hide it (bidirectional overrides and isolates).
    package static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029, 0xFEFF: return true
        default: return false
        }
    }

    /// `raw` as an answer: forbidden characters become spaces, runs of spaces one,
    /// the ends trimmed; nil when nothing is left.
    package static func clean(_ raw: String) -> String? {
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in raw.unicodeScalars {
            let space = isForbidden(scalar) || scalar == " " || scalar.properties.isWhitespace
            if space {
                if !lastWasSpace { scalars.append(" ") }
            } else {
                scalars.append(scalar)
            }
            lastWasSpace = space
        }
        var text = String(scalars)
        while text.last == " " { text.removeLast() }
        return text.isEmpty ? nil : text
    }

    /// Whether `text` is an answer as the room sends it: cleaned, and within both limits.
    package static func isAnswer(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= maximumBytes && text.count <= maximumCharacters
            && clean(text) == text
    }
}
