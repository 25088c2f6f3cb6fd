/// Word wrapping by display width. Long words are broken where they must be;
/// line breaks in the text (`\n`, `\r\n`, `\r`, U+2028…) are kept.
package enum TextWrap {
    /// `firstLineWidth`, when given, is the room on the first line (beside a label, say).
    package static func lines(_ text: String, width: Int, firstLineWidth: Int? = nil) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        // `\r\n` is one Character, so splitting on "\n" alone would miss it.
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let first = result.isEmpty ? max(1, firstLineWidth ?? width) : width
            result += wrapParagraph(String(paragraph), width: width, firstLineWidth: first)
        }
        return result
    }

    private static func wrapParagraph(_ paragraph: String, width fullWidth: Int, firstLineWidth: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var width: Int { lines.isEmpty ? firstLineWidth : fullWidth }
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            var wordWidth = DisplayWidth.of(word)
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
            while wordWidth > width {
                let head = DisplayWidth.prefix(word, fitting: width)
                guard !head.isEmpty else { break }
                lines.append(head)
                word = String(word.dropFirst(head.count))
                wordWidth = DisplayWidth.of(word)
            }
            line = word
            lineWidth = wordWidth
        }
        lines.append(line)
        return lines
    }
}
