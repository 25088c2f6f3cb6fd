import Foundation
import Testing
@testable import TillitCore

@Suite("Markdown referat")
struct MarkdownExportTests {
    static func render(_ session: Session, includePrivate: Bool = false) -> String {
        MarkdownExporter.render(session, includePrivate: includePrivate, timeZone: ExportFixture.utc)
    }

    // MARK: Golden files

    @Test(arguments: [Language.nb, .en])
    func oneOnOneMatchesItsGoldenFile(language: Language) throws {
        assertGolden(Self.render(try ExportFixture.oneOnOne(language)), named: "referat-1on1-\(language.rawValue)")
    }

    @Test(arguments: [Language.nb, .en])
    func teamMatchesItsGoldenFile(language: Language) throws {
        assertGolden(Self.render(try ExportFixture.team(language)), named: "referat-team-\(language.rawValue)")
    }

    // MARK: Structure, as a Markdown reader sees it

    @Test(arguments: [Language.nb, .en, .da], [false, true])
    func everyReferatIsWellFormedMarkdown(language: Language, includePrivate: Bool) throws {
        for session in [try ExportFixture.oneOnOne(language), try ExportFixture.team(language)] {
            let document = MarkdownDocument(Self.render(session, includePrivate: includePrivate))
            #expect(document.problems.isEmpty, "\(session.kind) \(language): \(document.problems)")
            #expect(!document.tables.isEmpty)
        }
    }

    @Test func aOneOnOneHasItsSectionsInOrderAndItsTables() throws {
        let document = MarkdownDocument(Self.render(try ExportFixture.oneOnOne(.nb), includePrivate: true))
        #expect(document.headings.map(\.level) == [1, 2, 2, 3, 3, 2, 2, 2, 2])
        #expect(document.headings.map(\.text) == [
            "Selvledelse", "Siden sist", "Kortene", "1. Hvor stort handlingsrom har du i hverdagen?",
            "2. Hvor mye energi har du i jobben nå?", "Ikke besvart", "Avtaler", "Notater", "Private notater",
        ])
        let meta = document.listItems.prefix(6)
        #expect(meta.first == "Dato: 25.11.2026 09:00")
        #expect(meta.contains("Deltakere: Kari (leder), Ola Hansen (medarbeider)"))
        #expect(meta.contains("Status: avsluttet"))

        let carried = try #require(document.section("Siden sist").tableValue)
        #expect(carried.header == ["Hva", "Hvem", "Frist", "Hva ble det til"])
        #expect(carried.rows == [["Ola prøver fire dager med hjemmekontor", "Ola Hansen", "20.11.2026", "gjort"],
                                 ["Kari | sjekker budsjett for kurs", "Kari", "–", "beholdes"]])

        let actions = try #require(document.section("Avtaler").tableValue)
        #expect(actions.header == ["Hva", "Hvem", "Frist", "Status", "Fra kort"])
        // The kept one from last time is on the list too, marked so (issue 25.3).
        #expect(actions.rows == [
            ["Kari | sjekker budsjett for kurs", "Kari", "–", "åpen", "fra en tidligere samtale"],
            ["Ola lager et utkast til ny ukeplan", "Ola Hansen", "15.12.2026", "åpen", "1. Hvor stort handlingsrom har du i hverdagen?"],
            ["Kari sender kursoversikt (før jul)", "Kari", "–", "gjort", "–"],
        ])
        #expect(document.section("Ikke besvart").compactMap(\.listText) == [
            "3. Hva trenger du av støtte fra meg? — hoppet over",
            "4. Når fikk du sist til noe du er stolt av? — parkert",
            "5. Hva vil du ha mer tilbakemelding på? — ikke tatt opp",
        ])
    }

    @Test func answersReadBackExactlyAsWrittenAndNeverAsMarkup() throws {
        let document = MarkdownDocument(Self.render(try ExportFixture.oneOnOne(.nb)))
        let card1 = document.section("1. Hvor stort handlingsrom har du i hverdagen?").compactMap(\.listText)
        #expect(card1 == [
            "Kari (leder): Fra januar legger du ukeplanen selv.",
            "Ola Hansen (medarbeider): Jeg vil bruke *mindre* tid på rapporter\nog mer tid med brukerne.\n\n1. Rapporter\n# ikke en overskrift",
        ])
        let card2 = document.section("2. Hvor mye energi har du i jobben nå?").compactMap(\.listText)
        #expect(card2 == [
            "Kari (leder), vurdering 3 av 5",
            "Ola Hansen (medarbeider), vurdering 4 av 5: <script>alert('x')</script> & <b>fet</b> [31mrød[0m snudd",
        ], "tags and entities are text; the escape and bidi characters are gone")
        #expect(document.paragraphs.contains("Ola tar opp [arbeidstid](http://example.com) på personalmøtet."))
    }

    @Test func aTeamShowsTheSpreadOnlyWhenThereAreEnoughVotes() throws {
        let document = MarkdownDocument(Self.render(try ExportFixture.team(.nb)))
        let speakUp = document.section("1. Hvor lett er det å si fra når noe er galt?")
        #expect(speakUp.first == .paragraph("Vurderinger (skala 1–5): 5 stemmer, snitt 3,4"))
        let spread = try #require(speakUp.tableValue)
        #expect(spread.header == ["1", "2", "3", "4", "5"] && spread.rows == [["0", "1", "2", "1", "1"]])

        let mistakes = document.section("2. Hvor trygt er det å innrømme en feil her?")
        #expect(mistakes == [
            .paragraph("Vurderinger (skala 1–5): 2 stemmer — for få stemmer til å vise fordeling og snitt"),
            .listItem("Dette sa teamet: Vi er redde for å virke inkompetente | særlig nye."),
        ], "two anonymous votes: no average, no spread")
        #expect(document.listItems.contains("Deltakere: Åse (møteleder)"))
        #expect(document.paragraphs.contains("Vurderingene ble gitt anonymt."))
        let actions = try #require(document.section("Avtaler").tableValue)
        #expect(actions.rows.first?.last == "1. Hvor lett er det å si fra når noe er galt?")
    }

    @Test func aNameLeftAsItsRoleIsNotSaidTwice() throws {
        let people = [Participant(id: "p1", name: "Leder", role: .leader), Participant(id: "p2", name: "Ola", role: .employee)]
        var talk = try Session.start(TalkSetup(kind: .oneOnOne, language: .nb, participants: people, deckIDs: ["selvledelse"]),
                                     decks: ExportFixture.decks, id: "2026-11-25-0900-0000", now: ExportFixture.start)
        _ = try ExportFixture.apply(&talk, at: ExportFixture.start, [.setText(participant: "p1", text: "Godt jobbet.")])
        let document = MarkdownDocument(Self.render(talk))
        #expect(document.listItems.contains("Deltakere: Leder, Ola (medarbeider)"), "\(document.listItems)")
        #expect(document.listItems.contains("Leder: Godt jobbet."))
    }

    @Test func privateNotesOnlyWhenAsked() throws {
        let talk = try ExportFixture.oneOnOne(.en)
        let shared = Self.render(talk)
        let full = Self.render(talk, includePrivate: true)
        #expect(!shared.contains("Ola seemed tired") && !shared.contains("Private notes"))
        #expect(MarkdownDocument(full).section("Private notes") == [.paragraph("Ola seemed tired.")])
    }

    @Test func aTalkWithNothingSaidStillHasATitleAndSaysThereAreNoActions() throws {
        let talk = try Session.start(TalkSetup(kind: .oneOnOne, language: .en, deckIDs: ["selvledelse"]),
                                     decks: ExportFixture.decks, id: "2026-11-25-0900-0000", now: ExportFixture.start)
        let document = MarkdownDocument(Self.render(talk))
        #expect(document.problems.isEmpty, "\(document.problems)")
        #expect(document.headings.map(\.text) == ["Self-leadership", "Not answered", "Agreed actions"])
        #expect(document.section("Agreed actions") == [.paragraph("No actions agreed.")])
        #expect(document.listItems.contains("Status: ongoing") && document.listItems.contains("Time spent: under a minute"))
    }

    // MARK: Escaping, one hostile text at a time

    static let hostile = [
        "<img src=x onerror=alert(1)>", "</p><script>x</script>", "| a | b |", "a|b", "**bold** and __bold__", "_em_ *em*",
        "`code` and ```fence```", "[link](http://x) ![img](http://x/y.png)", "[ref]: http://x", "&lt;script&gt; &#60; &amp",
        "1. item", "12) item", "- item", "+ item", "* item", "> quote", "# heading", "###### six", "===", "---", "***",
        "~~strike~~", "\\", "ends with \\", "\\*not bold\\*", "\u{1B}[2J\u{1B}]0;title\u{07}", "a\u{0085}b\u{009B}c",
        "<http://auto.link>", "https://example.com/x_y_z", "Kari & Ola", "50% + 50% = 100%", "Åse 😀 日本語",
        "    indented code", "\ttab", "x\r\ny", "\u{202E}reversed\u{202C}",
    ]

    @Test(arguments: hostile)
    func hostileTextInAListItemShowsAsWritten(text: String) {
        let document = MarkdownDocument("- **Ola**: " + MarkdownExporter.inline(text) + "\n")
        #expect(document.problems.isEmpty, "\(document.problems)")
        #expect(document.blocks == [.listItem("Ola: " + Self.shown(text))])
    }

    @Test(arguments: hostile)
    func hostileTextInATableCellKeepsTheTableWhole(text: String) {
        let row = "| " + MarkdownExporter.cell(text) + " | " + MarkdownExporter.cell("x") + " |"
        let document = MarkdownDocument("| A | B |\n| --- | --- |\n" + row + "\n")
        #expect(document.problems.isEmpty, "\(document.problems)")
        #expect(document.tables.first?.rows == [[Self.shown(text).isEmpty ? "–" : Self.shown(text), "x"]])
    }

    @Test(arguments: hostile)
    func hostileTextInAHeadingStaysOneHeading(text: String) {
        let document = MarkdownDocument("# T\n\n## " + MarkdownExporter.inline(text) + "\n")
        #expect(document.problems.isEmpty, "\(document.problems)")
        #expect(document.headings.map(\.level) == [1, 2])
        #expect(document.headings.last?.text == Self.shown(text))
    }

    @Test func severalLinesStayInTheirListItem() {
        let text = "first\n- not an item\n# not a heading\n    not code\n> not a quote\n2. not a list\n===\n\nlast \\"
        let document = MarkdownDocument("- **Kari**: " + MarkdownExporter.lines(text, indent: "  ") + "\n")
        #expect(document.problems.isEmpty, "\(document.problems)")
        #expect(document.blocks == [.listItem("Kari: first\n- not an item\n# not a heading\nnot code\n> not a quote\n2. not a list\n===\n\nlast \\")])
    }

    @Test func theCheckerCatchesWhatARendererWouldMisread() {
        #expect(!MarkdownDocument("# T\n\n| a | b |\n| --- |\n| 1 | 2 |\n").problems.isEmpty, "separator for too few columns")
        #expect(!MarkdownDocument("# T\n\n| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n").problems.isEmpty, "a row with a cell too many")
        #expect(!MarkdownDocument("# T\n\n- <b>x</b>\n").problems.isEmpty, "raw HTML")
        #expect(!MarkdownDocument("# T\n\n#### skipped levels\n").problems.isEmpty, "heading level jumps")
        #expect(!MarkdownDocument("# T\n\n- a\\\n  # b\n").problems.isEmpty, "a continued line that starts a heading")
        #expect(MarkdownDocument("# T\n\n- *x*\n").listItems == ["x"], "unescaped emphasis does not read back as written")
    }

    /// What a reader should see of `text`: the exporter's one-line form of it.
    static func shown(_ text: String) -> String {
        SafeText.line(text).split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}

extension MarkdownDocument.Block {
    var listText: String? { if case .listItem(let text) = self { return text } else { return nil } }
}

extension Array where Element == MarkdownDocument.Block {
    /// The first table among these blocks.
    var tableValue: (header: [String], rows: [[String]])? {
        for block in self { if case .table(let header, let rows) = block { return (header, rows) } }
        return nil
    }
}
