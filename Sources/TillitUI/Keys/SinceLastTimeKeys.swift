import TillitCore

/// Every key of "since last time": the open actions from earlier talks, each
/// marked done, kept or dropped before the cards.
enum SinceLastTimeKeys {
    private typealias B = TalkBinding

    static let table = TalkKeyTable([
        B([.up, .down, .pageUp, .pageDown, .home, .end], when: { !$0.talk.session.carriedOver.isEmpty },
          bar: .init(10) { $0.ui(.keyChoose) }, help: .init(10, .helpMove)) { key, c in
            _ = moveSelection(&c.talk.listSelection, count: c.talk.session.carriedOver.count, key: key); return []
        },
        B([.character("d")], bar: .init(20) { $0.ui(.outcomeDone) }, help: .init(20, .outcomeDone)) { resolve(.done, &$0) },
        B([.character("k")], bar: .init(30) { $0.ui(.keyKeep) }, help: .init(30, .keyKeep)) { resolve(.kept, &$0) },
        B([.character("x")], bar: .init(40) { $0.ui(.keyDrop) }, help: .init(40, .keyDrop)) { resolve(.dropped, &$0) },
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
