import Crypto
import Foundation
import RoomProtocol

/// The one card the phones may vote on, and who voted what on it. Devices are
/// known only by their random cookie and network address, and only until the card changes.
struct VotingRound: Sendable {
    enum VoteOutcome: Equatable, Sendable {
        /// Counted (new or changed); `total` is how many votes there are.
        case counted(total: Int)
        /// The form names a card that is not shown (an earlier one, or none).
        case cardNotShown
        /// The card was revealed: its votes are fixed.
        case votingClosed
        /// The value is not on the card's scale.
        case notOnScale
    }

    /// One vote: whose device and which address it came from, only while the card is open.
    private struct Ballot: Sendable {
        let device: String
        let address: String
        let value: Int
    }

    private(set) var card: RoomCard?
    /// Random per showing, so a form from an earlier showing of the same card is refused.
    private(set) var serial: String
    private(set) var revealed = false
    private var ballots: [Ballot] = []
    /// Random per showing: the form value a page gives one device is a MAC of the device under it,
    /// so a made-up cookie, or a form copied from another phone, does not fit.
    private var formKey = SymmetricKey(size: .bits256)

    init(serial: String) { self.serial = serial }

    mutating func show(_ card: RoomCard, serial: String) {
        self.card = card
        start(serial: serial)
    }

    mutating func close(serial: String) {
        card = nil
        start(serial: serial)
    }

    private mutating func start(serial: String) {
        self.serial = serial
        revealed = false
        ballots = []
        formKey = SymmetricKey(size: .bits256)
    }

    /// Fixes the votes and returns them as value → count; the devices are forgotten.
    mutating func reveal() -> (card: String, counts: [String: Int])? {
        guard let card else { return nil }
        revealed = true
        let counts = self.counts
        ballots = []
        return (card.key, counts)
    }

    /// Value → count of the votes so far, no devices.
    var counts: [String: Int] {
        var counts: [String: Int] = [:]
        for ballot in ballots { counts[String(ballot.value), default: 0] += 1 }
        return counts
    }

    /// The form value the page gives `device` for this showing.
    func formValue(for device: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(device.utf8), using: formKey)
        // By hand, not String(format:): this runs for every page and every vote.
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(32)
        for byte in mac.prefix(16) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Whether `value` is the form value this showing gave `device` (compared in constant time).
    func formFits(_ value: String, device: String) -> Bool {
        RoomSecret.matches(Substring(value), formValue(for: device))
    }

    /// One vote per device and one per address: a vote replaces any earlier one
    /// from the same device or the same address, so a person can change theirs,
    /// and a private window or a cleared cookie on the same phone does not add one.
    mutating func vote(device: String, address: String, serial: String, value: String) -> VoteOutcome {
        guard let card, serial == self.serial, let scale = card.scale else { return .cardNotShown }
        guard !revealed else { return .votingClosed }
        guard let number = Int(value), number >= scale.min, number <= scale.max else { return .notOnScale }
        ballots.removeAll { $0.device == device || $0.address == address }
        ballots.append(Ballot(device: device, address: address, value: number))
        return .counted(total: ballots.count)
    }

    func vote(of device: String) -> Int? { ballots.first { $0.device == device }?.value }
    var voteCount: Int { ballots.count }
}
