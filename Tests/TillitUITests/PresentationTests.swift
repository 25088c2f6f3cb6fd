import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// The shared screen read across a room: block letters when they fit, votes
/// and timer in block digits, high contrast, the edges small.
@Suite("Presentation view for a room")
struct PresentationTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 160, height: 45), Size(width: 200, height: 60)]

    /// 60 characters, as a card's prompt often is.
    static let sixty = Fixtures.text("Hva gjør vi i teamet når noen sier fra om noe som er vanskelig?",
                                     "What do we do as a team when someone speaks up about a problem?")

    static func teamWithVotes(_ language: Language, size: Size, votes: [Character] = ["3", "4", "4"]) -> AppState {
        var state = Fixtures.talkState(Fixtures.team(language), language: language, size: size)
        Fixtures.press(votes.map { .character($0) } + [.character("p")], &state)
        state.now = Fixtures.start.addingTimeInterval(75)
        return state
    }

    static func sixtyCharacterPrompt(_ language: Language, size: Size) -> AppState {
        var state = Fixtures.talkState(Fixtures.team(language), language: language, size: size)
        state.talk!.session.cards[1].prompt = sixty.resolve(language)
        Fixtures.press([.right, .escape, .character("p")], &state)
        return state
    }

    static var cases: [String] {
        ["votes", "text"].flatMap { screen in
            [Language.nb, .en].flatMap { language in sizes.map { "\(screen)|\(language.rawValue)|\($0.width)x\($0.height)" } }
        }
    }

    @Test(arguments: cases)
    func snapshot(_ key: String) {
        let parts = key.split(separator: "|").map(String.init)
        let language = Language(rawValue: parts[1])!
        let dimensions = parts[2].split(separator: "x").map { Int($0)! }
        let size = Size(width: dimensions[0], height: dimensions[1])
        let state = parts[0] == "votes" ? Self.teamWithVotes(language, size: size) : Self.sixtyCharacterPrompt(language, size: size)
        assertSnapshot(view(state), named: "presentation-\(parts[0])-\(parts[1])-\(parts[2])")
    }

    static func layout(_ state: AppState) -> PresentationView.Layout {
        PresentationView.Layout(state, state.talk!, state.talk!.card!, size: state.size)
    }

    @Test(arguments: [Language.nb, .en])
    func aSixtyCharacterPromptFillsAThirdOfA160x45Screen(_ language: Language) {
        #expect(DisplayWidth.of(Self.sixty.resolve(language)) >= 60)
        let layout = Self.layout(Self.sixtyCharacterPrompt(language, size: Size(width: 160, height: 45)))
        #expect(layout.promptIsBlock)
        #expect(layout.promptRows * 3 >= 45, "\(layout.promptRows) rows")
    }

    @Test(arguments: [Language.nb, .en])
    func at80x24ThePromptStillFitsInBlockLettersAboveTheKeys(_ language: Language) {
        for state in [Self.sixtyCharacterPrompt(language, size: Size(width: 80, height: 24)),
                      Self.teamWithVotes(language, size: Size(width: 80, height: 24))] {
            let layout = Self.layout(state)
            #expect(layout.promptIsBlock)
            let used = layout.parts.reduce(0) { $0 + $1.height }
            #expect(layout.top >= 1 && layout.top + used <= 22, "the flash row and the key bar stay free")
        }
    }

    @Test func aPromptTheFontCannotDrawFallsBackToOrdinaryText() {
        var state = Self.sixtyCharacterPrompt(.nb, size: Size(width: 160, height: 45))
        state.talk!.session.cards[1].prompt = "Hva gjør deg glad på jobben? 🙂"
        let layout = Self.layout(state)
        #expect(!layout.promptIsBlock)
        #expect(view(state).text.contains("Hva gjør deg glad på jobben? 🙂"))
    }

    @Test func theTextIsInTheTerminalsOwnColoursNeverBlue() {
        let state = Self.teamWithVotes(.nb, size: Size(width: 160, height: 45))
        let grid = view(state)
        // Everything above the key bar: the bar's keys are the only coloured cells (cyan, reversed).
        for y in 0..<(grid.height - 1) {
            for x in 0..<grid.width where grid[x, y].text != " " {
                #expect(grid[x, y].style.color == nil || grid[x, y].style.color == .muted, "(\(x), \(y)) \(grid[x, y])")
            }
        }
        #expect(grid[10, Self.layout(state).top + 1].style.bold || grid.text.contains("█"))
    }

    @Test func theTimerIsInBlockDigitsAndTimeUpIsACalmStateThatStays() {
        var state = Self.teamWithVotes(.nb, size: Size(width: 160, height: 45))
        #expect(Self.layout(state).bigTimer != nil)
        #expect(!view(state).text.contains("Tiden er ute"))
        for seconds in [300.0, 301, 900, 4000] {
            state.now = Fixtures.start.addingTimeInterval(seconds)
            let layout = Self.layout(state)
            #expect(layout.timeIsUp)
            // "Tiden er ute" in block letters: not the clock, not counting on.
            #expect(layout.bigTimer?.lines.count == 1 && (layout.bigTimer?.width ?? 0) > 40, "at \(seconds) s")
        }
    }
}
