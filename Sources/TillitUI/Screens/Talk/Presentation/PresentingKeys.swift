import TillitCore

/// Every key on the shared screen (`p`), which shows the card to a room: no
/// fields, so nothing is written or changed there unseen. Digits and ⌫ work
/// only where the screen shows what they did (a team's votes).
enum PresentingKeys {
    private typealias B = TalkBinding
    private static func votes(_ c: TalkContext) -> Bool { c.talk.showsVotesWhenPresenting }
    private static func noVotes(_ c: TalkContext) -> Bool { !c.talk.showsVotesWhenPresenting }

    static let table = TalkKeyTable([
        B([.right, .pageDown, .character(" ")], bar: .init(10) { $0.ui(.keyNext) },
          help: .init(10, .helpNext)) { CardMoves.advance(&$0) },
        B([.left, .pageUp], bar: .init(20) { $0.ui(.keyPrevious) },
          help: .init(20, .helpPrevious)) { CardMoves.previous(&$0) },
        B(Key.digits, when: votes,
          bar: .init(rank: 40, keys: { c in c.talk.card?.scaleRange.map(RatingKeys.label) ?? "" },
                     label: { $0.ui(.keyRate) }, when: { $0.talk.card?.scaleRange != nil }),
          help: .init(30, .helpRate)) { key, c in CardMoves.rate(key, &c); return [] },
        B([.backspace, .delete], when: votes, help: .init(40, .helpUnrate)) { CardMoves.unrate(&$0) },
        // A text card with the room open: the phones' written answers (before the votes' r, which says the card takes none).
        B([.character("r"), .enter], when: RoomAnswerMoves.writtenRound, bar: .init(45, when: RoomAnswerMoves.revealable) { $0.ui(.keyRevealAnswers) },
          help: .init(46, .helpRevealAnswers, when: RoomAnswerMoves.writtenRound)) { _, c in RoomAnswerMoves.reveal(&c) },
        B([.character("x")], when: RoomAnswerMoves.hasShownAnswers, bar: .init(46) { $0.ui(.keyHideAnswer) },
          help: .init(47, .helpHideAnswer, when: RoomAnswerMoves.hasShownAnswers)) { RoomAnswerMoves.startHiding(&$0) },
        // On the shared screen Enter reveals too: nothing is written there.
        B([.character("r"), .enter], when: CardKeys.revealsVotes, bar: .init(45) { $0.ui(.keyReveal) },
          help: .init(45, .helpReveal)) { CardMoves.reveal(&$0) },
        B([.character("r")], when: votes) { CardMoves.reveal(&$0) },
        // The shared screen shows no fields: writing starts only after p (or Esc).
        B([.enter]) { $0.flash(.presentationNoWriting) },
        // Nothing changes unseen: the action form and a 1:1's ratings are on the card, not on the shared screen.
        B([.character("a")]) { $0.flash(.presentationNoEditing) },
        B(Key.digits + [.backspace, .delete], when: noVotes) { $0.flash(.presentationNoEditing) },
        B([.character("h")], bar: .init(50) { $0.ui(.keyHint) },
          help: .init(50, .helpHint)) { $0.talk.hintVisible.toggle() },
        B([.character("s")], help: .init(60, .helpSkip)) { CardMoves.skipOrReopen(&$0) },
        B([.character("m")], help: .init(70, .helpPark)) { CardMoves.parkOrReopen(&$0) },
        B([.character("p"), .escape], bar: .init(30) { $0.ui(.keyEndPresentation) },
          help: .init(80, .keyEndPresentation)) { $0.talk.backToCards() },
        B([.character("v")], when: votes, bar: .init(55) { $0.ui(.keyRoom) },
          help: .init(75, .helpRoom)) { _, c in RoomMoves.toggle(&c) },
        B([.character("+"), .character("-")], when: RoomMoves.running, bar: .init(57, when: RoomMoves.running) { $0.ui(.keyPeople) },
          help: .init(76, .helpPeople, when: RoomMoves.running)) { key, c in
            RoomMoves.people(by: key == .character("+") ? 1 : -1, &c); return []
        },
        B([.character("n")], when: RoomMoves.running, bar: .init(56, when: RoomMoves.tooManyVotes) { $0.ui(.keyRoundAgain) },
          help: .init(77, .helpRoundAgain, when: RoomMoves.running)) { RoomMoves.roundAgain(&$0) },
        B([.character("y"), .character("j")], when: RoomMoves.asksToReplaceTyped,
          bar: .init(44, when: RoomMoves.asksToReplaceTyped) { $0.ui(.keyReplaceTyped) },
          help: .init(78, .helpReplaceTyped, when: RoomMoves.asksToReplaceTyped)) { RoomMoves.replaceTypedVotes(&$0) },
        B([.home], help: .init(85, .helpFirstCard)) { CardMoves.jumpToFirst(&$0) },
        B([.character("f"), .end], help: .init(90, .helpSummary)) { CardMoves.toSummary(&$0) },
    ] + TalkKeys.quit(bar: nil, help: 100))
}
