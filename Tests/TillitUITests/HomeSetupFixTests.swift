import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// The QA round on the home screen, the setup form and the lists behind them.
struct SetupKeyFixTests {
    /// The last line of the screen: the key bar.
    static func keyBar(_ state: AppState) -> String {
        String(view(state).text.split(separator: "\n", omittingEmptySubsequences: false).last ?? "")
    }

    @Test func enterOnADeckRowMovesOnWithoutTicking() {
        var state = Fixtures.state(.en)
        Fixtures.press([.character("n")], &state)
        state.setup.focus = .deck("samtale")
        Fixtures.press([.enter], &state)
        #expect(state.setup.selectedDecks == ["samtale"])
        #expect(state.setup.focus == .deck("trygghet"))
        Fixtures.press([.character(" ")], &state)
        #expect(state.setup.selectedDecks == ["samtale", "trygghet"])
    }

    @Test func enterOnTheKindMovesOnAndKeepsTheKind() {
        var state = Fixtures.state(.en)
        Fixtures.press([.character("n")], &state)
        Fixtures.type("Kari", &state)
        state.setup.focus = .kind
        Fixtures.press([.enter], &state)
        #expect(state.setup.kind == .oneOnOne)
        #expect(state.setup.focus == .leader)
        #expect(state.setup.leader.text == "Kari")
    }

    @Test func enterOnCheckboxesAndTheTimerMovesOn() {
        var state = Fixtures.state(.en)
        Fixtures.press([.character("t")], &state)
        state.setup.focus = .shuffle
        Fixtures.press([.enter], &state)
        #expect(!state.setup.shuffle && state.setup.focus == .timer)
        Fixtures.press([.enter], &state)
        #expect(state.setup.timerMinutes == 0 && state.setup.focus == .anonymous)
        Fixtures.press([.enter], &state)
        #expect(state.setup.anonymous && state.setup.focus == .start)
        // Space on a selector does nothing; ← → change it.
        state.setup.focus = .timer
        Fixtures.press([.character(" ")], &state)
        #expect(state.setup.timerMinutes == 0)
        Fixtures.press([.right], &state)
        #expect(state.setup.timerMinutes == 3)
    }

    @Test func downStopsOnStartInsteadOfWrappingToTheKind() {
        var state = Fixtures.state(.en)
        Fixtures.press([.character("n")], &state)
        Fixtures.type("Kari", &state)
        Fixtures.press([.tab], &state)
        Fixtures.type("Ola", &state)
        for _ in 0..<20 { Fixtures.press([.down], &state) }
        #expect(state.setup.focus == .start)
        // One ↓ too many and Enter: the talk starts, as a 1:1 with the names typed.
        let effects = Fixtures.press([.down, .enter], &state)
        guard case .startTalk(let setup)? = effects.first else { Issue.record("no start: \(effects)"); return }
        #expect(setup.kind == .oneOnOne)
        #expect(setup.participants.map(\.name) == ["Kari", "Ola"])
        for _ in 0..<20 { Fixtures.press([.up], &state) }
        #expect(state.setup.focus == .kind)
        #expect(state.setup.kind == .oneOnOne)
    }

    @Test func switchingTheKindKeepsTheNamesTyped() {
        var state = Fixtures.state(.en)
        Fixtures.press([.character("n")], &state)
        Fixtures.type("Kari", &state)
        Fixtures.press([.tab], &state)
        Fixtures.type("Ola", &state)
        state.setup.focus = .kind
        Fixtures.press([.right], &state)
        #expect(state.setup.kind == .team)
        Fixtures.press([.down], &state)
        Fixtures.type("Solsiden", &state)
        state.setup.focus = .kind
        Fixtures.press([.left], &state)
        #expect(state.setup.kind == .oneOnOne)
        #expect(state.setup.leader.text == "Kari" && state.setup.employee.text == "Ola")
        #expect(view(state).text.contains("Kari") && view(state).text.contains("Ola"))
    }

    @Test func theKeyBarShowsSpaceOnlyWhereItTicks() {
        var state = Fixtures.state(.en, size: Size(width: 100, height: 30))
        Fixtures.press([.character("t")], &state)
        let expected: [(SetupState.Field, space: Bool, arrows: Bool)] = [
            (.kind, false, true), (.title, false, false), (.members, false, false), (.deck("samtale"), true, false),
            (.shuffle, true, false), (.timer, false, true), (.anonymous, true, false), (.start, false, false),
        ]
        for (field, space, arrows) in expected {
            state.setup.focus = field
            let bar = Self.keyBar(state)
            #expect(bar.contains("Space tick") == space, "\(field): \(bar)")
            #expect(bar.contains("←→ change") == arrows, "\(field): \(bar)")
            #expect(bar.contains(field == .start ? "Enter Start the talk" : "Enter next field"), "\(field): \(bar)")
        }
    }
}

struct SetupLabelFixTests {
    /// Names left empty become the roles; the card then says "Leader", not "Leader · leader".
    @Test(arguments: [Language.en, .nb, .da])
    func aNameThatIsTheRoleIsShownOnce(language: Language) throws {
        var state = Fixtures.state(language, size: Size(width: 100, height: 30))
        Fixtures.press([.character("n")], &state)
        state.setup.focus = .start
        let effects = Fixtures.press([.enter], &state)
        guard case .startTalk(let setup)? = effects.first else { Issue.record("no start: \(effects)"); return }
        let t = Localizer(language)
        #expect(setup.participants.map(\.name) == [t(.roleLeader), t(.roleEmployee)])
        let session = try Session.start(setup, decks: Fixtures.decks, id: "2026-11-19-0900-abcd", now: Fixtures.start)
        let screen = view(Fixtures.talkState(session, language: language, size: Size(width: 100, height: 30))).text
        #expect(screen.contains("┌ \(t(.roleLeader)) ─"), "\(screen)")
        #expect(screen.contains("┌ \(t(.roleEmployee)) ─"), "\(screen)")
        #expect(!screen.contains("\(t(.roleLeader)) · \(t.role(.leader))"), "\(screen)")
        // A real name keeps its role beside it.
        let named = view(Fixtures.talkState(Fixtures.oneOnOne(language), language: language, size: Size(width: 100, height: 30))).text
        #expect(named.contains("┌ Kari · \(t.role(.leader)) ─"), "\(named)")
    }

    @Test func theTeamsTitleIsItsNameAndSaysWhatItLinks() {
        var state = Fixtures.state(.en)
        Fixtures.press([.character("t")], &state)
        let screen = view(state).text
        #expect(screen.contains("Team name"))
        #expect(!screen.contains("Title"))
        #expect(screen.contains("Links the meetings of one team"))
        // A 1:1 keeps its plain title, with no hint.
        Fixtures.press([.escape, .character("n")], &state)
        let oneOnOne = view(state).text
        #expect(oneOnOne.contains("Title") && !oneOnOne.contains("Team name") && !oneOnOne.contains("Links the meetings"))
    }
}

struct LeaveToHomeTests {
    static func fromHome(_ session: Session) -> AppState {
        var state = Fixtures.talkState(session, language: .en)
        state.hasHome = true
        return state
    }

    @Test func qInATalkOpenedFromHomeAsksToCloseItNotToQuit() {
        var state = Self.fromHome(Fixtures.oneOnOne(.en))
        Fixtures.press([.enter], &state)
        Fixtures.type("saved first", &state)
        Fixtures.press([.escape], &state)
        #expect(Fixtures.press([.character("q")], &state) == [.closeTalk])
        // Nothing is let go before the run loop has saved it.
        #expect(state.talk?.card?.response(of: "p1")?.text == "saved first")
        #expect(update(&state, .talkClosed) == [.loadSessions])
        #expect(state.screen == .home && state.talk == nil)
        // On the home screen q leaves the program.
        #expect(Fixtures.press([.character("q")], &state) == [.quit])
    }

    @Test func qOnTheSummaryAndSinceLastTimeGoesHomeToo() {
        var state = Self.fromHome(Fixtures.oneOnOne(.en))
        Fixtures.press([.character("f")], &state)
        #expect(state.talk?.phase == .summary)
        #expect(Fixtures.press([.character("q")], &state) == [.closeTalk])
        state = Self.fromHome(Fixtures.oneOnOne(.en))
        state.talk?.phase = .sinceLastTime
        #expect(Fixtures.press([.character("q")], &state) == [.closeTalk])
    }

    @Test func ctrlCAlwaysLeavesAndStartedTalksStillQuitOnQ() {
        var state = Self.fromHome(Fixtures.oneOnOne(.en))
        #expect(Fixtures.press([.control("c")], &state) == [.quit])
        // `tillit start` / `tillit resume`: no home screen to go back to.
        var started = Fixtures.talkState(Fixtures.oneOnOne(.en), language: .en)
        #expect(Fixtures.press([.character("q")], &started) == [.quit])
    }

    @Test func helpSaysWhereQGoes() {
        var state = Self.fromHome(Fixtures.oneOnOne(.en))
        state.size = Size(width: 100, height: 40)
        Fixtures.press([.character("?")], &state)
        let screen = view(state).text
        #expect(screen.contains("back to the home screen"), "\(screen)")
        var started = Fixtures.talkState(Fixtures.oneOnOne(.en), language: .en, size: Size(width: 100, height: 40))
        Fixtures.press([.character("?")], &started)
        #expect(!view(started).text.contains("back to the home screen"))
    }
}

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

struct DecksScreenFixTests {
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

struct PresentationLeftoverTests {
    @Test func digitsAndBackspaceInAOneOnOnePresentationChangeNothingAndSaySo() {
        var state = Fixtures.talkState(Fixtures.oneOnOne(.en), language: .en)
        Fixtures.press([.right], &state)  // energi: text + scale
        Fixtures.press([.character("4")], &state)
        #expect(state.talk?.card?.response(of: "p1")?.rating == 4)
        Fixtures.press([.character("p"), .character("2")], &state)
        #expect(state.talk?.presenting == true)
        #expect(state.talk?.card?.response(of: "p1")?.rating == 4)
        #expect(state.flash?.contains("Press p to go back") == true)
        #expect(view(state).text.contains("Press p to go back"))
        Fixtures.press([.backspace], &state)
        #expect(state.talk?.card?.response(of: "p1")?.rating == 4)
        #expect(state.flash?.contains("Press p to go back") == true)
        // Back on the card, digits rate again.
        Fixtures.press([.character("p"), .character("2")], &state)
        #expect(state.talk?.card?.response(of: "p1")?.rating == 2)
    }

    @Test func aInPresentationOpensNoFormOverTheSharedScreen() {
        for session in [Fixtures.oneOnOne(.en), Fixtures.team(.en)] {
            var state = Fixtures.talkState(session, language: .en)
            Fixtures.press([.character("p"), .character("a")], &state)
            #expect(state.talk?.actionForm == nil)
            #expect(state.talk?.presenting == true)
            #expect(state.flash?.contains("Press p to go back") == true)
        }
    }

    @Test func aTeamsVotesStillCountInPresentationAndShow() {
        var state = Fixtures.talkState(Fixtures.team(.en), language: .en)
        Fixtures.press([.character("p"), .character("4"), .character("5")], &state)
        #expect(state.talk?.card?.ratingCount == 2)
        #expect(state.flash == nil)
    }

    @Test func thePresentationsKeysNameOnlyWhatActs() {
        var state = Fixtures.talkState(Fixtures.oneOnOne(.en), language: .en, size: Size(width: 120, height: 40))
        Fixtures.press([.right, .character("p")], &state)
        #expect(!SetupKeyFixTests.keyBar(state).contains("1–5"))
        Fixtures.press([.character("?")], &state)
        let help = view(state).text
        #expect(!help.contains("1–9") && !help.contains("add an agreed action"), "\(help)")
        var team = Fixtures.talkState(Fixtures.team(.en), language: .en, size: Size(width: 120, height: 40))
        Fixtures.press([.character("p")], &team)
        #expect(SetupKeyFixTests.keyBar(team).contains("1–5"))
    }
}
