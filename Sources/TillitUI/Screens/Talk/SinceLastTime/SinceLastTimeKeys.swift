import TillitCore

/// Every key of "since last time": the open actions from earlier talks, each
/// marked done, kept or dropped before the cards; then the open clean-up items,
/// each marked dropped, simplified or kept (with why and by whom), still waiting, or sent up.
enum SinceLastTimeKeys {
    private typealias B = TalkBinding
    private static func onAction(_ c: TalkContext) -> Bool { c.talk.listSelection < c.talk.session.carriedOver.count }
    private static func onItem(_ c: TalkContext) -> Bool { CleanupMoves.chosenCarried(c.talk) != nil }
    private static func rows(_ c: TalkContext) -> Int { c.talk.session.carriedOver.count + c.talk.session.carriedCleanup.count }

    /// Last time's open clean-up items are listed after its actions.
    private static func hasItems(_ c: TalkContext) -> Bool { rows(c) > c.talk.session.carriedOver.count }

    static let table = TalkKeyTable([
        B([.up, .down, .pageUp, .pageDown, .home, .end], when: { rows($0) > 0 },
          bar: .init(10) { $0.ui(.keyChoose) }, help: .init(10, .helpMove)) { key, c in
            _ = moveSelection(&c.talk.listSelection, count: rows(c), key: key); return []
        },
        B([.character("d")], when: onAction, bar: .init(20) { $0.ui(.outcomeDone) }, help: .init(20, .outcomeDone)) { resolve(.done, &$0) },
        B([.character("k")], when: onAction, bar: .init(30) { $0.ui(.keyKeep) }, help: .init(30, .keyKeep)) { resolve(.kept, &$0) },
        B([.character("x")], when: onAction, bar: .init(40) { $0.ui(.keyDrop) }, help: .init(40, .keyDrop)) { resolve(.dropped, &$0) },
        // A clean-up item chosen: each outcome its own key, on the bar and in ?.
        B([.character("x")], when: onItem, bar: .init(20) { $0.ui(.keyDecideDropped) },
          help: .init(45, .helpCleanupDecide, when: hasItems)) { CleanupMoves.mark(.dropped, &$0) },
        B([.character("e")], when: onItem, bar: .init(21) { $0.ui(.keyDecideSimplified) },
          help: .init(46, .keyDecideSimplified, when: hasItems)) { CleanupMoves.mark(.simplified, &$0) },
        B([.character("b")], when: onItem, bar: .init(22) { $0.ui(.keyDecideKept) },
          help: .init(47, .keyDecideKept, when: hasItems)) { CleanupMoves.mark(.kept, &$0) },
        B([.character("w")], when: onItem, bar: .init(23) { $0.ui(.keyDecideWaiting) },
          help: .init(48, .keyDecideWaiting, when: hasItems)) { CleanupMoves.mark(.waiting, &$0) },
        B([.character("o")], when: onItem, bar: .init(24) { $0.ui(.keyDecideSentUp) },
          help: .init(49, .keyDecideSentUp, when: hasItems)) { CleanupMoves.mark(.sentUp, &$0) },
        B([.enter, .right, .tab], bar: .init(50) { $0.ui(.keyToCards) },
          help: .init(50, .keyToCards)) { $0.talk.backToCards() },
    ] + TalkKeys.quit(bar: nil, help: 60))

    /// Marks the chosen item and moves to the next one.
    private static func resolve(_ outcome: CarryOverOutcome, _ c: inout TalkContext) {
        let items = c.talk.session.carriedOver
        guard items.indices.contains(c.talk.listSelection) else { return }
        try? c.talk.session.apply(.resolveCarried(id: items[c.talk.listSelection].id, outcome: outcome), now: c.state.now)
        c.talk.listSelection = min(c.talk.listSelection + 1, items.count - 1)
    }
}
