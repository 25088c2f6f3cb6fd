import TillitCore

/// Every key of the clean-up item form (`c`) and of the line a decision asks
/// for in "since last time". Keys not here are text in the focused field.
enum CleanupFormKeys {
    private typealias B = TalkBinding
    private static func onChoice(_ c: TalkContext) -> Bool { c.talk.cleanupForm.map { $0.editor == nil } ?? false }

    static let item = TalkKeyTable([
        B([.escape], bar: .init(90, "Esc") { $0.ui(.keyCancel) }) { $0.talk.mode = .browsing },
        B([.tab, .down], bar: .init(20, "Tab") { $0.ui(.keyField) }) { CleanupMoves.focus(by: 1, &$0) },
        B([.backTab, .up]) { CleanupMoves.focus(by: -1, &$0) },
        B([.right, .character(" ")], when: onChoice, bar: .init(30, "← →") { $0.ui(.keyChoose) }) { CleanupMoves.choose(1, &$0) },
        B([.left], when: onChoice) { CleanupMoves.choose(-1, &$0) },
        B([.enter], bar: .init(10, "Enter") { $0.ui(.keySave) }) { CleanupMoves.enter(&$0) },
    ])

    static let decision = TalkKeyTable([
        B([.escape], bar: .init(90, "Esc") { $0.ui(.keyCancel) }) { $0.talk.mode = .browsing },
        B([.tab, .backTab, .down, .up], bar: .init(20, "Tab") { $0.ui(.keyField) }) { CleanupMoves.decisionFocus(&$0) },
        B([.enter], bar: .init(10, "Enter") { $0.ui(.keySave) }) { CleanupMoves.saveDecision(&$0) },
    ])

    static func handle(_ key: Key, _ c: inout TalkContext) -> [Effect] {
        if c.talk.cleanupForm != nil {
            if let effects = item.handle(key, &c) { return effects }
            CleanupMoves.type(key, &c)
        } else if c.talk.cleanupDecision != nil {
            if let effects = decision.handle(key, &c) { return effects }
            CleanupMoves.typeDecision(key, &c)
        }
        return []
    }
}
