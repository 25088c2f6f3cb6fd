import TillitCore

/// Every key on a card (not on the shared screen: see `PresentingKeys`):
/// browsing the card, an action focused on it, and writing in a field.
/// A card that takes text opens with writing on (`TalkState.openReadyToWrite`),
/// so letters are commands only after Esc.
/// Handling, the key bar and the `?` help are all read off this table.
/// Bar ranks give the order on the bottom row, help ranks the order in `?`.
enum CardKeys {
    private typealias B = TalkBinding
    private static func browsing(_ c: TalkContext) -> Bool { !c.writing }
    private static func onCard(_ c: TalkContext) -> Bool { !c.writing && c.chosenAction == nil }
    private static func onAction(_ c: TalkContext) -> Bool { !c.writing && c.chosenAction != nil }
    private static func writing(_ c: TalkContext) -> Bool { c.writing }
    /// After Esc, a key that is no command (an upper-case letter, say) starts
    /// writing with it, where the card takes text (`TalkScreen.handle`).
    static func typingStartsWriting(_ c: TalkContext) -> Bool {
        browsing(c) && c.talk.phase == .cards && !c.talk.presenting && c.talk.firstTextField != nil
    }
    /// Digits rate where the card has a rating; on a card with text alone they are text ("3 ganger i uka").
    private static func digitsRate(_ c: TalkContext) -> Bool {
        browsing(c) && (c.talk.card?.scaleRange != nil || c.talk.firstTextField == nil)
    }
    /// Anonymous votes on this card wait for the facilitator to show them.
    static func revealsVotes(_ c: TalkContext) -> Bool { c.talk.session.isAnonymousTeam && c.talk.card?.isRating == true }
    /// In a 1:1, a person's answer (their field or rating row chosen) can be kept out of the minutes.
    private static func keepsOut(_ c: TalkContext) -> Bool { onCard(c) && CardMoves.personChosen(c.talk) != nil }

    static let table = TalkKeyTable([
        // PgDn and PgUp move between cards while writing too; → and ← then move the cursor.
        B([.right, .pageDown], when: browsing, bar: .init(20) { $0.ui(.keyNext) }, help: .init(10, .helpNext)) { CardMoves.advance(&$0) },
        B([.pageDown], when: writing, bar: .init(20) { $0.ui(.keyNext) }) { CardMoves.advance(&$0) },
        B([.left, .pageUp], when: browsing, bar: .init(10) { $0.ui(.keyPrevious) }, help: .init(20, .helpPrevious)) { CardMoves.previous(&$0) },
        B([.pageUp], when: writing, bar: .init(10) { $0.ui(.keyPrevious) }) { CardMoves.previous(&$0) },
        B([.enter], when: onCard, bar: .init(30, when: { $0.talk.card?.answer.takesText ?? false }) { $0.ui(.keyWrite) },
          help: .init(30, .helpWrite, when: browsing)) { CardMoves.startWriting(&$0) },
        B([.tab, .down, .backTab, .up], when: browsing,
          bar: .init(50, when: { $0.chosenAction != nil || $0.talk.fields.count > 1 }) { $0.ui(.keyField) },
          help: .init(50, .helpNextField)) { key, c in CardMoves.focus(by: key == .tab || key == .down ? 1 : -1, &c); return [] },
        B(Key.digits, when: digitsRate,
          bar: .init(rank: 40, keys: { RatingKeys.label(for: $0.talk.card?.scaleRange ?? 1...5) }, label: { $0.ui(.keyRate) },
                     when: { $0.chosenAction == nil && $0.talk.card?.scaleRange != nil }),
          help: .init(60, .helpRate)) { key, c in CardMoves.rate(key, &c); return [] },
        B([.backspace, .delete], when: onCard, help: .init(70, .helpUnrate, when: browsing)) { CardMoves.unrate(&$0) },
        // A text card with the room open: r reveals the phones' written answers, x hides one of them.
        B([.character("r")], when: { onCard($0) && RoomAnswerMoves.writtenRound($0) }, bar: .init(45, when: RoomAnswerMoves.revealable) { $0.ui(.keyRevealAnswers) },
          help: .init(76, .helpRevealAnswers, when: { browsing($0) && RoomAnswerMoves.writtenRound($0) })) { _, c in RoomAnswerMoves.reveal(&c) },
        B([.character("x")], when: { onCard($0) && RoomAnswerMoves.hasShownAnswers($0) }, bar: .init(46) { $0.ui(.keyHideAnswer) },
          help: .init(77, .helpHideAnswer, when: { browsing($0) && RoomAnswerMoves.hasShownAnswers($0) })) { RoomAnswerMoves.startHiding(&$0) },
        B([.character("r")], when: onCard, bar: .init(45, when: revealsVotes) { $0.ui(.keyReveal) },
          help: .init(75, .helpReveal, when: { browsing($0) && revealsVotes($0) })) { CardMoves.reveal(&$0) },
        B([.character("a")], when: browsing, bar: .init(60) { $0.ui(.keyAction) },
          help: .init(80, .helpAction)) { CardMoves.openActionForm(TalkState.ActionForm(), &$0) },
        // The clean-up list takes an item from any card; the rydd-opp deck, whose cards ask for such items, shows the key on the bar.
        B([.character("c")], when: browsing, bar: .init(65, when: { onCard($0) && $0.talk.card?.deck == "rydd-opp" }) { $0.ui(.keyCleanup) },
          help: .init(81, .helpCleanupItem)) { CleanupMoves.open(&$0) },

        // The action focused on the card.
        B([.enter], when: onAction, bar: .init(30) { $0.ui(.keyChangeAction) },
          help: .init(90, .helpChangeAction, when: browsing)) { CardMoves.changeChosenAction(&$0) },
        B([.character("d"), .character(" ")], when: onAction,
          bar: .init(41) { ($0.chosenAction?.done ?? false) ? $0.ui(.keyNotDone) : $0.ui(.keyDone) },
          help: .init(100, .helpActionDone, when: browsing)) { CardMoves.toggleChosenActionDone(&$0) },
        B([.character("x"), .delete, .backspace], when: onAction, bar: .init(42) { $0.ui(.keyRemove) },
          help: .init(101, .helpActionRemove, when: browsing)) {
            CardMoves.askToRemoveChosenAction(&$0)
        },

        B([.character("s")], when: browsing, bar: .init(70, when: onCard) { $0.ui(.keySkip) },
          help: .init(110, .helpSkip)) { CardMoves.skipOrReopen(&$0) },
        B([.character("m")], when: browsing, bar: .init(80, when: onCard) { $0.ui(.keyPark) },
          help: .init(120, .helpPark)) { CardMoves.parkOrReopen(&$0) },
        B([.character("h")], when: browsing, bar: .init(90, when: onCard) { $0.ui(.keyHint) },
          help: .init(130, .helpHint)) { $0.talk.hintVisible.toggle() },
        B([.character("p")], when: browsing, bar: .init(100, when: onCard) { $0.ui(.keyPresent) },
          help: .init(140, .helpPresent)) { $0.talk.presenting = true },
        // In a 1:1 only in `?`: the bar stays as it was for the two at the keyboard.
        B([.character("v")], when: browsing, bar: .init(105, when: { onCard($0) && $0.talk.session.kind == .team }) { $0.ui(.keyRoom) },
          help: .init(rank: 145, keys: nil, text: { PersonalRoomMoves.isPersonal($0) ? .helpRoomPersonal : .helpRoom },
                      when: browsing)) { _, c in RoomMoves.toggle(&c) },
        B([.character("+"), .character("-")], when: { browsing($0) && RoomMoves.running($0) },
          bar: .init(106, when: { onCard($0) && RoomMoves.running($0) }) { $0.ui(.keyPeople) },
          help: .init(146, .helpPeople, when: { browsing($0) && RoomMoves.running($0) })) { key, c in
            RoomMoves.people(by: key == .character("+") ? 1 : -1, &c); return []
        },
        B([.character("n")], when: { browsing($0) && RoomMoves.running($0) },
          bar: .init(107, when: { onCard($0) && RoomMoves.tooManyVotes($0) }) { $0.ui(.keyRoundAgain) },
          help: .init(147, .helpRoundAgain, when: { browsing($0) && RoomMoves.running($0) })) { RoomMoves.roundAgain(&$0) },
        B([.character("y"), .character("j")], when: { browsing($0) && RoomMoves.asksToReplaceTyped($0) },
          bar: .init(104, when: { onCard($0) && RoomMoves.asksToReplaceTyped($0) }) { $0.ui(.keyReplaceTyped) },
          help: .init(148, .helpReplaceTyped, when: { browsing($0) && RoomMoves.asksToReplaceTyped($0) })) { RoomMoves.replaceTypedVotes(&$0) },
        B([.character("u")], when: keepsOut,
          bar: .init(115) { CardMoves.chosenAnswerKeptOut($0.talk) ? $0.ui(.keyKeepIn) : $0.ui(.keyKeepOut) },
          help: .init(195, .helpKeepOut, when: { browsing($0) && $0.talk.session.kind == .oneOnOne })) {
            CardMoves.toggleKeptOut(&$0)
        },
        B([.home], when: browsing, help: .init(150, .helpFirstCard)) { CardMoves.jumpToFirst(&$0) },
        B([.character("f"), .end], when: browsing, bar: .init(110) { $0.ui(.keySummary) },
          help: .init(160, .helpSummary)) { CardMoves.toSummary(&$0) },
    ] + TalkKeys.quit(bar: 120, help: 170).map(whileBrowsing) + [

        // Writing in a field: every other key is text (`TextEditor`).
        B([.escape], when: writing, bar: .init(5) { $0.ui(.keyStopWriting) },
          help: .init(40, .helpStopWriting, when: browsing)) { $0.talk.editor = nil },
        B([], when: typingStartsWriting, help: .init(42, "A–Å", .helpTypeToWrite)) { _ in },
        B([], when: writing, bar: .init(35, "Enter") { $0.ui(.keyNewLine) }) { _ in },
        B([.tab, .backTab], when: writing, bar: .init(30) { $0.ui(.keyNextField) }) { key, c in
            CardMoves.writeInNextField(by: key == .backTab ? -1 : 1, &c); return []
        },
        B([], when: writing, help: .init(190, "Ctrl-A E K U W", .helpShellKeys, when: browsing)) { _ in },
    ])

    /// q and Ctrl-C as on every phase, but not while writing, where q is a letter.
    private static func whileBrowsing(_ binding: TalkBinding) -> TalkBinding {
        var binding = binding
        let when = binding.when
        binding.when = { browsing($0) && when($0) }
        if let help = binding.help { binding.help?.when = { browsing($0) && (help.when ?? when)($0) } }
        return binding
    }
}
