import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// A card that takes text opens ready to write (issue 25): what is typed
/// lands in the chosen field, and letters are commands only after Esc.
struct TypingWritesTests {
    static func card(_ state: AppState, _ index: Int) -> CardRecord { state.talk!.session.cards[index] }

    @Test func aSentenceTypedOnArrivalLandsInTheFirstPersonsField() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        #expect(state.talk?.editor != nil)
        #expect(state.talk?.focusedField == .text(participant: "p1"))
        Fixtures.type("Jeg synes at vi må snakke om turnus", &state)
        #expect(Self.card(state, 0).response(of: "p1")?.text == "Jeg synes at vi må snakke om turnus")
        #expect(state.talk?.session.currentIndex == 0)
        #expect(state.talk?.session.cards.allSatisfy { $0.status != .skipped && $0.status != .parked } == true)
        #expect(state.talk?.session.actions.isEmpty == true)
        #expect(state.talk?.actionForm == nil)
    }

    @Test func digitsAndCapitalsAreTextWhileWriting() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.pageDown], &state)
        // Card 2 takes a rating and text: writing starts in the leader's text, not the rating row.
        #expect(state.talk?.focusedField == .text(participant: "p1"))
        Fixtures.type("3 ganger i uka. Q og ?", &state)
        #expect(Self.card(state, 1).response(of: "p1")?.text == "3 ganger i uka. Q og ?")
        #expect(Self.card(state, 1).response(of: "p1")?.rating == nil)
        #expect(!state.helpVisible)
    }

    @Test func pageDownAndPageUpMoveWhileWritingAndTheNextCardIsReadyToo() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.type("først", &state)
        Fixtures.press([.pageDown], &state)
        #expect(state.talk?.session.currentIndex == 1)
        #expect(state.talk?.editor?.text == "")
        Fixtures.press([.pageUp], &state)
        #expect(state.talk?.session.currentIndex == 0)
        // Back on a card, the cursor stands after what is there, so more is added, not replaced.
        #expect(state.talk?.editor?.text == "først")
        Fixtures.type(" og sist", &state)
        #expect(Self.card(state, 0).response(of: "p1")?.text == "først og sist")
        // → and ← move the cursor, not the card.
        Fixtures.press([.left, .right], &state)
        #expect(state.talk?.session.currentIndex == 0)
    }

    @Test func tabMovesToTheNextFieldAndOnToTheRatingRow() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.pageDown, .tab], &state)
        Fixtures.type("Ola", &state)
        #expect(Self.card(state, 1).response(of: "p2")?.text == "Ola")
        // From the last text field Tab wraps to the first rating row, where digits rate.
        Fixtures.press([.tab], &state)
        #expect(state.talk?.editor == nil)
        #expect(state.talk?.focusedField == .rating(participant: "p1"))
        Fixtures.press([.character("4")], &state)
        #expect(Self.card(state, 1).response(of: "p1")?.rating == 4)
    }

    @Test func afterEscapeLettersAreCommandsAndOthersStartWriting() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.escape], &state)
        #expect(state.talk?.editor == nil)
        // An upper-case letter is no command: it starts writing with it.
        Fixtures.type("Dette", &state)
        #expect(state.talk?.editor != nil)
        #expect(Self.card(state, 0).response(of: "p1")?.text == "Dette")
        Fixtures.press([.escape, .character("s")], &state)
        #expect(Self.card(state, 0).status == .skipped)
        #expect(state.talk?.session.currentIndex == 1)
        #expect(state.talk?.editor != nil)
    }

    @Test func afterEscapeADigitRatesWhereTheCardHasARatingAndWritesWhereItHasNone() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.escape, .character("3")], &state)
        #expect(Self.card(state, 0).response(of: "p1")?.text == "3")
        Fixtures.press([.pageDown, .escape, .character("4")], &state)
        #expect(Self.card(state, 1).response(of: "p1")?.rating == 4)
        #expect(Self.card(state, 1).response(of: "p1")?.text.isEmpty == true)
    }

    @Test func aTeamWritesInTheGroupsFieldAndAScaleCardKeepsItsDigits() {
        var state = Fixtures.talkState(Fixtures.team())
        // The first team card takes a rating only: digits are votes, no field is written in.
        #expect(state.talk?.editor == nil)
        Fixtures.press([.character("4")], &state)
        #expect(Self.card(state, 0).ratingCount == 1)
        Fixtures.press([.right], &state)
        #expect(state.talk?.editor != nil)
        Fixtures.type("Vi sier fra", &state)
        #expect(Self.card(state, 1).response(of: "p1")?.text == "Vi sier fra")
    }

    @Test func leavingTheSharedScreenOrTheSummaryIsReadyToWriteAgain() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.escape, .character("p")], &state)
        #expect(state.talk?.presenting == true && state.talk?.editor == nil)
        Fixtures.press([.character(" ")], &state)
        #expect(state.talk?.editor == nil)
        Fixtures.press([.character("p")], &state)
        #expect(state.talk?.presenting == false && state.talk?.editor != nil)
        Fixtures.press([.escape, .character("f")], &state)
        #expect(state.talk?.phase == .summary && state.talk?.editor == nil)
        Fixtures.press([.left], &state)
        #expect(state.talk?.phase == .cards && state.talk?.editor != nil)
    }

    @Test func aFinishedTalkDoesNotStartWritingWhereNothingCouldBeSaved() {
        var session = Fixtures.oneOnOne()
        try! session.apply(.finish, now: Fixtures.start)
        var state = Fixtures.talkState(session)
        #expect(state.talk?.phase == .summary)
        state.talk?.phase = .cards
        Fixtures.press([.character("A")], &state)
        #expect(state.talk?.editor == nil)
        #expect(state.flash == state.text(.talkIsFinished))
    }

    /// While writing, every letter, digit and sign is text: no binding that is
    /// active then takes a character (Esc, Tab, PgDn, PgUp and Ctrl-C do the rest).
    @Test(arguments: KeyTableTests.modes.filter { $0.1.talk?.editor != nil }.map(\.0))
    func whileWritingNoCharacterIsACommand(mode: String) throws {
        let state = try #require(KeyTableTests.modes.first { $0.0 == mode }?.1)
        let talk = try #require(state.talk)
        let context = TalkContext(state: state)
        for binding in TalkKeys.table(talk).bindings where binding.when(context) {
            #expect(!binding.keys.contains { if case .character = $0 { return true } else { return false } }, "\(mode): \(binding.keys)")
        }
    }
}
