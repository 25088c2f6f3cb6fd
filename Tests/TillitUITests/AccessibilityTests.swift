import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// With colours off (`NO_COLOR`, `--no-color`, a monochrome terminal) every
/// screen must still say everything: focus is reverse or bold, a rating is a
/// number, the timer is digits, and every screen works at 80x24.
@Suite("Accessibility without colour")
struct AccessibilityTests {
    static let size = Size(width: 80, height: 24)

    /// The screens of the snapshot tests, built with colours off.
    static func grid(_ name: String, _ language: Language = .nb, size: Size = size) -> Grid {
        let build = SnapshotTests.screens.first { $0.0 == name }!.1
        var state = build(language, size)
        state.config.colorEnabled = false
        return view(state)
    }

    /// What has focus on each screen (in Norwegian, as the fixtures build it).
    static let focused: [String: String] = [
        "home": "Ny medarbeidersamtale (1:1)",
        "setup-1on1": "Ola Ødegård",
        "setup-team": "Avdeling Solsiden",
        "card-1on1-answers": "Kari · leder",
        "card-1on1-writing": "Kari · leder — skriver",
        "card-1on1-rating-hint": "Ola           ",  // the name of the rating row, padded; the header names Ola too
        "card-team-votes": "Anonyme vurderinger",
        "action-form": "Hvem",
        "summary": "2. Hvor mye energi har du i jobben nå?",
        "card-action-chosen": "✓ Ola lager et utkast til ny ukeplan",
        "summary-actions": "• Kari avklarer budsjettet",
        "notes-private": "Private notater (bare for lederen; ikke i referatet) — skriver",
        "since-last-time": "Kari avklarer budsjettet",
        "history": "Avdeling Solsi",
        "decks": "Selvledelse",
    ]

    /// Screens with nothing to move between: they are read top to bottom.
    static let withoutFocus: Set<String> = ["presentation", "session-view", "deck-preview", "help-card",
                                            "summary-ratings-1on1", "summary-ratings-team"]

    /// Where `text` stands in the grid: the cells it covers, found grapheme by grapheme.
    static func cells(of text: String, in grid: Grid) -> [Cell]? {
        let wanted = text.map(String.init)
        for y in 0..<grid.height {
            let row = (0..<grid.width).map { grid[$0, y] }.filter { !$0.text.isEmpty }
            guard row.count >= wanted.count else { continue }
            for start in 0...(row.count - wanted.count) where row[start..<start + wanted.count].map(\.text) == wanted {
                return Array(row[start..<start + wanted.count])
            }
        }
        return nil
    }

    @Test func everySnapshotScreenIsCovered() {
        let names = Set(SnapshotTests.screens.map(\.0))
        let known = Set(Self.focused.keys).union(Self.withoutFocus)
        #expect(names.subtracting(known).isEmpty, "say what has focus on: \(names.subtracting(known).sorted())")
    }

    @Test(arguments: focused.keys.sorted())
    func focusIsVisibleWithoutColour(screen: String) throws {
        let grid = Self.grid(screen)
        let text = try #require(Self.focused[screen])
        let cells = try #require(Self.cells(of: text, in: grid), "\(screen): \"\(text)\" is not on screen:\n\(grid.text)")
        for cell in cells where cell.text != " " {
            #expect(cell.style.reverse || cell.style.bold, "\(screen): \"\(cell.text)\" of \"\(text)\" is focused but neither reverse nor bold")
        }
        #expect(cells.contains { $0.style.reverse }, "\(screen): the focus stands out in reverse, not by weight alone")
    }

    /// Moving the focus moves the reverse cells with it: focus never hides in a colour.
    @Test func movingTheFocusMovesTheHighlight() throws {
        var home = Fixtures.state(.nb, size: Self.size)
        Fixtures.press([.down], &home)
        let grid = view(home)
        let second = try #require(Self.cells(of: "Nytt teammøte", in: grid))
        let first = try #require(Self.cells(of: "Ny medarbeidersamtale (1:1)", in: grid))
        #expect(second.allSatisfy { $0.style.reverse })
        #expect(first.allSatisfy { !$0.style.reverse })

        var card = Fixtures.talkState(Fixtures.oneOnOne(), size: Self.size)
        Fixtures.press([.tab], &card)
        let moved = view(card)
        #expect(try #require(Self.cells(of: "Ola · medarbeider", in: moved)).contains { $0.style.reverse })
        #expect(try #require(Self.cells(of: "Kari · leder", in: moved)).allSatisfy { !$0.style.reverse })
    }

    /// A coloured cell must also be bold, reverse, underlined or dim, unless it
    /// is a bar whose length is the message (and a number stands beside it).
    @Test(arguments: SnapshotTests.cases.map { "\($0.0)|\($0.1.rawValue)|\($0.2.width)x\($0.2.height)" })
    func nothingIsSaidByColourAlone(_ key: String) {
        let parts = key.split(separator: "|").map(String.init)
        let dimensions = parts[2].split(separator: "x").map { Int($0)! }
        let grid = Self.grid(parts[0], Language(rawValue: parts[1])!, size: Size(width: dimensions[0], height: dimensions[1]))
        let bars: Set<String> = ["█", "▁", "▂", "▃", "▄", "▅", "▆", "▇"]
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                guard cell.style.color != nil, !cell.text.trimmingCharacters(in: .whitespaces).isEmpty,
                      !bars.contains(cell.text) else { continue }
                let style = cell.style
                #expect(style.bold || style.reverse || style.underline || style.dim,
                        "\(key): \"\(cell.text)\" at \(x),\(y) is told apart by colour only")
            }
        }
    }

    @Test func ratingsAreNumbersWithTheChoiceMarkedInText() throws {
        let grid = Self.grid("card-1on1-rating-hint")
        let rows = grid.text.split(separator: "\n").map(String.init)
        let kari = try #require(rows.first { $0.contains("Kari") && $0.contains("1") })
        let ola = try #require(rows.first { $0.contains("Ola") && $0.contains("5") && !$0.contains("·") })
        #expect(kari.contains("1   2   3  [4]  5"))
        #expect(ola.contains("1  [2]  3   4   5"))
        #expect(try #require(Self.cells(of: "[4]", in: grid)).allSatisfy { $0.style.reverse || $0.style.bold })
        #expect(grid.text.contains("1 = Nesten aldri · 5 = Nesten alltid"), "the ends of the scale are in words")
    }

    @Test func teamVotesAreCountedInDigits() {
        let text = Self.grid("card-team-votes").text
        for (value, count) in [(2, 1), (4, 2), (5, 1), (1, 0), (3, 0)] {
            let row = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix("\(value) ") && !$0.contains { $0.isLetter } }
            #expect(row?.hasSuffix(" \(count)") == true, "value \(value) shows its count \(count): \(row ?? "none")")
        }
        #expect(text.contains("4 stemmer"))
    }

    @Test func theTimerIsDigitsAndOverTimeShowsWithoutColour() throws {
        let card = Self.grid("card-team-votes")
        let header = card.text.split(separator: "\n")[0]
        #expect(header.hasSuffix("⏱ tiden er ute · i alt 05:12"), "time up is a plain, calm state: \(header)")
        let overTime = try #require(Self.cells(of: "tiden er ute", in: card))
        #expect(overTime.allSatisfy { $0.style.reverse && $0.style.color == nil }, "time up stands out in reverse, without an alarm colour")

        let presentation = Self.grid("presentation").text
        #expect(presentation.contains("⏱ 03:45"))
        var state = Fixtures.talkState(Fixtures.oneOnOne(), size: Self.size)
        state.now = Fixtures.start.addingTimeInterval(4 * 60 + 12)
        #expect(view(state).text.split(separator: "\n")[0].hasSuffix("1 / 3 · 04:12 · i alt 04:12"), "a 1:1 without a timer counts up")
    }

    /// 80x24 is the smallest common terminal: every screen is whole there, with
    /// the keys (and `?` for all of them) on the bottom row.
    @Test(arguments: SnapshotTests.screens.map(\.0), Language.allCases)
    func everyScreenWorksAt80x24(screen: String, language: Language) {
        let grid = Self.grid(screen, language)
        let rows = grid.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let t = Localizer(language)
        #expect(!grid.text.contains(t(.tooSmallNow, 80, 24)), "\(screen) asks for a larger window")
        // The presentation view is the card alone, for the shared screen; the others say where you are.
        #expect(screen == "presentation" || grid.text.contains("tillit"), "\(screen) names itself")
        let keyBar = rows.count == 24 ? rows[23] : ""
        // While keys are text (writing in a field), ? is a letter, so the bar does not offer help.
        let writing = SnapshotTests.screens.first { $0.0 == screen }!.1(language, Self.size).isCapturingText
        if writing {
            #expect(!keyBar.contains("? " + t(.keyHelp)), "\(screen): ? is a letter while writing: \(keyBar)")
        } else {
            #expect(keyBar.contains("? " + t(.keyHelp)), "\(screen): the key bar ends in ? \(t(.keyHelp)): \(keyBar)")
        }
        for (y, row) in rows.enumerated() {
            #expect(DisplayWidth.of(row) <= 80, "\(screen) row \(y) is wider than the window")
        }
    }
}
