import CQRencode

/// A QR code as a square of modules (true = dark), without its quiet zone.
package struct QRCode: Equatable, Sendable {
    package let size: Int
    private let modules: [Bool]

    /// Encodes `text` as bytes with medium error correction (a projector's glare
    /// and a shaky hand both cost modules); nil if it does not fit in a QR code.
    package init?(_ text: String) {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        // Bit 0 of each byte libqrencode returns is the module's colour.
        modules = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
    }

    package func isDark(row: Int, column: Int) -> Bool {
        guard (0..<size).contains(row), (0..<size).contains(column) else { return false }
        return modules[row * size + column]
    }

    /// Row by row, `1` for dark and `0` for light: how the room hands the code to tillit.
    package var rows: [String] {
        (0..<size).map { row in String((0..<size).map { isDark(row: row, column: $0) ? "1" : "0" }) }
    }

    /// Modules of light border a reader needs around the code.
    package static let quietZone = 4

    /// The code with its quiet zone, row by row.
    package var rowsWithQuietZone: [[Bool]] {
        let side = size + 2 * Self.quietZone
        return (0..<side).map { row in
            (0..<side).map { column in isDark(row: row - Self.quietZone, column: column - Self.quietZone) }
        }
    }
}
