import Foundation
import Testing
@testable import TillitCore

@Suite("Localisation of UI strings")
struct LocalizationTests {
    @Test(arguments: Language.allCases)
    func everyKeyHasATextInEveryLanguage(language: Language) {
        let table = Localizer.table(language)
        let missing = UIString.allCases.filter { (table[$0] ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(missing.isEmpty, "\(language.rawValue) lacks \(missing.map(\.rawValue))")
    }

    /// `{0}`, `{1}`… of a key are the same in every language, or a translation drops a value.
    @Test(arguments: UIString.allCases)
    func placeholdersAgreeAcrossLanguages(key: UIString) {
        let sets = Language.allCases.map { Self.placeholders(in: Localizer.table($0)[key] ?? "") }
        #expect(Set(sets).count == 1, "\(key.rawValue): \(zip(Language.allCases, sets).map { "\($0.rawValue) \($1.sorted())" })")
    }

    @Test(arguments: Language.allCases)
    func tablesHoldNoControlCharacters(language: Language) {
        for (key, text) in Localizer.table(language) {
            #expect(!text.unicodeScalars.contains { SafeText.isUnsafe($0) }, "\(language.rawValue).\(key.rawValue)")
        }
    }

    /// A path, a room's address or an error from outside goes into a message as
    /// an argument; it must not carry a terminal escape with it (issue 26).
    @Test func argumentsAreCleanedOfControlCharacters() {
        let text = Localizer(.en)(.sourceOwn, "decks/\u{1B}]0;owned\u{07}\u{1B}[2J\u{202E}x.yaml\u{9B}")
        #expect(!text.unicodeScalars.contains { SafeText.isUnsafe($0) }, "\(text.debugDescription)")
        #expect(text.contains("decks/]0;owned[2Jx.yaml"))
    }

    /// Common Norwegian words that are not Danish: a Danish text holding one is
    /// Norwegian with Danish spelling, not Danish (`av` for `af`, `blir` for `bliver`…).
    static let norwegianOnlyWords: Set<String> = [
        "av", "hva", "meg", "deg", "seg", "ble", "blir", "lagret", "lagre", "lagres", "avtale", "avtaler", "avtalen",
        "kortstokk", "kortstokker", "neste", "hjelp", "mye", "noe", "gjøre", "fått", "vært", "ikkje", "skjer", "snakk",
        "snakke", "spør", "ut", "opp", "kanskje", "tenk", "trenger", "sier", "tar", "gir", "hverandre", "ennå", "uke", "uka",
    ]

    /// The Norwegian-only words in `text`.
    static func norwegianWords(in text: String) -> Set<String> {
        let words = text.lowercased().split { !$0.isLetter }.map(String.init)
        return Set(words).intersection(norwegianOnlyWords)
    }

    @Test func danishReadsAsDanishNotNorwegian() {
        for (key, text) in Localizer.table(.da) {
            let found = Self.norwegianWords(in: text)
            #expect(found.isEmpty, "da.\(key.rawValue) has Norwegian words \(found.sorted()): \(text)")
        }
        #expect(Self.norwegianWords(in: "Hva er neste avtale?") == ["hva", "neste", "avtale"], "the check itself finds them")
    }

    @Test func argumentsFillTheirPlaces() {
        #expect(Localizer(.nb)(.showCardNumber, 3, 14) == "Kort 3 av 14")
        #expect(Localizer(.en)(.showCardNumber, 3, 14) == "Card 3 of 14")
        #expect(Localizer(.da)(.showCardNumber, 3, 14) == "Kort 3 af 14")
        #expect(Localizer(.da)(.plainNowWriting, "Ole") == "Nu skriver Ole.")
        #expect(Localizer(.en)(.showScale, 1, 5, "never", "always") == "Scale 1–5: 1 = never, 5 = always")
    }

    @Test func anArgumentHoldingAPlaceholderIsShownAsWritten() {
        // A deck label of "{3}" must not be replaced by the next argument.
        #expect(Localizer(.en)(.showScale, 1, 5, "{3}", "high") == "Scale 1–5: 1 = {3}, 5 = high")
    }

    @Test(arguments: [
        ("{0} and {1}", ["a", "b"], "a and b"),
        ("{1} before {0}", ["a", "b"], "b before a"),
        ("{0}{0}", ["x"], "xx"),
        ("{2} stays", ["a"], "{2} stays"),
        ("{ braces } and {x}", ["a"], "{ braces } and {x}"),
        ("open {0", ["a"], "open {0"),
        ("{{0}}", ["a"], "{a}"),
        ("no places", [], "no places"),
        ("{0}", ["{1}", "b"], "{1}"),
    ])
    func formatReplacesInOnePass(template: String, arguments: [String], expected: String) {
        #expect(Localizer.format(template, arguments) == expected)
    }

    @Test func missingKeyFallsBackInTheOrderOfTheLanguage() {
        let tables: [Language: [UIString: String]] = [
            .nb: [.showHint: "Hjelp", .sourceShipped: "følger med"],
            .en: [.showHint: "Hint", .skippedDeck: "skipped"],
            .da: [:],
        ]
        let lookup = { (language: Language) in tables[language] ?? [:] }
        #expect(Localizer.text(for: .showHint, in: .da, tables: lookup) == "Hjelp", "da falls back to nb first")
        #expect(Localizer.text(for: .skippedDeck, in: .da, tables: lookup) == "skipped", "then to en")
        #expect(Localizer.text(for: .skippedDeck, in: .nb, tables: lookup) == "skipped", "nb falls back to en")
        #expect(Localizer.text(for: .sourceShipped, in: .en, tables: lookup) == "følger med", "en falls back to nb")
        #expect(Localizer.text(for: .lintAllValid, in: .en, tables: lookup) == "lintAllValid", "else the key's name")
    }

    @Test func countPicksSingularForOneOnly() {
        let t = Localizer(.en)
        #expect(t.count(1, one: .voteCountOne, many: .voteCount) == t(.voteCountOne, 1))
        #expect(t.count(2, one: .voteCountOne, many: .voteCount) == t(.voteCount, 2))
        #expect(t.count(0, one: .voteCountOne, many: .voteCount) == t(.voteCount, 0))
    }

    static func placeholders(in text: String) -> Set<String> {
        var found: Set<String> = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let inner = rest[rest.index(after: open)..<close]
            if !inner.isEmpty, inner.allSatisfy(\.isNumber) { found.insert(String(inner)) }
            rest = rest[rest.index(after: open)...]
        }
        return found
    }
}
