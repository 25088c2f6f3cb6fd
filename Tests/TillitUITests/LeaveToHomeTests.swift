import Foundation
import Testing
import TillitCore
@testable import TillitUI

struct LeaveToHomeTests {
    static func fromHome(_ session: Session) -> AppState {
        var state = Fixtures.talkState(session, language: .en)
        state.hasHome = true
        return state
    }

    @Test func qInATalkOpenedFromHomeAsksToCloseItNotToQuit() {
        var state = Self.fromHome(Fixtures.oneOnOne(.en))
        Fixtures.type("saved first", &state)
        Fixtures.press([.escape], &state)
        #expect(Fixtures.press([.character("q")], &state) == [.closeTalk])
        // Nothing is let go before the run loop has saved it.
        #expect(state.talk?.card?.response(of: "p1")?.text == "saved first")
        #expect(update(&state, .talkClosed) == [.loadSessions])
        #expect(state.screen == .home && state.talk == nil)
        // On the home screen q leaves the program.
        #expect(Fixtures.press([.character("q")], &state) == [.quit])
    }

    @Test func qOnTheSummaryAndSinceLastTimeGoesHomeToo() {
        var state = Self.fromHome(Fixtures.oneOnOne(.en))
        Fixtures.press([.escape, .character("f")], &state)
        #expect(state.talk?.phase == .summary)
        #expect(Fixtures.press([.character("q")], &state) == [.closeTalk])
        state = Self.fromHome(Fixtures.oneOnOne(.en))
        state.talk?.phase = .sinceLastTime
        #expect(Fixtures.press([.character("q")], &state) == [.closeTalk])
    }

    @Test func ctrlCAlwaysLeavesAndStartedTalksStillQuitOnQ() {
        var state = Self.fromHome(Fixtures.oneOnOne(.en))
        #expect(Fixtures.press([.control("c")], &state) == [.quit])
        // `tillit start` / `tillit resume`: no home screen to go back to.
        var started = Fixtures.talkState(Fixtures.oneOnOne(.en), language: .en)
        #expect(Fixtures.press([.escape, .character("q")], &started) == [.quit])
    }

    @Test func helpSaysWhereQGoes() {
        var state = Self.fromHome(Fixtures.oneOnOne(.en))
        state.size = Size(width: 100, height: 40)
        Fixtures.press([.escape, .character("?")], &state)
        let screen = view(state).text
        #expect(screen.contains("back to the home screen"), "\(screen)")
        var started = Fixtures.talkState(Fixtures.oneOnOne(.en), language: .en, size: Size(width: 100, height: 40))
        Fixtures.press([.escape, .character("?")], &started)
        #expect(!view(started).text.contains("back to the home screen"))
    }
}
