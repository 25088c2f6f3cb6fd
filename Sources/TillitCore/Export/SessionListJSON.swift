import Foundation

/// `tillit sessions --format json`: the listing as a JSON array a script can read.
package enum SessionListJSON {
    struct Entry: Encodable {
        struct Person: Encodable { var name: String; var role: Role }
        var id: String
        var path: String
        var kind: TalkKind
        var title: String
        var language: Language
        var participants: [Person]
        var decks: [String]
        var cards: Int
        var handled: Int
        var finished: Bool
        var createdAt: Date
        var updatedAt: Date
        var finishedAt: Date?
    }

    /// Newest first, as given; pretty-printed with sorted keys and ISO-8601 dates, like a talk file.
    package static func render(_ summaries: [SessionSummary]) throws -> String {
        let entries = summaries.map {
            Entry(id: $0.id, path: $0.path, kind: $0.kind, title: $0.title, language: $0.language,
                  participants: $0.participants.map { Entry.Person(name: $0.name, role: $0.role) },
                  decks: $0.deckIDs, cards: $0.cardCount, handled: $0.handledCount, finished: $0.isFinished,
                  createdAt: $0.createdAt, updatedAt: $0.updatedAt, finishedAt: $0.finishedAt)
        }
        return JSONEscaping.escapingInvisibles(String(decoding: try SessionCoding.encoder().encode(entries), as: UTF8.self)) + "\n"
    }
}
