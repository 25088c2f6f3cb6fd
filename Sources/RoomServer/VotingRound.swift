import RoomProtocol

/// The one card the phones may vote on, and who voted what on it. Devices are
/// known only by their random cookie, and only until the card changes.
struct VotingRound: Sendable {
    enum VoteOutcome: Equatable, Sendable {
        /// Counted (new or changed); `total` is how many devices have voted.
        case counted(total: Int)
        /// The form names a card that is not shown (an earlier one, or none).
        case cardNotShown
        /// The card was revealed: its votes are fixed.
        case votingClosed
        /// The value is not on the card's scale.
        case notOnScale
    }

    private(set) var card: RoomCard?
    /// Random per showing, so a form from an earlier showing of the same card is refused.
    private(set) var serial: String
    private(set) var revealed = false
    private var votes: [String: Int] = [:]

    init(serial: String) { self.serial = serial }

    mutating func show(_ card: RoomCard, serial: String) {
        self.card = card
        self.serial = serial
        revealed = false
        votes = [:]
    }

    mutating func close(serial: String) {
        card = nil
        self.serial = serial
        revealed = false
        votes = [:]
    }

    /// Fixes the votes and returns them as value → count; the devices are forgotten.
    mutating func reveal() -> (card: String, counts: [String: Int])? {
        guard let card else { return nil }
        revealed = true
        let counts = self.counts
        votes = [:]
        return (card.key, counts)
    }

    /// Value → count of the votes so far, no devices.
    var counts: [String: Int] {
        var counts: [String: Int] = [:]
        for value in votes.values { counts[String(value), default: 0] += 1 }
        return counts
    }

    mutating func vote(device: String, serial: String, value: String) -> VoteOutcome {
        guard let card, serial == self.serial, let scale = card.scale else { return .cardNotShown }
        guard !revealed else { return .votingClosed }
        guard let number = Int(value), number >= scale.min, number <= scale.max else { return .notOnScale }
        votes[device] = number
        return .counted(total: votes.count)
    }

    func vote(of device: String) -> Int? { votes[device] }
    var voteCount: Int { votes.count }
}
