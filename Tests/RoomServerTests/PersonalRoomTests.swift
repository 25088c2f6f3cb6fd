import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RoomProtocol
import Testing
@testable import RoomServer

/// Issue 22, item 2: a 1:1's room (`--personal`) has one link for each of the
/// two, greets that person by name, and sends their rating to tillit as theirs.
/// Anything else under the room is 404; the team room's checks still hold.
@Suite struct PersonalRoomTests {
    static let card = RoomCard(key: "selvledelse/handlingsrom", prompt: "How much room do you have to decide?",
                               scale: RoomScale(min: 1, max: 5, low: "Little", high: "Much"), language: "en")
    static let people = [RoomPerson(id: "p1", name: "Kari Ødegård"), RoomPerson(id: "p2", name: "Øyvind <b>Å</b>")]

    /// A 1:1's room that has invited its two and listens (as `RoomMain` says so), showing `card`.
    final class OneOnOneRoom: Sendable {
        let events = EventLog()
        let room: Room

        init(language: String = "en", rateLimit: Int = 10_000) {
            let events = self.events
            room = Room(language: language, rateLimit: rateLimit, personal: true) { events.append($0) }
            #expect(room.handle(.invite(people: PersonalRoomTests.people, hiddenUntilBoth: true)))
            room.personal?.listening(at: "http://127.0.0.1:8123/\(room.token)/")
            room.handle(.show(card: PersonalRoomTests.card))
        }

        /// Each person's link path (`/room/person/`), from the links the room reported.
        var links: [String: String] {
            var links: [String: String] = [:]
            for case .invited(let person, let url, _) in events.all {
                links[person] = String(url.dropFirst("http://127.0.0.1:8123".count))
            }
            return links
        }

        var ratings: [RoomEvent] { events.all.filter { if case .rated = $0 { return true } else { return false } } }

        func run<Value: Sendable>(_ test: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
            try await RoomMain.makeApplication(room: room, address: "127.0.0.1", port: 0,
                                               limits: ConnectionLimits(requestDeadline: .seconds(300))).test(.live, test)
        }

        func openPage(_ client: any TestClientProtocol, _ link: String, cookie: String? = nil) async throws -> (PhoneOnPage, String) {
            let page = try await client.get(link, cookie: cookie)
            #expect(page.status == .ok)
            let cookie = try #require(page.deviceCookie ?? cookie)
            return (PhoneOnPage(cookie: cookie, serial: try #require(RoomUnderTest.hidden("card", in: page.text)),
                                form: try #require(RoomUnderTest.hidden("form", in: page.text))), page.text)
        }

        func rate(_ client: any TestClientProtocol, _ link: String, _ phone: PhoneOnPage, _ value: String,
                  origin: String? = nil) async throws -> TestResponse {
            try await client.post(link + "vote", form: "card=\(phone.serial)&form=\(phone.form)&value=\(value)",
                                  cookie: phone.cookie, origin: origin)
        }
    }

    @Test func eachLinkIsMadeOnceTheRoomListensAndIsNewForEveryRoom() throws {
        let first = OneOnOneRoom(), second = OneOnOneRoom()
        let links = first.links
        #expect(links.count == 2)
        let parts = try #require(links["p1"]).split(separator: "/")
        #expect(parts.count == 2 && parts[0] == first.room.token && parts[1].count == 17, "\(parts)")
        #expect(links["p1"] != links["p2"])
        #expect(Set(links.values).isDisjoint(with: second.links.values))
        // Once a room: a second invitation changes nothing, and a room needs two named people at most.
        #expect(!first.room.handle(.invite(people: Self.people, hiddenUntilBoth: true)))
        #expect(first.links == links)
        let three = Room(language: "en", personal: true) { _ in }
        #expect(!three.handle(.invite(people: Self.people + [RoomPerson(id: "p3", name: "Per")], hiddenUntilBoth: true)))
        #expect(!three.handle(.invite(people: [RoomPerson(id: "p1", name: "")], hiddenUntilBoth: true)))
        // A team's room has no personal links.
        #expect(!Room(language: "en") { _ in }.handle(.invite(people: Self.people, hiddenUntilBoth: true)))
    }

    /// A refusal made before the room knows whose link it was (too many requests from one
    /// address) links to no page: the room's own address is none in a 1:1.
    @Test func aRefusalBeforeThePersonIsKnownLinksNowhere() async throws {
        let room = OneOnOneRoom(rateLimit: 1)
        let link = try #require(room.links["p1"])
        try await room.run { client in
            // Eight at once, so two fall in the same second however busy the machine (one a second is let through).
            var refused: String?
            for _ in 0..<10 where refused == nil {
                refused = try await withThrowingTaskGroup(of: TestResponse.self) { group in
                    for _ in 0..<8 { group.addTask { try await client.get(link, cookie: nil) } }
                    var text: String?
                    for try await response in group where response.status == .tooManyRequests { text = response.text }
                    return text
                }
            }
            let page = try #require(refused, "eight requests at once from one address: some are turned away")
            #expect(page.contains(PhoneStrings.forLanguage("en").tooMany))
            #expect(!page.contains("href=\"/\(room.room.token)/\""), "\(page)")
        }
    }

    @Test func eachPageGreetsItsOwnPersonByNameAndNoOneElse() async throws {
        let room = OneOnOneRoom()
        let links = room.links
        try await room.run { client in
            let kari = try await client.get(try #require(links["p1"])).text
            #expect(kari.contains("Kari Ødegård, what is your rating?"))
            #expect(kari.contains(Self.card.prompt) && kari.contains("<title>Your rating</title>"))
            #expect(!kari.contains("Øyvind") && !kari.contains("nonymous"), "\(kari)")
            let oyvind = try await client.get(try #require(links["p2"])).text
            #expect(oyvind.contains("Øyvind &lt;b&gt;Å&lt;/b&gt;, what is your rating?"), "a name is escaped like any deck text")
            #expect(!oyvind.contains("Kari"))
        }
    }

    @Test func theWordsAreInTheTalksLanguage() async throws {
        let room = OneOnOneRoom(language: "nb")
        room.room.handle(.show(card: RoomCard(key: Self.card.key, prompt: "Hvor mye handlingsrom har du?", scale: Self.card.scale, language: "nb")))
        let link = try #require(room.links["p1"])
        try await room.run { client in
            let (phone, _) = try await room.openPage(client, link)
            _ = try await room.rate(client, link, phone, "3")
            let page = try await client.get(link, cookie: phone.cookie).text
            #expect(page.contains("Kari Ødegård, hva er din vurdering?") && page.contains("Takk! Du har gitt 3."), "\(page)")
            #expect(page.contains("Ingen ser tallet før dere begge har vurdert") && page.contains("Ta tilbake vurderingen"))
        }
    }

    @Test func aRatingGoesToTillitAsThatPersonsAndCanBeChangedOrTakenBack() async throws {
        let room = OneOnOneRoom()
        let kari = try #require(room.links["p1"]), oyvind = try #require(room.links["p2"])
        try await room.run { client in
            let (phone, _) = try await room.openPage(client, kari)
            let rated = try await room.rate(client, kari, phone, "4")
            #expect(rated.status == .seeOther && rated.headers[.location] == kari)
            let page = try await client.get(kari, cookie: phone.cookie).text
            #expect(page.contains("You gave 4.") && page.contains("aria-pressed=\"true\">4<"))
            #expect(page.contains("No one sees the number until you have both rated"))
            #expect(try await room.rate(client, kari, phone, "2").status == .seeOther)
            #expect(try await room.rate(client, kari, phone, PersonalInvites.takeBack).status == .seeOther)
            #expect(!(try await client.get(kari, cookie: phone.cookie).text.contains("You gave")))
            let (other, otherPage) = try await room.openPage(client, oyvind)
            #expect(!otherPage.contains("You gave"), "Kari's rating is not on Øyvind's page")
            #expect(try await room.rate(client, oyvind, other, "5").status == .seeOther)
            #expect(try await room.rate(client, oyvind, other, "6").status == .unprocessableContent)
            #expect(try await room.rate(client, oyvind, other, "x").status == .unprocessableContent)
        }
        let key = Self.card.key
        #expect(room.ratings == [.rated(card: key, person: "p1", value: 4), .rated(card: key, person: "p1", value: 2),
                                 .rated(card: key, person: "p1", value: nil), .rated(card: key, person: "p2", value: 5)])
        #expect(!room.events.all.contains { if case .count(_, let votes, _) = $0 { return votes > 0 } else { return false } },
                "nothing is counted anonymously")
    }

    /// A third link, the room's address alone, its team page's files: 404, with the headers every answer carries.
    @Test func anyOtherLinkIsNotFound() async throws {
        let room = OneOnOneRoom()
        let token = room.room.token
        let kari = try #require(room.links["p1"])
        try await room.run { client in
            let known = try await client.get(kari)
            let unknown = ["/\(token)/\(RoomSecret.roomToken())/", "/\(token)/", "/\(token)", "/\(token)/style.css", "/\(token)/state",
                           "/\(token)/vote", "/\(token)/\(RoomSecret.roomToken())/style.css", "/\(RoomSecret.roomToken())\(kari.dropFirst(token.count + 1))", kari + "nothing",
                           "/\(token)/\(kari.split(separator: "/")[1].uppercased())/"]
            for path in unknown {
                let answer = try await client.get(path)
                #expect(answer.status == .notFound, "\(path)")
                for name in ["Content-Security-Policy", "X-Content-Type-Options", "Cache-Control", "X-Frame-Options", "Referrer-Policy"] {
                    let field = try #require(HTTPField.Name(name))
                    #expect(answer.headers[field] != nil && answer.headers[field] == known.headers[field], "\(path): \(name)")
                }
            }
            let post = try await client.post("/\(token)/\(RoomSecret.roomToken())/vote", form: "card=a&form=b&value=3")
            #expect(post.status == .notFound)
        }
        #expect(room.ratings.isEmpty)
    }

    @Test func theCookieTheFormValueAndTheOriginStillHold() async throws {
        let room = OneOnOneRoom()
        let kari = try #require(room.links["p1"]), oyvind = try #require(room.links["p2"])
        try await room.run { client in
            let (phone, _) = try await room.openPage(client, kari)
            // No cookie: the page again, with one; nothing sent.
            let bare = try await client.post(kari + "vote", form: "card=\(phone.serial)&form=\(phone.form)&value=3")
            #expect(bare.status == .seeOther && bare.headers[.location] == kari && bare.deviceCookie != nil)
            // A made-up cookie, or Kari's form on Øyvind's link from the same phone: the form does not fit.
            let madeUp = PhoneOnPage(cookie: "\(RoomRouter.deviceCookie)=\(RoomSecret.deviceID())", serial: phone.serial, form: phone.form)
            #expect(try await room.rate(client, kari, madeUp, "3").status == .seeOther)
            let crossed = try await room.rate(client, oyvind, phone, "3")
            #expect(crossed.status == .seeOther && crossed.headers[.location] == oyvind)
            // Another site's page, or a sandboxed one.
            let foreign = try await room.rate(client, kari, phone, "3", origin: "http://evil.example")
            #expect(foreign.status == .forbidden && foreign.text.contains("href=\"\(kari)\""))
            #expect(try await room.rate(client, kari, phone, "3", origin: "null").status == .forbidden)
            #expect(room.ratings.isEmpty)
            // A form from before the card was shown again: refused, and the page offers nothing once no card is shown.
            room.room.handle(.show(card: Self.card))
            #expect(try await room.rate(client, kari, phone, "3").status == .conflict)
            room.room.handle(.close)
            let closed = try await client.get(kari, cookie: phone.cookie).text
            #expect(closed.contains("Nothing to vote on right now") && RoomUnderTest.hidden("card", in: closed) == nil)
        }
        #expect(room.ratings.isEmpty)
    }
}
