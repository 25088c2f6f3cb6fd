import Foundation
import Hummingbird
import HummingbirdTesting
import RoomProtocol
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import RoomServer

/// Issue 27, item 1: one vote per person, as far as a room without accounts can know.
/// The test client is one phone at 127.0.0.1; a second phone comes from 127.0.0.2.
@Suite struct OneVotePerPersonTests {
    /// A room that does not rate-limit these tests' own bursts (the limit is tested on its own).
    private func room() -> RoomUnderTest {
        let room = RoomUnderTest(rateLimit: 10_000)
        room.show(Cards.safety)
        return room
    }

    @Test func postsWithoutACookieAreShownThePageAgainAndCountNothing() async throws {
        let room = room()
        try await room.run { client in
            let real = try await room.openPage(client)
            for index in 0..<100 {
                let post = try await client.post(room.base + "vote", form: "card=\(real.serial)&form=\(real.form)&value=\(1 + index % 5)")
                #expect(post.status == .seeOther)
                #expect(post.headers[.location] == room.base)
                #expect(post.deviceCookie != nil, "the page sets a cookie for next time")
            }
        }
        #expect(room.lastVotes == 0)
    }

    @Test func postsWithMadeUpCookiesCountNothing() async throws {
        let room = room()
        try await room.run { client in
            let real = try await room.openPage(client)
            for _ in 0..<50 {
                let madeUp = "\(RoomRouter.deviceCookie)=\(RoomSecret.deviceID())"
                let post = try await client.post(room.base + "vote", form: "card=\(real.serial)&form=\(real.form)&value=5", cookie: madeUp)
                #expect(post.status == .seeOther)
            }
        }
        #expect(room.lastVotes == 0)
    }

    /// A private window is a new cookie from the same address: it replaces the vote, it does not add one.
    @Test func aSecondVoteFromAPrivateWindowReplacesTheFirst() async throws {
        let room = room()
        try await room.run { client in
            let phone = try await room.openPage(client)
            #expect(try await room.vote(client, phone, "1").status == .seeOther)
            for _ in 0..<5 {
                let privateWindow = try await room.openPage(client)
                #expect(privateWindow.cookie != phone.cookie)
                #expect(try await room.vote(client, privateWindow, "5").status == .seeOther)
            }
            // 100 cookie-less and 50 made-up ones on top change nothing.
            for _ in 0..<100 { _ = try await client.post(room.base + "vote", form: "card=\(phone.serial)&form=\(phone.form)&value=5") }
            for _ in 0..<50 {
                _ = try await client.post(room.base + "vote", form: "card=\(phone.serial)&form=\(phone.form)&value=5",
                                          cookie: "\(RoomRouter.deviceCookie)=\(RoomSecret.deviceID())")
            }
        }
        #expect(room.lastVotes == 1)
        room.room.handle(.reveal)
        #expect(room.reported.last == .tally(card: "team/safety", counts: ["5": 1]))
    }

    @Test func aFormFromAnotherPhoneOrAnEarlierShowingDoesNotFit() async throws {
        let room = room()
        try await room.run { client in
            let first = try await room.openPage(client)
            let second = try await room.openPage(client)
            let swapped = PhoneOnPage(cookie: second.cookie, serial: second.serial, form: first.form)
            #expect(try await room.vote(client, swapped, "4").status == .seeOther)
            #expect(room.lastVotes == 0)
            room.show(Cards.safety)
            let again = try await room.openPage(client, cookie: first.cookie)
            #expect(again.form != first.form, "a new showing gives a new form value")
            let stale = PhoneOnPage(cookie: first.cookie, serial: again.serial, form: first.form)
            #expect(try await room.vote(client, stale, "4").status == .seeOther)
            #expect(room.lastVotes == 0)
            #expect(try await room.vote(client, again, "4").status == .seeOther)
            #expect(room.lastVotes == 1)
        }
    }

    @Test func aPostFromAnotherOriginIsRefused() async throws {
        let room = room()
        try await room.run { client in
            let phone = try await room.openPage(client)
            for origin in ["http://evil.example", "null", "https://localhost", "http://localhost.evil.example"] {
                let post = try await room.vote(client, phone, "3", origin: origin)
                #expect(post.status == .forbidden, "\(origin)")
                #expect(post.text.contains("did not come from the room&#39;s own page"))
                #expect(post.headers[.contentSecurityPolicy] != nil)
            }
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            headers[.cookie] = phone.cookie
            headers[.referer] = "http://evil.example/\(room.room.token)/"
            let referred = try await client.execute(uri: room.base + "vote", method: .post, headers: headers,
                                                    body: .init(string: "card=\(phone.serial)&form=\(phone.form)&value=3")) { $0 }
            #expect(referred.status == .forbidden)
            #expect(room.lastVotes == 0)
            // The page's own origin (the test client names the host `localhost`).
            #expect(try await room.vote(client, phone, "3", origin: "http://localhost").status == .seeOther)
            #expect(room.lastVotes == 1)
        }
    }

    @Test func aSecondPhoneOnAnotherAddressCounts() async throws {
        let room = room()
        try await room.run { client in
            let phone = try await room.openPage(client)
            #expect(try await room.vote(client, phone, "2").status == .seeOther)
            let port = try #require(client.port)
            let page = try #require(await HTTPByHand.exchange(port: port, from: "127.0.0.2",
                                                              "GET \(room.base) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n"))
            let cookie = try #require(HTTPByHand.cookie(in: page))
            let serial = try #require(RoomUnderTest.hidden("card", in: page))
            let form = try #require(RoomUnderTest.hidden("form", in: page))
            let body = "card=\(serial)&form=\(form)&value=4"
            let post = try #require(await HTTPByHand.exchange(port: port, from: "127.0.0.2", """
                POST \(room.base)vote HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nOrigin: http://127.0.0.1:\(port)\r\n\
                Cookie: \(cookie)\r\nContent-Type: application/x-www-form-urlencoded\r\n\
                Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)
                """))
            #expect(post.hasPrefix("HTTP/1.1 303"), "\(post.prefix(80))")
        }
        #expect(room.lastVotes == 2)
        room.room.handle(.reveal)
        #expect(room.reported.last == .tally(card: "team/safety", counts: ["2": 1, "4": 1]))
    }

    @Test func originRule() {
        let host = "192.168.1.20:8080"
        #expect(OriginCheckMiddleware.isOwnOrigin(origin: nil, referer: nil, host: host))
        #expect(OriginCheckMiddleware.isOwnOrigin(origin: "http://192.168.1.20:8080", referer: nil, host: host))
        #expect(OriginCheckMiddleware.isOwnOrigin(origin: nil, referer: "http://192.168.1.20:8080/abc/", host: host))
        #expect(!OriginCheckMiddleware.isOwnOrigin(origin: "http://192.168.1.20:8081", referer: nil, host: host))
        #expect(!OriginCheckMiddleware.isOwnOrigin(origin: nil, referer: "http://192.168.1.20:80800/", host: host))
        #expect(!OriginCheckMiddleware.isOwnOrigin(origin: "http://192.168.1.20:8080", referer: nil, host: nil))
    }

    /// The 400s and 404s Hummingbird makes itself carry the room's headers too.
    @Test func answersTheServerMakesItselfCarryTheHeaders() async throws {
        let room = room()
        try await room.run { client in
            for response in [try await client.get("/nothing"), try await client.execute(uri: room.base + "vote", method: .put) { $0 },
                             try await client.post(room.base + "vote", form: "value=%%")] {
                #expect(response.status.code >= 400)
                #expect(response.headers[.contentSecurityPolicy] == SecurityHeadersMiddleware.contentSecurityPolicy)
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.init("Referrer-Policy")!] == "same-origin")
            }
        }
    }
}

/// One HTTP exchange on a connection of its own from a chosen loopback address, read to its end.
enum HTTPByHand {
    static func exchange(port: Int, from source: String, _ request: String) async -> String? {
        guard let connection = RawConnection(port: port, from: source) else { return nil }
        connection.send(request)
        return await withCheckedContinuation { continuation in
            Thread {
                var received: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 8192)
                while true {
                    var poller = pollfd(fd: connection.descriptor, events: Int16(POLLIN), revents: 0)
                    guard poll(&poller, 1, 5000) > 0 else { break }
                    let count = recv(connection.descriptor, &buffer, buffer.count, 0)
                    if count <= 0 { break }
                    received += buffer[0..<count]
                }
                continuation.resume(returning: received.isEmpty ? nil : String(decoding: received, as: UTF8.self))
            }.start()
        }
    }

    static func cookie(in response: String) -> String? {
        guard let line = response.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("set-cookie:") }) else { return nil }
        return line.dropFirst("set-cookie:".count).split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
