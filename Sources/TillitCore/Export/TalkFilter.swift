import Foundation

/// Which talks a listing or a trend is about: a deck, a person, a team, or
/// only the talks still going on. Empty criteria match every talk.
package struct TalkFilter: Hashable, Sendable {
    package var deck: String?
    /// A person's name, or one or more whole words of it (`Ola` finds `Ola Hansen`, not `Nicola`).
    package var participant: String?
    /// A team talk's title, whole, in any case.
    package var team: String?
    package var unfinishedOnly: Bool

    package init(deck: String? = nil, participant: String? = nil, team: String? = nil, unfinishedOnly: Bool = false) {
        self.deck = deck
        self.participant = participant
        self.team = team
        self.unfinishedOnly = unfinishedOnly
    }

    package var isEmpty: Bool { deck == nil && participant == nil && team == nil && !unfinishedOnly }

    package func matches(_ summary: SessionSummary) -> Bool {
        matches(kind: summary.kind, title: summary.title, participants: summary.participants,
                deckIDs: summary.deckIDs, finished: summary.isFinished)
    }

    package func matches(_ session: Session) -> Bool {
        matches(kind: session.kind, title: session.title, participants: session.participants,
                deckIDs: session.decks.map(\.id), finished: session.isFinished)
    }

    func matches(kind: TalkKind, title: String, participants: [Participant], deckIDs: [String], finished: Bool) -> Bool {
        if unfinishedOnly, finished { return false }
        if let deck, !deckIDs.contains(where: { $0.lowercased() == deck.lowercased() }) { return false }
        if let team, kind != .team || Self.words(title) != Self.words(team) { return false }
        if let participant, !participants.contains(where: { Self.name($0.name, matches: participant) }) { return false }
        return true
    }

    /// True when `query` is the whole name or a run of whole words in it, ignoring case and extra spaces.
    package static func name(_ name: String, matches query: String) -> Bool {
        let wanted = words(query)
        let have = words(name)
        guard !wanted.isEmpty, wanted.count <= have.count else { return false }
        return (0...(have.count - wanted.count)).contains { Array(have[$0..<($0 + wanted.count)]) == wanted }
    }

    private static func words(_ text: String) -> [String] {
        SafeText.line(text).lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
