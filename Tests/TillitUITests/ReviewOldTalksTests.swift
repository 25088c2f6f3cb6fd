import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// The home screen says, only when it is true, how many talks are kept longer
/// than the retention, and offers to review them: the history with only those,
/// one deleted after its question or all after one question.
struct ReviewOldTalksTests {
    static func item(_ id: String, daysAgo: Double, now: Date) -> TalkListItem {
        TalkListItem(id: id, title: "Selvledelse", kind: .oneOnOne, participants: "Kari, \(id)",
                     createdAt: now - daysAgo * 86_400, handled: 1, cardCount: 14, finished: true)
    }

    static func home(months: Int?, size: Size = Size(width: 100, height: 30), _ language: Language = .nb) -> AppState {
        var state = Fixtures.state(language, size: size)
        state.config.retention = RetentionPolicy(months: months)
        state.sessions = SessionList(items: [item("Åse", daysAgo: 20, now: state.now), item("Bjørn", daysAgo: 800, now: state.now),
                                             item("Cecilie", daysAgo: 1000, now: state.now)])
        return state
    }

    @Test func theHomeScreenSaysHowManyAreOlderOnlyWhenSome() {
        #expect(view(Self.home(months: 24)).text.contains("Se over 2 samtaler som er oppbevart lenger enn 24 måneder   o"))
        #expect(view(Self.home(months: 24, .en)).text.contains("Review 2 talks kept longer than 24 months"))
        #expect(!view(Self.home(months: 48)).text.contains("Se over"), "no talk is older than four years")
        #expect(!view(Self.home(months: 0)).text.contains("Se over"), "talks kept until deleted")
        var none = Self.home(months: 48)
        #expect(update(&none, .key(.character("o"))).isEmpty && none.screen == .home, "o does nothing without old talks")
    }

    @Test func oListsOnlyTheOldTalksAndDOneQuestionDeletesThemAll() {
        var state = Self.home(months: 24)
        #expect(update(&state, .key(.character("o"))) == [.loadSessions])
        #expect(state.screen == .history)
        let screen = view(state).text
        #expect(screen.contains("Bjørn") && screen.contains("Cecilie") && !screen.contains("Kari, Åse"), "\(screen)")
        #expect(screen.contains("D slett alle"))
        #expect(update(&state, .key(.character("D"))).isEmpty)
        #expect(view(state).text.contains("Vil du slette disse 2 samtalene og referatene deres for godt?"))
        #expect(update(&state, .key(.character("j"))) == [.deleteTalk(id: "Bjørn"), .deleteTalk(id: "Cecilie"), .loadSessions])
    }

    @Test func anyOtherAnswerKeepsThemAndTheFullHistoryIsAsBefore() {
        var state = Self.home(months: 24)
        _ = update(&state, .key(.character("o")))
        _ = update(&state, .key(.character("D")))
        #expect(update(&state, .key(.character("n"))).isEmpty && !state.confirmDeleteAll)
        _ = update(&state, .key(.escape))
        _ = update(&state, .key(.character("h")))
        let screen = view(state).text
        #expect(screen.contains("Kari, Åse") && !screen.contains("D slett alle"), "the history shows every talk again")
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 200, height: 60)])
    func theRowFitsEveryScreen(size: Size) {
        let screen = view(Self.home(months: 24, size: size)).text
        #expect(screen.contains("Se over 2 samtaler"), "\(screen)")
    }
}
