import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// Agreed actions during the talk: changed, marked done and removed on the
/// card (Tab reaches them) and in the summary's list; the leader's private
/// notes; and drafts that are kept when the program leaves.
struct ActionKeysTests {
    /// A 1:1 on its first card with two actions agreed there.
    static func withTwoActions(finished: Bool = false) -> AppState {
        var session = Fixtures.oneOnOne()
        try! session.apply(.addAction(id: "a1", text: "Ola lager et utkast", owner: "Ola", due: "2026-12-15", onCurrentCard: true),
                           now: Fixtures.start)
        try! session.apply(.addAction(id: "a2", text: "Kari avklarer budsjettet", owner: "Kari", due: nil, onCurrentCard: true),
                           now: Fixtures.start)
        if finished { try! session.apply(.finish, now: Fixtures.start) }
        return Fixtures.talkState(session)
    }

    static func action(_ state: AppState, _ id: String) -> Action? { state.talk?.session.actions.first { $0.id == id } }

    @Test func tabReachesTheActionsOfTheCardAfterTheAnswers() {
        var state = Self.withTwoActions()
        Fixtures.press([.tab, .tab], &state)
        #expect(state.talk?.focusedField == .action(id: "a1"))
        let text = view(state).text
        #expect(text.contains("›• Ola lager et utkast — Ola, 15.12."))
        #expect(text.contains("Enter endre") && text.contains("d gjort") && text.contains("x fjern"))
        Fixtures.press([.tab, .tab], &state)
        #expect(state.talk?.focusedField == .text(participant: "p1"), "Tab goes round")
    }

    @Test func enterOnAnActionOpensTheFormFilledInAndSavesTheChange() {
        var state = Self.withTwoActions()
        Fixtures.press([.tab, .tab, .enter], &state)
        let form = state.talk?.actionForm
        #expect(form?.editing == "a1")
        #expect(form?.text.text == "Ola lager et utkast" && form?.owner.text == "Ola" && form?.due.text == "15.12.2026")
        #expect(view(state).text.contains("Endre avtale"))
        Fixtures.type(" til ny ukeplan", &state)
        Fixtures.press([.tab, .tab, .control("u")], &state)
        Fixtures.type("1.2.2027", &state)
        Fixtures.press([.enter], &state)
        #expect(state.talk?.actionForm == nil)
        #expect(state.flash == "Avtalen er endret.")
        let action = Self.action(state, "a1")
        #expect(action?.text == "Ola lager et utkast til ny ukeplan" && action?.owner == "Ola" && action?.due == "2027-02-01")
        #expect(state.talk?.session.actions.count == 2, "a change adds nothing")
        #expect(action?.fromCard == "samtale/handlingsrom")
    }

    @Test func anOwnerInTheTalkIsSpelledAsTheTalkSpellsThemAndAnyoneElseAsTyped() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.escape, .character("a")], &state)
        Fixtures.type("Ny ukeplan", &state)
        Fixtures.press([.tab], &state)
        Fixtures.type("ola", &state)
        Fixtures.press([.tab, .enter], &state)
        #expect(state.talk?.actionForm == nil)
        Fixtures.press([.character("a")], &state)
        Fixtures.type("Ringe økonomi", &state)
        Fixtures.press([.tab], &state)
        Fixtures.type("Per i økonomi", &state)
        Fixtures.press([.tab, .enter], &state)
        #expect(state.talk?.session.actions.map(\.owner) == ["Ola", "Per i økonomi"], "the same rule as plain mode's @name")
    }

    @Test func dOrSpaceMarksTheFocusedActionDoneAndBack() {
        var state = Self.withTwoActions()
        Fixtures.press([.tab, .tab, .tab, .character("d")], &state)
        #expect(Self.action(state, "a2")?.done == true)
        #expect(Self.action(state, "a1")?.done == false)
        #expect(view(state).text.contains("›✓ Kari avklarer budsjettet — Kari"), "done is a mark, not a colour")
        #expect(view(state).text.contains("d ikke gjort"))
        Fixtures.press([.character(" ")], &state)
        #expect(Self.action(state, "a2")?.done == false)
        #expect(state.flash == "Avtalen er åpen igjen.")
    }

    @Test func xAsksBeforeRemovingAndOnlyJOrYRemoves() {
        var state = Self.withTwoActions()
        Fixtures.press([.tab, .tab, .tab, .character("x")], &state)
        #expect(state.talk?.confirmRemove == "a2")
        #expect(view(state).text.contains("Fjerne avtalen «Kari avklarer budsjettet»? j = ja"))
        Fixtures.press([.character("n")], &state)
        #expect(state.talk?.session.actions.count == 2 && state.talk?.confirmRemove == nil)
        #expect(state.talk?.session.currentIndex == 0, "the answer is not also taken as a key on the card")
        Fixtures.press([.delete, .character("j")], &state)
        #expect(state.talk?.session.actions.map(\.id) == ["a1"])
        #expect(state.flash == "Avtalen er fjernet.")
        #expect(state.talk?.focusedField == .action(id: "a1"), "the focus stays on what is left")
        Fixtures.press([.character("x"), .character("y")], &state)
        #expect(state.talk?.session.actions.isEmpty == true)
        #expect(state.talk?.focusedField == .text(participant: "p2"))
    }

    @Test func theCardListFollowsTheFocusPastTwoActions() {
        var state = Self.withTwoActions()
        try! state.talk!.session.apply(.addAction(id: "a3", text: "Tredje avtale", owner: "", due: nil, onCurrentCard: true),
                                       now: Fixtures.start)
        #expect(!view(state).text.contains("Tredje avtale"))
        Fixtures.press([.backTab], &state)
        #expect(state.talk?.focusedField == .action(id: "a3"))
        #expect(view(state).text.contains("›• Tredje avtale"))
    }

    @Test func aNumberWithAnActionFocusedStillCountsAsAVote() {
        var state = Fixtures.talkState(Fixtures.team())
        try! state.talk!.session.apply(.addAction(id: "a1", text: "Si fra tidligere", owner: "", due: nil, onCurrentCard: true),
                                       now: Fixtures.start)
        Fixtures.press([.tab], &state)
        #expect(state.talk?.focusedField == .action(id: "a1"))
        Fixtures.press([.character("4")], &state)
        #expect(state.talk?.card?.anonymousVotes == [4: 1])
        #expect(state.talk?.focusedField == .votes)

        var oneOnOne = Fixtures.talkState(Fixtures.oneOnOne())
        try! oneOnOne.talk!.session.apply(.next, now: Fixtures.start)
        try! oneOnOne.talk!.session.apply(.addAction(id: "a1", text: "Mer energi", owner: "", due: nil, onCurrentCard: true),
                                          now: Fixtures.start)
        Fixtures.press([.backTab, .character("3")], &oneOnOne)
        #expect(oneOnOne.talk?.card?.response(of: "p1")?.rating == 3, "the first rating row takes it, and shows it")
    }

    @Test func summaryListsParkedCardsThenActionsToChooseFrom() {
        var state = Self.withTwoActions()
        try! state.talk!.session.apply(.next, now: Fixtures.start)
        try! state.talk!.session.apply(.park, now: Fixtures.start)
        Fixtures.press([.escape, .character("f")], &state)
        #expect(state.talk?.chosenAction == nil, "the parked card comes first")
        Fixtures.press([.down], &state)
        #expect(state.talk?.chosenAction?.id == "a1")
        #expect(view(state).text.contains("› • Ola lager et utkast"))
        Fixtures.press([.character("d")], &state)
        #expect(Self.action(state, "a1")?.done == true)
        #expect(view(state).text.contains("› ✓ Ola lager et utkast"))
        Fixtures.press([.down, .enter], &state)
        #expect(state.talk?.actionForm?.editing == "a2")
        Fixtures.press([.control("u")], &state)
        Fixtures.type("Kari avklarer budsjett og bemanning", &state)
        Fixtures.press([.enter, .enter, .enter], &state)
        #expect(Self.action(state, "a2")?.text == "Kari avklarer budsjett og bemanning")
        #expect(state.talk?.phase == .summary)
        Fixtures.press([.character("x"), .character("j")], &state)
        #expect(state.talk?.session.actions.map(\.id) == ["a1"])
        #expect(state.talk?.chosenAction?.id == "a1", "the selection stays on the list")
        Fixtures.press([.up, .enter], &state)
        #expect(state.talk?.phase == .cards && state.talk?.session.currentIndex == 1, "Enter on a parked card still goes there")
    }

    @Test func aFinishedTalkTakesDoneButNoNewWordsUntilReopened() {
        var state = Self.withTwoActions(finished: true)
        #expect(state.talk?.phase == .summary)
        Fixtures.press([.character("a")], &state)
        #expect(state.talk?.actionForm == nil)
        #expect(state.flash?.contains("f") == true)
        Fixtures.press([.enter], &state)
        #expect(state.talk?.actionForm == nil, "no form whose words could not be saved")
        Fixtures.press([.character("x")], &state)
        #expect(state.talk?.confirmRemove == nil)
        Fixtures.press([.character("d")], &state)
        #expect(Self.action(state, "a1")?.done == true, "ticking off is fine after the talk")
    }

    @Test func helpListsTheActionKeys() {
        var state = Self.withTwoActions()
        Fixtures.press([.escape, .character("?")], &state)
        let card = view(state).text
        #expect(card.contains("på en avtale (Tab dit): endre den"))
        // Further down the list (it scrolls at 80x24): each key of a chosen action, named by its binding's keys.
        let entries = HelpView.entries(state)
        #expect(entries.contains { $0.0 == "d Space" && $0.1 == UIString.helpActionDone })
        #expect(entries.contains { $0.0 == "x Del ⌫" && $0.1 == UIString.helpActionRemove })
        #expect(entries.contains { $0.0 == "Ctrl-A E K U W" })
        Fixtures.press([.escape, .character("f"), .character("?")], &state)
        let summary = view(state).text
        #expect(summary.contains("merk den valgte avtalen som gjort"))
        #expect(summary.contains("fjern den valgte avtalen (spør først)"))
        #expect(HelpView.entries(state).contains { $0.0 == "n" && $0.1 == UIString.helpNotesPrivate }, "further down the list at 80x24")
    }

    // MARK: Private notes

    @Test func theLeaderWritesPrivateNotesBesideTheSharedOnes() {
        var state = Self.withTwoActions()
        Fixtures.press([.escape, .character("f"), .character("n")], &state)
        Fixtures.type("Godt møte", &state)
        #expect(view(state).text.contains("Private notater (bare for lederen; ikke i referatet)"))
        Fixtures.press([.tab], &state)
        #expect(state.talk?.notesArePrivate == true)
        Fixtures.type("Ola virker sliten", &state)
        Fixtures.press([.tab], &state)
        Fixtures.type(".", &state)
        Fixtures.press([.escape], &state)
        #expect(state.talk?.session.notes == "Godt møte.")
        #expect(state.talk?.session.privateNotes == "Ola virker sliten")
        let summary = view(state).text
        #expect(!summary.contains("Ola virker sliten"), "the summary says they are there, not what they say")
        #expect(summary.contains("Lederens private notater er lagret"))
        // Writing the shared notes again does not put the private ones on screen.
        Fixtures.press([.character("n")], &state)
        #expect(!view(state).text.contains("Ola virker sliten"))
        #expect(view(state).text.contains("Skjult her. Tab viser dem."))
        Fixtures.press([.tab], &state)
        #expect(view(state).text.contains("Ola virker sliten"))
    }

    @Test func theLongLabelSaysHowToIncludeThemWhenThereIsRoom() {
        var state = Self.withTwoActions()
        state.size = Size(width: 200, height: 60)
        Fixtures.press([.escape, .character("f"), .character("n"), .tab], &state)
        #expect(view(state).text.contains("Private notater (bare for lederen; holdes utenfor referatet uten --include-private)"))
    }

    @Test func aTeamHasNoPrivateNotesAndPresentationNeverShowsThem() {
        var team = Fixtures.talkState(Fixtures.team())
        Fixtures.press([.character("f"), .character("n")], &team)
        Fixtures.type("Referat", &team)
        Fixtures.press([.tab], &team)
        Fixtures.type(" fra møtet", &team)
        #expect(team.talk?.session.notes == "Referat fra møtet" && team.talk?.session.privateNotes == "")
        #expect(!view(team).text.contains("Private"))

        var state = Self.withTwoActions()
        try! state.talk!.session.apply(.setPrivateNotes("Hemmelig"), now: Fixtures.start)
        Fixtures.press([.escape, .character("p")], &state)
        #expect(state.talk?.presenting == true)
        #expect(!view(state).text.contains("Hemmelig"))
    }

    // MARK: Drafts on leaving

    @Test func anOpenNewActionFormIsSavedWhenTheProgramLeaves() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.escape, .character("a")], &state)
        Fixtures.type("Kari booker nytt møte", &state)
        Fixtures.press([.tab], &state)
        Fixtures.type("Kari", &state)
        Fixtures.press([.tab], &state)
        Fixtures.type("15.12.2026", &state)
        #expect(Fixtures.press([.control("c")], &state) == [.quit])
        let message = state.keepDrafts()
        #expect(state.talk?.actionForm == nil)
        let action = state.talk?.session.actions.first
        #expect(action?.text == "Kari booker nytt møte" && action?.owner == "Kari" && action?.due == "2026-12-15")
        #expect(action?.fromCard == "samtale/handlingsrom")
        #expect(message == "Avtalen du skrev på, er lagret: Kari booker nytt møte — Kari, 15.12.")
        #expect(state.keepDrafts() == nil, "once")
    }

    @Test func aDraftWithADateThatCannotBeReadKeepsTheDateInItsText() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.escape, .character("a")], &state)
        Fixtures.type("Kari booker nytt møte", &state)
        Fixtures.press([.tab, .tab], &state)
        Fixtures.type("1.13", &state)
        let message = state.keepDrafts()
        let action = state.talk?.session.actions.first
        #expect(action?.text == "Kari booker nytt møte (frist 1.13)" && action?.due == nil)
        #expect(message?.contains("«1.13» er ikke en dato, så den står i teksten") == true)
    }

    @Test func aChangeInProgressIsMadeWhenTheProgramLeaves() {
        var state = Self.withTwoActions()
        Fixtures.press([.tab, .tab, .enter], &state)
        Fixtures.type(" til ny ukeplan", &state)
        let message = state.keepDrafts()
        #expect(Self.action(state, "a1")?.text == "Ola lager et utkast til ny ukeplan")
        #expect(Self.action(state, "a1")?.due == "2026-12-15")
        #expect(state.talk?.session.actions.count == 2)
        #expect(message?.hasPrefix("Endringen du gjorde på en avtale, er lagret") == true)

        var unchanged = Self.withTwoActions()
        Fixtures.press([.tab, .tab, .enter], &unchanged)
        #expect(unchanged.keepDrafts() == nil, "an edit form left as it was changes nothing and says nothing")
    }

    @Test func anEmptyFormHasNothingToKeep() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.escape, .character("a"), .tab], &state)
        Fixtures.type("Ola", &state)
        #expect(state.keepDrafts() == nil)
        #expect(state.talk?.session.actions.isEmpty == true)
    }
}
