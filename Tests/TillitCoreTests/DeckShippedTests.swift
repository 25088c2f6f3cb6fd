import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore

/// The decks in `Cards/` are part of the product: they must lint clean and be complete.
@Suite("Shipped decks")
struct DeckShippedTests {
    static let expectedIDs = ["psykologisk-trygghet", "rydd-opp", "selvledelse", "tilgi-sma-feil"]

    static var files: [String] { DeckCatalog.deckFiles(in: RepositoryCards.path) }

    @Test func theFourDecksOfTheDesignAreShipped() {
        let names = Self.files.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
        #expect(names == Self.expectedIDs)
    }

    @Test(arguments: expectedIDs)
    func deckPassesLintWithNoWarningAndNoError(id: String) throws {
        let path = (RepositoryCards.path as NSString).appendingPathComponent("\(id).yaml")
        let result = DeckParser.parse(fileAt: path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description).joined(separator: "\n"))")
        let deck = try #require(result.deck)
        #expect(deck.id == id, "the file name and the deck id agree")
    }

    @Test(arguments: expectedIDs)
    func deckHasAtLeastTwelveCardsWithUniqueIds(id: String) throws {
        let deck = try Self.load(id)
        #expect(deck.cards.count >= 12)
        #expect(Set(deck.cards.map(\.id)).count == deck.cards.count)
    }

    @Test(arguments: expectedIDs)
    func everyTextHasNorwegianEnglishAndDanish(id: String) throws {
        let deck = try Self.load(id)
        var texts: [(String, LocalizedText)] = [("title", deck.title)]
        if let description = deck.description { texts.append(("description", description)) }
        for card in deck.cards {
            texts.append(("\(card.id).prompt", card.prompt))
            if let hint = card.hint { texts.append(("\(card.id).hint", hint)) }
            if let scale = card.answer.scale {
                texts.append(("\(card.id).low", scale.low))
                texts.append(("\(card.id).high", scale.high))
            }
        }
        for (place, text) in texts {
            for language in Language.allCases {
                let value = text.values[language] ?? ""
                #expect(!value.isEmpty, "\(id): \(place) has no \(language.rawValue) text")
                #expect(SafeText.clean(value) == value, "\(id): \(place).\(language.rawValue) has control characters")
            }
            let norwegian = LocalizationTests.norwegianWords(in: text.values[.da] ?? "")
            #expect(norwegian.isEmpty, "\(id): \(place).da has Norwegian words \(norwegian.sorted())")
            #expect(text.values[.nb] != text.values[.en] || place == "title",
                    "\(id): \(place) reads the same in nb and en; one is probably untranslated")
        }
    }

    @Test(arguments: expectedIDs)
    func deckHasADescriptionAndAnAudience(id: String) throws {
        let deck = try Self.load(id)
        #expect(deck.description != nil)
        #expect(!deck.audience.isEmpty)
    }

    @Test func psychologicalSafetyHasAtLeastFiveLabelledRatingCards() throws {
        let deck = try Self.load("psykologisk-trygghet")
        #expect(deck.audience.contains(.team))
        let scales = deck.cards.compactMap(\.answer.scale)
        #expect(scales.count >= 5)
        for scale in scales {
            #expect([5, 7].contains(scale.max - scale.min + 1), "a 1–5 or 1–7 scale, got \(scale.min)–\(scale.max)")
            for language in [Language.nb, .en] {
                #expect(!(scale.low.values[language] ?? "").isEmpty)
                #expect(!(scale.high.values[language] ?? "").isEmpty)
                #expect(scale.low.values[language] != scale.high.values[language])
            }
        }
    }

    @Test func selfLeadershipIsForOneOnOneTalks() throws {
        #expect(try Self.load("selvledelse").audience.contains(.oneOnOne))
    }

    @Test func catalogOfTheRepositoryLoadsAllFourWithoutProblems() {
        let catalog = DeckCatalog.load(shippedFolder: RepositoryCards.path, ownFolder: nil)
        #expect(catalog.problems.isEmpty)
        #expect(catalog.entries.map(\.deck.id).sorted() == Self.expectedIDs)
        #expect(catalog.entries.allSatisfy { !$0.origin.isOwn })
    }

    static func load(_ id: String) throws -> Deck {
        let path = (RepositoryCards.path as NSString).appendingPathComponent("\(id).yaml")
        return try #require(DeckParser.parse(fileAt: path).deck, "\(path) does not load")
    }
}
