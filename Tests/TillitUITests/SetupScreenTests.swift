import Foundation
import Testing
import TillitCore
@testable import TillitUI

struct SetupKeyTests {
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
        #expect(state.setup.anonymous && state.setup.focus == .votesFromPhones)
        Fixtures.press([.enter], &state)
        #expect(!state.setup.votesFromPhones && state.setup.focus == .people)
        Fixtures.press([.enter], &state)
        #expect(state.setup.people == 0 && state.setup.focus == .start)
        // Space on a selector does nothing; ← → change it.
        state.setup.focus = .timer
        Fixtures.press([.character(" ")], &state)
        #expect(state.setup.timerMinutes == 0)
        Fixtures.press([.right], &state)
        #expect(state.setup.timerMinutes == 1, "1 and 2 minutes a card are offered too (issue 25.7)")
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
            (.shuffle, true, false), (.timer, false, true), (.anonymous, true, false), (.votesFromPhones, true, false),
            (.start, false, false),
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

/// "Votes from phones": a team talk that opens the voting room with its first card, as `tillit start --room`.
struct SetupVotesFromPhonesTests {
    @Test func aTeamTicksItAndTheTalkStartsWithTheRoom() {
        var state = Fixtures.state(.en, size: Size(width: 100, height: 30))
        Fixtures.press([.character("t")], &state)
        #expect(state.setup.fields.contains(.votesFromPhones))
        #expect(view(state).text.contains("Votes from phones     [ ] no"), "\(view(state).text)")
        while state.setup.focus != .votesFromPhones { Fixtures.press([.down], &state) }
        Fixtures.press([.character(" ")], &state)
        #expect(state.setup.votesFromPhones)
        #expect(view(state).text.contains("Votes from phones     [x] yes"))
        Fixtures.press([.right], &state)
        #expect(!state.setup.votesFromPhones, "← → change it too")
        // How many take part: ← from "not given" wraps to 999, → from there back to "not given", then 7.
        Fixtures.press([.left, .down], &state)
        #expect(state.setup.focus == .people && view(state).text.contains("People taking part    ‹ not given ›"), "\(view(state).text)")
        Fixtures.press([.left], &state)
        #expect(state.setup.people == 999)
        for _ in 0..<8 { Fixtures.press([.right], &state) }
        #expect(state.setup.people == 7 && view(state).text.contains("‹ 7 ›"))
        Fixtures.press([.down], &state)
        guard case .startTalk(let setup)? = Fixtures.press([.enter], &state).first else { Issue.record("no start"); return }
        #expect(setup.kind == .team && setup.votesFromPhones && setup.people == 7)
    }

    @Test func offUnlessTicked() {
        var state = Fixtures.state(.en)
        Fixtures.press([.character("t")], &state)
        state.setup.focus = .start
        guard case .startTalk(let setup)? = Fixtures.press([.enter], &state).first else { Issue.record("no start"); return }
        #expect(!setup.votesFromPhones, "the room opens a network port: only when asked for")
    }

    /// A 1:1 has no room: no row, and a tick left from the team form does not carry over.
    @Test func aOneOnOneHasNoSuchRow() {
        var state = Fixtures.state(.en, size: Size(width: 100, height: 30))
        Fixtures.press([.character("t")], &state)
        state.setup.votesFromPhones = true
        state.setup.focus = .kind
        Fixtures.press([.left], &state)
        #expect(state.setup.kind == .oneOnOne && !state.setup.fields.contains(.votesFromPhones))
        #expect(!view(state).text.contains("Votes from phones"))
        state.setup.focus = .start
        guard case .startTalk(let setup)? = Fixtures.press([.enter], &state).first else { Issue.record("no start"); return }
        #expect(!setup.votesFromPhones)
    }

    @Test(arguments: [Language.nb, .da])
    func theRowSpeaksTheLanguage(language: Language) {
        var state = Fixtures.state(language, size: Size(width: 100, height: 30))
        Fixtures.press([.character("t")], &state)
        #expect(view(state).text.contains("Stem med mobilen"))
    }
}

struct SetupLabelTests {
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
        let screen = view(Fixtures.browsingTalkState(session, language: language, size: Size(width: 100, height: 30))).text
        #expect(screen.contains("┌ \(t(.roleLeader)) ─"), "\(screen)")
        #expect(screen.contains("┌ \(t(.roleEmployee)) ─"), "\(screen)")
        #expect(!screen.contains("\(t(.roleLeader)) · \(t.role(.leader))"), "\(screen)")
        // A real name keeps its role beside it.
        let named = view(Fixtures.browsingTalkState(Fixtures.oneOnOne(language), language: language, size: Size(width: 100, height: 30))).text
        #expect(named.contains("┌ Kari · \(t.role(.leader)) ─"), "\(named)")
    }

    /// Names typed in the form are not thrown away on one Esc (issue 25.6): it asks; Esc again leaves.
    @Test func escOnAFilledFormAsksAndEscAgainLeaves() {
        var state = Fixtures.state(.nb)
        Fixtures.press([.character("n")], &state)
        Fixtures.type("Kari", &state)
        Fixtures.press([.escape], &state)
        #expect(state.screen == .setup && state.setup.error == state.text(.setupDiscardAsk))
        // Another key keeps the form; the next Esc asks again.
        Fixtures.press([.tab, .escape], &state)
        #expect(state.screen == .setup && state.setup.leader.text == "Kari")
        Fixtures.press([.escape], &state)
        #expect(state.screen == .home)
        // An empty form has nothing to lose: Esc leaves at once.
        Fixtures.press([.character("n"), .escape], &state)
        #expect(state.screen == .home)
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

/// The setup form offers names and team titles from earlier talks; Tab takes one.
@Suite("Setup: names from earlier talks")
struct SetupNameSuggestionTests {
    static func state(_ kind: TalkKind = .oneOnOne) -> AppState {
        var state = Fixtures.state(.nb, size: Size(width: 100, height: 30))
        var earlier = TalkListItem(id: "2026-11-01-0900-aaaa", title: "Avdeling Solsiden", kind: .team, participants: "Åse",
                                   createdAt: Fixtures.start, handled: 1, cardCount: 2, finished: true)
        earlier.people = [Participant(id: "p1", name: "Åse Berg", role: .facilitator)]
        var talk = TalkListItem(id: "2026-11-02-0900-bbbb", title: "Selvledelse", kind: .oneOnOne, participants: "Kari, Ola",
                                createdAt: Fixtures.start, handled: 1, cardCount: 3, finished: true)
        talk.people = [Participant(id: "p1", name: "Kari Holm", role: .leader), Participant(id: "p2", name: "Ola Nordmann", role: .employee)]
        state.sessions = SessionList(items: [talk, earlier])
        Fixtures.press([.character(kind == .team ? "t" : "n")], &state)
        return state
    }

    @Test func tabCompletesAnEarlierNameAndThenMovesOn() {
        var state = Self.state()
        let first = state.setup.focus
        Fixtures.type("ka", &state)
        var screen = view(state).text
        #expect(screen.contains("Trykk Enter eller Tab for å bruke «Kari Holm» fra en tidligere samtale") && screen.contains("Tab bruk navnet"),
                "\(screen)")
        Fixtures.press([.tab], &state)
        #expect(state.setup.editor(for: first)?.text == "Kari Holm" && state.setup.focus == first)
        Fixtures.press([.tab], &state)
        #expect(state.setup.focus != first, "with nothing to offer Tab moves on")
        screen = view(state).text
        #expect(!screen.contains("tidligere samtale"), "\(screen)")
    }

    @Test func aNearTwinIsQuestionedAndTabTakesTheEarlierSpelling() {
        var state = Self.state()
        Fixtures.press([.tab], &state)
        let field = state.setup.focus
        Fixtures.type("ola nordmenn", &state)
        #expect(view(state).text.contains("Mente du «Ola Nordmann»?"))
        Fixtures.press([.tab], &state)
        #expect(state.setup.editor(for: field)?.text == "Ola Nordmann")
    }

    /// Enter on a shown completion takes it, as Tab does, and moves on: never silently "Kari", a new person.
    @Test func enterTakesAShownCompletionAndMovesOn() {
        var state = Self.state()
        let first = state.setup.focus
        Fixtures.type("Kari", &state)
        Fixtures.press([.enter], &state)
        #expect(state.setup.editor(for: first)?.text == "Kari Holm")
        #expect(state.setup.focus != first)
        #expect(state.setup.talkSetup(language: .nb).participants.first?.name == "Kari Holm")
    }

    /// A near twin left as typed is asked about at Start, once, on its field; Start again keeps it.
    @Test func startAsksAboutANearTwinOnceThenStartsAsTyped() {
        var state = Self.state()
        Fixtures.press([.tab], &state)
        let field = state.setup.focus
        Fixtures.type("Ola Nordmenn", &state)
        state.setup.focus = .start
        #expect(Fixtures.press([.enter], &state).isEmpty, "no talk yet")
        #expect(state.setup.focus == field)
        #expect(view(state).text.contains("Mente du «Ola Nordmann»? Tab: ja · Start igjen: nei, en ny person"))
        state.setup.focus = .start
        let effects = Fixtures.press([.enter], &state)
        guard case .startTalk(let setup)? = effects.first else { Issue.record("no start: \(effects)"); return }
        #expect(setup.participants.last?.name == "Ola Nordmenn")
    }

    /// Tab after the question takes the earlier name, and Start starts with it.
    @Test func tabAfterTheQuestionTakesTheEarlierName() {
        var state = Self.state()
        Fixtures.type("Kari", &state)
        state.setup.focus = .start
        Fixtures.press([.enter, .tab], &state)
        #expect(state.setup.error == nil)
        state.setup.focus = .start
        let effects = Fixtures.press([.enter], &state)
        guard case .startTalk(let setup)? = effects.first else { Issue.record("no start: \(effects)"); return }
        #expect(setup.participants.first?.name == "Kari Holm")
    }

    @Test func aTeamsTitleIsOfferedToo() {
        var state = Self.state(.team)
        while state.setup.focus != .title { Fixtures.press([.down], &state) }
        Fixtures.type("avd", &state)
        Fixtures.press([.tab], &state)
        #expect(state.setup.title.text == "Avdeling Solsiden")
    }
}
