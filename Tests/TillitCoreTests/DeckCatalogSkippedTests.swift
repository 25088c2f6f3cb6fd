import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore

/// Which own decks were not loaded, for the decks screen and `tillit decks`.
struct DeckCatalogSkippedTests {
    @Test func brokenAndDuplicateDecksAreSkippedButOneWithOnlyWarningsIsNot() throws {
        let temp = try TempFolder()
        try temp.write("shipped/alpha.yaml", DeckFixture.deck(id: "alpha", title: "Alfa", cards: 3))
        let broken = try temp.write("own/a-broken.yaml", "id: broken\ntitle: { nb: Ødelagt, en: Broken\ncards: []\n")
        let warned = try temp.write("own/b-warned.yaml", DeckFixture.deck(id: "warned", title: "Varsel", cards: 2) + "colour: blue\n")
        try temp.write("own/c-first.yaml", DeckFixture.deck(id: "twin", title: "Tvilling", cards: 2))
        let twin = try temp.write("own/d-second.yaml", DeckFixture.deck(id: "twin", title: "Tvilling 2", cards: 2))
        let catalog = DeckCatalog.load(shippedFolder: try temp.makeFolder("shipped"), ownFolder: try temp.makeFolder("own"))
        #expect(catalog.problems.contains { $0.path == warned && $0.severity == .warning }, "\(catalog.problems)")
        #expect(catalog.deck(id: "warned") != nil)
        let skipped = catalog.skippedFiles
        #expect(skipped.map(\.path) == [broken, twin], "\(skipped)")
        #expect(skipped.first?.severity == .error && skipped.first?.message.contains("invalid YAML") == true)
        #expect(skipped.last?.message.contains("is also used by") == true)
    }
}
