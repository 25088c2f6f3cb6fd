import Foundation
import Testing
import TillitCore
@testable import TillitUI

struct DecksScreenTests {
    @Test func ownDecksThatCouldNotBeLoadedAreNamedOnTheDecksScreen() {
        var state = Fixtures.state(.en, screen: .decks)
        state.config.skippedDecks = [
            Diagnostic(path: "/home/kari/.local/share/tillit/decks/broken.yaml", line: 3, column: 6, message: "invalid YAML: did not find expected ',' or '}'"),
        ]
        let lines = view(state).text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("Not loaded: broken.yaml, line 3: invalid YAML") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("tillit lint /home/kari/.local/share/tillit/decks/broken.yaml") })
        // The command is wrapped, never cut: it is there to be copied.
        #expect(lines.contains { $0.contains("lists every") } && lines.contains { $0.trimmingCharacters(in: .whitespaces) == "problem" },
                "\(lines.joined(separator: "\n"))")
        state.config.skippedDecks.append(Diagnostic(path: "/home/kari/.local/share/tillit/decks/twin.yaml", severity: .warning,
                                                    message: "deck id 'twin' is also used by …; this one is skipped"))
        let two = view(state).text
        #expect(two.contains("Not loaded: twin.yaml, line 1"))
        #expect(two.contains("tillit lint /home/kari/.local/share/tillit/decks/*.yaml lists every problem"))
        // Without problems, no such lines.
        state.config.skippedDecks = []
        #expect(!view(state).text.contains("Not loaded"))
    }

    @Test func cardCountsAreRightAligned() {
        let state = Fixtures.state(.en, screen: .decks)
        let lines = view(state).text.split(separator: "\n").map(String.init)
        let three = lines.first { $0.contains("3 cards") } ?? ""
        let two = lines.first { $0.contains("2 cards") } ?? ""
        let end = { (line: String) in line.range(of: " cards")?.upperBound.utf16Offset(in: line) }
        #expect(end(three) != nil && end(three) == end(two))
        // "14 cards" ends where " 2 cards" does.
        #expect(DisplayWidth.pad("2 cards", to: 9, alignRight: true) == "  2 cards")
    }
}
