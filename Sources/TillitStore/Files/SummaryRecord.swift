import Foundation
import TillitCore

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
