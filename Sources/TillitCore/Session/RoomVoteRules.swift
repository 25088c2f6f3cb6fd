import Foundation

/// Typed and phone votes never mix on a card (issue 27, item 3): the one rule
/// the card screen, the shared screen and plain mode all follow.
package enum RoomVoteRules {
    /// While the voting room is open, a rating card takes its votes from the phones only:
    /// the facilitator knows their own typed vote, and could read the phones' off the result.
    package static func takesTypedVote(on record: CardRecord?, roomOpen: Bool) -> Bool {
        !(roomOpen && record?.isRating == true)
    }

    /// A card that already has typed votes is not shown to the phones until the
    /// facilitator lets a phone round replace them (`replaceTyped`).
    package static func holdsBack(_ record: CardRecord) -> Bool {
        record.isRating && record.typedVoteCount > 0
    }

    /// The commands that drop the current card's votes (the typed ones, and any earlier
    /// phone round's), so the room shows the card to the phones. Nil when nothing is held back.
    package static func replaceTyped(in session: Session) -> TalkStep<Void>? {
        guard let record = session.currentCard, holdsBack(record), !record.votesRevealed else { return nil }
        let commands = record.ratingCounts.sorted { $0.key < $1.key }.flatMap { value, count in
            Array(repeating: TalkCommand.removeVote(value: value), count: count)
        }
        return TalkStep(commands, ())
    }
}
