import TillitCore

/// Every key on the shared screen (`p`), which shows the card to a room: no
/// fields, so nothing is written or changed there unseen. Digits and ⌫ work
/// only where the screen shows what they did (a team's votes).
enum PresentingKeys {
    private typealias B = TalkBinding
    private static let digits: [Key] = (0...9).map { .character(Character(String($0))) }
    private static func votes(_ c: TalkContext) -> Bool { c.talk.showsVotesWhenPresenting }
    private static func noVotes(_ c: TalkContext) -> Bool { !c.talk.showsVotesWhenPresenting }

    static let table = TalkKeyTable([
        B([.right, .pageDown, .character(" ")], bar: .init(10, "→") { $0.ui(.keyNext) },
          help: .init(10, "→ Space PgDn", .helpNext)) { CardMoves.advance(&$0) },
        B([.left, .pageUp], bar: .init(20, "←") { $0.ui(.keyPrevious) },
          help: .init(20, "← PgUp", .helpPrevious)) { CardMoves.previous(&$0) },
        B([.tab, .down]) { CardMoves.focus(by: 1, &$0) },
        B([.backTab, .up]) { CardMoves.focus(by: -1, &$0) },
        B(digits, when: votes,
          bar: .init(rank: 40, keys: { c in c.talk.card?.scaleRange.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "" },
                     label: { $0.ui(.keyRate) }, when: { $0.talk.card?.scaleRange != nil }),
          help: .init(30, "1–9", .helpRate)) { key, c in CardMoves.rate(key, &c); return [] },
        B([.backspace, .delete], when: votes, help: .init(40, "⌫", .helpUnrate)) { CardMoves.unrate(&$0) },
        // On the shared screen Enter reveals too: nothing is written there.
        B([.character("r"), .enter], when: CardKeys.revealsVotes, bar: .init(45, "r") { $0.ui(.keyReveal) },
          help: .init(45, "r Enter", .helpReveal)) { CardMoves.reveal(&$0) },
        B([.character("r")], when: votes) { CardMoves.reveal(&$0) },
        // The shared screen shows no fields: writing starts only after p (or Esc).
        B([.enter]) { $0.flash(.presentationNoWriting) },
        // Nothing changes unseen: the action form and a 1:1's ratings are on the card, not on the shared screen.
        B([.character("a")]) { $0.flash(.presentationNoEditing) },
        B(digits + [.backspace, .delete], when: noVotes) { $0.flash(.presentationNoEditing) },
        B([.character("h")], bar: .init(50, "h") { $0.ui(.keyHint) },
          help: .init(50, "h", .helpHint)) { $0.talk.hintVisible.toggle() },
        B([.character("s")], help: .init(60, "s", .helpSkip)) { CardMoves.skipOrReopen(&$0) },
        B([.character("m")], help: .init(70, "m", .helpPark)) { CardMoves.parkOrReopen(&$0) },
        B([.character("p"), .escape], bar: .init(30, "p") { $0.ui(.keyEndPresentation) },
          help: .init(80, "p Esc", .keyEndPresentation)) { $0.talk.backToCards() },
        B([.character("v")], when: votes, bar: .init(55, "v") { $0.ui(.keyRoom) },
          help: .init(75, "v", .helpRoom)) { _, c in RoomMoves.toggle(&c) },
        B([.character("+")], when: RoomMoves.running, bar: .init(57, "+ -", when: RoomMoves.running) { $0.ui(.keyPeople) },
          help: .init(76, "+ -", .helpPeople, when: RoomMoves.running)) { RoomMoves.people(by: 1, &$0) },
        B([.character("-")], when: RoomMoves.running) { RoomMoves.people(by: -1, &$0) },
        B([.character("n")], when: RoomMoves.running, bar: .init(56, "n", when: RoomMoves.tooManyVotes) { $0.ui(.keyRoundAgain) },
          help: .init(77, "n", .helpRoundAgain, when: RoomMoves.running)) { RoomMoves.roundAgain(&$0) },
        B([.character("y"), .character("j")], when: RoomMoves.asksToReplaceTyped,
          bar: .init(44, "y", when: RoomMoves.asksToReplaceTyped) { $0.ui(.keyReplaceTyped) },
          help: .init(78, "y j", .helpReplaceTyped, when: RoomMoves.asksToReplaceTyped)) { RoomMoves.replaceTypedVotes(&$0) },
        B([.home]) { CardMoves.jumpToFirst(&$0) },
        B([.character("f"), .end], help: .init(90, "f", .helpSummary)) { CardMoves.toSummary(&$0) },
    ] + TalkKeys.quit(bar: nil, help: 100))
}
