import TillitCore

/// Every key of the summary: one list to move in (the parked cards, then the
/// agreed actions), finishing, export, notes and trends. A finished talk is
/// read-only until f reopens it; only ticking an action off still works there.
enum SummaryKeys {
    private typealias B = TalkBinding
    private static func parked(_ c: TalkContext) -> [Int] { TalkScreen.parkedIndices(c.talk.session) }
    private static func listCount(_ c: TalkContext) -> Int { parked(c).count + c.talk.session.actions.count }
    private static func hasActions(_ c: TalkContext) -> Bool { !c.talk.session.actions.isEmpty }
    private static func onAction(_ c: TalkContext) -> Bool { c.chosenAction != nil }
    private static func open(_ c: TalkContext) -> Bool { !c.finished }

    static let table = TalkKeyTable([
        B([.up, .down, .pageUp, .pageDown, .home, .end], when: { listCount($0) > 0 },
          help: .init(10, .helpMove)) { key, c in
            _ = moveSelection(&c.talk.listSelection, count: listCount(c), key: key); return []
        },
        B([.enter], when: onAction, bar: .init(20, when: open) { $0.ui(.keyChangeAction) },
          help: .init(20, .helpSummaryEnter, when: { open($0) && listCount($0) > 0 })) {
            CardMoves.changeChosenAction(&$0)
        },
        B([.character("d"), .character(" ")], when: onAction,
          bar: .init(30) { ($0.chosenAction?.done ?? false) ? $0.ui(.keyNotDone) : $0.ui(.keyDone) },
          help: .init(30, .helpActionDone, when: hasActions)) { CardMoves.toggleChosenActionDone(&$0) },
        B([.character("x"), .delete, .backspace], when: onAction, bar: .init(40, when: open) { $0.ui(.keyRemove) },
          help: .init(40, .helpActionRemove, when: { hasActions($0) && open($0) })) {
            CardMoves.askToRemoveChosenAction(&$0)
        },
        B([.enter, .character("n"), .character("a")], when: { !open($0) }) { $0.flash(.talkIsFinished) },
        B([.enter], when: { !onAction($0) && open($0) && !parked($0).isEmpty },
          bar: .init(20, when: { !parked($0).isEmpty }) { $0.ui(.keyOpenParked) }) { c in
            let parked = parked(c)
            guard parked.indices.contains(c.talk.listSelection) else { return }
            try? c.talk.session.apply(.jump(to: parked[c.talk.listSelection]), now: c.state.now)
            c.talk.phase = .cards
            CardMoves.cardChanged(&c.talk)
        },
        B([.left, .pageUp, .escape], when: open, bar: .init(10) { $0.ui(.keyBackToCards) },
          help: .init(50, .keyBackToCards)) { $0.talk.backToCards() },
        B([.character("f")], bar: .init(50) { $0.finished ? $0.ui(.keyReopen) : $0.ui(.keyFinish) },
          help: .init(60, .helpFinish), do: { c in
            // A parked card was meant to be come back to: finishing asks first (f again finishes).
            if !c.finished, !parked(c).isEmpty, !c.talk.askedToFinishWithParked {
                c.talk.askedToFinishWithParked = true
                c.talk.listSelection = 0
                c.state.flash = c.ui(.finishWithParkedCards, parked(c).count)
                return
            }
            MinutesReviewMoves.finishOrReopen(&c)
        }),
        B([.character("b")], when: { $0.finished && $0.talk.session.nextMinutesConfirmer != nil },
          bar: .init(55) { $0.ui(.keyConfirmMinutes) },
          help: .init(65, .helpConfirmMinutes, when: { $0.finished })) { _, c in MinutesReviewMoves.open(&c) },
        B([.character("e")], bar: .init(60) { $0.ui(.keyExport) }, help: .init(70, .helpExport),
          key: { _, c in [.exportTalk(id: c.talk.session.id)] }),
        B([.character("o")], when: { PageMoves.page(for: $0.talk.session.id, $0.state) != nil },
          bar: .init(65) { $0.ui(.keyOpenPage) }, help: .init(75, .helpOpenPage)) { _, c in
            PageMoves.open(talkID: c.talk.session.id, &c.state)
        },
        B([.character("n")], when: open, bar: .init(70) { $0.ui(.notes).lowercased() },
          help: .init(rank: 80, keys: nil, text: { $0.talk.hasPrivateNotes ? .helpNotesPrivate : .helpNotes }, when: nil)) {
            $0.talk.notesArePrivate = false
            $0.talk.notesEditor = TextEditor($0.talk.session.notes)
        },
        B([.character("a")], when: open, bar: .init(80) { $0.ui(.keyAction) }, help: .init(90, .helpAction)) {
            CardMoves.openActionForm(TalkState.ActionForm(), &$0)
        },
        B([.character("t")], bar: .init(90) { $0.ui(.keyTrends) }, help: .init(100, .helpTrends)) { _, c in
            let session = c.talk.session
            return TrendsScreen.open(kind: session.kind, title: session.title, participants: session.participants,
                                     deckIDs: session.decks.map(\.id), &c.state)
        },
    ] + TalkKeys.quit(bar: 100, help: 110))
}
