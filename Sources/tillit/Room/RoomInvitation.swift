import RoomProtocol
import TillitCore

/// A 1:1's voting room: the two people it makes a personal link for, and
/// whether their page says the number waits for the other's (`ratingsShownTogether`).
struct RoomInvitation {
    var people: [RoomPerson]
    var hiddenUntilBoth: Bool

    /// Nil for a team talk, whose room stays anonymous.
    init?(for session: Session) {
        guard session.kind == .oneOnOne, !session.participants.isEmpty else { return nil }
        people = session.participants.map { RoomPerson(id: $0.id, name: SafeText.line($0.name)) }
        hiddenUntilBoth = session.ratingsShownTogether
    }

    var command: RoomCommand { .invite(people: people, hiddenUntilBoth: hiddenUntilBoth) }
    var ids: Set<String> { Set(people.map(\.id)) }
}
