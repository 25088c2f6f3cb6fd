import TillitCore

/// What the voting room does to the talk on screen: `v` opens or closes it,
/// and its messages (address, votes, end) arrive here from the run loop.
enum RoomMoves {
    /// `v`: the voting room for a team talk; `v` again closes it.
    static func toggle(_ c: inout TalkContext) -> [Effect] {
        guard c.talk.session.kind == .team else { c.flash(.roomOnlyTeam); return [] }
        if let room = c.talk.room, room.isRunning {
            c.talk.room = nil
            c.flash(.roomClosed)
            return [.closeRoom]
        }
        c.talk.room = VotingRoom()
        c.flash(.roomOpening)
        return [.openRoom]
    }

    static func opened(url: String, code: String, qr: [String], _ state: inout AppState) {
        guard state.talk?.room != nil else { return }
        state.talk?.room?.phase = .open(url: url, code: code, picture: QRPicture(rows: qr))
        state.flash = nil
    }

    /// The phones' votes go into the talk at once, so a room that dies loses none;
    /// the screens show them only as the reveal rule allows (`VotePrivacy`).
    static func votes(card index: Int, counts: [Int: Int], _ state: inout AppState) {
        guard var talk = state.talk, !talk.readOnly, talk.session.cards.indices.contains(index) else { return }
        // Shown, not only revealed: a reveal below the minimum keeps the room open, and a vote
        // that comes after it hides the count again until r, as a typed vote does.
        let wasShown = talk.session.voteDisclosure(of: talk.session.cards[index]).tally != nil
            && talk.session.cards[index].votesRevealed
        try? talk.session.apply(.setPhoneVotes(card: index, counts: counts), now: state.now)
        // The room's final tally can hold a vote that came in just as the facilitator revealed.
        if wasShown, index == talk.session.currentIndex, !talk.session.cards[index].votesRevealed {
            try? talk.session.apply(.revealVotes, now: state.now)
        }
        state.talk = talk
    }

    static func ended(reason: String?, _ state: inout AppState) {
        end(saying: reason.map { state.text(.roomCouldNotOpen, $0) } ?? state.text(.roomEnded), &state)
    }

    /// The room sent something tillit could not use, and tillit closed it; the votes it took are kept.
    static func misbehaved(problem: String, _ state: inout AppState) {
        end(saying: state.text(.roomMisbehaved, problem), &state)
    }

    private static func end(saying text: String, _ state: inout AppState) {
        guard state.talk?.room != nil else { return }
        state.talk?.room?.phase = .ended
        state.flash = text
    }
}
