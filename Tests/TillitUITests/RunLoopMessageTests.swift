import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// What the run loop tells `update` (it changes no state itself): the screens
/// started, a talk opened, a save worked or failed, the room at start, leaving.
struct RunLoopMessageTests {
    @Test func startedOnTheHomeScreenAsksForTheTalksAndMakesQGoBackThere() {
        var state = Fixtures.state()
        #expect(update(&state, .started(onHome: true)) == [.loadSessions])
        #expect(state.hasHome)

        var talk = Fixtures.talkState(Fixtures.oneOnOne())
        #expect(update(&talk, .started(onHome: false)).isEmpty)
        #expect(!talk.hasHome)
        #expect(Fixtures.press([.escape, .character("q")], &talk) == [.quit], "after tillit start, q leaves the program")
    }

    @Test func aTalkOpensToReadOnlyWhenTheMessageSaysSo() {
        var state = Fixtures.state(screen: .history)
        _ = update(&state, .talkOpened(Fixtures.oneOnOne(), path: "/tmp/x.json", readOnly: true))
        #expect(state.screen == .transcript && state.talk?.readOnly == true)

        // Whatever screen it comes from, a talk opened to continue is on the cards, writable.
        for screen in [Screen.history, .home, .setup] {
            var other = Fixtures.state(screen: screen)
            other.flash = "old"
            other.scroll = 5
            _ = update(&other, .talkOpened(Fixtures.oneOnOne(), path: "/tmp/x.json", readOnly: false))
            #expect(other.screen == .talk && other.talk?.readOnly == false, "from \(screen)")
            #expect(other.flash == nil && other.scroll == 0)
        }
    }

    @Test func aFailedSaveStaysKnownUntilASaveWorksAgain() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        _ = update(&state, .saveFailed("disken er full"))
        #expect(state.saveFailure == "disken er full")
        #expect(state.flash == state.text(.saveFailed, "disken er full"))
        Fixtures.press([.right], &state)
        #expect(state.flash == nil && state.saveFailure == "disken er full", "a key clears the line, not the failure")
        state.flash = "Kortet er hoppet over"
        _ = update(&state, .saved)
        #expect(state.saveFailure == nil && state.flash == nil)

        // A save that works when none failed leaves the line as it is.
        state.flash = "Kortet er hoppet over"
        _ = update(&state, .saved)
        #expect(state.flash == "Kortet er hoppet over")
    }

    @Test func theRoomAtStartOpensOnlyForATeam() {
        var team = Fixtures.talkState(Fixtures.team())
        #expect(update(&team, .openRoomAtStart) == [.openRoom])
        #expect(team.talk?.room != nil)
        #expect(team.flash == nil, "it says nothing until the room answers")

        var oneOnOne = Fixtures.talkState(Fixtures.oneOnOne())
        #expect(update(&oneOnOne, .openRoomAtStart).isEmpty)
        #expect(oneOnOne.talk?.room == nil)
    }

    @Test func leavingKeepsAnOpenActionFormsWordsAndTheLineToSay() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.escape, .character("a")], &state)
        Fixtures.type("Kari booker nytt møte", &state)
        let later = Fixtures.start.addingTimeInterval(600)
        _ = update(&state, .leaving(now: later))
        #expect(state.now == later)
        #expect(state.talk?.actionForm == nil)
        #expect(state.talk?.session.actions.first?.text == "Kari booker nytt møte")
        #expect(state.keptDraft == "Avtalen du skrev på, er lagret: Kari booker nytt møte")

        var nothing = Fixtures.talkState(Fixtures.oneOnOne())
        _ = update(&nothing, .leaving(now: later))
        #expect(nothing.keptDraft == nil)
    }
}
