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

    public init(id: String, path: String, kind: TalkKind, title: String, language: Language, participants: [Participant],
                deckIDs: [String], cardCount: Int, handledCount: Int, currentIndex: Int = 0, createdAt: Date,
                updatedAt: Date, finishedAt: Date?, continuityKey: String) {
        self.id = id
        self.path = path
        self.kind = kind
        self.title = title
        self.language = language
        self.participants = participants
        self.deckIDs = deckIDs
        self.cardCount = cardCount
        self.handledCount = handledCount
        self.currentIndex = currentIndex
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.finishedAt = finishedAt
        self.continuityKey = continuityKey
    }
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
