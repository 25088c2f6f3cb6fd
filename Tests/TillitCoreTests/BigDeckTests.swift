import Foundation
import Testing
@testable import TillitCore

/// A deck of 1,000 cards, as the scale benchmark (scripts/bench) generates it.
/// Writing it showed that a hundred warnings (rating cards without `low` and
/// `high` labels) were enough to refuse a deck: the line that stands for the
/// problems not shown was always an error.
@Suite("Big decks")
struct BigDeckTests {
    static func deck(cards: Int, lastCard: String? = nil) -> String {
        var lines = ["id: stor", "version: 1", "title: { nb: Stor kortstokk, en: Big deck }", "audience: [one-on-one]", "cards:"]
        for number in 1...cards {
            lines.append("  - id: k\(number)")
            lines.append("    prompt: { nb: \"Hva gir deg energi i uke \(number)?\", en: \"What gives you energy in week \(number)?\" }")
            if number % 5 == 0 { lines.append("    answer: { scale: { min: 1, max: 5 } }") }
        }
        if let lastCard { lines.append(lastCard) }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aThousandCardsWithManyWarningsStillLoad() throws {
        let result = DeckParser.parse(yaml: Self.deck(cards: 1_000), path: "stor.yaml")
        #expect(result.diagnostics.count == DeckParser.maximumDiagnostics + 1)
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(result.isValid)
        #expect(result.deck?.cards.count == 1_000)
    }

    @Test func anErrorAfterAHundredWarningsStillRefusesTheDeck() throws {
        let result = DeckParser.parse(yaml: Self.deck(cards: 1_000, lastCard: "  - id: k1\n    prompt: { nb: a, en: b }"),
                                      path: "stor.yaml")
        #expect(!result.isValid)
        #expect(result.deck == nil)
        #expect(result.diagnostics.last?.severity == .error)
        #expect(result.diagnostics.last?.message == "too many problems; the rest are not shown")
    }
}
