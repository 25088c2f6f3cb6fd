import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore

// Every bad input of issue 2 gets a loader test here: the file is written to a
// temp folder and read through `DeckParser.parse(fileAt:)`, the path `tillit
// lint` and the deck catalog take.

@Suite("Deck parser: good decks")
struct DeckParserGoodTests {
    @Test func minimalDeckLoadsWithEveryField() throws {
        let folder = try TempFolder()
        let result = DeckParser.parse(fileAt: try folder.write("ok.yaml", DeckFixture.valid))
        #expect(result.diagnostics.isEmpty)
        #expect(result.isValid)
        let deck = try #require(result.deck)
        #expect(deck.id == "test")
        #expect(deck.version == 2)
        #expect(deck.title.resolve(.nb) == "Prøve")
        #expect(deck.title.resolve(.en) == "Trial")
        #expect(deck.description?.resolve(.en) == "A deck for tests.")
        #expect(deck.audience == [.team])
        #expect(deck.cards.map(\.id) == ["first", "second", "third"])
        #expect(deck.cards[0].answer == .text)
        #expect(deck.cards[0].hint?.resolve(.nb) == "Tenk deg om.")
        let scale = try #require(deck.cards[1].answer.scale)
        #expect(scale.values == 1...5)
        #expect(scale.low.resolve(.en) == "little")
        #expect(scale.high.resolve(.nb) == "mye")
        #expect(deck.cards[1].answer.takesText == false)
        #expect(deck.cards[2].answer.takesText)
        #expect(deck.cards[2].answer.scale?.values == 1...10)
        #expect(deck.ratingCardCount == 2)
    }

    @Test func answerDefaultsToTextAndAudienceToBoth() throws {
        let yaml = """
            id: plain
            title: { nb: Enkel, en: Plain }
            cards:
              - id: one
                prompt: { nb: "Hva nå?", en: "What now?" }
            """
        let result = DeckParser.parse(yaml: yaml, path: "plain.yaml")
        let deck = try #require(result.deck)
        #expect(result.diagnostics.isEmpty)
        #expect(deck.version == 1)
        #expect(deck.audience == [.oneOnOne, .team])
        #expect(deck.cards[0].answer == .text)
    }

    /// `about: self` (issue 25, item 4): a rating each gives of themselves; anything else is an error,
    /// and on a card without a scale lint warns that it says nothing.
    @Test func aboutSelfIsReadAndLintKnowsIt() throws {
        let yaml = """
            id: own
            title: { nb: Egen, en: Own }
            cards:
              - id: energy
                prompt: { nb: "Energi?", en: "Energy?" }
                about: self
                answer: { scale: { min: 1, max: 5, low: { nb: l, en: l }, high: { nb: h, en: h } } }
              - id: plain
                prompt: { nb: "Hva nå?", en: "What now?" }
                answer: { scale: { min: 1, max: 5, low: { nb: l, en: l }, high: { nb: h, en: h } } }
            """
        let result = DeckParser.parse(yaml: yaml, path: "own.yaml")
        let deck = try #require(result.deck)
        #expect(result.diagnostics.isEmpty)
        #expect(deck.cards.map(\.aboutSelf) == [true, false])
        #expect(CardRecord(deck: "own", card: deck.cards[0], language: .nb).aboutSelf == true)
        #expect(CardRecord(deck: "own", card: deck.cards[1], language: .nb).aboutSelf == nil)

        let wrong = DeckParser.parse(yaml: yaml.replacingOccurrences(of: "about: self", with: "about: selv"), path: "own.yaml")
        #expect(wrong.diagnostics.contains { $0.severity == .error })
        let textOnly = "id: t\ntitle: { nb: T, en: T }\ncards:\n  - id: a\n    prompt: { nb: a, en: a }\n    about: self\n"
        let warned = DeckParser.parse(yaml: textOnly, path: "t.yaml")
        #expect(warned.deck != nil && warned.diagnostics.map(\.severity) == [.warning])
    }

    @Test func textsAreTrimmedAndDanishIsKept() throws {
        let yaml = """
            id: trim
            title: { nb: "  Tittel  ", en: "Title\\n", da: " Titel " }
            cards:
              - id: one
                prompt: { nb: "Hva?", en: "What?", da: "Hvad?" }
            """
        let deck = try #require(DeckParser.parse(yaml: yaml, path: "trim.yaml").deck)
        #expect(deck.title.values == [.nb: "Tittel", .en: "Title", .da: "Titel"])
        #expect(deck.cards[0].prompt.resolve(.da) == "Hvad?")
    }
}

@Suite("Deck parser: files that cannot be read")
struct DeckParserUnreadableTests {
    @Test func missingFileIsAnErrorWithItsPath() throws {
        let folder = try TempFolder()
        let path = folder.path("nowhere.yaml")
        let result = DeckParser.parse(fileAt: path)
        #expect(result.deck == nil)
        #expect(!result.isValid)
        let only = try #require(result.diagnostics.only)
        #expect(only.description == "\(path):1:1: error: no such file")
    }

    @Test func folderIsAnError() throws {
        let folder = try TempFolder()
        let sub = try folder.makeFolder("deck.yaml")
        let result = DeckParser.parse(fileAt: sub)
        let only = try #require(result.diagnostics.only)
        #expect(only.severity == .error)
        #expect(only.path == sub)
        #expect(only.message.contains("folder"))
        #expect(result.deck == nil)
    }

    @Test func emptyFileIsAnError() throws {
        let folder = try TempFolder()
        let result = DeckParser.parse(fileAt: try folder.write("empty.yaml", ""))
        #expect(result.diagnostics.only?.message.contains("empty") == true)
        #expect(!result.isValid)
    }

    /// Random bytes with invalid UTF-8 sequences and NUL bytes, from fixed seeds.
    @Test(arguments: [1, 2, 3, 42, 2024] as [UInt64])
    func binaryGarbageIsRefusedAsNotText(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        var bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[100] = 0xFF  // never valid in UTF-8
        bytes[200] = 0x00
        let folder = try TempFolder()
        let path = try folder.write("garbage.yaml", Data(bytes))
        let result = DeckParser.parse(fileAt: path)
        let only = try #require(result.diagnostics.only)
        #expect(only.description == "\(path):1:1: error: is not UTF-8 text; save the deck as UTF-8")
        #expect(result.deck == nil)
    }

    @Test func validUTF8WithNULBytesIsRefusedAsBinary() throws {
        let folder = try TempFolder()
        var data = Data(DeckFixture.valid.utf8)
        data.insert(contentsOf: [0, 0, 0, 0], at: 20)
        let result = DeckParser.parse(fileAt: try folder.write("nul.yaml", data))
        let only = try #require(result.diagnostics.only)
        #expect(only.severity == .error)
        #expect(only.message.contains("NUL"))
        #expect(result.deck == nil)
    }

    // root reads every file whatever its mode, so this runs only for other users.
    @Test(.enabled(if: getuid() != 0, "root can read a file of mode 000"))
    func unreadableFileSaysSo() throws {
        let folder = try TempFolder()
        let path = try folder.write("secret.yaml", DeckFixture.valid)
        chmod(path, 0)
        let result = DeckParser.parse(fileAt: path)
        #expect(result.diagnostics.only?.message.contains("permissions") == true)
    }
}

@Suite("Deck parser: broken decks")
struct DeckParserBrokenTests {
    @Test(arguments: BrokenDeck.all)
    func brokenDeckIsReportedAtItsPlace(_ broken: BrokenDeck) throws {
        let folder = try TempFolder()
        let path = try folder.write("\(broken.name).yaml", broken.yaml)
        let result = DeckParser.parse(fileAt: path)
        #expect(result.deck == nil, "a deck with errors is not loaded")
        #expect(!result.isValid)
        let expected = "\(path):\(broken.line):\(broken.column): error: "
        let match = result.diagnostics.first { $0.description.hasPrefix(expected) && $0.message.contains(broken.says) }
        #expect(match != nil, "expected \(expected)…\(broken.says)… among \(result.diagnostics.map(\.description))")
    }

    @Test func duplicateCardIdPointsAtTheSecondAndNamesTheFirst() throws {
        let yaml = """
            id: dup
            title: { nb: Dobbel, en: Double }
            cards:
              - id: same
                prompt: { nb: "En?", en: "One?" }
              - id: other
                prompt: { nb: "To?", en: "Two?" }
              - id: same
                prompt: { nb: "Tre?", en: "Three?" }
            """
        let result = DeckParser.parse(yaml: yaml, path: "dup.yaml")
        let only = try #require(result.diagnostics.only)
        #expect(only.description.hasPrefix("dup.yaml:8:9: error: duplicate card id 'same'"))
        #expect(only.message.contains("first used at line 4"))
        #expect(result.deck == nil)
    }

    @Test(arguments: [("scael", "scale"), ("txt", "text"), ("text+scael", "text+scale")])
    func unknownAnswerKindSuggestsTheClosest(written: String, suggested: String) throws {
        let yaml = DeckFixture.oneCard(answer: written)
        let result = DeckParser.parse(yaml: yaml, path: "kind.yaml")
        let only = try #require(result.diagnostics.only)
        #expect(only.line == 6 && only.column == 13)
        #expect(only.message.contains("unknown answer kind '\(written)'"))
        #expect(only.message.contains("did you mean '\(suggested)'?"))
    }

    @Test func unknownAnswerKindInMappingFormPointsAtTheKey() throws {
        let yaml = DeckFixture.oneCard(answer: "{ sclae: { min: 1, max: 5 } }")
        let only = try #require(DeckParser.parse(yaml: yaml, path: "k.yaml").diagnostics.only)
        #expect(only.line == 6 && only.column == 15)
        #expect(only.message.contains("did you mean 'scale'?"))
    }

    @Test func unrelatedAnswerKindGetsNoWildGuess() throws {
        let yaml = DeckFixture.oneCard(answer: "paragraph")
        let only = try #require(DeckParser.parse(yaml: yaml, path: "k.yaml").diagnostics.only)
        #expect(only.message.contains("unknown answer kind 'paragraph'"))
        #expect(!only.message.contains("did you mean"))
    }

    @Test(arguments: [(5, 5), (5, 1), (3, 2)])
    func scaleWithMinNotBelowMaxIsAnError(min: Int, max: Int) throws {
        let yaml = DeckFixture.oneCard(answer: "{ scale: { min: \(min), max: \(max), low: { nb: a, en: a }, high: { nb: b, en: b } } }")
        let result = DeckParser.parse(yaml: yaml, path: "s.yaml")
        let only = try #require(result.diagnostics.only)
        #expect(only.description.hasPrefix("s.yaml:6:29: error: "), "points at min")
        #expect(only.message.contains("min (\(min)) must be less than its max (\(max))"))
        #expect(result.deck == nil)
    }

    @Test(arguments: [(1, 100), (0, 10), (-1, 5)])
    func scaleWithMoreThanTenValuesOrOutsideZeroToTenIsAnError(min: Int, max: Int) throws {
        let yaml = DeckFixture.oneCard(answer: "{ scale: { min: \(min), max: \(max), low: { nb: a, en: a }, high: { nb: b, en: b } } }")
        let only = try #require(DeckParser.parse(yaml: yaml, path: "s.yaml").diagnostics.only)
        #expect(only.severity == .error)
        #expect(only.message.contains("at most ten values between 0 and 10"))
    }

    @Test(arguments: [(0, 9), (1, 10), (1, 5)])
    func scaleOfUpToTenValuesIsFine(min: Int, max: Int) throws {
        let yaml = DeckFixture.oneCard(answer: "{ scale: { min: \(min), max: \(max), low: { nb: a, en: a }, high: { nb: b, en: b } } }")
        #expect(DeckParser.parse(yaml: yaml, path: "s.yaml").diagnostics.isEmpty)
    }

    @Test func everyValueOfAScaleHasItsOwnKey() {
        for range in [0...9, 1...10, 1...5, 1...7, 3...8] {
            let typed = (0...9).map { RatingKeys.value(forDigit: $0, on: range) }.filter(range.contains)
            #expect(Set(typed) == Set(range), "\(range)")
        }
        #expect(RatingKeys.label(for: 1...10) == "1–9, 0 = 10")
        #expect(RatingKeys.label(for: 1...5) == "1–5")
        #expect(RatingKeys.label(for: 0...9) == "0–9")
    }

    @Test func scaleWithoutLabelsIsAWarningOnly() throws {
        let yaml = DeckFixture.oneCard(answer: "{ scale: { min: 1, max: 5 } }")
        let result = DeckParser.parse(yaml: yaml, path: "s.yaml")
        #expect(result.isValid)
        #expect(result.diagnostics.count == 2)
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning && $0.message.contains("label") })
    }

    @Test func everyProblemOfADeckIsReportedNotJustTheFirst() throws {
        let yaml = """
            id: Many Problems
            title: { nb: Tittel }
            cards:
              - id: a
                prompt: { en: "Only English" }
              - id: b
                prompt: { nb: "Hva?", en: "What?" }
                answer: essay
            """
        let result = DeckParser.parse(yaml: yaml, path: "many.yaml")
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.line) == [1, 2, 5, 8])
    }
}

@Suite("Deck parser: unknown keys")
struct DeckParserUnknownKeyTests {
    @Test(arguments: [
        ("promt", "prompt", "a card"),
        ("hnt", "hint", "a card"),
        ("answr", "answer", "a card"),
    ])
    func unknownCardKeyIsAWarningWithTheClosestKey(written: String, suggested: String, place: String) throws {
        let yaml = """
            id: keys
            title: { nb: Nøkler, en: Keys }
            cards:
              - id: one
                prompt: { nb: "Hva?", en: "What?" }
                \(written): text
            """
        let result = DeckParser.parse(yaml: yaml, path: "keys.yaml")
        let only = try #require(result.diagnostics.only)
        #expect(only.description == "keys.yaml:6:5: warning: unknown key '\(written)' in \(place) (did you mean '\(suggested)'?); it is ignored")
        #expect(result.isValid, "an unknown key alone does not make the deck invalid")
    }

    @Test func misspeltPromptIsAWarningAndTheMissingPromptAnError() throws {
        let yaml = """
            id: keys
            title: { nb: Nøkler, en: Keys }
            cards:
              - id: one
                promt: { nb: "Hva?", en: "What?" }
            """
        let result = DeckParser.parse(yaml: yaml, path: "keys.yaml")
        let descriptions = result.diagnostics.map(\.description)
        #expect(descriptions.contains("keys.yaml:5:5: warning: unknown key 'promt' in a card (did you mean 'prompt'?); it is ignored"))
        #expect(descriptions.contains("keys.yaml:4:5: error: missing 'prompt'"))
        #expect(!result.isValid)
    }

    @Test(arguments: [("titel", "title"), ("descripton", "description"), ("card", "cards"), ("audiense", "audience")])
    func unknownTopLevelKeySuggestsTheClosest(written: String, suggested: String) throws {
        let yaml = DeckFixture.valid + "\n\(written): x\n"
        let result = DeckParser.parse(yaml: yaml, path: "top.yaml")
        let warning = try #require(result.diagnostics.first { $0.severity == .warning })
        #expect(warning.message.contains("unknown key '\(written)' in the deck (did you mean '\(suggested)'?)"))
        #expect(warning.column == 1)
    }

    @Test func unknownLanguageIsAWarningAndNoSuggestionWhenNothingIsClose() throws {
        let yaml = """
            id: keys
            title: { nb: Nøkler, en: Keys, sv: Nycklar }
            cards:
              - id: one
                prompt: { nb: "Hva?", en: "What?" }
                colour: blue
            """
        let result = DeckParser.parse(yaml: yaml, path: "keys.yaml")
        #expect(result.isValid)
        let messages = result.diagnostics.map(\.message)
        #expect(messages.count == 2)
        #expect(messages.contains { $0.hasPrefix("unknown key 'sv' in 'title'") })
        #expect(messages.contains("unknown key 'colour' in a card; it is ignored"))
    }

    @Test(arguments: [("promt", "prompt"), ("scael", "scale"), ("titel", "title"), ("x", nil), ("colour", nil), ("Prompt", "prompt"), ("audience", "audience")] as [(String, String?)])
    func suggestionPicksTheNearestKnownWord(word: String, expected: String?) {
        let candidates = DeckParser.topLevelKeys + DeckParser.cardKeys + DeckParser.answerKinds
        let suggestion = DeckParser.suggestion(for: word, among: candidates).text(Localizer(.en))
        if let expected {
            #expect(suggestion == " (did you mean '\(expected)'?)")
        } else {
            #expect(suggestion == "")
        }
    }

    @Test(arguments: [("", "abc", 3), ("kitten", "sitting", 3), ("same", "same", 0), ("promt", "prompt", 1), ("scael", "scale", 1), ("ab", "ba", 1)])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(TextDistance.edits(a, b) == distance)
        #expect(TextDistance.edits(b, a) == distance)
    }
}

// MARK: - Broken decks, one per bad input

/// A deck file with one mistake, and where and what the error must say.
struct BrokenDeck: Sendable, CustomTestStringConvertible {
    var name: String
    var yaml: String
    var line: Int
    var column: Int
    var says: String

    var testDescription: String { name }

    static let all: [BrokenDeck] = [
        BrokenDeck(name: "invalid-yaml-unclosed-flow", yaml: """
            id: bad
            title: { nb: Tittel, en: Title
            cards: []
            """, line: 3, column: 6, says: "invalid YAML"),
        BrokenDeck(name: "invalid-yaml-bad-indent", yaml: """
            id: bad
            title:
              nb: Tittel
             en: Title
            """, line: 4, column: 2, says: "invalid YAML"),
        BrokenDeck(name: "invalid-yaml-tab-indent", yaml: "id: bad\ncards:\n\t- id: x\n", line: 3, column: 1, says: "invalid YAML"),
        BrokenDeck(name: "not-a-mapping", yaml: "- just\n- a list\n", line: 1, column: 1, says: "the deck must be a mapping"),
        BrokenDeck(name: "missing-deck-id", yaml: """
            title: { nb: Tittel, en: Title }
            cards:
              - id: one
                prompt: { nb: "Hva?", en: "What?" }
            """, line: 1, column: 1, says: "missing 'id' in the deck"),
        BrokenDeck(name: "bad-deck-id", yaml: """
            id: Mitt Kort
            title: { nb: Tittel, en: Title }
            cards:
              - id: one
                prompt: { nb: "Hva?", en: "What?" }
            """, line: 1, column: 5, says: "may use only a–z"),
        BrokenDeck(name: "missing-card-id", yaml: """
            id: deck
            title: { nb: Tittel, en: Title }
            cards:
              - prompt: { nb: "Hva?", en: "What?" }
            """, line: 4, column: 5, says: "missing 'id' in a card"),
        BrokenDeck(name: "missing-title", yaml: """
            id: deck
            cards:
              - id: one
                prompt: { nb: "Hva?", en: "What?" }
            """, line: 1, column: 1, says: "missing 'title'"),
        BrokenDeck(name: "title-as-plain-string", yaml: """
            id: deck
            title: Tittel
            cards:
              - id: one
                prompt: { nb: "Hva?", en: "What?" }
            """, line: 2, column: 8, says: "'title' must give each language"),
        BrokenDeck(name: "missing-prompt", yaml: """
            id: deck
            title: { nb: Tittel, en: Title }
            cards:
              - id: one
                hint: { nb: "Hint", en: "Hint" }
            """, line: 4, column: 5, says: "missing 'prompt'"),
        BrokenDeck(name: "missing-nb-text", yaml: """
            id: deck
            title: { nb: Tittel, en: Title }
            cards:
              - id: one
                prompt: { en: "What?", da: "Hvad?" }
            """, line: 5, column: 13, says: "'prompt' has no 'nb' text"),
        BrokenDeck(name: "missing-en-text", yaml: """
            id: deck
            title: { nb: Tittel }
            cards:
              - id: one
                prompt: { nb: "Hva?", en: "What?" }
            """, line: 2, column: 8, says: "'title' has no 'en' text"),
        BrokenDeck(name: "missing-en-in-scale-label", yaml: """
            id: deck
            title: { nb: Tittel, en: Title }
            cards:
              - id: one
                prompt: { nb: "Hva?", en: "What?" }
                answer:
                  scale:
                    min: 1
                    max: 5
                    low: { nb: lite }
                    high: { nb: mye, en: much }
            """, line: 10, column: 14, says: "'low' has no 'en' text"),
        BrokenDeck(name: "empty-en-text", yaml: """
            id: deck
            title: { nb: Tittel, en: "  " }
            cards:
              - id: one
                prompt: { nb: "Hva?", en: "What?" }
            """, line: 2, column: 26, says: "'title.en' is empty"),
        BrokenDeck(name: "missing-cards", yaml: """
            id: deck
            title: { nb: Tittel, en: Title }
            """, line: 1, column: 1, says: "missing 'cards'"),
        BrokenDeck(name: "no-cards", yaml: """
            id: deck
            title: { nb: Tittel, en: Title }
            cards: []
            """, line: 3, column: 8, says: "the deck has no cards"),
        BrokenDeck(name: "unknown-answer-kind", yaml: DeckFixture.oneCard(answer: "scael"),
                   line: 6, column: 13, says: "unknown answer kind 'scael' (did you mean 'scale'?)"),
        BrokenDeck(name: "scale-without-numbers", yaml: DeckFixture.oneCard(answer: "scale"),
                   line: 6, column: 13, says: "needs its scale"),
        BrokenDeck(name: "scale-min-equals-max", yaml: DeckFixture.oneCard(answer: "{ scale: { min: 3, max: 3 } }"),
                   line: 6, column: 29, says: "must be less than its max"),
        BrokenDeck(name: "scale-min-above-max", yaml: DeckFixture.oneCard(answer: "{ text+scale: { min: 7, max: 1 } }"),
                   line: 6, column: 34, says: "min (7) must be less than its max (1)"),
        BrokenDeck(name: "scale-not-a-number", yaml: DeckFixture.oneCard(answer: "{ scale: { min: one, max: 5 } }"),
                   line: 6, column: 29, says: "min must be a whole number"),
        BrokenDeck(name: "scale-missing-max", yaml: DeckFixture.oneCard(answer: "{ scale: { min: 1 } }"),
                   line: 6, column: 22, says: "needs both min and max"),
        BrokenDeck(name: "unknown-audience", yaml: """
            id: deck
            title: { nb: Tittel, en: Title }
            audience: [teams]
            cards:
              - id: one
                prompt: { nb: "Hva?", en: "What?" }
            """, line: 3, column: 12, says: "unknown audience 'teams' (did you mean 'team'?)"),
        BrokenDeck(name: "key-given-twice", yaml: """
            id: deck
            title: { nb: Tittel, en: Title }
            cards:
              - id: one
                prompt: { nb: "Hva?", en: "What?" }
                prompt: { nb: "Hva nå?", en: "What now?" }
            """, line: 5, column: 5, says: "'prompt' given more than once"),
        BrokenDeck(name: "single-anchor", yaml: """
            id: deck
            title: &t { nb: Tittel, en: Title }
            description: *t
            cards:
              - id: one
                prompt: { nb: "Hva?", en: "What?" }
            """, line: 2, column: 8, says: "anchors and aliases"),
    ]
}

// MARK: - Fixtures shared by the Deck tests

enum DeckFixture {
    /// A deck with every field used once; loads with no diagnostics.
    static let valid = """
        id: test
        version: 2
        title: { nb: Prøve, en: Trial }
        description: { nb: "En kortstokk for tester.", en: "A deck for tests." }
        audience: [team]
        cards:
          - id: first
            prompt: { nb: "Hva?", en: "What?" }
            hint: { nb: "Tenk deg om.", en: "Think." }
            answer: text
          - id: second
            prompt: { nb: "Hvor mye?", en: "How much?" }
            answer: { scale: { min: 1, max: 5, low: { nb: lite, en: little }, high: { nb: mye, en: much } } }
          - id: third
            prompt: { nb: "Hvor mye, og hvorfor?", en: "How much, and why?" }
            answer:
              text+scale: { min: 1, max: 10, low: { nb: ingen, en: none }, high: { nb: alt, en: all } }
        """

    /// A valid deck of one card whose `answer:` is `answer`, written on line 6 from column 13.
    static func oneCard(answer: String) -> String {
        """
        id: deck
        title: { nb: Tittel, en: Title }
        cards:
          - id: one
            prompt: { nb: "Hva?", en: "What?" }
            answer: \(answer)
        """
    }

    /// A valid deck with `id` and `title` as given and `cards` simple cards.
    static func deck(id: String, title: String, cards: Int = 1) -> String {
        var yaml = "id: \(id)\ntitle: { nb: \"\(title)\", en: \"\(title)\" }\ncards:\n"
        for index in 1...cards {
            yaml += "  - id: card-\(index)\n    prompt: { nb: \"Spørsmål \(index)?\", en: \"Question \(index)?\" }\n"
        }
        return yaml
    }
}

/// A fresh folder under the system's temp folder, removed when the value goes away.
final class TempFolder {
    let root: String

    init() throws {
        root = (NSTemporaryDirectory() as NSString).appendingPathComponent("tillit-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ name: String) -> String { (root as NSString).appendingPathComponent(name) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Data(text.utf8)) }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let target = path(name)
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: target))
        return target
    }

    @discardableResult
    func makeFolder(_ name: String) throws -> String {
        let target = path(name)
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        return target
    }
}

/// A small seeded generator, so "random" bytes are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Array {
    /// The single element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
