import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// The talk's key tables (`Sources/TillitUI/Keys/`) are the one list of its
/// keys: in every mode, the key bar and the `?` help show exactly the bindings
/// that are active there, and every key they show is handled by that binding.
struct KeyTableTests {
    /// A state in each mode and phase of a talk, at a size where the whole bar fits.
    static let modes: [(String, AppState)] = {
        let size = Size(width: 240, height: 60)
        func talk(_ session: Session, _ keys: [Key] = [], home: Bool = false) -> AppState {
            var state = Fixtures.talkState(session, language: .en, size: size)
            state.hasHome = home
            Fixtures.press(keys, &state)
            return state
        }
        var withAction = Fixtures.oneOnOne(.en)
        try! withAction.apply(.addAction(id: "a1", text: "Call", owner: "Ola", due: nil, onCurrentCard: true), now: Fixtures.start)
        var earlier = Fixtures.oneOnOne(.en)
        try! earlier.apply(.addAction(id: "a1", text: "Call", owner: "Ola", due: nil, onCurrentCard: false), now: Fixtures.start)
        let setup = TalkSetup(kind: .oneOnOne, language: .en, participants: earlier.participants, deckIDs: ["samtale"])
        let later = try! Session.start(setup, decks: Fixtures.decks, id: "2026-12-10-0900-cafe", now: Fixtures.start, previous: earlier)
        let oneOnOne = Fixtures.oneOnOne(.en)
        let team = Fixtures.team(.en)
        // From the leader's text, where a card opens: the other text, then the action.
        let toActionOnCard: [Key] = [.tab, .tab]
        let esc = Key.escape
        return [
            ("card", talk(oneOnOne, [esc])),
            ("card from home", talk(oneOnOne, [esc], home: true)),
            ("card, text only", talk(oneOnOne, [.pageDown, .pageDown, esc])),
            ("card, rating and text", talk(oneOnOne, [.pageDown, esc])),
            ("card, action focused", talk(withAction, toActionOnCard)),
            ("writing, as a card opens", talk(oneOnOne)),
            ("writing after Enter", talk(oneOnOne, [esc, .tab, .enter])),
            ("team card", talk(team)),
            ("team writing", talk(team, [.right])),
            ("presenting 1:1", talk(oneOnOne, [esc, .character("p")])),
            ("presenting team", talk(team, [.character("p")])),
            ("presenting from home", talk(team, [.character("p")], home: true)),
            ("summary", talk(oneOnOne, [esc, .character("f")])),
            ("summary with parked card", talk(oneOnOne, [esc, .character("m"), esc, .character("f")])),
            ("summary, action chosen", talk(withAction, [esc, .character("f")])),
            ("summary asking about a parked card", talk(oneOnOne, [esc, .character("m"), esc, .character("f"), .character("f")])),
            ("summary finished", talk(oneOnOne, [esc, .character("m"), esc, .character("f"), .character("f"), .character("f")])),
            ("summary finished, action chosen", talk(withAction, [esc, .character("f"), .character("f")])),
            ("since last time", talk(later)),
        ]
    }()

    static func keyBar(_ state: AppState) -> String {
        view(state).text.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    }

    @Test(arguments: modes.map(\.0))
    func barAndHelpShowExactlyTheActiveBindings(mode: String) throws {
        let state = try #require(Self.modes.first { $0.0 == mode }?.1)
        let talk = try #require(state.talk)
        let table = TalkKeys.table(talk)
        let context = TalkContext(state: state)
        let bar = Self.keyBar(state)
        var helpState = state
        helpState.helpVisible = true
        let help = HelpView.entries(helpState)
        let (shownOnBar, shownInHelp) = Self.check(table, context, state: state, mode: mode)
        // Nothing else is on the bar or in the help: each item there is one binding of the table.
        #expect(TalkScreen.keyBar(state, talk).count == shownOnBar, "\(mode): \(bar)")
        #expect(help.count == shownInHelp, "\(mode)")
        // While writing, ? is a letter: there is no help to open, and the bar offers none.
        #expect(shownOnBar > 0 && (shownInHelp > 0) != state.isCapturingText, "\(mode) offers keys")
    }

    /// Walks `table` in one mode: each binding's bar item is on the drawn bar,
    /// and its help line in the `?` list (and drawn there), exactly when it is
    /// active; the key a shown binding is known by (its first) is handled by it,
    /// not taken by another one first. Returns how many are on the bar and in the help.
    static func check<Context>(_ table: KeyTable<Context>, _ context: Context, state: AppState, mode: String,
                               sourceLocation: SourceLocation = #_sourceLocation) -> (bar: Int, help: Int) {
        let bar = keyBar(state)
        var helpState = state
        helpState.helpVisible = true
        let help = HelpView.entries(helpState)
        let helpText = view(helpState).text
        var shownOnBar = 0
        var shownInHelp = 0
        for (index, binding) in table.bindings.enumerated() {
            let name = "\(mode): binding \(index) (\(binding.keys))"
            if let item = binding.bar {
                let entry = binding.barKeys(context) + " " + item.label(context)
                let shown = binding.when(context) && item.when(context)
                #expect(bar.contains(entry) == shown, "\(name): bar \(shown ? "lacks" : "shows") '\(entry)' in '\(bar)'",
                        sourceLocation: sourceLocation)
                if shown { shownOnBar += 1 }
            }
            if let line = binding.help {
                let entry = (binding.helpKeys(context), line.text(context))
                let shown = (line.when ?? binding.when)(context)
                #expect(help.contains { $0 == entry } == shown, "\(name): help \(shown ? "lacks" : "shows") '\(entry.0)'",
                        sourceLocation: sourceLocation)
                if shown {
                    shownInHelp += 1
                    #expect(helpText.contains(state.text(entry.1).split(separator: " ").first.map(String.init) ?? ""), "\(name)",
                            sourceLocation: sourceLocation)
                }
            }
            if binding.isShownOnBar(context) || (binding.isShownInHelp(context) && binding.when(context)), let key = binding.keys.first {
                let first = table.bindings.firstIndex { $0.keys.contains(key) && $0.when(context) }
                #expect(first == index, "\(name): \(key) goes to binding \(first.map(String.init) ?? "none")", sourceLocation: sourceLocation)
            }
        }
        return (shownOnBar, shownInHelp)
    }

    /// Every key of every table does something in a mode where it is active:
    /// it changes the talk, says something, or asks for an effect.
    @Test(arguments: modes.map(\.0))
    func everyActiveKeyDoesSomething(mode: String) throws {
        let state = try #require(Self.modes.first { $0.0 == mode }?.1)
        let talk = try #require(state.talk)
        let context = TalkContext(state: state)
        for binding in TalkKeys.table(talk).bindings where binding.when(context) {
            for key in binding.keys {
                var after = state
                let effects = update(&after, .key(key))
                let changed = after.talk.map { Self.differs($0, talk) } ?? true
                #expect(changed || after.flash != nil || !effects.isEmpty || after.screen != state.screen || Self.isNoOpByDesign(key, mode),
                        "\(mode): \(key) did nothing")
            }
        }
    }

    static func differs(_ a: TalkState, _ b: TalkState) -> Bool {
        a.session != b.session || a.mode != b.mode || a.phase != b.phase || a.focus != b.focus || a.presenting != b.presenting
            || a.hintVisible != b.hintVisible || a.listSelection != b.listSelection
    }

    /// Keys that may find nothing to do: moving past the end of a list or of
    /// one field, Home on the first card, ⌫ with nothing to take back, Enter
    /// with no field to write in or no parked card to open (the bar then hides it).
    static func isNoOpByDesign(_ key: Key, _ mode: String) -> Bool {
        [.up, .home, .pageUp, .end, .down, .pageDown, .tab, .backTab, .left, .backspace, .delete, .enter].contains(key)
    }
}

/// The other screens' key tables (`ScreenKeys`: home, history, a talk read
/// from it, decks, a deck's cards, trends), checked as the talk's are: the bar
/// and the `?` help show exactly the active bindings, each handled by its own.
struct ScreenKeyTableTests {
    static let modes: [(String, AppState)] = {
        let size = Size(width: 240, height: 60)
        func screen(_ screen: Screen, _ keys: [Key] = [], _ change: (inout AppState) -> Void = { _ in }) -> AppState {
            var state = Fixtures.state(.en, size: size, screen: screen)
            change(&state)
            Fixtures.press(keys, &state)
            return state
        }
        var items = [
            TalkListItem(id: "2026-11-19-0900-abcd", title: "Self-leadership", kind: .oneOnOne, participants: "Kari, Ola",
                         createdAt: Fixtures.start, handled: 2, cardCount: 3, finished: false),
            TalkListItem(id: "2026-11-12-0900-beef", title: "Self-leadership", kind: .oneOnOne, participants: "Kari, Ola",
                         createdAt: Fixtures.start, handled: 3, cardCount: 3, finished: true),
        ]
        for index in items.indices { items[index].deckIDs = ["samtale"] }
        func read(_ session: Session) -> (inout AppState) -> Void {
            { state in _ = update(&state, .talkOpened(session, path: "/tmp/x.json", readOnly: true)) }
        }
        var finished = Fixtures.oneOnOne(.en)
        try! finished.apply(.finish, now: Fixtures.start)
        return [
            ("home", screen(.home)),
            ("home with a talk to continue", screen(.home) { $0.sessions = SessionList(items: items) }),
            ("history", screen(.history) { $0.sessions = SessionList(items: items) }),
            ("history, finished talk chosen", screen(.history, [.down]) { $0.sessions = SessionList(items: items) }),
            ("history, empty", screen(.history)),
            ("talk read", screen(.history, [], read(Fixtures.oneOnOne(.en)))),
            ("finished talk read", screen(.history, [], read(finished))),
            ("decks", screen(.decks)),
            ("deck's cards", screen(.decks, [.enter])),
            ("trends", screen(.trends) { $0.trendsScreen.returnTo = .history }),
            ("setup, writing a name", screen(.home, [.character("n")])),
            ("setup, kind of talk", screen(.home, [.character("n"), .up])),
            ("setup, a deck", screen(.home, [.character("n"), .down, .down])),
            ("setup, timer", screen(.home, [.character("t")]).focused(.timer)),
            ("setup, anonymous", screen(.home, [.character("t")]).focused(.anonymous)),
            ("setup, votes from phones", screen(.home, [.character("t")]).focused(.votesFromPhones)),
            ("setup, start", screen(.home, [.character("n")]).focused(.start)),
        ]
    }()

    @Test(arguments: modes.map(\.0))
    func barAndHelpShowExactlyTheActiveBindings(mode: String) throws {
        let state = try #require(Self.modes.first { $0.0 == mode }?.1)
        let table = try #require(ScreenKeys.table(state.screen))
        let bar = KeyTableTests.keyBar(state)
        var helpState = state
        helpState.helpVisible = true
        let help = HelpView.entries(helpState)
        let (shownOnBar, shownInHelp) = KeyTableTests.check(table, state, state: state, mode: mode)
        #expect(ScreenKeys.bar(state).count == shownOnBar, "\(mode): \(bar)")
        #expect(help.count == shownInHelp && shownOnBar > 0 && shownInHelp > 0, "\(mode)")
    }

    /// What a key may change on these screens, as one comparable line.
    static func fingerprint(_ state: AppState) -> String {
        "\(state.screen) \(state.homeSelection) \(state.historySelection) \(state.deckSelection) \(state.scroll) "
            + "\(state.trendsScreen) \(state.flash ?? "") \(state.confirmDelete ?? "") \(state.talk == nil) \(state.config.language) "
            + "\(state.setup)"
    }

    @Test(arguments: modes.map(\.0))
    func everyActiveKeyDoesSomething(mode: String) throws {
        let state = try #require(Self.modes.first { $0.0 == mode }?.1)
        let table = try #require(ScreenKeys.table(state.screen))
        for binding in table.bindings where binding.when(state) {
            for key in binding.keys {
                var after = state
                let effects = update(&after, .key(key))
                // Moving past the end of a list, scrolling up at the top, or a row
                // that is not there (nothing chosen, no talk to continue) may do nothing.
                let noOpByDesign = [.up, .home, .pageUp, .end, .down, .pageDown, .enter, .right].contains(key)
                    || (key == .character("c") && state.latestUnfinished == nil)
                    || (key == .character("o") && state.oldTalks.isEmpty)
                    || state.sessions.items.isEmpty && state.screen == .history
                #expect(Self.fingerprint(after) != Self.fingerprint(state) || !effects.isEmpty || noOpByDesign,
                        "\(mode): \(key) did nothing")
            }
        }
    }
}

private extension AppState {
    /// The new talk's form with `field` focused.
    func focused(_ field: SetupState.Field) -> AppState {
        var state = self
        state.setup.focus = field
        return state
    }
}
