import Foundation
import Testing

/// Time (issue 25, item 7): the header shows the time of the whole talk beside
/// the card's, and when a card's time runs out on the shared screen the large
/// digits change (the time over, in reverse), seen across the room.
@Suite(.serialized) struct TalkTimeTests {
    @Test func theWholeTalksTimeIsInTheHeaderAndTimeUpShowsInTheLargeDigits() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.launch(["start", "--deck", "psykologisk-trygghet", "--kind", "team", "--anonymous", "--timer", "3", "--lang", "nb"])
        let card = try tmux.waitFor("1 / 14")
        #expect(card.contains("i alt 00:0"), "\(card)")
        try tmux.press("Escape", "p")
        let running = try tmux.waitFor("p avslutt presentasjon")
        #expect(running.contains("i alt 00:0"))
        let before = try tmux.screen(escapes: true)
        #expect(!Self.reverseTimer(before), "no reverse while there is time")
        let up = try tmux.waitFor("tiden er ute")
        _ = up
        // The large timer has stopped and is drawn in reverse.
        let deadline = Date().addingTimeInterval(5)
        var seen = false
        while !seen, Date() < deadline {
            seen = Self.reverseTimer(try tmux.screen(escapes: true))
            if !seen { Thread.sleep(forTimeInterval: 0.2) }
        }
        let last = try tmux.screen(escapes: true)
        #expect(seen, "\(last)")
        try tmux.press("p", "Escape", "q")
        try tmux.waitForExit()
        let talk = try #require(try tmux.sessions().first)
        #expect(talk.timerSeconds == 3)
    }

    /// A line of block digits drawn in reverse video (SGR 7) below the prompt.
    static func reverseTimer(_ screen: String) -> Bool {
        screen.split(separator: "\n").dropFirst(15).contains { line in
            line.contains("7m") && (line.contains("▄") || line.contains("█") || line.contains("▀"))
        }
    }
}
