import Foundation
import Testing
@testable import TillitCore

/// `tillit prepare`: the deck's questions, and from the last talk with the person its open actions and both ratings.
@Suite("A sheet to prepare the next 1:1")
struct PreparationSheetTests {
    typealias F = ExportFixture

    @Test(arguments: [Language.nb, .en, .da])
    func theSheetListsTheLastTalksOpenActionsAndRatingsAndEveryQuestion(language: Language) throws {
        let last = try F.oneOnOne(language)
        let deck = try #require(F.decks.first { $0.id == "selvledelse" })
        let sheet = PreparationSheet(deck: deck, person: "Ola", language: language, talks: [last])
        let t = Localizer(language)
        let markdown = sheet.markdown(timeZone: .gmt)
        #expect(markdown.contains(t(.prepareTitle, deck.title.resolve(language), "Ola")))
        for card in deck.cards { #expect(markdown.contains(MarkdownExporter.inline(card.prompt.resolve(language)))) }
        // Open: a1 (this talk) and gammel-2 (kept from before); a2 was done, gammel-1 done.
        #expect(sheet.openActions.map(\.id) == ["gammel-2", "a1"])
        #expect(markdown.contains(MarkdownExporter.inline(last.actions[0].text)))
        let done = try #require(last.actions.first { $0.id == "a2" && $0.done })
        #expect(!markdown.contains(MarkdownExporter.inline(SafeText.line(done.text))), "a done action is not listed")
        #expect(markdown.contains("| 4 | 3 |"), "Ola's 4 and Kari's 3 from last time: \(markdown)")
        #expect(try CommonMarkTree(markdown).nodes("table").count == 1)
        let html = sheet.html(timeZone: .gmt)
        #expect(html.contains("@page { size: A4") && !html.contains("<script") && !html.contains("http"))
        #expect(html.contains("<td>4</td><td>3</td>"))
    }

    @Test func withNoEarlierTalkItSaysSoAndATeamTalkDoesNotCount() throws {
        let deck = try #require(F.decks.first { $0.id == "selvledelse" })
        let sheet = PreparationSheet(deck: deck, person: "Ola", language: .nb, talks: [try F.team(.nb)])
        #expect(sheet.lastTalk == nil)
        #expect(sheet.markdown().contains("Dere har ikke hatt en samtale i tillit før."))
        #expect(PreparationSheet(deck: deck, person: "Per", language: .nb, talks: [try F.oneOnOne(.nb)]).lastTalk == nil)
    }
}

struct PreparationFileNameTests {
    @Test func theFileIsNamedForThePersonInPlainLetters() {
        let day = Date(timeIntervalSince1970: 1_796_601_600)  // 2026-12-07 UTC
        #expect(PreparationSheet.fileName(person: "Bjørn Æsøy-Ågren", now: day) == "forberedelse-2026-12-07-bjorn-aesoy-agren.md")
        #expect(PreparationSheet.fileName(person: "../../etc", now: day) == "forberedelse-2026-12-07-etc.md", "no path in a name")
    }
}
