import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// `u` (an answer kept out of the minutes) and `b` (minutes both confirm) on the screens.
struct KeptOutScreenTests {
    @Test func uMarksTheChosenPersonsAnswerOnItsBorderAndAgainTakesItBack() {
        var state = Fixtures.talkState(Fixtures.oneOnOne(.en), language: .en, size: Size(width: 200, height: 50))
        Fixtures.press([.escape, .tab], &state)
        #expect(state.talk?.focusedField == .text(participant: "p2"))
        Fixtures.press([.character("u")], &state)
        #expect(state.talk?.card?.response(of: "p2")?.keptOut == true)
        #expect(state.talk?.card?.response(of: "p1") == nil, "only the chosen person's answer")
        var text = view(state).text
        #expect(text.contains("Ola · employee · not in the minutes"), "\(text)")
        #expect(text.contains("Ola's answer on this card stays out of the minutes."))
        #expect(text.contains("u in minutes"), "the key bar offers to put it back")
        Fixtures.press([.character("u")], &state)
        #expect(state.talk?.card?.response(of: "p2")?.keptOut != true)
        text = view(state).text
        #expect(!text.contains("· not in the minutes") && text.contains("u not in minutes"))
    }

    @Test func aTeamHasNoSuchKey() {
        var state = Fixtures.talkState(Fixtures.team(.en, anonymous: false), language: .en, size: Size(width: 120, height: 40))
        Fixtures.press([.right, .character("u")], &state)
        #expect(state.talk?.session.cards.allSatisfy { $0.responses.allSatisfy { !$0.keptOut } } == true)
        #expect(!view(state).text.contains("not in minutes"))
    }
}

struct ConfirmMinutesScreenTests {
    static let fingerprint = String(repeating: "ab", count: 32)

    /// A finished 1:1 on its summary.
    static func finishedSummary() -> AppState {
        var state = Fixtures.talkState(Fixtures.oneOnOne(.en), language: .en, size: Size(width: 100, height: 30))
        Fixtures.press([.enter], &state)
        Fixtures.type("We talked about rotas.", &state)
        Fixtures.press([.escape, .character("f"), .character("f")], &state)
        return state
    }

    @Test func bShowsTheMinutesAndEachConfirmsInTurnUnderTheirOwnName() throws {
        var state = Self.finishedSummary()
        #expect(state.talk?.session.isFinished == true)
        let effects = Fixtures.press([.character("b")], &state)
        let minutes = MarkdownExporter.render(state.talk!.session, includePrivate: false, timeZone: Fixtures.utc)
        #expect(effects == [.fingerprintMinutes(minutes)], "the minutes are fingerprinted outside TillitUI")
        var text = view(state).text
        #expect(text.contains("The minutes as they will read") && text.contains("We talked about rotas."))
        #expect(text.contains("Kari (leader): Enter confirms the minutes under your name"))
        Fixtures.press([.enter], &state)
        #expect(state.talk?.session.confirmations == nil, "Enter waits for the fingerprint")
        _ = update(&state, .minutesFingerprinted(Self.fingerprint, text: minutes))
        Fixtures.press([.enter], &state)
        text = view(state).text
        #expect(text.contains("Ola (employee): Enter confirms") && text.contains("The minutes are confirmed by Kari."))
        Fixtures.press([.enter], &state)
        let session = try #require(state.talk?.session)
        #expect(session.minutesConfirmed(as: Self.fingerprint))
        #expect(session.minutesConfirmations.map(\.name) == ["Kari", "Ola"])
        #expect(state.talk?.minutesReview == nil, "back on the summary")
        #expect(view(state).text.contains("The minutes are confirmed."))
    }

    @Test func reopeningAConfirmedTalkSaysFirstThatTheConfirmationsGo() throws {
        var state = Self.finishedSummary()
        Fixtures.press([.character("b")], &state)
        let minutes = try #require(state.talk?.minutesReview?.text)
        _ = update(&state, .minutesFingerprinted(Self.fingerprint, text: minutes))
        Fixtures.press([.enter, .enter, .character("f")], &state)
        #expect(state.talk?.session.isFinished == true && state.talk?.session.minutesConfirmed == true)
        #expect(view(state).text.contains("Reopening the talk clears the confirmations; press f again"))
        Fixtures.press([.character("f")], &state)
        #expect(state.talk?.session.isFinished == false && state.talk?.session.confirmations == nil)
    }
}
