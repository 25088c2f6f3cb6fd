import Foundation
import Testing

/// Small screens and the QR code (issue 25, item 8), on the real binary with a
/// real room: at 80x24 the panel says how to see the code and gives the
/// address; the rating line is wrapped, not cut; at 100x30 the code shows and
/// the card's words stay whole beside it.
@Suite(.serialized) struct SmallScreenRoomTests {
    /// The words of the screen in columns `from..<to`, as one line.
    static func words(_ screen: String, from: Int = 0, leftOf column: Int) -> String {
        screen.split(separator: "\n").map { String($0.prefix(column).dropFirst(from)) }.joined(separator: " ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func theRoomOnA80x24And100x30Screen() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.launch(["start", "--deck", "psykologisk-trygghet", "--kind", "team", "--anonymous", "--lang", "nb",
                         "--room", "--room-address", "127.0.0.1"])
        let first = try tmux.waitFor("Romkode")
        #expect(Self.words(first, from: 36, leftOf: 80).contains("QR-koden vises i et større vindu. Eller åpne på mobilen:"), "\(first)")
        #expect(!first.contains("█"))
        try tmux.press("PageDown")
        let rating = try tmux.waitFor("2 / 14")
        #expect(Self.words(rating, leftOf: 36).contains("trykk 1–5 for hver stemme, ⌫ angrer den siste"), "\(rating)")

        try tmux.resize(width: 100, height: 30)
        let larger = try tmux.waitFor("Skann med mobilen")
        #expect(larger.contains("▀"), "the code shows at 100x30: \(larger)")
        #expect(Self.words(larger, leftOf: 56).contains("trykk 1–5 for hver stemme, ⌫ angrer den siste"), "\(larger)")
        #expect(larger.split(separator: "\n").last?.contains("? hjelp") == true)
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
    }
}
