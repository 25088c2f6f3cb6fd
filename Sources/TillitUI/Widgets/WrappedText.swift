import TillitCore

/// Wraps text for a field and keeps track of where each visual line starts,
/// so the cursor (a Character offset) can be placed on screen.
package struct WrappedText: Sendable {
    package struct Line: Sendable {
        package var text: String
        /// Offset in Characters of the line's first Character in the whole text.
        package var start: Int
        package var length: Int
    }

    package var lines: [Line]

    package init(_ text: String, width: Int) {
        let width = max(1, width)
        var lines: [Line] = []
        let characters = Array(text)
        var paragraphStart = 0
        while true {
            var end = paragraphStart
            while end < characters.count && characters[end] != "\n" { end += 1 }
            lines += Self.wrap(Array(characters[paragraphStart..<end]), offset: paragraphStart, width: width)
            if end >= characters.count { break }
            paragraphStart = end + 1
        }
        self.lines = lines
    }

    private static func wrap(_ characters: [Character], offset: Int, width: Int) -> [Line] {
        var lines: [Line] = []
        var start = 0
        while true {
            var used = 0
            var index = start
            var lastBreak: Int?
            while index < characters.count {
                let w = DisplayWidth.of(characters[index])
                if used + w > width { break }
                used += w
                if characters[index] == " " { lastBreak = index }
                index += 1
            }
            if index >= characters.count {
                lines.append(Line(text: String(characters[start...].prefix(characters.count - start)), start: offset + start, length: characters.count - start))
                return lines
            }
            // Break after the last space when there is one; otherwise mid-word.
            let end = lastBreak.map { $0 + 1 } ?? max(index, start + 1)
            lines.append(Line(text: String(characters[start..<end]), start: offset + start, length: end - start))
            start = end
        }
    }

    /// The visual line and column of a cursor at `offset`.
    package func position(of offset: Int) -> (line: Int, column: Int) {
        for (number, line) in lines.enumerated().reversed() where offset >= line.start {
            let prefix = String(line.text.prefix(offset - line.start))
            return (number, DisplayWidth.of(prefix))
        }
        return (0, 0)
    }
}
