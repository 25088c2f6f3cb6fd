import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// Every key on every screen, through `update`, checked on the state it leaves.
struct HomeAndSetupKeyTests {
    @Test func homeKeysOpenEachScreen() {
        var state = Fixtures.state()
        #expect(Fixtures.press([.character("n")], &state).isEmpty)
        #expect(state.screen == .setup && state.setup.kind == .oneOnOne)
        state.screen = .home
        Fixtures.press([.character("t")], &state)
        #expect(state.screen == .setup && state.setup.kind == .team)
        state.screen = .home
        #expect(Fixtures.press([.character("h")], &state) == [.loadSessions])
        #expect(state.screen == .history)
        state.screen = .home
        Fixtures.press([.character("d")], &state)
        #expect(state.screen == .decks)
        state.screen = .home
        #expect(Fixtures.press([.character("q")], &state) == [.quit])
        // Esc on the home screen does not leave the program (issue 25.6): it says how to.
        #expect(Fixtures.press([.escape], &state).isEmpty && state.flash == state.text(.homeEscapeHint))
    }

    @Test func theWholeCatalogReplacesTheDecksOfATalkStartedWithItsOwnOnly() {
        var state = Fixtures.state()
        state.config.decks = [Fixtures.teamDeck]
        state.setup = SetupState(kind: .oneOnOne, decks: state.config.decks)
        let skipped = [Diagnostic(path: "/decks/broken.yaml", severity: .error, message: "not YAML")]
        #expect(update(&state, .decksLoaded(Fixtures.decks, skipped: skipped)).isEmpty)
        #expect(state.config.decks == Fixtures.decks)
        #expect(state.config.skippedDecks == skipped)
        #expect(state.setup == SetupState(kind: .oneOnOne, decks: Fixtures.decks), "as if every deck had been there from the start")
        #expect(state.setup.selectedDecks == [Fixtures.oneOnOneDeck.id])
    }

    @Test func homeArrowsAndEnter() {
        var state = Fixtures.state()
        Fixtures.press([.down, .down, .up], &state)
        #expect(state.homeSelection == 1)
        Fixtures.press([.enter], &state)
        #expect(state.screen == .setup && state.setup.kind == .team)
    }

    @Test func continueAppearsOnlyWithAnUnfinishedTalk() {
        var state = Fixtures.state()
        #expect(Fixtures.press([.character("c")], &state).isEmpty)
        state.sessions = SessionList(items: [TalkListItem(id: "2026-11-19-0900-abcd", title: "x", kind: .oneOnOne,
            participants: "", createdAt: Fixtures.start, handled: 0, cardCount: 3, finished: false)])
        #expect(Fixtures.press([.character("c")], &state) == [.openTalk(id: "2026-11-19-0900-abcd", readOnly: false)])
    }

    @Test func setupTypesNamesAndStartsATalk() {
        var state = Fixtures.state()
        Fixtures.press([.character("n")], &state)
        Fixtures.type("Kari", &state)
        Fixtures.press([.tab], &state)
        Fixtures.type("Åsmund", &state)
        // Letters are text in a field: q does not leave, ? does not open help.
        Fixtures.type("q?", &state)
        #expect(state.screen == .setup && !state.helpVisible)
        Fixtures.press([.backspace, .backspace], &state)
        while state.setup.focus != .start { Fixtures.press([.down], &state) }
        let effects = Fixtures.press([.enter], &state)
        guard case .startTalk(let setup)? = effects.first else { Issue.record("no start: \(effects)"); return }
        #expect(setup.participants.map(\.name) == ["Kari", "Åsmund"])
        #expect(setup.participants.map(\.role) == [.leader, .employee])
        #expect(setup.deckIDs == ["samtale"])
        #expect(setup.kind == .oneOnOne)
    }

    @Test func setupTogglesAndRefusesWithoutDecks() {
        var state = Fixtures.state()
        Fixtures.press([.character("t")], &state)
        while state.setup.focus != .deck("trygghet") { Fixtures.press([.tab], &state) }
        Fixtures.press([.character(" ")], &state)
        #expect(state.setup.selectedDecks.isEmpty)
        while state.setup.focus != .timer { Fixtures.press([.tab], &state) }
        Fixtures.press([.right, .right], &state)
        #expect(state.setup.timerMinutes == 2)
        Fixtures.press([.left], &state)
        #expect(state.setup.timerMinutes == 1)
        Fixtures.press([.tab], &state)
        #expect(state.setup.focus == .anonymous)
        Fixtures.press([.character(" ")], &state)
        #expect(state.setup.anonymous == false)
        Fixtures.press([.tab], &state)
        #expect(state.setup.focus == .votesFromPhones)
        Fixtures.press([.character(" ")], &state)
        #expect(state.setup.votesFromPhones)
        Fixtures.press([.tab, .tab], &state)
        #expect(Fixtures.press([.enter], &state).isEmpty)
        #expect(state.setup.error != nil)
        Fixtures.press([.backTab, .backTab, .backTab, .backTab, .backTab, .backTab, .backTab], &state)
        Fixtures.press([.escape], &state)
        #expect(state.screen == .home)
    }

    @Test func kindToggleChoosesAFittingDeck() {
        var state = Fixtures.state()
        Fixtures.press([.character("n")], &state)
        state.setup.focus = .kind
        Fixtures.press([.right], &state)
        #expect(state.setup.kind == .team && state.setup.selectedDecks == ["trygghet"])
    }

    @Test func pasteIntoSetupField() {
        var state = Fixtures.state()
        Fixtures.press([.character("n")], &state)
        _ = update(&state, .paste("Kari\nNordmann"))
        #expect(state.setup.leader.text == "Kari Nordmann")
    }
}

struct CardKeyTests {
    /// PgDn and PgUp move while writing too; → and ← once Esc has stopped it.
    @Test func arrowsMoveAndTheLastCardLeadsToTheSummary() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.escape, .right], &state)
        #expect(state.talk?.session.currentIndex == 1)
        Fixtures.press([.pageDown, .pageUp, .left, .left], &state)
        #expect(state.talk?.session.currentIndex == 1)
        Fixtures.press([.escape, .left], &state)
        #expect(state.talk?.session.currentIndex == 0)
        Fixtures.press([.pageDown, .pageDown, .pageDown], &state)
        #expect(state.talk?.phase == .summary)
        Fixtures.press([.left], &state)
        #expect(state.talk?.phase == .cards && state.talk?.session.currentIndex == 2)
        Fixtures.press([.escape, .home], &state)
        #expect(state.talk?.session.currentIndex == 0)
    }

    @Test func enterWritesEscStopsAndTextIsInTheSession() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.escape, .enter], &state)
        #expect(state.talk?.editor != nil)
        Fixtures.type("Hei på deg", &state)
        // While writing, arrows move the cursor, q and s are letters.
        Fixtures.press([.left, .left, .left, .left, .left, .left, .control("k")], &state)
        Fixtures.type(" q", &state)
        Fixtures.press([.enter], &state)
        Fixtures.type("ny linje", &state)
        Fixtures.press([.escape], &state)
        #expect(state.talk?.editor == nil)
        #expect(state.talk?.card?.response(of: "p1")?.text == "Hei  q\nny linje")
        #expect(state.talk?.card?.status == .answered)
        #expect(state.talk?.session.currentIndex == 0)
    }

    @Test func tabMovesBetweenFieldsAndWritingGoesToTheFocusedPerson() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.escape, .tab, .enter], &state)
        Fixtures.type("Ola skriver", &state)
        Fixtures.press([.backTab], &state)
        #expect(state.talk?.editor != nil)
        Fixtures.type("Kari", &state)
        Fixtures.press([.escape], &state)
        #expect(state.talk?.card?.response(of: "p2")?.text == "Ola skriver")
        #expect(state.talk?.card?.response(of: "p1")?.text == "Kari")
    }

    @Test func shellKeysInAField() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.escape, .enter], &state)
        Fixtures.type("en to tre", &state)
        Fixtures.press([.control("w")], &state)
        #expect(state.talk?.card?.response(of: "p1")?.text == "en to ")
        Fixtures.press([.control("a"), .delete], &state)
        #expect(state.talk?.card?.response(of: "p1")?.text == "n to ")
        Fixtures.press([.control("e"), .backspace, .control("u")], &state)
        #expect(state.talk?.card?.response(of: "p1") == nil)
        #expect(state.talk?.card?.status == .open)
    }

    @Test func digitsRateTheFocusedPersonAndTogglesOff() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        // On arrival the leader's text is ready; Tab past both texts reaches the first rating row.
        Fixtures.press([.pageDown, .tab, .tab, .character("4"), .tab, .character("2")], &state)
        #expect(state.talk?.card?.response(of: "p1")?.rating == 4)
        #expect(state.talk?.card?.response(of: "p2")?.rating == 2)
        Fixtures.press([.character("2")], &state)
        #expect(state.talk?.card?.response(of: "p2")?.rating == nil)
        Fixtures.press([.character("9")], &state)
        #expect(state.flash?.contains("1") == true)
        Fixtures.press([.backTab, .backspace], &state)
        #expect(state.talk?.card?.response(of: "p1")?.rating == nil)
    }

    /// "3 ganger i uka": on a card with text alone a digit is text, even after Esc.
    @Test func digitsOnATextCardAreText() {
        var state = Fixtures.talkState(Fixtures.oneOnOne(.en), language: .en)
        Fixtures.press([.escape, .character("3")], &state)
        #expect(state.flash == nil)
        #expect(state.talk?.card?.response(of: "p1")?.text == "3")
    }

    @Test func anonymousTeamVotesAreCountsAndBackspaceTakesTheLastBack() {
        var state = Fixtures.talkState(Fixtures.team())
        Fixtures.press([.character("4"), .character("4"), .character("2")], &state)
        #expect(state.talk?.card?.anonymousVotes == [4: 2, 2: 1])
        #expect(state.talk?.card?.responses.isEmpty == true)
        Fixtures.press([.backspace], &state)
        #expect(state.talk?.card?.anonymousVotes == [4: 2])
    }

    @Test func skipParkHintPresentAndTheirUndo() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.escape, .character("s")], &state)
        #expect(state.talk?.session.cards[0].status == .skipped && state.talk?.session.currentIndex == 1)
        Fixtures.press([.escape, .character("m")], &state)
        #expect(state.talk?.session.cards[1].status == .parked && state.talk?.session.currentIndex == 2)
        Fixtures.press([.escape, .left, .escape, .character("m")], &state)
        #expect(state.talk?.session.cards[1].status == .open && state.talk?.session.currentIndex == 1)
        Fixtures.press([.character("h")], &state)
        #expect(state.talk?.hintVisible == true)
        Fixtures.press([.right], &state)
        #expect(state.talk?.hintVisible == false)
        Fixtures.press([.escape, .character("p")], &state)
        #expect(state.talk?.presenting == true)
        Fixtures.press([.escape], &state)
        #expect(state.talk?.presenting == false)
    }

    @Test func actionFormAddsAnActionOnTheCard() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.escape, .character("a")], &state)
        Fixtures.type("Lage ukeplan", &state)
        Fixtures.press([.enter], &state)
        Fixtures.type("Ola", &state)
        Fixtures.press([.enter], &state)
        Fixtures.type("31.02", &state)
        Fixtures.press([.enter], &state)
        #expect(state.talk?.actionForm?.error != nil)
        Fixtures.press([.control("u")], &state)
        Fixtures.type("15.12.2026", &state)
        Fixtures.press([.enter], &state)
        #expect(state.talk?.actionForm == nil)
        let action = state.talk?.session.actions.first
        #expect(action?.text == "Lage ukeplan" && action?.owner == "Ola" && action?.due == "2026-12-15")
        #expect(action?.fromCard == "samtale/handlingsrom")
        #expect(view(state).text.contains("Lage ukeplan — Ola"))
    }

    @Test func actionFormEscCancelsAndEmptyTextIsRefused() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.escape, .character("a"), .tab, .tab, .enter], &state)
        #expect(state.talk?.actionForm?.error != nil)
        Fixtures.press([.escape], &state)
        #expect(state.talk?.actionForm == nil && state.talk?.session.actions.isEmpty == true)
    }

    @Test func qAndCtrlCLeave() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        #expect(Fixtures.press([.escape, .character("q")], &state) == [.quit])
        Fixtures.press([.enter], &state)
        #expect(Fixtures.press([.control("c")], &state) == [.quit])
    }

    @Test func helpOpensWithQuestionMarkAndAnyKeyCloses() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.escape, .character("?")], &state)
        #expect(state.helpVisible && view(state).text.contains("Taster"))
        Fixtures.press([.character("x")], &state)
        #expect(!state.helpVisible && state.talk?.session.currentIndex == 0)
    }

    @Test func pasteArrivesWholeWithLineBreaks() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        _ = update(&state, .paste("første linje\r\nandre linje 👍"))
        #expect(state.talk?.card?.response(of: "p1")?.text == "første linje\nandre linje 👍")
        #expect(state.talk?.editor != nil)
    }

    @Test func tickCountsTimeOnTheCardEveryFifteenSeconds() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        _ = update(&state, .tick(Fixtures.start.addingTimeInterval(10)))
        #expect(state.talk?.session.cards[0].secondsSpent == 0)
        _ = update(&state, .tick(Fixtures.start.addingTimeInterval(20)))
        #expect(state.talk?.session.cards[0].secondsSpent == 20)
        #expect(state.talk?.secondsOnCard(now: Fixtures.start.addingTimeInterval(25)) == 25)
    }
}

struct SummaryAndListKeyTests {
    @Test func sinceLastTimeMarksEachActionAndGoesOn() {
        var earlier = Fixtures.oneOnOne()
        try! earlier.apply(.addAction(id: "a1", text: "En", owner: "Ola", due: nil, onCurrentCard: false), now: Fixtures.start)
        try! earlier.apply(.addAction(id: "a2", text: "To", owner: "Kari", due: nil, onCurrentCard: false), now: Fixtures.start)
        try! earlier.apply(.addAction(id: "a3", text: "Tre", owner: "Kari", due: nil, onCurrentCard: false), now: Fixtures.start)
        let setup = TalkSetup(kind: .oneOnOne, language: .nb, participants: earlier.participants, deckIDs: ["samtale"])
        let session = try! Session.start(setup, decks: Fixtures.decks, id: "2026-12-10-0900-cafe", now: Fixtures.start, previous: earlier)
        var state = Fixtures.talkState(session)
        #expect(state.talk?.phase == .sinceLastTime)
        Fixtures.press([.character("d"), .character("k"), .character("x")], &state)
        #expect(state.talk?.session.carriedOver.map(\.outcome) == [.done, .kept, .dropped])
        Fixtures.press([.enter], &state)
        #expect(state.talk?.phase == .cards)
    }

    @Test func summaryJumpsToParkedCardsFinishesAndExports() {
        var session = Fixtures.oneOnOne()
        try! session.apply(.next, now: Fixtures.start)
        try! session.apply(.park, now: Fixtures.start)
        var state = Fixtures.talkState(session)
        Fixtures.press([.escape, .character("f")], &state)
        #expect(state.talk?.phase == .summary)
        Fixtures.press([.enter], &state)
        #expect(state.talk?.phase == .cards && state.talk?.session.currentIndex == 1)
        // The card is still parked: the first f asks, the second finishes anyway.
        Fixtures.press([.escape, .character("f"), .character("f")], &state)
        #expect(state.talk?.session.isFinished == false && state.flash == state.text(.finishWithParkedCards, 1))
        Fixtures.press([.character("f")], &state)
        #expect(state.talk?.session.isFinished == true)
        Fixtures.press([.left], &state)
        #expect(state.talk?.phase == .summary)
        #expect(Fixtures.press([.character("e")], &state) == [.exportTalk(id: session.id)])
        Fixtures.press([.character("f")], &state)
        #expect(state.talk?.session.isFinished == false)
        Fixtures.press([.character("n")], &state)
        Fixtures.type("Godt møte", &state)
        Fixtures.press([.escape], &state)
        #expect(state.talk?.session.notes == "Godt møte")
        #expect(Fixtures.press([.character("q")], &state) == [.quit])
    }

    @Test func historyOpensReadsContinuesAndDeletesAfterAsking() {
        var state = Fixtures.state(screen: .history)
        state.sessions = SessionList(items: [
            TalkListItem(id: "b", title: "B", kind: .team, participants: "", createdAt: Fixtures.start, handled: 0, cardCount: 2, finished: false),
            TalkListItem(id: "a", title: "A", kind: .oneOnOne, participants: "", createdAt: Fixtures.start, handled: 3, cardCount: 3, finished: true),
        ])
        Fixtures.press([.down], &state)
        #expect(Fixtures.press([.enter], &state) == [.openTalk(id: "a", readOnly: true)])
        #expect(Fixtures.press([.character("c")], &state).isEmpty)
        #expect(state.flash != nil)
        Fixtures.press([.up], &state)
        #expect(Fixtures.press([.character("c")], &state) == [.openTalk(id: "b", readOnly: false)])
        Fixtures.press([.character("x")], &state)
        #expect(state.confirmDelete == "b")
        #expect(Fixtures.press([.character("n")], &state).isEmpty)
        Fixtures.press([.character("x")], &state)
        #expect(Fixtures.press([.character("j")], &state) == [.deleteTalk(id: "b"), .loadSessions])
        Fixtures.press([.escape], &state)
        #expect(state.screen == .home)
    }

    @Test func readOnlyViewScrollsAndCannotEdit() {
        var state = Fixtures.state(screen: .history)
        _ = update(&state, .talkOpened(Fixtures.oneOnOne(), path: "/tmp/x.json", readOnly: true))
        #expect(state.screen == .transcript && state.talk?.readOnly == true)
        Fixtures.press([.down, .down, .pageDown], &state)
        #expect(state.scroll == 12)
        #expect(Fixtures.press([.character("c")], &state) == [.openTalk(id: "2026-11-19-0900-abcd", readOnly: false)])
    }

    @Test func decksListPreviewsAndStartsATalkWithADeck() {
        var state = Fixtures.state(screen: .decks)
        Fixtures.press([.down, .enter], &state)
        #expect(state.screen == .deckPreview)
        #expect(view(state).text.contains("Hvor lett er det å si fra"))
        Fixtures.press([.escape, .character("n")], &state)
        #expect(state.screen == .setup && state.setup.kind == .team && state.setup.selectedDecks == ["trygghet"])
    }

    @Test func tooSmallScreenActsOnNoKey() {
        var state = Fixtures.talkState(Fixtures.oneOnOne(), size: Size(width: 40, height: 10))
        Fixtures.press([.right], &state)
        #expect(state.talk?.session.currentIndex == 0)
        #expect(view(state).text.contains("for lite"))
    }
}
