import QRMatrix
import RoomProtocol
import Synchronization

/// A 1:1's room: each of the two has a link of their own, made of a random
/// token per person, new for every room and known only to tillit and the room.
/// A rating given there goes back to tillit as that person's, never counted
/// with anyone else's; the room keeps only each person's latest, for their own page.
package final class PersonalInvites: Sendable {
    struct Invitee: Sendable {
        let person: RoomPerson
        let token: String
        /// The person's rating on the showing `serial`, for their page; nil once taken back.
        var rating: (serial: String, value: Int)?
    }

    private struct Book: Sendable {
        var invitees: [Invitee] = []
        var hiddenUntilBoth = true
        /// The room's own address, once it listens: each person's link is under it.
        var base: String?
        var announced = false
    }

    /// A 1:1 has two people; a name longer than this is not one.
    static let maximumPeople = 2
    static let maximumNameBytes = 200
    /// What a phone posts to take its rating back.
    static let takeBack = "none"

    private let book = Mutex(Book())
    private let report: @Sendable (RoomEvent) -> Void

    init(report: @escaping @Sendable (RoomEvent) -> Void) { self.report = report }

    /// Makes each person's link (once per room; false, and nothing changes, for a second
    /// invitation or one that is not two different people with names).
    func invite(_ people: [RoomPerson], hiddenUntilBoth: Bool) -> Bool {
        guard (1...Self.maximumPeople).contains(people.count), Set(people.map(\.id)).count == people.count,
              people.allSatisfy({ !$0.id.isEmpty && $0.id.utf8.count <= 40 && !$0.name.isEmpty && $0.name.utf8.count <= Self.maximumNameBytes })
        else { return false }
        return book.withLock { book in
            guard book.invitees.isEmpty else { return false }
            book.invitees = people.map { Invitee(person: $0, token: RoomSecret.roomToken(), rating: nil) }
            book.hiddenUntilBoth = hiddenUntilBoth
            announce(&book)
            return true
        }
    }

    /// The room listens at `url` (its own address, ending in `/`).
    func listening(at url: String) {
        book.withLock { book in
            book.base = url
            announce(&book)
        }
    }

    /// Each link goes to tillit once both the address and the people are known.
    private func announce(_ book: inout Book) {
        guard let base = book.base, !book.invitees.isEmpty, !book.announced else { return }
        book.announced = true
        for invitee in book.invitees {
            let url = base + invitee.token + "/"
            report(.invited(person: invitee.person.id, url: url, qr: QRCode(url)?.rows ?? []))
        }
    }

    /// The person whose token `candidate` is, compared in constant time; nil for any other.
    func invitee(token candidate: Substring) -> Invitee? {
        book.withLock { book in
            var found: Invitee?
            for invitee in book.invitees where RoomSecret.matches(candidate, invitee.token) { found = invitee }
            return found
        }
    }

    var hiddenUntilBoth: Bool { book.withLock { $0.hiddenUntilBoth } }

    /// `token`'s person rates `value` (or takes it back, `takeBack`) on the showing `serial`.
    /// Held under the book's lock while the room reports it, so two quick changes
    /// reach tillit in the order they were made.
    func rate(token: String, serial: String, value: String, room: Room) -> VotingRound.VoteOutcome {
        book.withLock { book in
            guard let index = book.invitees.firstIndex(where: { $0.token == token }) else { return .cardNotShown }
            let round = room.snapshot(device: nil).round
            guard let card = round.card, serial == round.serial, let scale = card.scale else { return .cardNotShown }
            guard !round.revealed else { return .votingClosed }
            let rating: Int?
            if value == Self.takeBack {
                rating = nil
            } else {
                guard let number = Int(value), number >= scale.min, number <= scale.max else { return .notOnScale }
                rating = number
            }
            book.invitees[index].rating = rating.map { (serial, $0) }
            report(.rated(card: card.key, person: book.invitees[index].person.id, value: rating))
            return .counted(total: 1)
        }
    }
}
