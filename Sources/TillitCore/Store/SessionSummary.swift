import Foundation

/// What a list of talks shows about one talk, read from its file without
/// decoding the answers, notes and actions.
public struct SessionSummary: Hashable, Sendable, Identifiable {
    public var id: String
    public var path: String
    public var kind: TalkKind
    public var title: String
    public var language: Language
    public var participants: [Participant]
    public var deckIDs: [String]
    public var cardCount: Int
    /// Cards answered, skipped or parked.
    public var handledCount: Int
    /// The card the talk is on (0-based).
    public var currentIndex: Int = 0
    public var createdAt: Date
    public var updatedAt: Date
    public var finishedAt: Date?
    /// Who the talk is "the same people" as; see `Session.continuityKey`.
    public var continuityKey: String

    public var isFinished: Bool { finishedAt != nil }
}

/// The talks in the sessions folder, newest first, and the files that could
/// not be read (each with its path and the reason, left untouched).
public struct SessionListing: Sendable {
    public var summaries: [SessionSummary]
    public var problems: [StoreProblem]

    public init(summaries: [SessionSummary] = [], problems: [StoreProblem] = []) {
        self.summaries = summaries
        self.problems = problems
    }
}

/// The part of a session file a listing needs. Decoding skips the prompts,
/// answers, actions and notes, which are most of the file.
struct SummaryRecord: Decodable {
    struct DeckID: Decodable { var id: String }
    struct CardStatusOnly: Decodable { var status: CardStatus }

    var schemaVersion: Int
    var id: String
    var kind: TalkKind
    var title: String
    var language: Language
    var participants: [Participant]
    var decks: [DeckID]
    var cards: [CardStatusOnly]
    var currentIndex: Int?
    var createdAt: Date
    var updatedAt: Date
    var finishedAt: Date?

    func summary(path: String) -> SessionSummary {
        SessionSummary(
            id: id, path: path, kind: kind, title: title, language: language, participants: participants,
            deckIDs: decks.map(\.id), cardCount: cards.count,
            handledCount: cards.filter { $0.status != .open }.count,
            currentIndex: max(0, min(currentIndex ?? 0, cards.count - 1)),
            createdAt: createdAt, updatedAt: updatedAt, finishedAt: finishedAt,
            continuityKey: Session.continuityKey(kind: kind, title: title, participants: participants))
    }
}
