import Foundation
import TillitCore

/// What the trends screen needs besides the report: which card is chosen,
/// where Esc goes back to, and which talks were asked for.
package struct TrendsScreenState: Hashable, Sendable {
    package var selection = 0
    package var returnTo: Screen = .history
    package var deckID = ""
    package var team: String?
    package var participant: String?

    package init(selection: Int = 0, returnTo: Screen = .history, deckID: String = "", team: String? = nil, participant: String? = nil) {
        self.selection = selection
        self.returnTo = returnTo
        self.deckID = deckID
        self.team = team
        self.participant = participant
    }
}

/// The trends screen's state and the ways into it (`t` in a talk's summary and in the history).
enum TrendsScreen {
    /// Opens the trends of a talk's first deck, for the same team (by title) or,
    /// in a 1:1, the same employee.
    static func open(kind: TalkKind, title: String, participants: [Participant], deckIDs: [String],
                     _ state: inout AppState) -> [Effect] {
        guard let deckID = deckIDs.first else { return [] }
        let (team, participant) = scope(kind: kind, title: title, participants: participants)
        state.trends = nil
        state.trendsScreen = TrendsScreenState(returnTo: state.screen, deckID: deckID, team: team, participant: participant)
        state.screen = .trends
        return [.loadTrends(deckID: deckID, team: team, participant: participant)]
    }

    /// A team is its title; a 1:1 is about the employee (the one who is not the leader).
    static func scope(kind: TalkKind, title: String, participants: [Participant]) -> (team: String?, participant: String?) {
        switch kind {
        case .team:
            return (title, nil)
        case .oneOnOne:
            let person = participants.first { $0.role == .employee } ?? participants.first { $0.role != .leader }
            return (nil, person?.name)
        }
    }

    static func loaded(_ report: TrendsReport, _ state: inout AppState) {
        state.trends = report
        state.trendsScreen.selection = min(state.trendsScreen.selection, max(0, report.cards.count - 1))
    }

    /// Keys of the trends screen: `TrendsKeys`.
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] { TrendsKeys.table.handle(key, &state) ?? [] }
}
