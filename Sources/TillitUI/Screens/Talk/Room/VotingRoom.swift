import TillitCore

/// The voting room as the screens see it: the phones' address while it is
/// open. The room itself is another process; the run loop talks to it.
package struct VotingRoom: Equatable, Sendable {
    package enum Phase: Equatable, Sendable {
        /// Asked to open; no address yet.
        case opening
        case open(url: String, code: String, picture: QRPicture?)
        /// The room stopped by itself (or never started): `v` opens a new one.
        case ended
    }

    package var phase: Phase = .opening
    /// Counts the new rounds the facilitator started (`n`): the room shows the card
    /// afresh for each, so it forgets the devices and phones vote again.
    package var round = 0
    /// Written answers in on each card (by index) since the room last showed it, not yet revealed.
    package var answersIn: [Int: Int] = [:]
    /// The written answers revealed on each card (by index), in the random order the room sent them.
    package var answersShown: [Int: [String]] = [:]
    /// A 1:1's room: a personal link for each of the two, no anonymous votes.
    package var personal = false
    /// The two people's links, as the room made them (`Msg.roomInvited`).
    package var links: [PersonalRoomLink] = []

    package init(phase: Phase = .opening) { self.phase = phase }

    package var isOpen: Bool { if case .open = phase { return true } else { return false } }
    package var isRunning: Bool { phase != .ended }
}
