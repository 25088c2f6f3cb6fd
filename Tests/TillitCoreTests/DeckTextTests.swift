import Foundation
import Testing
@testable import TillitCore

/// `tillit show`: a deck as plain text.
@Suite("Deck as text")
struct DeckTextTests {
    private func fixture() throws -> Deck {
        try #require(DeckParser.parse(yaml: DeckFixture.valid, path: "test.yaml").deck)
    }

    @Test func englishRenderingShowsEveryCardInOrder() throws {
        let text = DeckText.render(try fixture(), language: .en)
        let lines = text.components(separatedBy: "\n")
        #expect(lines[0] == "Trial")
        #expect(lines[1] == "=====")
        #expect(lines.contains("A deck for tests."))
        #expect(lines.contains("Card 1 of 3 · first · written answer"))
        #expect(lines.contains("  What?"))
        #expect(lines.contains("    Hint: Think."))
        #expect(lines.contains("Card 2 of 3 · second · rating"))
        #expect(lines.contains("    Scale 1–5: 1 = little, 5 = much"))
        #expect(lines.contains("Card 3 of 3 · third · rating and comment"))
        let first = try #require(lines.firstIndex(of: "  What?"))
        let second = try #require(lines.firstIndex(of: "  How much?"))
        #expect(first < second)
    }

    @Test func norwegianRenderingUsesNorwegianTextsAndLabels() throws {
        let text = DeckText.render(try fixture(), language: .nb)
        #expect(text.hasPrefix("Prøve\n=====\n"), "underline as wide as the title in columns, not bytes")
        #expect(text.contains("Kort 2 av 3 · second · vurdering"))
        #expect(text.contains("Skala 1–5: 1 = lite, 5 = mye"))
        #expect(text.contains("Tips: Tenk deg om."))
        #expect(!text.contains("What?"))
    }

    @Test func danishFallsBackToNorwegianForMissingTexts() throws {
        let text = DeckText.render(try fixture(), language: .da)
        #expect(text.contains("Kort 1 af 3"), "UI words in Danish")
        #expect(text.contains("  Hva?"), "the deck has no da text, so nb is shown")
    }

    @Test(arguments: [20, 40, 78])
    func noLineIsWiderThanAsked(width: Int) throws {
        let deck = try DeckShippedTests.load("selvledelse")
        for language in Language.allCases {
            for line in DeckText.render(deck, language: language, width: width).components(separatedBy: "\n") {
                // The card header and the title underline are not wrapped; every text is.
                if line.hasPrefix("=") || line.contains(" · ") { continue }
                #expect(DisplayWidth.of(line) <= width, "\(language): '\(line)'")
            }
        }
    }

    @Test func controlSequencesInDeckTextsNeverReachTheOutput() throws {
        let yaml = """
            id: evil
            title: { nb: "Ond\\u001B]52;c;ZXZpbA==\\u0007", en: "Evil\\u001B[2J" }
            cards:
              - id: one
                prompt: { nb: "Hva?\\u009B31m", en: "What?\\u202E\\u001B[31m" }
                hint: { nb: "a\\u0007", en: "b\\u0008" }
            """
        let deck = try #require(DeckParser.parse(yaml: yaml, path: "evil.yaml").deck)
        for language in Language.allCases {
            let text = DeckText.render(deck, language: language)
            #expect(!text.unicodeScalars.contains { SafeText.isUnsafe($0) }, "\(language): \(text.debugDescription)")
        }
    }
}
