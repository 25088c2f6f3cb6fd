/// A QR code drawn with half blocks: one column and half a row per module, so
/// the modules come out square, and the quiet zone is drawn too (a reader needs
/// it). Dark modules are the blocks' ink, light ones the paper around them, all
/// in `.paper` style: the terminal draws that black on white whatever its own
/// colours, so the code never comes out inverted on a light (or a dark) terminal;
/// without colours it uses reverse video on a dark one (see `Terminal`).
package struct QRPicture: Equatable, Sendable {
    /// Modules, quiet zone included: true = dark.
    package let modules: [[Bool]]

    package static let quietZone = 4

    /// `rows` as the room sends them: `1` dark, `0` light, no quiet zone. Nil when
    /// the rows are not a square of 0s and 1s.
    package init?(rows: [String]) {
        let size = rows.count
        guard size > 0, rows.allSatisfy({ $0.count == size && $0.allSatisfy { $0 == "0" || $0 == "1" } }) else { return nil }
        let side = size + 2 * Self.quietZone
        let code = rows.map { $0.map { $0 == "1" } }
        modules = (0..<side).map { row in
            (0..<side).map { column in
                let r = row - Self.quietZone, c = column - Self.quietZone
                return (0..<size).contains(r) && (0..<size).contains(c) && code[r][c]
            }
        }
    }

    package var size: Size { Size(width: modules.count, height: (modules.count + 1) / 2) }

    /// Draws the picture with its top left corner at (x, y).
    package func draw(into grid: inout Grid, x: Int, y: Int) {
        for line in 0..<size.height {
            let top = modules[2 * line]
            let bottom = 2 * line + 1 < modules.count ? modules[2 * line + 1] : Array(repeating: false, count: top.count)
            let text = String(zip(top, bottom).map { Self.block(topDark: $0, bottomDark: $1) })
            grid.put(text, x: x, y: y + line, style: Self.style)
        }
    }

    package static let style = Style(color: .paper)

    static func block(topDark: Bool, bottomDark: Bool) -> Character {
        switch (topDark, bottomDark) {
        case (true, true): return "█"
        case (true, false): return "▀"
        case (false, true): return "▄"
        case (false, false): return " "
        }
    }
}
