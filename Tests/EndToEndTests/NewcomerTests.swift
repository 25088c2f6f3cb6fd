import Foundation
import Testing
import TillitCore

/// A newcomer's first ten minutes (issue 25), as a leader who has not read the
/// key bar would go: the real binary in tmux, checked in the JSON it wrote.
@Suite(.serialized) struct NewcomerTests {
    static let oneOnOne = ["start", "--deck", "selvledelse", "--participant", "Kari:leader", "--participant", "Ola:employee"]

    /// Typing on card 1 without pressing Enter first writes in the leader's
    /// field: no letter is a command (s skipped, a opened an action before).
    @Test func aSentenceTypedOnTheFirstCardLandsWholeInTheLeadersField() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.launch(Self.oneOnOne, environment: ["LANG": "nb_NO.UTF-8"])
        try tmux.waitFor("1 / 14")
        try tmux.type("Jeg synes at vi må snakke om turnus")
        try tmux.waitFor("snakke om turnus")
        // PgDn moves on while writing, and the next card is ready to write too.
        try tmux.press("PageDown", "PageDown", "PageDown")
        try tmux.waitFor("4 / 14")
        try tmux.type("3 ganger i uka, sier Åse")
        try tmux.press("Tab")
        try tmux.type("Stort sett greit")
        try tmux.waitFor("Stort sett greit")
        try tmux.press("Escape", "q")
        try tmux.waitForExit()

        let talk = try #require(try tmux.sessions().first)
        #expect(talk.cards[0].response(of: "p1")?.text == "Jeg synes at vi må snakke om turnus")
        #expect(talk.cards[0].response(of: "p2")?.text == nil)
        #expect(talk.cards.allSatisfy { $0.status != .skipped && $0.status != .parked })
        #expect(talk.actions.isEmpty)
        #expect(talk.currentIndex == 3)
        #expect(talk.cards[3].response(of: "p1")?.text == "3 ganger i uka, sier Åse")
        #expect(talk.cards[3].response(of: "p2")?.text == "Stort sett greit")
        #expect(talk.cards[3].responses.allSatisfy { $0.rating == nil })
    }

    /// After Esc letters are commands again; an upper-case letter, which is
    /// none, starts writing with it; a number on a card with a rating rates.
    @Test func afterEscapeLettersAreCommandsAndACapitalStartsWriting() throws {
        let tmux = try TmuxSession(width: 200, height: 60)
        try tmux.launch(Self.oneOnOne + ["--lang", "en"])
        try tmux.waitFor("1 / 14")
        try tmux.type("First thought")
        try tmux.press("Escape")
        try tmux.waitFor("? help")
        try tmux.type(" and more")
        try tmux.press("Escape")
        try tmux.type("Ola")
        try tmux.waitFor("Ola")
        try tmux.press("Escape")
        try tmux.type("s")
        try tmux.waitFor("2 / 14")
        try tmux.press("PageDown", "PageDown")
        try tmux.waitFor("4 / 14")
        try tmux.press("Escape")
        try tmux.type("4")
        try tmux.waitFor("[4]")
        try tmux.press("Tab", "3")
        try tmux.waitFor("[3]")
        try tmux.type("q")
        try tmux.waitForExit()

        let talk = try #require(try tmux.sessions().first)
        #expect(talk.cards[0].response(of: "p1")?.text == "First thought and moreOla")
        #expect(talk.cards[0].status == .skipped)
        #expect(talk.cards[1].status != .skipped)
        #expect(talk.cards[3].response(of: "p1")?.rating == 4)
        #expect(talk.cards[3].response(of: "p2")?.rating == 3)
        #expect(talk.cards[3].response(of: "p1")?.text.isEmpty == true, "the digits rated; none was typed")
        #expect(talk.actions.isEmpty)
    }
}

