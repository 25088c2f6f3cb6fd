import TillitCore

/// What the voting room does to the talk on screen: `v` opens or closes it,
/// and its messages (address, votes, end) arrive here from the run loop.
enum RoomMoves {
    /// `v`: the voting room for a team talk, or a 1:1's with a link for each (`PersonalRoomMoves`); `v` again closes it.
    static func toggle(_ c: inout TalkContext) -> [Effect] {
        let personal = c.talk.session.kind == .oneOnOne
        guard c.talk.session.kind == .team || personal else { c.flash(.roomOnlyTeam); return [] }
        if let room = c.talk.room, room.isRunning {
            c.talk.room = nil
            c.flash(personal ? .roomPersonalClosed : .roomClosed)
            return [.closeRoom]
        }
        c.talk.room = VotingRoom()
        c.talk.room?.personal = personal
        c.flash(.roomOpening)
        return [.openRoom]
    }

    /// The room is open (or opening) on a team talk: the keys for people and rounds apply.
    @Sendable static func running(_ c: TalkContext) -> Bool {
        c.talk.session.kind == .team && c.talk.room?.isRunning == true
    }

    /// More phone votes on the card than people taking part: the bar offers `n`.
    @Sendable static func tooManyVotes(_ c: TalkContext) -> Bool {
        guard running(c), let record = c.talk.card, record.isRating else { return false }
        if case .tooMany = RoomTurnout(votes: record.phoneVoteCount, people: c.talk.people) { return true }
        return false
    }

    /// The card has typed votes and the room is running: `y` lets a phone round replace them.
    @Sendable static func asksToReplaceTyped(_ c: TalkContext) -> Bool {
        guard running(c), let record = c.talk.card, record.isRating, !record.votesRevealed else { return false }
        return RoomVoteRules.holdsBack(record)
    }

    /// `y`/`j`: the typed votes on the card are dropped (with any earlier phone round's),
    /// and the room shows the card to the phones.
    static func replaceTypedVotes(_ c: inout TalkContext) {
        guard asksToReplaceTyped(c), let step = RoomVoteRules.replaceTyped(in: c.talk.session) else { return }
        try? c.talk.session.apply(step, now: c.state.now)
        c.talk.recentVotes = []
        c.flash(.roomTypedVotesReplaced)
    }

    /// `+`/`-`: one more or one fewer taking part; below 1 it is "not given" again.
    static func people(by step: Int, _ c: inout TalkContext) {
        let next = (c.talk.people ?? 0) + step
        c.talk.people = RoomTurnout.people.contains(next) ? next : (next < 1 ? nil : RoomTurnout.people.upperBound)
        c.state.flash = c.talk.people.map { c.ui(.roomPeople, $0) } ?? c.ui(.roomPeopleUnknown)
    }

    /// `n`: the card's phone round starts again: its phone votes are dropped (typed ones stay)
    /// and the room shows the card afresh, so it forgets which phones voted.
    static func roundAgain(_ c: inout TalkContext) {
        guard let record = c.talk.card, record.isRating, c.talk.room?.isRunning == true else { return }
        guard !record.votesRevealed else { c.flash(.roomRoundAgainRevealed); return }
        try? c.talk.session.apply(.setPhoneVotes(card: c.talk.session.currentIndex, counts: [:]), now: c.state.now)
        c.talk.room?.round += 1
        c.flash(.roomRoundAgain)
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
        let personal = state.talk?.room?.personal == true
        end(saying: reason.map { state.text(.roomCouldNotOpen, $0) } ?? state.text(personal ? .roomEndedPersonal : .roomEnded), &state)
    }

    /// The room sent something tillit could not use, and tillit closed it; the votes (in a 1:1, the ratings) it took are kept.
    static func misbehaved(problem: String, _ state: inout AppState) {
        end(saying: state.text(state.talk?.room?.personal == true ? .roomMisbehavedPersonal : .roomMisbehaved, problem), &state)
    }

    private static func end(saying text: String, _ state: inout AppState) {
        guard state.talk?.room != nil else { return }
        state.talk?.room?.phase = .ended
        state.flash = text
    }
}
