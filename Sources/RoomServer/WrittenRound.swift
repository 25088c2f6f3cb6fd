import RoomProtocol

/// The written answers the phones send on the text card on screen. Held in
/// memory only, for one showing of the card (its serial): the device and
/// address of each answer are kept only to hold a phone to its five, and are
/// dropped with the texts when the card changes or the answers are revealed.
/// Nothing here is written to disk or logged.
struct WrittenRound: Sendable {
    enum WriteOutcome: Equatable, Sendable {
        /// Taken; `total` is how many answers there are on the card.
        case taken(total: Int)
        /// Nothing left once control characters and spaces are taken out.
        case empty
        /// Over `RoomWriting.maximumCharacters` (or its bytes).
        case tooLong
        /// This phone (its cookie, or its address) has sent `RoomWriting.answersPerPhone` already.
        case noMoreFromYou
        /// The card has `RoomWriting.maximumAnswers`.
        case full
        /// The answers were revealed: the card takes no more.
        case revealed
    }

    private struct Entry: Sendable {
        let device: String
        let address: String
        let text: String
    }

    /// The showing the answers belong to; another serial starts afresh.
    private(set) var serial = ""
    private(set) var revealed = false
    private var entries: [Entry] = []

    var count: Int { entries.count }

    /// Follows the card on screen: a new showing forgets every answer.
    mutating func follow(serial: String) {
        guard serial != self.serial else { return }
        self.serial = serial
        revealed = false
        entries = []
    }

    mutating func write(device: String, address: String, text raw: String) -> WriteOutcome {
        guard !revealed else { return .revealed }
        guard let text = RoomWriting.clean(raw) else { return .empty }
        guard text.count <= RoomWriting.maximumCharacters, text.utf8.count <= RoomWriting.maximumBytes else { return .tooLong }
        let fromThisPhone = entries.filter { $0.device == device || $0.address == address }.count
        guard fromThisPhone < RoomWriting.answersPerPhone else { return .noMoreFromYou }
        guard entries.count < RoomWriting.maximumAnswers else { return .full }
        entries.append(Entry(device: device, address: address, text: text))
        return .taken(total: entries.count)
    }

    /// What `device` sent on this card, in its own order: only its own page shows these.
    func texts(of device: String) -> [String] {
        entries.filter { $0.device == device }.map(\.text)
    }

    /// The answers in a random order, without devices or times, once there are
    /// `RoomWriting.minimumToReveal`; the round closes and forgets them. Nil (and
    /// nothing changes) below the minimum.
    mutating func reveal(using generator: inout some RandomNumberGenerator) -> [String]? {
        guard !revealed, entries.count >= RoomWriting.minimumToReveal else { return nil }
        let texts = entries.map(\.text).shuffled(using: &generator)
        revealed = true
        entries = []
        return texts
    }
}

/// The order answers are revealed in: the system's randomness, or, for tests
/// and benchmarks, a seed (`TILLIT_ROOM_SEED`), so an order can be checked.
struct AnswerShuffle: RandomNumberGenerator, Sendable {
    private var state: UInt64?
    private var system = SystemRandomNumberGenerator()

    init(seed: UInt64?) { state = seed }

    /// The seed in `TILLIT_ROOM_SEED`, if it holds a number.
    static func seed(from environment: [String: String]) -> UInt64? {
        environment["TILLIT_ROOM_SEED"].flatMap { UInt64($0) }
    }

    mutating func next() -> UInt64 {
        guard var z = state else { return system.next() }
        // SplitMix64, as tillit's card shuffle.
        z &+= 0x9E37_79B9_7F4A_7C15
        state = z
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
