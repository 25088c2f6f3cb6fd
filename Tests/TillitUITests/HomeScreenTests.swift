import Foundation
import Testing
import TillitCore
@testable import TillitUI

struct HomeContinueLabelTests {
    static func home(_ item: TalkListItem, _ language: Language) -> String {
        var state = Fixtures.state(language, size: Size(width: 100, height: 30))
        state.sessions = SessionList(items: [item])
        return view(state).text
    }

    static func oneOnOne() -> TalkListItem {
        var item = TalkListItem(id: "2026-11-19-0900-abcd", title: "Self-leadership", kind: .oneOnOne, participants: "Kari, Ola",
                                createdAt: Fixtures.start, handled: 1, cardCount: 14, finished: false)
        item.people = Fixtures.oneOnOne().participants
        item.deckIDs = ["samtale"]
        item.currentIndex = 3
        return item
    }

    /// The card the talk is on, not the number answered; and with whom.
    @Test(arguments: [(Language.en, "Continue: Self-leadership · Kari and Ola · card 4 of 14"),
                      (.nb, "Fortsett: Self-leadership · Kari og Ola · kort 4 av 14"),
                      (.da, "Fortsæt: Self-leadership · Kari og Ola · kort 4 af 14")])
    func aOneOnOneSaysWithWhomAndWhichCard(language: Language, expected: String) {
        let screen = Self.home(Self.oneOnOne(), language)
        #expect(screen.contains(expected), "\(screen)")
    }

    @Test func aTeamMeetingSaysItsDecksAndItsTeam() {
        var item = TalkListItem(id: "2026-11-19-1300-beef", title: "Avdeling Solsiden", kind: .team, participants: "Åse",
                                createdAt: Fixtures.start, handled: 0, cardCount: 2, finished: false)
        item.deckIDs = ["trygghet"]
        item.people = Fixtures.team().participants
        item.currentIndex = 1
        let screen = Self.home(item, .en)
        #expect(screen.contains("Continue: Psychological safety · Avdeling Solsiden · card 2 of 2"), "\(screen)")
        // Without a team name the title is the deck's: said once.
        item.title = "Psychological safety"
        #expect(Self.home(item, .en).contains("Continue: Psychological safety · card 2 of 2"))
    }
}

struct UnreadableTalkFilesTests {
    static let folder = "/tmp/ux/home-16/sessions"

    static func history(_ problems: [StoreProblem], size: Size = Size(width: 80, height: 24)) -> [String] {
        var state = Fixtures.state(.en, size: size, screen: .history)
        state.sessions = SessionList(items: [], problems: problems)
        return view(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func eachUnreadableFileHasItsOwnLineAndThePathIsNotRepeated() {
        let dead = Self.folder + "/2026-11-01-1000-dead.json"
        let odd = Self.folder + "/2026-11-02-0900-odd1.json"
        let lines = Self.history([StoreProblem(path: dead, error: .damaged(path: dead)),
                                  StoreProblem(path: odd, error: .wrongShape(path: odd, reason: "no field 'kind'"))])
        let text = lines.joined(separator: "\n")
        #expect(lines.contains { $0.contains("Not read, left untouched, in /tmp/ux/home-16/sessions:") }, "\(text)")
        #expect(lines.contains { $0.contains("2026-11-01-1000-dead.json is cut off or damaged") }, "\(text)")
        #expect(lines.contains { $0.contains("2026-11-02-0900-odd1.json is not a tillit talk: no field 'kind'") }, "\(text)")
        // The folder is said once, not once per file.
        #expect(text.components(separatedBy: Self.folder).count == 2, "\(text)")
    }

    @Test func aLongListEndsWithHowManyMoreAndAShortOneIsNotCut() {
        let problems = (0..<12).map { index -> StoreProblem in
            let path = Self.folder + "/2026-11-01-10\(10 + index)-bad\(index).json"
            return StoreProblem(path: path, error: .damaged(path: path))
        }
        let lines = Self.history(problems)
        #expect(lines.contains { $0.contains("… and ") && $0.contains(" more") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.count == 24)
        let wide = Self.history(Array(problems.prefix(2)), size: Size(width: 200, height: 60))
        #expect(wide.filter { $0.contains("is cut off or damaged (it is not complete JSON). tillit leaves it as it is") }.count == 2)
        #expect(!wide.contains { $0.contains("…") })
    }

    @Test func aLongFolderIsShortenedFromTheLeft() {
        let folder = "/home/someone/with/a/very/long/path/that/goes/on/and/on/.local/share/tillit/sessions"
        let lines = Self.history([StoreProblem(path: folder + "/x.json", error: .damaged(path: folder + "/x.json"))])
        let header = lines.first { $0.contains("Not read") } ?? ""
        #expect(header.contains("…") && header.hasSuffix("tillit/sessions:"), "\(header)")
    }
}

/// The home screen switches the language (l, or its row) and asks for it to be remembered.
@Suite("Choosing the language on the home screen")
struct HomeLanguageTests {
    @Test func lGoesRoundTheLanguagesAndEveryScreenFollowsAtOnce() {
        var state = Fixtures.state(.nb, size: Size(width: 100, height: 30))
        #expect(view(state).text.contains("Språk: norsk bokmål"))
        #expect(Fixtures.press([.character("l")], &state) == [.rememberLanguage(.en)])
        var screen = view(state).text
        #expect(screen.contains("Language: English") && screen.contains("New 1:1 talk"), "\(screen)")
        #expect(Fixtures.press([.character("l")], &state) == [.rememberLanguage(.da)])
        screen = view(state).text
        #expect(screen.contains("Sprog: dansk"), "\(screen)")
        Fixtures.press([.character("n")], &state)
        #expect(view(state).text.contains("Leder"), "the form is in the new language too")
    }

    @Test func enterOnTheLanguageRowSwitchesToo() {
        var state = Fixtures.state(.en)
        let row = HomeScreen.items(state).firstIndex(of: .language)!
        state.homeSelection = row
        #expect(Fixtures.press([.enter], &state) == [.rememberLanguage(.da)])
        #expect(state.config.language == .da && state.screen == .home)
    }
}
