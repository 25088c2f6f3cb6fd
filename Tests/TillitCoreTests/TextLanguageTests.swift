import Foundation
import Testing
@testable import TillitCore

@Suite("Language: detection from the environment")
struct TextLanguageDetectionTests {
    @Test(arguments: [
        ("nb_NO.UTF-8", Language.nb), ("nb_NO", .nb), ("nn_NO", .nb), ("nn_NO.UTF-8", .nb), ("no", .nb),
        ("no_NO.ISO-8859-1", .nb), ("NB_no.utf8", .nb), ("nb-NO", .nb), ("nb", .nb),
        ("da_DK", .da), ("da_DK.UTF-8", .da), ("da", .da),
        ("en_US", .en), ("en_US.UTF-8", .en), ("en_GB@euro", .en), ("en", .en),
    ])
    func localeNameMapsToLanguage(name: String, expected: Language) {
        #expect(Language(localeName: name) == expected)
        #expect(Language.detect(environment: ["LANG": name]) == expected)
    }

    @Test(arguments: ["sv_SE.UTF-8", "de_DE", "xx", "nob", "english"])
    func localeOfALanguageWeLackDetectsAsEnglish(name: String) {
        #expect(Language(localeName: name) == nil)
        #expect(Language.detect(environment: ["LANG": name]) == .en)
    }

    @Test(arguments: ["C", "POSIX", "C.UTF-8", "C.utf8", "POSIX.UTF-8", ""])
    func localeThatNamesNoLanguageDetectsAsNorwegian(name: String) {
        #expect(Language(localeName: name) == nil)
        #expect(Language.detect(environment: ["LANG": name]) == .nb)
        #expect(Language.detect(environment: ["LC_ALL": name]) == .nb)
    }

    @Test func nothingSetMeansNorwegian() {
        #expect(Language.detect(environment: [:]) == .nb)
    }

    @Test func tillitLangWinsOverTheRememberedChoiceAndTheLocale() {
        #expect(Language.detect(remembered: .da, environment: ["TILLIT_LANG": "en", "LANG": "nb_NO.UTF-8"]) == .en)
        #expect(Language.detect(explicit: "nb", remembered: .da, environment: ["TILLIT_LANG": "en"]) == .nb)
    }

    @Test func rememberedChoiceWinsOverTheLocale() {
        #expect(Language.detect(remembered: .da, environment: ["LANG": "nb_NO.UTF-8"]) == .da)
        #expect(Language.detect(remembered: .en, environment: ["LANG": "C.UTF-8"]) == .en)
    }

    @Test func unknownTillitLangIsIgnored() {
        #expect(Language.detect(environment: ["TILLIT_LANG": "xx", "LANG": "da_DK.UTF-8"]) == .da)
    }

    @Test func lcAllWinsOverLang() {
        #expect(Language.detect(environment: ["LC_ALL": "da_DK.UTF-8", "LANG": "nb_NO.UTF-8"]) == .da)
        #expect(Language.detect(environment: ["LC_ALL": "en_US.UTF-8", "LANG": "nb_NO.UTF-8"]) == .en)
    }

    @Test func lcMessagesComesBetweenLcAllAndLang() {
        #expect(Language.detect(environment: ["LC_MESSAGES": "nb_NO", "LANG": "en_US"]) == .nb)
        #expect(Language.detect(environment: ["LC_ALL": "da_DK", "LC_MESSAGES": "nb_NO", "LANG": "en_US"]) == .da)
    }

    @Test func emptyLcAllIsSkipped() {
        #expect(Language.detect(environment: ["LC_ALL": "", "LANG": "nb_NO.UTF-8"]) == .nb)
    }

    @Test func lcAllDecidesEvenWhenItNamesNoLanguage() {
        // POSIX: the first variable that is set decides; C names no language, so Norwegian.
        #expect(Language.detect(environment: ["LC_ALL": "C", "LANG": "da_DK.UTF-8"]) == .nb)
        #expect(Language.detect(environment: ["LC_ALL": "sv_SE", "LANG": "da_DK.UTF-8"]) == .en)
    }

    @Test(arguments: [("en", Language.en), ("nb", .nb), ("da", .da), ("no", .nb)])
    func explicitChoiceWinsOverTheEnvironment(explicit: String, expected: Language) {
        let environment = ["LC_ALL": "da_DK.UTF-8", "LC_MESSAGES": "en_US", "LANG": "nb_NO.UTF-8"]
        #expect(Language.detect(explicit: explicit, environment: environment) == expected)
    }

    @Test func unknownExplicitChoiceFallsBackToTheEnvironment() {
        #expect(Language.detect(explicit: "xx", environment: ["LANG": "nb_NO.UTF-8"]) == .nb)
    }
}

@Suite("Language: fallback of deck texts")
struct TextLanguageFallbackTests {
    @Test func fallbacksAreDocumentedOrder() {
        #expect(Language.nb.fallbacks == [.en, .da])
        #expect(Language.en.fallbacks == [.nb, .da])
        #expect(Language.da.fallbacks == [.nb, .en])
    }

    @Test(arguments: Language.allCases)
    func fallbacksNameEveryOtherLanguageOnce(language: Language) {
        #expect(!language.fallbacks.contains(language))
        #expect(Set(language.fallbacks).count == language.fallbacks.count)
        #expect(Set(language.fallbacks + [language]) == Set(Language.allCases))
    }

    @Test(arguments: [
        // (texts present, wanted, expected)
        ([Language.nb, .en, .da], Language.da, "da"),
        ([.nb, .en], .da, "nb"),
        ([.en], .da, "en"),
        ([.nb, .en], .nb, "nb"),
        ([.en, .da], .nb, "en"),
        ([.da], .nb, "da"),
        ([.nb, .en], .en, "en"),
        ([.nb, .da], .en, "nb"),
        ([.da], .en, "da"),
    ] as [([Language], Language, String)])
    func resolvePicksTheWantedLanguageThenItsFallbacks(present: [Language], wanted: Language, expected: String) {
        let text = LocalizedText(Dictionary(uniqueKeysWithValues: present.map { ($0, $0.rawValue) }))
        #expect(text.resolve(wanted) == expected)
    }

    @Test func emptyTextCountsAsMissing() {
        let text = LocalizedText([.da: "", .nb: "norsk", .en: "english"])
        #expect(text.resolve(.da) == "norsk")
    }

    @Test func noTextAtAllResolvesToEmpty() {
        #expect(LocalizedText([:]).resolve(.nb) == "")
    }

    @Test func localizedTextRoundTripsThroughJSONAndDropsUnknownLanguages() throws {
        let json = #"{"nb":"hei","en":"hello","sv":"hej"}"#
        let decoded = try JSONDecoder().decode(LocalizedText.self, from: Data(json.utf8))
        #expect(decoded.values == [.nb: "hei", .en: "hello"])
        let again = try JSONDecoder().decode(LocalizedText.self, from: JSONEncoder().encode(decoded))
        #expect(again == decoded)
    }

    @Test func languagesSortInDeclaredOrder() {
        #expect([Language.da, .en, .nb].sorted() == [.nb, .en, .da])
    }
}

/// Names from earlier talks, offered while one is typed.
@Suite("Name suggestions")
struct NameSuggestionTests {
    let known = ["Åse Berg", "Ola Nordmann", "Avdeling Solsiden"]

    @Test func theStartOfAnEarlierNameIsCompleted() {
        #expect(NameSuggestion.suggest(for: "åse", among: known) == .completion("Åse Berg"))
        #expect(NameSuggestion.suggest(for: "Avd", among: known) == .completion("Avdeling Solsiden"))
    }

    @Test func aNearTwinGetsADidYouMean() {
        #expect(NameSuggestion.suggest(for: "åse berg", among: known) == .didYouMean("Åse Berg"), "case only")
        #expect(NameSuggestion.suggest(for: "Åse Bærg", among: known) == .didYouMean("Åse Berg"), "one letter")
        #expect(NameSuggestion.suggest(for: "Ola Nordmenn", among: known) == .didYouMean("Ola Nordmann"))
    }

    @Test func anExactOrANewNameGetsNothing() {
        #expect(NameSuggestion.suggest(for: "Åse Berg", among: known) == nil)
        #expect(NameSuggestion.suggest(for: "Per", among: known) == nil)
        #expect(NameSuggestion.suggest(for: "", among: known) == nil && NameSuggestion.suggest(for: "  ", among: known) == nil)
        #expect(NameSuggestion.suggest(for: "Olx", among: ["Ola"]) == nil, "short names are not second-guessed")
    }
}
