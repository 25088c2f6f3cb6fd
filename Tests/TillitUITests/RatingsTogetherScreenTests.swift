import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// A 1:1's ratings shown together, on the screens: nothing drawn depends on a
/// rating the other person has not matched yet; then both show at once.
struct RatingsTogetherScreenTests {
    /// The 1:1 on its rating card (energi, 1–5), Kari's rating row chosen.
    static func onRatingCard(_ language: Language = .nb, size: Size = Size(width: 80, height: 24),
                             together: Bool = true) -> AppState {
        let setup = TalkSetup(kind: .oneOnOne, language: language,
                              participants: [Participant(id: "p1", name: "Kari Ødegård", role: .leader),
                                             Participant(id: "p2", name: "Øyvind", role: .employee)],
                              deckIDs: ["samtale"], ratingsTogether: together)
        let session = try! Session.start(setup, decks: Fixtures.decks, id: "2026-11-19-0900-abcd", now: Fixtures.start)
        var state = Fixtures.talkState(session, language: language, size: size)
        // A card that takes text opens ready to write: Esc makes keys commands, there and on the rating card.
        Fixtures.press([.escape, .right], &state)
        if state.talk?.editor != nil { Fixtures.press([.escape], &state) }
        return state
    }

    static func cells(_ grid: Grid) -> [Cell] { grid.cells }

    /// Beside the room's panel at 80x24 the card has a narrow column: the gap's words wrap there, whole.
    @Test func theGapIsSaidWholeBesideTheRoomsPanel() {
        var state = Self.onRatingCard()
        var room = VotingRoom(phase: .open(url: RoomPanelLayoutTests.url, code: "KX4T", picture: nil))
        room.personal = true
        room.links = ["p1", "p2"].map { PersonalRoomLink(person: $0, url: RoomPanelLayoutTests.url + $0, picture: nil) }
        state.talk?.room = room
        Fixtures.press([.character("4"), .tab, .character("2")], &state)
        let text = view(state).text
        #expect(text.contains("2 fra hverandre — verdt å") && text.contains("snakke om"), "\(text)")
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 200, height: 60)])
    func theScreenAfterAFourIsTheScreenAfterATwo(size: Size) {
        var four = Self.onRatingCard(size: size), two = Self.onRatingCard(size: size)
        Fixtures.press([.character("4")], &four)
        Fixtures.press([.character("2")], &two)
        #expect(four.talk?.card?.response(of: "p1")?.rating == 4 && two.talk?.card?.response(of: "p1")?.rating == 2)
        let grid = view(four)
        #expect(grid.cells == view(two).cells, "cell for cell, styles too")
        #expect(grid.text.contains("✓") && grid.text.contains("vises når begge har vurdert"))
        #expect(!grid.text.contains("[4]") && !grid.text.contains("[2]"))
        // The shared screen and the summary, the same.
        for keys in [[Key.character("p")], [.character("f")]] {
            var a = four, b = two
            Fixtures.press(keys, &a)
            Fixtures.press(keys, &b)
            #expect(view(a).cells == view(b).cells, "after \(keys)")
        }
    }

    @Test func theSameDigitAgainDoesNotTakeAHiddenRatingBack() {
        var state = Self.onRatingCard()
        Fixtures.press([.character("4"), .character("4")], &state)
        #expect(state.talk?.card?.response(of: "p1")?.rating == 4, "a second 4 could otherwise be used to probe the value")
        Fixtures.press([.backspace], &state)
        #expect(state.talk?.card?.response(of: "p1")?.rating == nil, "⌫ takes it back")
    }

    @Test func whenTheSecondRatesBothShowAtOnceWithTheGap() {
        var state = Self.onRatingCard()
        Fixtures.press([.character("4"), .down, .character("2")], &state)
        let text = view(state).text
        #expect(text.contains("[4]") && text.contains("[2]"))
        #expect(text.contains("2 fra hverandre — verdt å snakke om"))
        Fixtures.press([.character("p")], &state)
        #expect(view(state).text.contains("Kari Ødegård 4 · Øyvind 2 · 2 fra hverandre — verdt å snakke om"))
    }

    @Test func openRatingsShowAtOnce() {
        var state = Self.onRatingCard(.en, together: false)
        Fixtures.press([.character("4")], &state)
        #expect(view(state).text.contains("[4]"))
    }

    @Test func theSummaryMarksWhoHasRatedUntilBothHave() {
        var state = Self.onRatingCard(.en, size: Size(width: 120, height: 40))
        Fixtures.press([.character("4"), .character("f")], &state)
        let row = view(state).text.split(separator: "\n").first { $0.contains("2. How much energy") }.map(String.init) ?? ""
        // The leader's column comes first, as on the cards: a mark, then the employee's dash.
        #expect(row.split(separator: " ").suffix(2) == ["✓", "–"], "the leader's column marks a rating: \(row)")
        #expect(!row.contains("4"))
    }

    @Test func hiddenCardSnapshots() {
        for (language, size, name) in [(Language.nb, Size(width: 80, height: 24), "ratings-together-hidden-nb-80x24"),
                                       (.en, Size(width: 120, height: 40), "ratings-together-hidden-en-120x40")] {
            var state = Self.onRatingCard(language, size: size)
            Fixtures.press([.character("3")], &state)
            assertSnapshot(view(state), named: name)
        }
    }

    @Test func theFormHasARowThatTurnsItOff() {
        var state = Fixtures.state(.en)
        Fixtures.press([.character("n")], &state)
        #expect(state.setup.fields.contains(.ratingsTogether))
        state.setup.focus = .ratingsTogether
        let row = { (state: AppState) in view(state).text.split(separator: "\n").first { $0.contains("Ratings") } ?? "" }
        #expect(row(state).hasSuffix("[x] shown when both have rated"))
        Fixtures.press([.character(" ")], &state)
        #expect(!state.setup.ratingsTogether && row(state).hasSuffix("[ ] shown when both have rated"))
        #expect(!state.setup.talkSetup(language: .en).ratingsTogether)
        Fixtures.press([.character(" ")], &state)
        #expect(state.setup.talkSetup(language: .en).ratingsTogether)
        state.setup.focus = .kind
        Fixtures.press([.right], &state)
        #expect(!state.setup.fields.contains(.ratingsTogether), "a team has its own rule: anonymous votes")
    }
}
