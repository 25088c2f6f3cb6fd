/// What tillit takes from the room, and nothing else. The room is a process of
/// its own that faces the network; a fault in it (or a binary put in its
/// place) must not be able to crash the talk, fill its memory, stall its
/// screen or save numbers the talk file cannot hold. Every line from the room
/// goes through here before tillit uses it; a room that sends anything else is
/// closed and reported in one line.
package enum RoomEventCheck {
    /// The longest line the room may send, in bytes. The largest line it has
    /// reason to send is a version 40 QR code (177 × 177 modules, about 32 KB
    /// as text); a line longer than this is never read to its end.
    package static let maximumLineBytes = 40_000
    /// QR codes end at version 40: 177 modules a side.
    package static let maximumQRModules = 177
    /// An address, a room code or a reason longer than this is not one.
    package static let maximumTextBytes = 1_000

    package enum Problem: Error, Equatable, CustomStringConvertible {
        case lineTooLong
        case notUnderstood
        case unknownCard(String)
        case valueOutsideScale(String, ClosedRange<Int>?)
        case countOutOfRange(Int)
        case badQRCode(modules: Int)
        case badText
        case portOutOfRange(Int)
        /// A written answer that is empty, too long, or holds control characters.
        case badAnswer
        /// Written answers for a card that has a scale (phones vote on it).
        case notAWritingCard(String)
        /// Written answers tillit did not ask for (no reveal, another card, or more than a room may take).
        case answersNotAskedFor
        case unknownPerson(String)
        case anonymousVotesInPersonalRoom

        /// Short and technical on purpose: it goes inside a sentence in the talk's language.
        package var description: String {
            switch self {
            case .lineTooLong: return "a line over \(RoomEventCheck.maximumLineBytes) bytes"
            case .notUnderstood: return "a line that is not a room message"
            case .unknownCard: return "votes for a card that was not shown"
            case .valueOutsideScale(let value, let scale?):
                return "a vote for \(value.prefix(20)), not on the scale \(scale.lowerBound)–\(scale.upperBound)"
            case .valueOutsideScale(let value, nil): return "a vote for \(value.prefix(20)) on a card without a scale"
            case .countOutOfRange(let count): return "a count of \(count)"
            case .badQRCode(let modules): return "a QR code of \(modules) modules"
            case .badText: return "an address, code or reason that is not plain text"
            case .portOutOfRange(let port): return "port \(port)"
            case .badAnswer: return "a written answer that is empty, over \(RoomWriting.maximumCharacters) characters or not plain text"
            case .notAWritingCard: return "written answers for a card with a scale"
            case .answersNotAskedFor: return "written answers nobody asked for"
            case .unknownPerson: return "a rating or link for someone not in the talk"
            case .anonymousVotesInPersonalRoom: return "anonymous votes in a 1:1"
            }
        }
    }

    /// Votes as tillit keeps them: value → count, every value on the card's scale.
    package typealias Counts = [Int: Int]

    /// `event` when tillit can use it, with its counts read as numbers; `scale`
    /// gives the scale of a card the talk showed the room (by key), nil for a
    /// card without one, and throws `unknownCard` for a key it never showed.
    /// `maximumVotes` is the most a talk file may hold for one value (`Session.maximumVotes`).
    /// `people`: the ids of a 1:1's two people when its room has personal links; none in a team's.
    package static func check(_ event: RoomEvent, maximumVotes: Int, people: Set<String> = [],
                             scale: (String) throws(Problem) -> ClosedRange<Int>?) throws(Problem) -> (event: RoomEvent, counts: Counts) {
        switch event {
        case .ready(let url, let code, let qr):
            guard isPlainText(url), isPlainText(code) else { throw .badText }
            try checkQR(qr)
            return (event, [:])
        case .invited(let person, let url, let qr):
            guard people.contains(person) else { throw .unknownPerson(String(person.prefix(20))) }
            guard isPlainText(url) else { throw .badText }
            try checkQR(qr)
            return (event, [:])
        case .rated(let key, let person, let value):
            guard people.contains(person) else { throw .unknownPerson(String(person.prefix(20))) }
            // A card without a scale takes no rating, not even one taken back.
            guard let range = try scale(key) else { throw .valueOutsideScale(value.map(String.init) ?? "none", nil) }
            if let value, !range.contains(value) { throw .valueOutsideScale(String(value), range) }
            return (event, [:])
        case .count(let key, let votes, let counts):
            guard (0...maximumVotes).contains(votes) else { throw .countOutOfRange(votes) }
            // A 1:1's room has no anonymous page: its ratings come with a person, or not at all.
            guard people.isEmpty || (votes == 0 && counts.isEmpty) else { throw .anonymousVotesInPersonalRoom }
            return (event, try numbers(counts, on: try scale(key), maximumVotes: maximumVotes))
        case .tally(let key, let counts):
            guard people.isEmpty || counts.isEmpty else { throw .anonymousVotesInPersonalRoom }
            return (event, try numbers(counts, on: try scale(key), maximumVotes: maximumVotes))
        case .cannotListen(.portInUse(let port)):
            guard (0...65535).contains(port) else { throw .portOutOfRange(port) }
            return (event, [:])
        case .cannotListen(.addressNotHere(let address)):
            guard isPlainText(address) else { throw .badText }
            return (event, [:])
        case .cannotListen(.noPrivateAddress):
            return (event, [:])
        case .failed(let reason):
            guard reason.utf8.count <= maximumTextBytes else { throw .badText }
            return (event, [:])
        case .answers(let key, let count):
            guard (0...RoomWriting.maximumAnswers).contains(count) else { throw .countOutOfRange(count) }
            guard try scale(key) == nil else { throw .notAWritingCard(key) }
            return (event, [:])
        case .answer(let key, let text):
            guard try scale(key) == nil else { throw .notAWritingCard(key) }
            guard RoomWriting.isAnswer(text) else { throw .badAnswer }
            return (event, [:])
        }
    }

    /// A line as the room wrote it (without its newline), checked.
    package static func check(line: String, maximumVotes: Int, people: Set<String> = [],
                             scale: (String) throws(Problem) -> ClosedRange<Int>?) throws(Problem) -> (event: RoomEvent, counts: Counts) {
        guard line.utf8.count <= maximumLineBytes else { throw .lineTooLong }
        guard let event = RoomLine.decode(RoomEvent.self, from: line) else { throw .notUnderstood }
        return try check(event, maximumVotes: maximumVotes, people: people, scale: scale)
    }

    private static func checkQR(_ qr: [String]) throws(Problem) {
        guard qr.count <= maximumQRModules,
              qr.allSatisfy({ row in row.utf8.count == qr.count && row.utf8.allSatisfy { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") } })
        else { throw .badQRCode(modules: qr.count) }
    }

    private static func numbers(_ counts: [String: Int], on scale: ClosedRange<Int>?, maximumVotes: Int) throws(Problem) -> Counts {
        var result: Counts = [:]
        for (text, count) in counts {
            guard let scale, let value = Int(text), scale.contains(value) else { throw .valueOutsideScale(text, scale) }
            guard (0...maximumVotes).contains(count) else { throw .countOutOfRange(count) }
            result[value] = count
        }
        return result
    }

    /// Printable ASCII only: the room's address and code are made of nothing else.
    private static func isPlainText(_ text: String) -> Bool {
        text.utf8.count <= maximumTextBytes && text.utf8.allSatisfy { (0x20...0x7E).contains($0) }
    }
}

/// Splits what the room writes into lines, never holding more than one line's
/// worth: a room that writes without a newline is cut off, not buffered without end.
package struct RoomLineReader: Sendable {
    private var pending: [UInt8] = []
    /// Set once a line ran over `RoomEventCheck.maximumLineBytes`; nothing more is read.
    package private(set) var overflowed = false

    package init() {}

    /// The whole lines completed by `bytes`.
    package mutating func lines(adding bytes: some Collection<UInt8>) -> [String] {
        guard !overflowed else { return [] }
        var lines: [String] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                lines.append(String(decoding: pending, as: UTF8.self))
                pending.removeAll(keepingCapacity: true)
            } else if pending.count >= RoomEventCheck.maximumLineBytes {
                overflowed = true
                pending = []
                return lines
            } else {
                pending.append(byte)
            }
        }
        return lines
    }
}
