import Foundation
import TillitCore

extension TrendsReport {
    /// Reads every talk in `store` and builds the report; `open`, the talk on
    /// screen, counts as it is in memory (it may be newer than its file). Files
    /// that cannot be read are left out and returned, and counted in the report.
    package static func load(from store: SessionStore, deckID: String, team: String? = nil, participant: String? = nil,
                            last: Int? = nil, replacing open: Session? = nil, decks: [Deck],
                            language: Language) -> (report: TrendsReport, problems: [StoreProblem]) {
        var (sessions, problems) = store.loadAll()
        if let open {
            sessions.removeAll { $0.id == open.id }
            sessions.append(open)
        }
        let deck = decks.first { $0.id.lowercased() == deckID.lowercased() }
        var report = TrendsReport(sessions: sessions, deckID: deck?.id ?? deckID, team: team, participant: participant,
                                  last: last, deck: deck, language: language)
        report.unreadableFiles = problems.count
        return (report, problems)
    }
}
