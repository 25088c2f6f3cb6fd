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
        let toActionOnCard: [Key] = [.tab, .tab, .tab, .tab]
        return [
            ("card", talk(oneOnOne)),
            ("card from home", talk(oneOnOne, home: true)),
            ("card, text only", talk(oneOnOne, [.right, .right])),
            ("card, action focused", talk(withAction, toActionOnCard)),
            ("writing", talk(oneOnOne, [.tab, .tab, .enter])),
            ("team card", talk(team)),
            ("presenting 1:1", talk(oneOnOne, [.character("p")])),
            ("presenting team", talk(team, [.character("p")])),
            ("presenting from home", talk(team, [.character("p")], home: true)),
            ("summary", talk(oneOnOne, [.character("f")])),
            ("summary with parked card", talk(oneOnOne, [.character("m"), .character("f")])),
            ("summary, action chosen", talk(withAction, [.character("f")])),
            ("summary finished", talk(oneOnOne, [.character("m"), .character("f"), .character("f")])),
            ("summary finished, action chosen", talk(withAction, [.character("f"), .character("f")])),
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
        let context = TalkContext(talk: talk, state: state)
        let bar = Self.keyBar(state)
        var helpState = state
        helpState.helpVisible = true
        let help = HelpView.entries(helpState)
        let helpText = view(helpState).text
        let t = state.text
        var shownOnBar = 0
        var shownInHelp = 0
        for (index, binding) in table.bindings.enumerated() {
            let name = "\(mode): binding \(index) (\(binding.keys))"
            if let item = binding.bar {
                let entry = item.keys(context) + " " + item.label(context)
                let shown = binding.when(context) && item.when(context)
                #expect(bar.contains(entry) == shown, "\(name): bar \(shown ? "lacks" : "shows") '\(entry)' in '\(bar)'")
                if shown { shownOnBar += 1 }
            }
            if let line = binding.help {
                let entry = (line.keys(context), line.text(context))
                let shown = (line.when ?? binding.when)(context)
                #expect(help.contains { $0 == entry } == shown, "\(name): help \(shown ? "lacks" : "shows") '\(entry.0)'")
                if shown {
                    shownInHelp += 1
                    #expect(helpText.contains(t(entry.1).split(separator: " ").first.map(String.init) ?? ""), "\(name)")
                }
            }
            // The key a shown binding is known by (its first) is handled by it, not taken by another one first.
            if binding.isShownOnBar(context) || (binding.isShownInHelp(context) && binding.when(context)), let key = binding.keys.first {
                let first = table.bindings.firstIndex { $0.keys.contains(key) && $0.when(context) }
                #expect(first == index, "\(name): \(key) goes to binding \(first.map(String.init) ?? "none")")
            }
        }
        // Nothing else is on the bar or in the help: each item there is one binding of the table.
        #expect(TalkScreen.keyBar(state, talk).count == shownOnBar, "\(mode): \(bar)")
        #expect(help.count == shownInHelp, "\(mode)")
        // While writing, ? is a letter: there is no help to open, and the bar offers none.
        #expect(shownOnBar > 0 && (shownInHelp > 0) != state.isCapturingText, "\(mode) offers keys")
    }

    /// Every key of every table does something in a mode where it is active:
    /// it changes the talk, says something, or asks for an effect.
    @Test(arguments: modes.map(\.0))
    func everyActiveKeyDoesSomething(mode: String) throws {
        let state = try #require(Self.modes.first { $0.0 == mode }?.1)
        let talk = try #require(state.talk)
        let context = TalkContext(talk: talk, state: state)
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
