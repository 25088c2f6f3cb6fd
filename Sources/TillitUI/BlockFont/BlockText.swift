import TillitCore

/// Text set in tillit's block font (`BlockGlyphs`), wrapped to a width and
/// drawn with the terminal's own block characters, for reading across a room.
struct BlockText: Sendable {
    /// How big one font pixel is drawn.
    enum Size: CaseIterable, Sendable {
        /// A pixel is two columns by one row (full blocks): glyphs 7 rows high.
        case large
        /// A pixel is one column by half a row (half blocks ▀ ▄ █): glyphs 3½ rows high.
        case medium

        /// Pixel width and height in half cells (half a column, half a row).
        var pixel: (width: Int, height: Int) {
            switch self {
            case .large: return (4, 2)
            case .medium: return (2, 1)
            }
        }

        /// Columns taken by `pixels` font pixels.
        func columns(_ pixels: Int) -> Int { (pixels * pixel.width + 1) / 2 }
        /// Rows one line of glyphs takes.
        var lineRows: Int { (BlockGlyphs.rows * pixel.height + 1) / 2 }
        /// Rows from the top of one line to the top of the next: a pixel row of space between.
        var linePitch: Int { ((BlockGlyphs.rows + 1) * pixel.height + 1) / 2 }
    }

    /// Pixels between letters, and the width of a space.
    static let letterSpacing = 1

    let lines: [[BlockGlyphs.Glyph]]
    /// The words of each line, as text (what a test or a screen reader reads).
    let lineTexts: [String]
    let size: Size
    /// The widest line, in columns.
    let width: Int

    var height: Int { lines.isEmpty ? 0 : (lines.count - 1) * size.linePitch + size.lineRows }

    /// `text` wrapped at word boundaries to `maxWidth` columns in `size`, or nil
    /// when it has a character the font lacks or does not fit in `maxHeight` rows.
    init?(_ text: String, size: Size, maxWidth: Int, maxHeight: Int) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        let wordTexts = words.map(String.init)
        var glyphWords: [[BlockGlyphs.Glyph]] = []
        for word in words {
            var glyphs: [BlockGlyphs.Glyph] = []
            for character in word {
                guard let glyph = BlockGlyphs.glyph(character) else { return nil }
                glyphs.append(glyph)
            }
            glyphWords.append(glyphs)
        }
        guard !glyphWords.isEmpty, let space = BlockGlyphs.glyph(" ") else { return nil }
        let maxPixels = (maxWidth * 2) / size.pixel.width
        func pixels(_ glyphs: [BlockGlyphs.Glyph]) -> Int {
            glyphs.reduce(0) { $0 + $1.width } + max(0, glyphs.count - 1) * Self.letterSpacing
        }
        var lines: [[BlockGlyphs.Glyph]] = []
        var line: [BlockGlyphs.Glyph] = []
        var texts: [String] = []
        var text = ""
        for (word, wordText) in zip(glyphWords, wordTexts) {
            // A word wider than a line does not fit at this size: a smaller one will do.
            guard pixels(word) <= maxPixels else { return nil }
            let joined = line.isEmpty ? word : line + [space] + word
            if pixels(joined) <= maxPixels {
                line = joined
                text = text.isEmpty ? wordText : text + " " + wordText
            } else {
                lines.append(line)
                texts.append(text)
                line = word
                text = wordText
            }
        }
        lines.append(line)
        texts.append(text)
        self.lines = lines
        self.lineTexts = texts
        self.size = size
        self.width = lines.map { size.columns(pixels($0)) }.max() ?? 0
        guard height <= maxHeight else { return nil }
    }

    /// The largest size in which `text` fits `maxWidth` × `maxHeight`; nil when none does.
    static func fitting(_ text: String, maxWidth: Int, maxHeight: Int, sizes: [Size] = Size.allCases) -> BlockText? {
        for size in sizes {
            if let block = BlockText(text, size: size, maxWidth: maxWidth, maxHeight: maxHeight) { return block }
        }
        return nil
    }

    /// Draws the lines centred in `area`'s columns from its top row.
    func draw(centeredIn area: Rect, _ grid: inout Grid, style: Style) {
        for (index, line) in lines.enumerated() {
            let lineWidth = size.columns(line.reduce(0) { $0 + $1.width } + max(0, line.count - 1) * Self.letterSpacing)
            let x = area.x + max(0, (area.width - lineWidth) / 2)
            draw(line, x: x, y: area.y + index * size.linePitch, grid: &grid, style: style)
        }
    }

    /// Each cell takes the four half-cell pixels it covers and shows them as one block character
    /// (only ▀ ▄ █ at the sizes there are; the table is complete so any size draws right).
    private func draw(_ line: [BlockGlyphs.Glyph], x: Int, y: Int, grid: inout Grid, style: Style) {
        // The line's ink, one row per font pixel row, one Bool per font pixel column.
        var ink: [[Bool]] = Array(repeating: [], count: BlockGlyphs.rows)
        for (index, glyph) in line.enumerated() {
            for row in 0..<BlockGlyphs.rows {
                if index > 0 { ink[row] += Array(repeating: false, count: Self.letterSpacing) }
                for column in 0..<glyph.width { ink[row].append(glyph.ink(x: column, y: row)) }
            }
        }
        let pixelColumns = ink.first?.count ?? 0
        let (pixelWidth, pixelHeight) = size.pixel
        func isInk(halfX: Int, halfY: Int) -> Bool {
            let column = halfX / pixelWidth, row = halfY / pixelHeight
            return row < BlockGlyphs.rows && column < pixelColumns && ink[row][column]
        }
        for cellY in 0..<size.lineRows {
            for cellX in 0..<size.columns(pixelColumns) {
                let quadrant = (isInk(halfX: 2 * cellX, halfY: 2 * cellY) ? 1 : 0)
                    | (isInk(halfX: 2 * cellX + 1, halfY: 2 * cellY) ? 2 : 0)
                    | (isInk(halfX: 2 * cellX, halfY: 2 * cellY + 1) ? 4 : 0)
                    | (isInk(halfX: 2 * cellX + 1, halfY: 2 * cellY + 1) ? 8 : 0)
                if quadrant != 0 { grid.setBlock(Self.quadrants[quadrant], x: x + cellX, y: y + cellY, style: style) }
            }
        }
    }

    /// Indexed by top-left 1, top-right 2, bottom-left 4, bottom-right 8.
    static let quadrants = [" ", "▘", "▝", "▀", "▖", "▌", "▞", "▛", "▗", "▚", "▐", "▜", "▄", "▙", "▟", "█"]
}

extension Grid {
    /// One block character at (x, y), when that is on the grid.
    mutating func setBlock(_ block: String, x: Int, y: Int, style: Style) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        replaceCell(at: y * width + x, with: Cell(text: block, style: style))
    }
}
