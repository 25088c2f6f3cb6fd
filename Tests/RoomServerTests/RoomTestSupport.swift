import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RoomProtocol
import Synchronization
import Testing
@testable import RoomServer

/// A room on loopback with a record of every event it reported to tillit.
final class RoomUnderTest: Sendable {
    let events = EventLog()
    let room: Room

    init(language: String = "en", rateLimit: Int = RateLimiter.requestsPerSecond, answerSeed: UInt64? = nil) {
        let events = self.events
        room = Room(language: language, rateLimit: rateLimit, answerSeed: answerSeed) { event in events.append(event) }
    }

    var base: String { "/\(room.token)/" }
    var reported: [RoomEvent] { events.all }

    func show(_ card: RoomCard) { room.handle(.show(card: card)) }

    func run<Value: Sendable>(_ test: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        // A long request deadline: the test client keeps its connection alive between requests, and a
        // test slowed down by a busy machine must not find it closed (RoomConnectionLimitsTests test the deadline).
        try await RoomMain.makeApplication(room: room, address: "127.0.0.1", port: 0,
                                           limits: ConnectionLimits(requestDeadline: .seconds(300))).test(.live, test)
    }

    /// The last count the room reported for the shown card.
    var lastVotes: Int? {
        reported.reversed().lazy.compactMap { event -> Int? in
            if case .count(_, let votes, _) = event { return votes }
            return nil
        }.first
    }

    /// The hidden card field of the page, as a phone would send it back.
    func serial(in page: String) -> String? { Self.hidden("card", in: page) }

    static func hidden(_ name: String, in page: String) -> String? {
        guard let range = page.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    /// A phone that loaded the page: its cookie and the page's card and form values.
    func openPage(_ client: any TestClientProtocol, cookie: String? = nil) async throws -> PhoneOnPage {
        let page = try await client.get(base, cookie: cookie)
        let cookie = try #require(page.deviceCookie ?? cookie)
        return PhoneOnPage(cookie: cookie, serial: try #require(serial(in: page.text)),
                           form: try #require(Self.hidden("form", in: page.text)))
    }

    func vote(_ client: any TestClientProtocol, _ phone: PhoneOnPage, _ value: String, origin: String? = nil) async throws -> TestResponse {
        try await client.post(base + "vote", form: "card=\(phone.serial)&form=\(phone.form)&value=\(value)", cookie: phone.cookie, origin: origin)
    }
}

struct PhoneOnPage {
    var cookie: String
    var serial: String
    var form: String
}

final class EventLog: Sendable {
    private let lock = Mutex<[RoomEvent]>([])
    func append(_ event: RoomEvent) { lock.withLock { $0.append(event) } }
    var all: [RoomEvent] { lock.withLock { $0 } }
}

enum Cards {
    static let safety = RoomCard(
        key: "team/safety", prompt: "How safe is it to speak up here?",
        scale: RoomScale(min: 1, max: 5, low: "Not at all", high: "Completely"), language: "en")
    static let talk = RoomCard(key: "team/talk", prompt: "What did we learn?", scale: nil, language: "en")
}

extension TestClientProtocol {
    func get(_ uri: String, cookie: String? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        if let cookie { headers[.cookie] = cookie }
        return try await execute(uri: uri, method: .get, headers: headers) { $0 }
    }

    func post(_ uri: String, form: String, cookie: String? = nil, origin: String? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        if let cookie { headers[.cookie] = cookie }
        if let origin { headers[.origin] = origin }
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: form)) { $0 }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    /// `name=value` of the device cookie the room set, ready to send back.
    var deviceCookie: String? { headers[.setCookie].flatMap { $0.split(separator: ";").first.map(String.init) } }
}
