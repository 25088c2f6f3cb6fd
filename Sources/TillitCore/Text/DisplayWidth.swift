/// How many terminal columns text takes. Norwegian letters take one, combining
/// accents none, emoji and CJK two; never counted in bytes or Characters.
package enum DisplayWidth {
    package static func of(_ text: String) -> Int {
        if let width = ofASCII(text) { return width }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The width of all-ASCII text from its bytes (a control character, and so
    /// `\r\n`, takes none); nil for other text.
    static func ofASCII(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            var width = 0
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte >= 0x20 && byte != 0x7F { width += 1 }
            }
            return width
        }
    }

    package static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.isASCII { return first.value < 0x20 || first.value == 0x7F ? 0 : 1 }
        // Box drawing and block elements, the frames, rules and bars of every
        // screen: one column, as the lookups below find too, only slower.
        if boxDrawing.contains(first.value) { return 1 }
        return lookedUp(first, scalars)
    }

    static let boxDrawing: ClosedRange<UInt32> = 0x2500...0x259F

    static func lookedUp(_ first: Unicode.Scalar, _ scalars: Character.UnicodeScalarView) -> Int {
        if scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        if isWide(first) { return 2 }
        if isZeroWidth(first) { return 0 }
        return 1
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return true
        default: return scalar.value == 0x200B
        }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if scalar.properties.isEmojiPresentation { return true }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `text` that fits in `width` columns.
    package static func prefix(_ text: String, fitting width: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let w = of(text[index])
            if used + w > width { break }
            used += w
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    /// `text` cut to `width` columns with an ellipsis when it does not fit.
    package static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        return prefix(text, fitting: width - 1) + "…"
    }

    /// `text` padded with spaces to `width` columns (or cut to fit).
    package static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let padding = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? padding + cut : cut + padding
    }
}

/// Aligned columns for command-line listings, measured by display width.
package enum TextTable {
    /// Cells come from files (talk ids, titles, paths): each passes the deck text's
    /// sanitiser, on one line, before it is measured and printed.
    package static func render(_ rows: [[String]], rightAligned: Set<Int> = [], gap: Int = 2) -> String {
        let rows = rows.map { $0.map(SafeText.line) }
        let columnCount = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columnCount)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) } }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 && !rightAligned.contains(index)
                    ? cell
                    : DisplayWidth.pad(cell, to: widths[index], alignRight: rightAligned.contains(index))
            }.joined(separator: String(repeating: " ", count: gap))
        }.joined(separator: "\n")
    }
}
