import Foundation

/// The rating card the room shows on the phones: only what a phone needs to
/// vote, never who is in the talk or what was said.
package struct RoomCard: Codable, Hashable, Sendable {
    /// `deck/card`, so the talk can tell which card a tally belongs to.
    package var key: String
    package var prompt: String
    /// Nil for a text card: the phones are told to look at the shared screen.
    package var scale: RoomScale?
    /// The talk's language code (`nb`, `en`, `da`), for the page's own words.
    package var language: String
    /// True for a text card on which the phones may write anonymous answers (`RoomWriting`);
    /// nil (not sent) otherwise, so a room without writing reads the line as before.
    package var writes: Bool?

    package init(key: String, prompt: String, scale: RoomScale?, language: String, writes: Bool? = nil) {
        self.key = key
        self.prompt = prompt
        self.scale = scale
        self.language = language
        self.writes = writes
    }
}

package struct RoomScale: Codable, Hashable, Sendable {
    package var min: Int
    package var max: Int
    package var low: String
    package var high: String

    package init(min: Int, max: Int, low: String, high: String) {
        self.min = min
        self.max = max
        self.low = low
        self.high = high
    }
}

/// What tillit tells the room, one JSON object a line on the room's stdin.
package enum RoomCommand: Codable, Hashable, Sendable {
    /// Open voting on this card; the previous card's votes are forgotten.
    case show(card: RoomCard)
    /// Stop voting on the shown card and send its tally.
    case reveal
    /// Show no card (the talk left it); votes so far are dropped.
    case close
    /// A 1:1's room (`--personal`): one personal link for each of the two (`RoomPersonal`).
    case invite(people: [RoomPerson], hiddenUntilBoth: Bool)
}

/// What the room tells tillit, one JSON object a line on the room's stdout.
package enum RoomEvent: Codable, Hashable, Sendable {
    /// Listening: the address to open, the code to check on the phone, and the
    /// address as a QR code (rows of `1` dark / `0` light modules, quiet zone not included).
    case ready(url: String, code: String, qr: [String])
    /// How many phones have voted on `card` so far, and for what (value → count),
    /// so tillit keeps the votes even if the room dies; the shared screen shows
    /// only the number until the facilitator reveals.
    case count(card: String, votes: Int, counts: [String: Int])
    /// The counts per value once the card is revealed.
    case tally(card: String, counts: [String: Int])
    /// The room cannot listen for a reason tillit says in the talk's words; it exits after this.
    case cannotListen(RoomListenProblem)
    /// How many written answers the phones have sent on `card` so far: the shared screen shows only this.
    case answers(card: String, count: Int)
    /// One written answer on `card`, sent only once the facilitator revealed them, in a random
    /// order and without its time or device; one line each, so no line grows with the room.
    case answer(card: String, text: String)
    /// The room cannot listen for another reason (in English, from the system); it exits after this.
    case failed(reason: String)
    /// A 1:1's room: `person`'s own address (and its QR rows), for them alone.
    case invited(person: String, url: String, qr: [String])
    /// A 1:1's room: `person` rated `card` from their own link (nil: took it back).
    case rated(card: String, person: String, value: Int?)
}

/// Why the room cannot listen, when the facilitator can do something about it.
package enum RoomListenProblem: Codable, Hashable, Sendable {
    /// Another program (or another room) has the port: `--room-port` picks another.
    case portInUse(port: Int)
    /// `--room-address` names an address this computer does not have.
    case addressNotHere(address: String)
    /// No address on a local network (not connected to Wi-Fi?): `--room-address` names one.
    case noPrivateAddress
}

/// One JSON object a line, both ways.
package enum RoomLine {
    package static func encode<Message: Encodable>(_ message: Message) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain value types cannot fail.
        let data = (try? encoder.encode(message)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    package static func decode<Message: Decodable>(_ type: Message.Type, from line: String) -> Message? {
        try? JSONDecoder().decode(type, from: Data(line.utf8))
    }
}
