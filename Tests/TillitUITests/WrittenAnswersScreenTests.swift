import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// Issue 27, item 4 on the screens: the room panel counts the phones' written
/// answers, `r` reveals them from three, and `x` hides one (after a question),
/// from the screen and from the talk.
struct WrittenAnswersScreenTests {
    static let answers = ["Hvorfor gjør vi det slik?", "Hvem bestemmer turnusen?", "Hva koster det?", "Kan vi si nei?"]

    /// The team talk on its text card, the room open, writing stopped (Esc).
    static func onTheTextCard(size: Size = Size(width: 160, height: 45)) -> AppState {
        var state = Fixtures.browsingTalkState(Fixtures.team(), size: size)
        Fixtures.press([.right], &state)
        Fixtures.press([.escape], &state)
        state.talk?.room = VotingRoom(phase: .open(url: RoomPanelLayoutTests.url, code: "KX4T", picture: nil))
        return state
    }

    static func revealed() -> AppState {
        var state = onTheTextCard()
        _ = update(&state, .roomAnswers(card: 1, count: 4))
        for text in answers { _ = update(&state, .roomAnswer(card: 1, text: text)) }
        return state
    }

    static func groupText(_ state: AppState) -> String {
        state.talk?.session.currentCard?.response(of: "p1")?.text ?? ""
    }

    @Test func theScreenShowsOnlyACountAndRefusesARevealBelowThree() {
        var state = Self.onTheTextCard()
        #expect(state.talk?.session.currentIndex == 1)
        #expect(state.talk?.editor == nil)
        _ = update(&state, .roomAnswers(card: 1, count: 2))
        #expect(view(state).text.contains("2 svar kommet inn"))
        let effects = Fixtures.press([.character("r")], &state)
        #expect(effects.isEmpty)
        #expect(state.flash?.contains("Svarene vises fra 3 svar") == true, "\(state.flash ?? "")")
        _ = update(&state, .roomAnswers(card: 1, count: 4))
        #expect(view(state).text.contains("4 svar kommet inn"))
        #expect(Fixtures.press([.character("r")], &state) == [.revealRoomAnswers])
    }

    @Test func revealedAnswersShowAndAreTheGroupsWords() {
        let state = Self.revealed()
        let screen = view(state).text
        for text in Self.answers { #expect(screen.contains(text), "\(screen)") }
        #expect(Self.groupText(state) == Self.answers.joined(separator: "\n"))
        #expect(state.flash?.contains("x skjuler ett") == true)
    }

    @Test func xHidesTheChosenAnswerAfterAQuestionAndItLeavesTheTalk() {
        var state = Self.revealed()
        Fixtures.press([.character("x"), .down, .enter], &state)
        #expect(state.talk?.mode == .hidingAnswer(chosen: 1, confirming: true))
        #expect(view(state).text.contains("Skjule svaret «Hvem bestemmer turnusen?»"))
        Fixtures.press([.character("j")], &state)
        #expect(state.talk?.mode == .browsing)
        #expect(!Self.groupText(state).contains("Hvem bestemmer"))
        #expect(!view(state).text.contains("Hvem bestemmer"))
        #expect(state.talk?.room?.answersShown[1]?.count == 3)
    }

    @Test func anyOtherKeyKeepsTheAnswer() {
        var state = Self.revealed()
        Fixtures.press([.character("x"), .enter, .character("n")], &state)
        #expect(state.talk?.mode == .browsing)
        #expect(Self.groupText(state).contains(Self.answers[0]))
        #expect(state.flash == "Svaret står.")
    }

    @Test func answersForAnotherCardThanTheOneOnScreenAreNotKept() {
        var state = Self.onTheTextCard()
        _ = update(&state, .roomAnswer(card: 0, text: "feil kort"))
        #expect(state.talk?.session.cards[0].responses.isEmpty == true)
        #expect(Self.groupText(state).isEmpty)
    }
}

/// The shared screen (`p`) reveals and hides the written answers as the card screen does.
struct WrittenAnswersSharedScreenTests {
    @Test func rOnTheSharedScreenRevealsTheAnswers() {
        var state = WrittenAnswersScreenTests.onTheTextCard()
        Fixtures.press([.character("p")], &state)
        #expect(state.talk?.presenting == true)
        _ = update(&state, .roomAnswers(card: 1, count: 3))
        #expect(view(state).text.contains("3 svar kommet inn"))
        #expect(Fixtures.press([.character("r")], &state) == [.revealRoomAnswers])
        for text in WrittenAnswersScreenTests.answers.prefix(3) { _ = update(&state, .roomAnswer(card: 1, text: text)) }
        Fixtures.press([.character("x"), .enter, .character("y")], &state)
        #expect(state.talk?.room?.answersShown[1]?.count == 2)
        #expect(!WrittenAnswersScreenTests.groupText(state).contains(WrittenAnswersScreenTests.answers[0]))
    }
}
