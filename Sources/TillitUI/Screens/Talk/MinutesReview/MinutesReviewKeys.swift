import TillitCore

/// Keys while the minutes are shown for confirming (the summary's `b`): each
/// person confirms in turn with Enter under their own name; Esc goes back.
enum MinutesReviewKeys {
    private typealias B = TalkBinding

    static let table = TalkKeyTable([
        B([.enter], bar: .init(10) { $0.ui(.keyConfirmMinutes) },
          help: .init(10, .helpConfirmMinutes)) { MinutesReviewMoves.confirmNext(&$0) },
        B([.up, .down, .pageUp, .pageDown, .home, .end], bar: .init(20) { $0.ui(.keyScroll) },
          help: .init(20, .helpMove)) { key, c in MinutesReviewMoves.scroll(key, &c); return [] },
        B([.escape, .left], bar: .init(30) { $0.ui(.keyBack) }, help: .init(30, .keyBack)) { $0.talk.minutesReview = nil },
    ] + TalkKeys.quit(bar: 40, help: 40))
}
