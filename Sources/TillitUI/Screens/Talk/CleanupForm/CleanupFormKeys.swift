import TillitCore

/// Every key of the clean-up item form (`c`) and of the line a decision asks
/// for in "since last time". Keys not here are text in the focused field.
enum CleanupFormKeys {
    private typealias B = TalkBinding
    private static func onChoice(_ c: TalkContext) -> Bool { c.talk.cleanupForm.map { $0.editor == nil } ?? false }

    static let item = TalkKeyTable([
        B([.escape], bar: .init(90) { $0.ui(.keyCancel) }) { CleanupMoves.cancel(&$0) },
        B([.tab, .down, .backTab, .up], bar: .init(20) { $0.ui(.keyField) }) { key, c in
            CleanupMoves.focus(by: key == .tab || key == .down ? 1 : -1, &c); return []
        },
        B([.left, .right, .character(" ")], when: onChoice, bar: .init(30) { $0.ui(.keyChoose) }) { key, c in
            CleanupMoves.choose(key == .left ? -1 : 1, &c); return []
        },
        B([.enter], bar: .init(10) { $0.ui(.keySave) }) { CleanupMoves.enter(&$0) },
    ], otherKeys: { key, c in CleanupMoves.type(key, &c); return [] })

    static let decision = TalkKeyTable([
        B([.escape], bar: .init(90) { $0.ui(.keyCancel) }) { $0.talk.mode = .browsing },
        B([.tab, .backTab, .down, .up], bar: .init(20) { $0.ui(.keyField) }) { CleanupMoves.decisionFocus(&$0) },
        B([.enter], bar: .init(10) { $0.ui(.keySave) }) { CleanupMoves.saveDecision(&$0) },
    ], otherKeys: { key, c in CleanupMoves.typeDecision(key, &c); return [] })
}
