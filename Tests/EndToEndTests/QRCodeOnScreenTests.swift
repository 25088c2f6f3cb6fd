import Foundation
import Testing

/// The voting room's QR code as a terminal really shows it: tmux's cells with their
/// colours and reverse video, lit as a dark (light-on-dark) or a light (dark-on-light)
/// terminal lights them, and read back by a real decoder (`zbarimg`). A code drawn
/// in the terminal's own colours comes out inverted on one of the two.
@Suite(.serialized) struct QRCodeOnScreenTests {
    enum Theme: String, CustomStringConvertible, Sendable {
        case dark, light
        var description: String { rawValue }
        /// The luminance (0 black … 1 white) of the terminal's default text and background.
        var defaultForeground: Double { self == .dark ? 0.85 : 0.1 }
        var defaultBackground: Double { self == .dark ? 0.1 : 0.95 }
    }

    static let cases: [(environment: [String: String], theme: Theme)] = [
        ([:], .dark), ([:], .light),
        (["NO_COLOR": "1"], .dark),
        // Without colours the terminal must say its background is light (rxvt, Konsole do).
        (["NO_COLOR": "1", "COLORFGBG": "0;15"], .light),
    ]

    @Test(arguments: cases.indices)
    func theCodeOnScreenScansBackToTheRoomsAddress(_ index: Int) throws {
        let (environment, theme) = Self.cases[index]
        let (url, code) = try Self.roomCode(environment: environment, theme: theme)
        #expect(code.quietZoneIsLight, "\(environment) on a \(theme) terminal: the quiet zone must be paper")
        #expect(try Self.decode(code.dark) == "QR-Code:" + url, "\(environment) on a \(theme) terminal")
    }

    /// Honest about the one case it cannot get right: no colours and no word from the terminal
    /// about its background counts as dark, so on a light terminal the code comes out inverted.
    @Test func withoutColoursAndWithoutCOLORFGBGALightTerminalGetsItInverted() throws {
        let (_, code) = try Self.roomCode(environment: ["NO_COLOR": "1"], theme: .light)
        #expect(!code.quietZoneIsLight)
    }

    struct Picture: CustomStringConvertible {
        /// true = dark, quiet zone included.
        var dark: [[Bool]]
        /// The pixels as text, `#` dark, `.` light: what a failed expectation shows.
        var description: String { "\n" + dark.map { String($0.map { $0 ? "#" : "." }) }.joined(separator: "\n") }
        var quietZoneIsLight: Bool {
            let top = dark.prefix(4).allSatisfy { !$0.contains(true) }, bottom = dark.suffix(4).allSatisfy { !$0.contains(true) }
            let sides = dark.allSatisfy { !$0.prefix(4).contains(true) && !$0.suffix(4).contains(true) }
            return top && bottom && sides
        }
    }

    /// Opens a room in tmux with `environment` and returns its address and the code as lit by `theme`.
    static func roomCode(environment: [String: String], theme: Theme) throws -> (String, Picture) {
        let tmux = try TmuxSession(width: 120, height: 40)
        try tmux.launch(VotingRoomTests.team + ["--room", "--room-address", "127.0.0.1"], environment: environment)
        let text = try tmux.waitFor("Room code")
        let url = try VotingRoomTests.roomAddress(on: text).absoluteString
        let cells = Self.cells(try tmux.screen(escapes: true, trailingSpaces: true))
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
        return (url, try Self.picture(cells, theme: theme))
    }

    // MARK: Reading tmux's cells

    enum Colour: Equatable { case standard, indexed(Int), rgb(Double) }

    struct Cell {
        var character: Character
        var foreground = Colour.standard, background = Colour.standard
        var reverse = false
    }

    /// The screen's cells, each with the colours and reverse flag tmux's SGR sequences gave it.
    static func cells(_ capture: String) -> [[Cell]] {
        var current = Cell(character: " ")
        var rows: [[Cell]] = []
        for line in capture.split(separator: "\n", omittingEmptySubsequences: false) {
            var row: [Cell] = []
            var characters = Array(line)[...]
            while let character = characters.popFirst() {
                guard character == "\u{1B}", characters.first == "[" else {
                    current.character = character
                    row.append(current)
                    continue
                }
                characters.removeFirst()
                var parameters = ""
                while let next = characters.popFirst(), next != "m" { parameters.append(next) }
                apply(parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }, to: &current)
            }
            rows.append(row)
        }
        return rows
    }

    static func apply(_ codes: [Int], to cell: inout Cell) {
        var codes = codes[...]
        func colour() -> Colour {
            switch codes.popFirst() {
            case 5: return .indexed(codes.popFirst() ?? 0)
            case 2:
                let red = Double(codes.popFirst() ?? 0), green = Double(codes.popFirst() ?? 0), blue = Double(codes.popFirst() ?? 0)
                return .rgb((0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255)
            default: return .standard
            }
        }
        while let code = codes.popFirst() {
            switch code {
            case 0: cell.foreground = .standard; cell.background = .standard; cell.reverse = false
            case 7: cell.reverse = true
            case 27: cell.reverse = false
            case 30...37: cell.foreground = .indexed(code - 30)
            case 90...97: cell.foreground = .indexed(code - 90 + 8)
            case 40...47: cell.background = .indexed(code - 40)
            case 100...107: cell.background = .indexed(code - 100 + 8)
            case 38: cell.foreground = colour()
            case 48: cell.background = colour()
            case 39: cell.foreground = .standard
            case 49: cell.background = .standard
            default: break
            }
        }
    }

    /// xterm's palette as luminance: 0–15, the 6×6×6 cube, the greys.
    static func luminance(_ colour: Colour, default standard: Double) -> Double {
        switch colour {
        case .standard: return standard
        case .rgb(let value): return value
        case .indexed(let index):
            switch index {
            case 0: return 0
            case 7: return 0.9
            case 8: return 0.5
            case 15: return 1
            case 1...6: return 0.35
            case 9...14: return 0.7
            case 16...231:
                let level = { (value: Int) -> Double in value == 0 ? 0 : Double(55 + 40 * value) / 255 }
                let cube = index - 16
                return 0.2126 * level(cube / 36) + 0.7152 * level(cube / 6 % 6) + 0.0722 * level(cube % 6)
            default: return Double(8 + 10 * (index - 232)) / 255
            }
        }
    }

    /// The code's half-block cells and the quiet zone around them (4 modules: 4 columns, 2 lines),
    /// two pixels a cell, each as dark or light as `theme` lights it.
    static func picture(_ cells: [[Cell]], theme: Theme) throws -> Picture {
        let blocks: Set<Character> = ["█", "▀", "▄"]
        var xs: [Int] = [], ys: [Int] = []
        for (y, row) in cells.enumerated() {
            for (x, cell) in row.enumerated() where blocks.contains(cell.character) { xs.append(x); ys.append(y) }
        }
        let left = try #require(xs.min()) - 4, right = try #require(xs.max()) + 4
        let top = try #require(ys.min()) - 2, bottom = try #require(ys.max()) + 2
        try #require(left >= 0 && top >= 0 && bottom < cells.count, "no room for the quiet zone on screen")
        var dark: [[Bool]] = []
        for y in top...bottom {
            var upper: [Bool] = [], lower: [Bool] = []
            for x in left...right {
                let cell = x < cells[y].count ? cells[y][x] : Cell(character: " ")
                var ink = luminance(cell.foreground, default: theme.defaultForeground)
                var paper = luminance(cell.background, default: theme.defaultBackground)
                if cell.reverse { swap(&ink, &paper) }
                upper.append(("█▀".contains(cell.character) ? ink : paper) < 0.5)
                lower.append(("█▄".contains(cell.character) ? ink : paper) < 0.5)
            }
            dark += [upper, lower]
        }
        return Picture(dark: dark)
    }

    /// Writes the pixels as a PGM (4 pixels a module) and reads it with zbarimg.
    static func decode(_ dark: [[Bool]]) throws -> String {
        let scale = 4
        var data = Data("P5\n\((dark.first?.count ?? 0) * scale) \(dark.count * scale)\n255\n".utf8)
        for row in dark {
            let line = row.flatMap { Array(repeating: $0 ? UInt8(0) : 255, count: scale) }
            for _ in 0..<scale { data.append(contentsOf: line) }
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-qr-screen-\(UUID().uuidString).pgm")
        defer { try? FileManager.default.removeItem(at: file) }
        try data.write(to: file)
        let run = runProgram("/usr/bin/env", ["zbarimg", "--quiet", file.path],
                             environment: ["PATH": "/usr/local/bin:/usr/bin:/bin"], timeout: 30)
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
