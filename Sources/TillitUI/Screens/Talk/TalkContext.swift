import TillitCore

/// What a talk's key bindings read and change: the app, and in it the open
/// talk. One copy: `talk` is `state.talk` itself, so a binding that writes
/// either is never undone by the other. Made only while a talk is open.
struct TalkContext {
    var state: AppState

    init(state: AppState) {
        precondition(state.talk != nil, "a talk's keys without an open talk")
        self.state = state
    }

    var talk: TalkState {
        get { state.talk! }
        _modify { yield &state.talk! }
    }

    var ui: Localizer { state.text }
    var finished: Bool { talk.session.isFinished }
    var writing: Bool { talk.editor != nil }
    var chosenAction: Action? { talk.chosenAction }

    /// Says `key` on the last row until the next key.
    mutating func flash(_ key: UIString) { state.flash = ui(key) }

    /// Says why the engine refused a command (`TalkText.refusal`).
    mutating func refused(_ error: Error) { state.flash = TalkText.refusal(error, ui, card: talk.card) }
}

typealias TalkBinding = KeyBinding<TalkContext>
typealias TalkKeyTable = KeyTable<TalkContext>

/// Bindings every phase of a talk shares.
enum TalkKeys {
    /// q: back to the home screen when tillit started there, else out of the
    /// program; Ctrl-C (handled before any screen) always leaves.
    static func quit(bar barRank: Int?, help helpRank: Int) -> [TalkBinding] {
        [
            TalkBinding([.character("q")],
                        bar: barRank.map { TalkBinding.Bar($0, "q") { TalkView.quitLabel($0.state) } },
                        help: TalkBinding.Help(rank: helpRank, keys: { $0.state.hasHome ? "q" : "q Ctrl-C" },
                                               text: { $0.state.hasHome ? .helpBackHome : .helpQuit }, when: nil)) { _, c in
                TalkScreen.leave(c.state)
            },
            TalkBinding([], when: { $0.state.hasHome }, help: TalkBinding.Help(helpRank + 1, "Ctrl-C", .helpQuit)) { _ in },
        ]
    }

    /// The table for where the talk is: its phase, and the shared screen on top of the cards.
    static func table(_ talk: TalkState) -> TalkKeyTable {
        switch talk.mode {
        case .actionForm: return ActionFormKeys.table
        case .confirmRemove: return RemovalKeys.table
        case .notes: return NotesKeys.table
        case .cleanupForm: return CleanupFormKeys.item
        case .cleanupDecision: return CleanupFormKeys.decision
        case .choosingVoteToRemove: return VoteRemovalKeys.table(on: phaseTable(talk))
        case .hidingAnswer(_, let confirming): return confirming ? HideAnswerKeys.confirm : HideAnswerKeys.choose
        case .browsing, .writing, .reviewingMinutes: return phaseTable(talk)
        }
    }

    private static func phaseTable(_ talk: TalkState) -> TalkKeyTable {
        switch talk.phase {
        case .sinceLastTime: return SinceLastTimeKeys.table
        case .summary: return talk.minutesReview == nil ? SummaryKeys.table : MinutesReviewKeys.table
        case .cards: return talk.presenting ? PresentingKeys.table : CardKeys.table
        }
    }
}
