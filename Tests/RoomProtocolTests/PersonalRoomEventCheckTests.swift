import Foundation
import RoomProtocol
import Testing

/// Issue 22, item 2: a 1:1's room sends each person's link and their ratings;
/// tillit takes a rating only for one of the talk's two people, on the card's scale.
@Suite struct PersonalRoomEventCheckTests {
    static let people: Set<String> = ["p1", "p2"]

    static func check(_ line: String, people: Set<String> = people) -> Result<RoomEvent, RoomEventCheck.Problem> {
        do throws(RoomEventCheck.Problem) {
            return .success(try RoomEventCheck.check(line: line, maximumVotes: 1_000_000, people: people, scale: RoomEventCheckTests.scale).event)
        } catch {
            return .failure(error)
        }
    }

    @Test func aRatingOrATakeBackFromOneOfTheTwoIsTaken() {
        #expect(Self.check(#"{"rated":{"card":"team/safety","person":"p1","value":4}}"#)
            == .success(.rated(card: "team/safety", person: "p1", value: 4)))
        #expect(Self.check(#"{"rated":{"card":"team/safety","person":"p2"}}"#)
            == .success(.rated(card: "team/safety", person: "p2", value: nil)))
        #expect(Self.check(#"{"invited":{"person":"p2","url":"http://127.0.0.1:4000/abc/def/","qr":["10","01"]}}"#)
            == .success(.invited(person: "p2", url: "http://127.0.0.1:4000/abc/def/", qr: ["10", "01"])))
    }

    @Test(arguments: [
        // Someone not in the talk, and anyone at all in a team's room.
        (#"{"rated":{"card":"team/safety","person":"p3","value":4}}"#, people, RoomEventCheck.Problem.unknownPerson("p3")),
        (#"{"rated":{"card":"team/safety","person":"p1","value":4}}"#, [], .unknownPerson("p1")),
        (#"{"invited":{"person":"p9","url":"http://x/","qr":[]}}"#, people, .unknownPerson("p9")),
        (#"{"invited":{"person":"p1","url":"http://x/","qr":[]}}"#, [], .unknownPerson("p1")),
        // Off the scale, on a card without one, on a card never shown.
        (#"{"rated":{"card":"team/safety","person":"p1","value":9}}"#, people, .valueOutsideScale("9", 1...5)),
        (#"{"rated":{"card":"team/safety","person":"p1","value":0}}"#, people, .valueOutsideScale("0", 1...5)),
        (#"{"rated":{"card":"team/safety","person":"p1","value":-9223372036854775808}}"#, people,
         .valueOutsideScale("-9223372036854775808", 1...5)),
        (#"{"rated":{"card":"team/talk","person":"p1","value":3}}"#, people, .valueOutsideScale("3", nil)),
        (#"{"rated":{"card":"team/talk","person":"p1"}}"#, people, .valueOutsideScale("none", nil)),
        (#"{"rated":{"card":"team/other","person":"p1","value":3}}"#, people, .unknownCard("team/other")),
        // A link that is not plain text, or a QR code that is not one.
        (#"{"invited":{"person":"p1","url":"http://x/\u001b[2J","qr":[]}}"#, people, .badText),
        (#"{"invited":{"person":"p1","url":"http://x/","qr":["10","0"]}}"#, people, .badQRCode(modules: 2)),
        // Anonymous votes: a 1:1's room has no page for them.
        (#"{"count":{"card":"team/safety","votes":1,"counts":{"4":1}}}"#, people, .anonymousVotesInPersonalRoom),
        (#"{"tally":{"card":"team/safety","counts":{"4":1}}}"#, people, .anonymousVotesInPersonalRoom),
    ] as [(String, Set<String>, RoomEventCheck.Problem)])
    func anythingElseIsRefused(line: String, people: Set<String>, problem: RoomEventCheck.Problem) {
        #expect(Self.check(line, people: people) == .failure(problem))
    }

    /// The count the room sends as it shows a card (none yet) is a 1:1's too.
    @Test func anEmptyCountIsTaken() {
        #expect(Self.check(#"{"count":{"card":"team/safety","votes":0,"counts":{}}}"#)
            == .success(.count(card: "team/safety", votes: 0, counts: [:])))
    }

    @Test func aValueThatIsNotANumberIsNotARoomMessage() {
        #expect(Self.check(#"{"rated":{"card":"team/safety","person":"p1","value":"4"}}"#) == .failure(.notUnderstood))
        #expect(Self.check(#"{"rated":{"card":"team/safety","person":"p1","value":4.5}}"#) == .failure(.notUnderstood))
    }
}
