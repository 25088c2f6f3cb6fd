import Foundation
import HummingbirdTesting
import RoomProtocol
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import RoomServer

/// Issue 26, the room's side: any line from tillit, a taken port, an address
/// that is no address or faces every network, a token too short, and deck text
/// that tries to become markup.
@Suite struct RoomHardeningTests {
    // MARK: Any line on stdin

    /// A scale upside down once crashed the room (`min...max`), and one from -2^63 to 2^63
    /// would draw buttons for ever: such a card is not shown, and the room goes on.
    @Test(arguments: [(5, 1), (Int.min, Int.max), (-5000, 5), (0, 1_000_000)])
    func aScaleNoCardHasIsNotShownAndTheRoomGoesOn(min: Int, max: Int) async throws {
        let room = RoomUnderTest()
        room.show(RoomCard(key: "x/bad", prompt: "Upside down", scale: RoomScale(min: min, max: max, low: "a", high: "b"), language: "en"))
        try await room.run { client in
            let page = try await client.get(room.base)
            #expect(page.status == .ok)
            #expect(!page.text.contains("Upside down") && !page.text.contains("<button"))
        }
        room.show(Cards.safety)
        try await room.run { client in
            let page = try await client.get(room.base).text
            #expect(page.contains("How safe is it"), "the next card shows as before")
        }
    }

    @Test func anyLineFromTillitIsEitherACommandOrIgnored() {
        let room = RoomUnderTest()
        for line in ["", "{", "null", "{\"show\":{}}", #"{"show":{"card":{"key":"a","prompt":"p","language":"en","scale":{"min":9,"max":1,"low":"","high":""}}}}"#,
                     String(repeating: "[", count: 100_000), "{\"reveal\":{}}"] {
            RoomMain.apply(line: line, to: room.room)
        }
        #expect(room.room.snapshot(device: nil).round.card == nil)
    }

    // MARK: Errors in people's words

    /// Another room has the port: the second is told so, in words tillit can pass on.
    @Test func aTakenPortIsNamedAsTaken() async throws {
        try await RoomUnderTest().run { client in
            let port = try #require(client.port)
            let second = RoomMain.makeApplication(room: RoomUnderTest().room, address: "127.0.0.1", port: port)
            do {
                try await second.runService(gracefulShutdownSignals: [])
                Issue.record("listened on a taken port")
            } catch {
                #expect(RoomMain.listenProblem(error, address: "127.0.0.1", port: port) == .portInUse(port: port), "\(error)")
            }
        }
    }

    @Test func anAddressThisComputerDoesNotHaveIsNamedAsSuch() async throws {
        // 192.0.2.1 (TEST-NET-1) is on no interface here; binding it fails at once.
        let app = RoomMain.makeApplication(room: RoomUnderTest().room, address: "192.0.2.1", port: 0)
        do {
            try await app.runService(gracefulShutdownSignals: [])
            Issue.record("listened on an address this computer does not have")
        } catch {
            #expect(RoomMain.listenProblem(error, address: "192.0.2.1", port: 0) == .addressNotHere(address: "192.0.2.1"))
        }
    }

    /// A wildcard or public address needs `--room-allow-public`; a malformed one is refused outright.
    @Test func aWildcardOrPublicAddressNeedsTheFacilitatorsWord() throws {
        for address in ["8.8.8.8", "0.0.0.0", "::", "2001:db8::1"] {
            #expect(throws: RoomStartError.self, "\(address)") { try RoomOptions(address: address).listenAddress { ["192.168.1.20"] } }
        }
        let allowed = try RoomOptions.parse(["--room-address", "8.8.8.8", "--room-allow-public"])
        #expect(try allowed.listenAddress { [] } == ListenAddress(bind: "8.8.8.8", shown: "8.8.8.8"))
        // Every network: the phones are shown this computer's private address.
        let everywhere = try RoomOptions.parse(["--room-allow-public", "--room-address", "0.0.0.0"])
        #expect(try everywhere.listenAddress { ["127.0.0.1", "192.168.1.20"] } == ListenAddress(bind: "0.0.0.0", shown: "192.168.1.20"))
        for malformed in ["8.8.8.8.8", "256.1.1.1", "localhost", "", "1.2.3"] {
            #expect(throws: RoomStartError.self, "\(malformed)") { try allowed.listenAddress(of: malformed) { [] } }
        }
        #expect(try RoomOptions(address: "192.168.1.20").listenAddress { [] } == ListenAddress(bind: "192.168.1.20", shown: "192.168.1.20"))
    }

    @Test func theTokenHasAtLeast80RandomBits() {
        let token = RoomSecret.roomToken()
        #expect(Double(token.count) * log2(Double(RoomSecret.alphabetSize)) >= 80, "\(token)")
        #expect(Set((0..<50).map { _ in RoomSecret.roomToken() }).count == 50)
    }

    // MARK: Text that stays text

    /// The grapheme trick: U+0600 before `<` made one Character that was not `<`,
    /// and a raw `<meta>` and a working link reached the phone page.
    @Test func deckTextBehindAJoiningMarkStaysText() async throws {
        let room = RoomUnderTest()
        room.show(RoomCard(key: "x/y", prompt: "\u{0600}<meta http-equiv=\"refresh\" content=\"0;url=https://example.invalid\">"
                           + "\u{0600}<a href=\"https://example.invalid\">press\u{0600}</a>",
                           scale: RoomScale(min: 1, max: 3, low: "\u{0600}<img src=x onerror=alert(1)\u{0600}>", high: "<\u{0301}b>"),
                           language: "en"))
        try await room.run { client in
            let page = Array(try await client.get(room.base).text.utf8)
            for tag in ["<meta http-equiv=\"refresh\"", "<a href=\"https", "<img", "<\u{0301}b"] {
                let needle = Array(tag.utf8)
                let found = (0...(page.count - needle.count)).contains { page[$0..<($0 + needle.count)].elementsEqual(needle) }
                #expect(!found, "\(tag)")
            }
        }
    }

    /// The page carries its policy itself too, so a copy saved from the phone keeps it.
    @Test func thePageCarriesItsContentSecurityPolicy() async throws {
        let room = RoomUnderTest()
        room.show(Cards.safety)
        try await room.run { client in
            let page = try await client.get(room.base).text
            #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"\(SecurityHeadersMiddleware.contentSecurityPolicy)\">"))
            let refused = try await client.post(room.base + "vote", form: "card=old&value=3").text
            #expect(refused.contains("http-equiv=\"Content-Security-Policy\""))
        }
    }
}
