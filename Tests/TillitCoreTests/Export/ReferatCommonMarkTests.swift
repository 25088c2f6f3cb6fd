import Foundation
import Testing
@testable import TillitCore

/// The referat through `cmark-gfm`, the reference CommonMark parser (with
/// GitHub's tables): the structure a renderer builds must be the one we mean.
@Suite("Markdown referat, as cmark-gfm reads it")
struct ReferatCommonMarkTests {
    @Test func theReferenceParserIsInstalled() {
        #expect(FileManager.default.isExecutableFile(atPath: CommonMarkTree.executable), ".ci/run installs cmark-gfm")
    }

    @Test(arguments: [Language.nb, .en, .da], [false, true])
    func everyReferatHasTheStructureWeMean(language: Language, includePrivate: Bool) throws {
        for session in [try ExportFixture.oneOnOne(language), try ExportFixture.team(language)] {
            let markdown = MarkdownExportTests.render(session, includePrivate: includePrivate)
            let tree = try CommonMarkTree(markdown)
            let ours = MarkdownDocument(markdown)
            #expect(tree.headings.map(\.level) == ours.headings.map(\.level), "\(session.kind) \(language)")
            #expect(tree.headings.map(\.text) == ours.headings.map(\.text), "\(session.kind) \(language)")
            #expect(tree.headings.first?.level == 1 && tree.nodes("heading").filter { $0.attributes["level"] == "1" }.count == 1)
            for unwanted in ["html_block", "html_inline", "code_block", "block_quote", "thematic_break", "link", "image"] {
                #expect(tree.nodes(unwanted).isEmpty, "\(session.kind) \(language): an answer became \(unwanted)")
            }
            let tables = tree.nodes("table")
            #expect(tables.count == ours.tables.count && !tables.isEmpty)
            for table in tables {
                #expect(Set(table.children.map(\.children.count)).count == 1, "every row as wide as the header")
                #expect(table.children.first?.name == "table_header")
            }
        }
    }

    @Test func answersReadBackExactlyAsWrittenAndNeverAsMarkup() throws {
        let tree = try CommonMarkTree(MarkdownExportTests.render(try ExportFixture.oneOnOne(.nb)))
        #expect(tree.items(under: "1. Hvor stort handlingsrom har du i hverdagen?") == [
            "Kari (leder): Fra januar legger du ukeplanen selv.",
            "Ola Hansen (medarbeider): Jeg vil bruke *mindre* tid på rapporter\nog mer tid med brukerne.\n\n1. Rapporter\n# ikke en overskrift",
        ])
        #expect(tree.items(under: "2. Hva mye energi har du i jobben nå?").isEmpty, "no such heading")
        #expect(tree.items(under: "2. Hvor mye energi har du i jobben nå?") == [
            "Kari (leder), vurdering 3 av 5",
            "Ola Hansen (medarbeider), vurdering 4 av 5: <script>alert('x')</script> & <b>fet</b> [31mrød[0m snudd",
        ])
        #expect(tree.nodes("paragraph").map(\.plainText).contains("Ola tar opp [arbeidstid](http://example.com) på personalmøtet."))
    }

    @Test func theTreeReaderSeesMarkupWhereThereIsSome() throws {
        let tree = try CommonMarkTree("# A\n\n- <b>x</b> [l](http://e.org)\n\n> q\n")
        #expect(!tree.nodes("html_inline").isEmpty && !tree.nodes("link").isEmpty && !tree.nodes("block_quote").isEmpty)
    }
}
