import TillitCore

/// A 1:1's voting room: each of the two rates from their own phone, on a link
/// that is theirs alone. A rating given there is that person's rating, under
/// the same rule as a typed one (`Session.ratingsHidden`).
enum PersonalRoomMoves {
    /// `v` in a 1:1 opens the room with a link for each (`RoomMoves.toggle`).
    @Sendable static func isPersonal(_ c: TalkContext) -> Bool { c.talk.session.kind == .oneOnOne }

    static func invited(person: String, url: String, qr: [String], _ state: inout AppState) {
        guard let room = state.talk?.room, room.personal, room.isRunning,
              state.talk?.session.participant(id: person) != nil else { return }
        var links = room.links.filter { $0.person != person }
        links.append(PersonalRoomLink(person: person, url: url, picture: QRPicture(rows: qr)))
        // In the talk's order of people, whatever order the room sent them in.
        let order = state.talk?.session.participants.map(\.id) ?? []
        links.sort { (order.firstIndex(of: $0.person) ?? 0) < (order.firstIndex(of: $1.person) ?? 0) }
        state.talk?.room?.links = links
        state.flash = nil
    }

    /// `person` rated the card `index` from their phone (nil: took it back). Only the card on
    /// screen takes it: the room is shown no other, and a late line for one left behind is dropped.
    static func rated(card index: Int, person: String, value: Int?, _ state: inout AppState) {
        guard var talk = state.talk, !talk.readOnly, talk.phase == .cards, talk.room?.personal == true,
              index == talk.session.currentIndex, let name = talk.session.participant(id: person)?.name else { return }
        do {
            try talk.session.apply(.setRating(participant: person, rating: value), now: state.now)
        } catch {
            return
        }
        state.talk = talk
        // The same words whatever the value: nothing on screen depends on a hidden rating.
        if let card = talk.card, talk.session.ratingsHidden(on: card), value != nil {
            state.flash = state.text(.ratingGivenHidden, SafeText.line(name))
        } else if value == nil {
            state.flash = state.text(.ratingRemoved, SafeText.line(name))
        }
    }
}

/// One person's link in a 1:1's room.
package struct PersonalRoomLink: Equatable, Sendable {
    package var person: String
    package var url: String
    package var picture: QRPicture?
}
