import Foundation

/// What a list of talks shows about one talk, read from its file without
/// decoding the answers, notes and actions.
package struct SessionSummary: Hashable, Sendable, Identifiable {
    package var id: String
    package var path: String
    package var kind: TalkKind
    package var title: String
    package var language: Language
    package var participants: [Participant]
    package var deckIDs: [String]
    package var cardCount: Int
    /// Cards answered, skipped or parked.
    package var handledCount: Int
    /// The card the talk is on (0-based).
    package var currentIndex: Int = 0
    package var createdAt: Date
    package var updatedAt: Date
    package var finishedAt: Date?
    /// Who the talk is "the same people" as; see `Session.continuityKey`.
    package var continuityKey: String

    package var isFinished: Bool { finishedAt != nil }

    package init(id: String, path: String, kind: TalkKind, title: String, language: Language, participants: [Participant],
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
package struct SessionListing: Sendable {
    package var summaries: [SessionSummary]
    package var problems: [StoreProblem]

    package init(summaries: [SessionSummary] = [], problems: [StoreProblem] = []) {
        self.summaries = summaries
        self.problems = problems
    }
}
