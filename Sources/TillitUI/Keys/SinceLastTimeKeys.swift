import TillitCore

/// Every key of "since last time": the open actions from earlier talks, each
/// marked done, kept or dropped before the cards; then the open clean-up items,
/// each marked dropped, simplified or kept (with why and by whom), still waiting, or sent up.
enum SinceLastTimeKeys {
    private typealias B = TalkBinding
    private static func onAction(_ c: TalkContext) -> Bool { c.talk.listSelection < c.talk.session.carriedOver.count }
    private static func onItem(_ c: TalkContext) -> Bool { CleanupMoves.chosenCarried(c.talk) != nil }
    private static func rows(_ c: TalkContext) -> Int { c.talk.session.carriedOver.count + c.talk.session.carriedCleanup.count }

    static let table = TalkKeyTable([
        B([.up, .down, .pageUp, .pageDown, .home, .end], when: { rows($0) > 0 },
          bar: .init(10, "↑↓") { $0.ui(.keyChoose) }, help: .init(10, "↑ ↓", .helpMove)) { key, c in
            _ = moveSelection(&c.talk.listSelection, count: rows(c), key: key); return []
        },
        B([.character("d")], when: onAction, bar: .init(20, "d") { $0.ui(.outcomeDone) }, help: .init(20, "d", .outcomeDone)) { resolve(.done, &$0) },
        B([.character("k")], when: onAction, bar: .init(30, "k") { $0.ui(.keyKeep) }, help: .init(30, "k", .keyKeep)) { resolve(.kept, &$0) },
        B([.character("x")], when: onAction, bar: .init(40, "x") { $0.ui(.keyDrop) }, help: .init(40, "x", .keyDrop)) { resolve(.dropped, &$0) },
        // A clean-up item chosen.
        B([.character("x")], when: onItem, bar: .init(20, "x") { $0.ui(.keyDecideDropped) },
          help: .init(45, "x e b w o", .helpCleanupDecide, when: { rows($0) > $0.talk.session.carriedOver.count })) { CleanupMoves.mark(.dropped, &$0) },
        B([.character("e")], when: onItem, bar: .init(21, "e") { $0.ui(.keyDecideSimplified) }) { CleanupMoves.mark(.simplified, &$0) },
        B([.character("b")], when: onItem, bar: .init(22, "b") { $0.ui(.keyDecideKept) }) { CleanupMoves.mark(.kept, &$0) },
        B([.character("w")], when: onItem, bar: .init(23, "w") { $0.ui(.keyDecideWaiting) }) { CleanupMoves.mark(.waiting, &$0) },
        B([.character("o")], when: onItem, bar: .init(24, "o") { $0.ui(.keyDecideSentUp) }) { CleanupMoves.mark(.sentUp, &$0) },
        B([.enter, .right, .tab], bar: .init(50, "Enter") { $0.ui(.keyToCards) },
          help: .init(50, "Enter", .keyToCards)) { $0.talk.backToCards() },
        B([.character("q")]) { _, c in TalkScreen.leave(c.state) },
    ])

    /// Marks the chosen item and moves to the next one.
    private static func resolve(_ outcome: CarryOverOutcome, _ c: inout TalkContext) {
        let items = c.talk.session.carriedOver
        guard items.indices.contains(c.talk.listSelection) else { return }
        try? c.talk.session.apply(.resolveCarried(id: items[c.talk.listSelection].id, outcome: outcome), now: c.state.now)
        c.talk.listSelection = min(c.talk.listSelection + 1, items.count - 1)
    }
}
