import Foundation
import QRMatrix
import Testing
@testable import TillitUI

@Suite struct QRPictureTests {
    static let url = "http://192.168.100.200:54321/k7f3m9q2x8h4zrtw/"

    @Test func theDrawnCodeScansBackToTheAddress() throws {
        let code = try #require(QRCode(Self.url))
        let picture = try #require(QRPicture(rows: code.rows))
        var grid = Grid(Size(width: 100, height: 30))
        picture.draw(into: &grid, x: 3, y: 1)
        let image = try Self.pixels(of: grid, x: 3, y: 1, size: picture.size)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-qr-\(UUID().uuidString).pgm")
        defer { try? FileManager.default.removeItem(at: file) }
        try Self.pgm(image, scale: 4).write(to: file)
        #expect(try Self.zbarimg(file) == "QR-Code:" + Self.url)
    }

    @Test func fitsBesideACardAt100x30() throws {
        let picture = try #require(QRCode(Self.url).flatMap { QRPicture(rows: $0.rows) })
        // Room for the card text beside it and the title and key bar around it.
        #expect(picture.size.height <= 22)
        #expect(picture.size.width <= 45)
        // Each module is one column: at 100 columns across a 2 m wide projection
        // a module is 2 cm, far above what a phone needs from 3 m.
        #expect(picture.modules.count == code(Self.url).size + 2 * QRPicture.quietZone)
    }

    @Test func refusesRowsThatAreNotASquareOfModules() {
        #expect(QRPicture(rows: []) == nil)
        #expect(QRPicture(rows: ["01", "1"]) == nil)
        #expect(QRPicture(rows: ["0x", "10"]) == nil)
    }

    private func code(_ text: String) -> QRCode { QRCode(text)! }

    /// Ink on paper: every cell of the picture in `.paper` style, so the terminal draws it black on
    /// white whatever its own colours; the quiet zone is paper (blank), never ink.
    @Test func isInkOnPaperWithAQuietZoneOfPaper() throws {
        let picture = try #require(QRCode(Self.url).flatMap { QRPicture(rows: $0.rows) })
        var grid = Grid(Size(width: 100, height: 30))
        picture.draw(into: &grid, x: 3, y: 1)
        for line in 0..<picture.size.height {
            for column in 0..<picture.size.width {
                #expect(grid[3 + column, 1 + line].style == QRPicture.style, "(\(column), \(line))")
            }
        }
        #expect(QRPicture.style.color == .paper)
        let side = picture.size.width
        for line in 0..<QRPicture.quietZone / 2 {
            #expect((0..<side).allSatisfy { grid[3 + $0, 1 + line].text == " " }, "top quiet zone, line \(line)")
            #expect((0..<side).allSatisfy { grid[3 + $0, picture.size.height - line].text == " " }, "bottom quiet zone")
        }
        for line in 0..<picture.size.height {
            #expect((0..<QRPicture.quietZone).allSatisfy { grid[3 + $0, 1 + line].text == " " && grid[3 + side - 1 - $0, 1 + line].text == " " },
                    "side quiet zones, line \(line)")
        }
        // The finder pattern's dark top-left corner is ink.
        #expect(grid[3 + QRPicture.quietZone, 1 + QRPicture.quietZone / 2].text == "█")
    }

    /// Each cell is one pixel wide and two high, true = dark: `█` ink over ink, `▀` ink over paper…
    static func pixels(of grid: Grid, x: Int, y: Int, size: Size) throws -> [[Bool]] {
        var rows: [[Bool]] = []
        for line in 0..<size.height {
            var top: [Bool] = [], bottom: [Bool] = []
            for column in 0..<size.width {
                let cell = grid[x + column, y + line].text
                switch cell {
                case "█": top.append(true); bottom.append(true)
                case "▀": top.append(true); bottom.append(false)
                case "▄": top.append(false); bottom.append(true)
                case " ": top.append(false); bottom.append(false)
                default: Issue.record("unexpected cell '\(cell)'")
                }
            }
            rows.append(top)
            rows.append(bottom)
        }
        return rows
    }

    /// A binary PGM (P5): the smallest image format zbarimg reads.
    static func pgm(_ dark: [[Bool]], scale: Int) -> Data {
        let height = dark.count * scale, width = (dark.first?.count ?? 0) * scale
        var data = Data("P5\n\(width) \(height)\n255\n".utf8)
        for row in dark {
            let line = row.flatMap { Array(repeating: $0 ? UInt8(0) : 255, count: scale) }
            for _ in 0..<scale { data.append(contentsOf: line) }
        }
        return data
    }

    static func zbarimg(_ file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["zbarimg", "--quiet", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
