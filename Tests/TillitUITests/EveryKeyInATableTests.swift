import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// No key is bound by hand: in every mode of every screen, a key that does
/// anything is one the mode's key table holds (or text, where the mode takes
/// text), and every key the table holds is named in the `?` list.
struct EveryKeyInATableTests {
    /// Every key a person can press that tillit tells apart.
    static let universe: [Key] = {
        let letters = "abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ0123456789 ,.-!"
        return letters.map { Key.character($0) } + [
            .enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown,
            .control("a"), .control("e"), .control("k"), .control("u"), .control("w"), .function(1),
        ]
    }()

    /// The talk's modes of `KeyTableTests`, and the modes that sit on top of a card or the summary.
    static let talkModes: [(String, AppState)] = {
        let size = Size(width: 240, height: 60)
        func talk(_ session: Session, _ keys: [Key]) -> AppState {
            var state = Fixtures.talkState(session, language: .en, size: size)
            Fixtures.press(keys, &state)
            return state
        }
        var withAction = Fixtures.oneOnOne(.en)
        try! withAction.apply(.addAction(id: "a1", text: "Call", owner: "Ola", due: nil, onCurrentCard: true), now: Fixtures.start)
        var votedBefore = Fixtures.team(.en)
        for value in [4, 4, 2] { try! votedBefore.apply(.addVote(value: value, participant: nil), now: Fixtures.start) }
        return KeyTableTests.modes + [
            ("action form", talk(Fixtures.oneOnOne(.en), [.escape, .character("a")])),
            ("removing an action?", talk(withAction, [.tab, .tab, .character("x")])),
            ("notes", talk(Fixtures.oneOnOne(.en), [.escape, .character("f"), .character("n")])),
            ("private notes", talk(Fixtures.oneOnOne(.en), [.escape, .character("f"), .character("n"), .tab])),
            ("which vote to take back?", talk(votedBefore, [.backspace])),
            ("which answer to hide?", WrittenAnswersScreenTests.revealed().pressing([.character("x")])),
            ("hide the answer?", WrittenAnswersScreenTests.revealed().pressing([.character("x"), .enter])),
        ]
    }()

    @Test func theModesOnTopAreReached() throws {
        let modes = Dictionary(uniqueKeysWithValues: Self.talkModes.map { ($0.0, $0.1.talk?.mode) })
        #expect(modes["action form"].flatMap { $0?.isActionForm } == true)
        #expect(modes["removing an action?"] == .confirmRemove(actionID: "a1"))
        #expect(modes["which vote to take back?"] == .choosingVoteToRemove)
        #expect(Self.talkModes.first { $0.0 == "private notes" }?.1.talk?.notesArePrivate == true)
    }

    /// Whether `key` changed anything in `state`: the talk, the screen, a line said, an effect asked for.
    static func doesSomething(_ key: Key, _ state: AppState) -> Bool {
        var after = state
        let effects = update(&after, .key(key))
        // "Which vote?" ends with any key, by its own rule (`VoteRemovalKeys`): compare with it ended.
        var state = state
        state.talk?.choosingVoteToRemove = false
        // Every key clears the last line said; saying a new one is doing something.
        return !effects.isEmpty || (after.flash != nil && after.flash != state.flash) || after.screen != state.screen
            || after.helpVisible
            || ScreenKeyTableTests.fingerprint(after.quiet) != ScreenKeyTableTests.fingerprint(state.quiet)
            || talkDiffers(after.talk, state.talk)
    }

    @Test(arguments: talkModes.map(\.0))
    func aTalkKeyThatDoesSomethingIsInTheTable(mode: String) throws {
        let state = try #require(Self.talkModes.first { $0.0 == mode }?.1)
        let talk = try #require(state.talk)
        let table = TalkKeys.table(talk)
        let context = TalkContext(state: state)
        // Keys every screen shares, handled before any table: ? opens the list, Ctrl-C leaves.
        let shared: Set<Key> = [.character("?")]
        let takesText = state.isCapturingText || CardKeys.typingStartsWriting(context)
        for key in Self.universe where !shared.contains(key) && Self.doesSomething(key, state) {
            let bound = table.binding(for: key, context) != nil || table.otherKeys != nil
            let typed = takesText && !Self.isCommandKey(key)
            #expect(bound || typed, "\(mode): \(key) does something no binding declares")
        }
    }

    @Test(arguments: ScreenKeyTableTests.modes.map(\.0))
    func aScreenKeyThatDoesSomethingIsInTheTable(mode: String) throws {
        let state = try #require(ScreenKeyTableTests.modes.first { $0.0 == mode }?.1)
        let table = try #require(ScreenKeys.table(state.screen))
        for key in Self.universe where key != .character("?") && Self.doesSomething(key, state) {
            let bound = table.binding(for: key, state) != nil || table.otherKeys != nil
            #expect(bound || state.isCapturingText, "\(mode): \(key) does something no binding declares")
        }
    }

    /// Keys a text field does not take as text.
    static func isCommandKey(_ key: Key) -> Bool {
        [.escape, .function(1)].contains(key)
    }

    /// Each key an active binding holds is named in `?`, unless the binding
    /// only says why the key does nothing here (the shared screen's "not here").
    @Test(arguments: talkModes.map(\.0))
    func everyKeyOfTheTableIsInTheHelp(mode: String) throws {
        let state = try #require(Self.talkModes.first { $0.0 == mode }?.1)
        guard !state.isCapturingText, let talk = state.talk, talk.confirmRemove == nil else { return }
        let context = TalkContext(state: state)
        let table = TalkKeys.table(talk)
        let named = Set(table.help(context).flatMap { $0.0.split(separator: " ").map(String.init) })
        for binding in table.bindings where binding.when(context) {
            for key in binding.keys where !Self.onlyExplains(key, state) {
                let name = KeyLabel.help([key])
                let inRange = key.digit != nil && named.contains { $0.contains("–") }
                #expect(named.contains(name) || inRange, "\(mode): \(name) is handled but not in ?")
            }
        }
    }

    @Test(arguments: ScreenKeyTableTests.modes.map(\.0))
    func everyKeyOfAScreenTableIsInTheHelp(mode: String) throws {
        let state = try #require(ScreenKeyTableTests.modes.first { $0.0 == mode }?.1)
        guard !state.isCapturingText, let table = ScreenKeys.table(state.screen) else { return }
        let named = Set(table.help(state).flatMap { $0.0.split(separator: " ").map(String.init) })
        for binding in table.bindings where binding.when(state) {
            for key in binding.keys where !Self.onlyExplains(key, state) {
                let name = KeyLabel.help([key])
                #expect(named.contains(name), "\(mode): \(name) is handled but not in ?")
            }
        }
    }

    /// A key whose only work is a line saying why it does nothing here.
    static func onlyExplains(_ key: Key, _ state: AppState) -> Bool {
        var after = state
        let effects = update(&after, .key(key))
        var quiet = after
        quiet.flash = state.flash
        return effects.isEmpty && after.flash != nil && ScreenKeyTableTests.fingerprint(quiet) == ScreenKeyTableTests.fingerprint(state)
            && !talkDiffers(quiet.talk, state.talk)
    }

    static func talkDiffers(_ a: TalkState?, _ b: TalkState?) -> Bool {
        guard let a, let b else { return (a == nil) != (b == nil) }
        return KeyTableTests.differs(a, b) || a.notesArePrivate != b.notesArePrivate || a.recentVotes != b.recentVotes
    }
}

private extension AppState {
    var quiet: AppState {
        var state = self
        state.flash = nil
        return state
    }
}

private extension TalkState.Mode {
    var isActionForm: Bool { if case .actionForm = self { return true } else { return false } }
}

extension AppState {
    /// This state after `keys`.
    func pressing(_ keys: [Key]) -> AppState {
        var state = self
        Fixtures.press(keys, &state)
        return state
    }
}
