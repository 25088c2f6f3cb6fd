import TillitCore

/// What a cell looks like. Colours are roles, not numbers: the terminal maps
/// them to its palette, or ignores them under NO_COLOR, so every role must also
/// read without colour (bold, reverse, underline carry the meaning).
package struct Style: Hashable, Sendable {
    package enum Color: UInt8, CaseIterable, Sendable {
        case accent, muted, good, warning, danger, title
        /// Black ink on white paper whatever the terminal's own colours: a QR code,
        /// which a reader must not see inverted on a light or a dark terminal.
        case paper
    }

    package var color: Color?
    package var bold = false
    package var reverse = false
    package var underline = false
    package var dim = false

    package init(color: Color? = nil, bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.color = color
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    package static let plain = Style()
    package static let bold = Style(bold: true)
    package static let muted = Style(color: .muted, dim: true)
    package static let accent = Style(color: .accent, bold: true)
    package static let focus = Style(reverse: true)
    package static let title = Style(color: .title, bold: true)
    package static let warning = Style(color: .warning, bold: true)
    package static let good = Style(color: .good)

    // Spelled out, not synthesized: a synthesized `==` of a package type is reached from
    // another module (the terminal compares styles cell by cell) only through its
    // Equatable witness, which cost a tenth of every key press.
    package static func == (lhs: Style, rhs: Style) -> Bool {
        lhs.color == rhs.color && lhs.bold == rhs.bold && lhs.reverse == rhs.reverse
            && lhs.underline == rhs.underline && lhs.dim == rhs.dim
    }
}

package struct Cell: Hashable, Sendable {
    /// One grapheme; empty for the second column of a wide character.
    package var text: String
    package var style: Style

    package static let blank = Cell(text: " ", style: .plain)

    /// Spelled out for the same reason as `Style.==`.
    package static func == (lhs: Cell, rhs: Cell) -> Bool { lhs.style == rhs.style && lhs.text == rhs.text }
}

package struct Size: Hashable, Sendable {
    package var width: Int
    package var height: Int
    package init(width: Int, height: Int) { self.width = width; self.height = height }
}

package struct Rect: Hashable, Sendable {
    package var x: Int, y: Int, width: Int, height: Int
    package init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    package var maxY: Int { y + height }
    package var maxX: Int { x + width }
    package func inset(_ dx: Int, _ dy: Int) -> Rect { Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy) }
}

/// A screen's worth of cells. Views draw into it; the terminal copies it out.
package struct Grid: Sendable {
    package let size: Size
    package private(set) var cells: [Cell]
    /// Where the terminal cursor should blink (in a text field being written), if anywhere.
    package var cursor: (x: Int, y: Int)?

    package init(_ size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.width * size.height))
    }

    package var width: Int { size.width }
    package var height: Int { size.height }
    /// The whole grid as a rectangle: the area the top-level view draws into.
    package var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    package subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// Whether row `y` holds the same cells in both grids (the terminal redraws only rows that changed).
    package func rowEquals(_ other: Grid, _ y: Int) -> Bool {
        let start = y * width
        for index in start..<start + width where cells[index] != other.cells[index] { return false }
        return true
    }

    /// Writes `text` from (x, y) on one row, clipped at `maxWidth` columns and the
    /// grid's edge. Returns the columns used. Text is made safe first.
    @discardableResult
    package mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(maxWidth ?? Int.max, size.width - max(x, 0))
        return putASCII(text, x: x, y: y, style: style, limit: limit)
            ?? putCharacters(text, x: x, y: y, style: style, limit: limit)
    }

    mutating func putCharacters(_ text: String, x: Int, y: Int, style: Style, limit: Int) -> Int {
        var column = x
        var used = 0
        for character in text {
            if character == "\n" || character == "\t" || character == "\r\n" {
                guard used + 1 <= limit else { break }
                if column >= 0 { cells[y * size.width + column] = Cell(text: " ", style: style) }
                column += 1; used += 1
                continue
            }
            let width = DisplayWidth.of(character)
            if width == 0 { continue }
            if used + width > limit { break }
            if SafeText.isUnsafe(character.unicodeScalars.first!) { continue }
            if column >= 0 {
                cells[y * size.width + column] = Cell(text: String(character), style: style)
                if width == 2 { cells[y * size.width + column + 1] = Cell(text: "", style: style) }
            }
            column += width
            used += width
        }
        return used
    }

    /// `put` for text that is all ASCII (most of every screen), byte by byte
    /// instead of Character by Character, to the same cells; nil for other text.
    /// A control character takes no column, a line break or tab takes one blank
    /// (so `\r\n` is one, as the Character it is).
    mutating func putASCII(_ text: String, x: Int, y: Int, style: Style, limit: Int) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var used = 0
            for byte in bytes {
                let isBreak = byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                if !isBreak && (byte < 0x20 || byte == 0x7F) { continue }
                guard used + 1 <= limit else { break }
                if x + used >= 0 {
                    cells[y * size.width + x + used] = isBreak ? Cell(text: " ", style: style) : Cell(text: String(UnicodeScalar(byte)), style: style)
                }
                used += 1
            }
            return used
        }
    }

    package mutating func fill(_ rect: Rect, style: Style = .plain, with character: String = " ") {
        let left = max(0, rect.x), right = min(size.width, rect.maxX)
        guard left < right else { return }
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            let row = y * size.width
            // A wide character cut by the edge goes whole: half of one would leave
            // a cell the terminal never redraws (a stray character from the frame before).
            if left > 0, cells[row + left].text.isEmpty { cells[row + left - 1] = Cell(text: " ", style: cells[row + left - 1].style) }
            for x in left..<right { cells[row + x] = Cell(text: character, style: style) }
            if right < size.width, cells[row + right].text.isEmpty { cells[row + right] = Cell(text: " ", style: cells[row + right].style) }
        }
    }

    package mutating func horizontalLine(y: Int, x: Int = 0, width: Int? = nil, style: Style = .muted) {
        put(String(repeating: "─", count: max(0, width ?? size.width - x)), x: x, y: y, style: style)
    }

    /// A rounded-corner box with an optional title in the top edge.
    package mutating func box(_ rect: Rect, title: String? = nil, style: Style = .muted, titleStyle: Style = .bold) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let inner = rect.width - 2
        put("┌" + String(repeating: "─", count: inner) + "┐", x: rect.x, y: rect.y, style: style)
        for y in rect.y + 1..<rect.maxY - 1 {
            put("│", x: rect.x, y: y, style: style)
            put("│", x: rect.maxX - 1, y: y, style: style)
        }
        put("└" + String(repeating: "─", count: inner) + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        if let title, inner > 4 {
            put(" " + DisplayWidth.truncate(title, to: inner - 3) + " ", x: rect.x + 1, y: rect.y, style: titleStyle)
        }
    }

    /// Centres `text` on row `y` within `rect`'s columns.
    @discardableResult
    package mutating func centered(_ text: String, y: Int, in rect: Rect, style: Style = .plain) -> Int {
        let cut = DisplayWidth.truncate(text, to: rect.width)
        let width = DisplayWidth.of(cut)
        return put(cut, x: rect.x + (rect.width - width) / 2, y: y, style: style)
    }

    /// Puts `cell` at `index` as it is (a block character, already known to be safe and one column wide).
    mutating func replaceCell(at index: Int, with cell: Cell) { cells[index] = cell }

    /// Sets a style over a span without changing its text (for focus highlights).
    package mutating func restyle(x: Int, y: Int, width: Int, style: Style) {
        guard y >= 0, y < size.height else { return }
        for column in max(0, x)..<min(size.width, x + width) { cells[y * size.width + column].style = style }
    }

    /// The grid as plain text, one line per row with trailing spaces removed:
    /// what the snapshot tests compare.
    package var text: String {
        (0..<size.height).map { row in
            var line = ""
            for column in 0..<size.width { line += cells[row * size.width + column].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
