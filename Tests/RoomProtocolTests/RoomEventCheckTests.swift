import Foundation
import RoomProtocol
import Testing

/// Issue 26: a room (or a binary in its place) that says something tillit
/// cannot use is caught here, before a count reaches the talk.
@Suite struct RoomEventCheckTests {
    static let shown = "team/safety"

    /// The talk showed one rating card (1–5) and one text card.
    static func scale(_ key: String) throws(RoomEventCheck.Problem) -> ClosedRange<Int>? {
        switch key {
        case shown: return 1...5
        case "team/talk": return nil
        default: throw .unknownCard(key)
        }
    }

    static func check(_ line: String) -> Result<RoomEventCheck.Counts, RoomEventCheck.Problem> {
        do throws(RoomEventCheck.Problem) {
            return .success(try RoomEventCheck.check(line: line, maximumVotes: 1_000_000, scale: scale).counts)
        } catch {
            return .failure(error)
        }
    }

    @Test func aFairCountIsTakenAsNumbers() {
        #expect(Self.check(#"{"count":{"card":"team/safety","votes":3,"counts":{"2":1,"5":2}}}"#) == .success([2: 1, 5: 2]))
        #expect(Self.check(#"{"tally":{"card":"team/safety","counts":{"1":1000000}}}"#) == .success([1: 1_000_000]))
        #expect(Self.check(#"{"count":{"card":"team/talk","votes":0,"counts":{}}}"#) == .success([:]))
    }

    /// The audit's fake room: a count that overflows a sum, one the talk file cannot hold, votes off the scale.
    @Test(arguments: [
        (#"{"count":{"card":"team/safety","votes":1,"counts":{"3":9223372036854775807}}}"#, RoomEventCheck.Problem.countOutOfRange(.max)),
        (#"{"count":{"card":"team/safety","votes":1,"counts":{"3":1000001}}}"#, .countOutOfRange(1_000_001)),
        (#"{"tally":{"card":"team/safety","counts":{"3":-1}}}"#, .countOutOfRange(-1)),
        (#"{"count":{"card":"team/safety","votes":-9223372036854775808,"counts":{}}}"#, .countOutOfRange(.min)),
        (#"{"tally":{"card":"team/safety","counts":{"9":1}}}"#, .valueOutsideScale("9", 1...5)),
        (#"{"tally":{"card":"team/safety","counts":{"three":1}}}"#, .valueOutsideScale("three", 1...5)),
        (#"{"tally":{"card":"team/talk","counts":{"3":1}}}"#, .valueOutsideScale("3", nil)),
        (#"{"tally":{"card":"other/card","counts":{"3":1}}}"#, .unknownCard("other/card")),
        (#"{"count":{"card":"team/safety","votes":1,"counts":{"3":1e30}}}"#, .notUnderstood),
        ("not json", .notUnderstood),
        (#"{"ready":{"url":"http://127.0.0.1:1/\u001b]0;owned\u0007/","code":"ABCD","qr":[]}}"#, .badText),
        (#"{"ready":{"url":"http://127.0.0.1:1/x/","code":"\u001b[2J","qr":[]}}"#, .badText),
        (#"{"ready":{"url":"http://127.0.0.1:1/x/","code":"ABCD","qr":["10","1"]}}"#, .badQRCode(modules: 2)),
        (#"{"ready":{"url":"http://127.0.0.1:1/x/","code":"ABCD","qr":["12","01"]}}"#, .badQRCode(modules: 2)),
    ])
    func aMessageTillitCannotUseIsRefused(line: String, problem: RoomEventCheck.Problem) {
        #expect(Self.check(line) == .failure(problem))
    }

    @Test func aQRCodeBeyondVersion40IsRefusedAndVersion40IsTaken() {
        func ready(_ size: Int) -> String {
            RoomLine.encode(RoomEvent.ready(url: "http://127.0.0.1:1/x/", code: "ABCD",
                                            qr: Array(repeating: String(repeating: "1", count: size), count: size)))
        }
        #expect(Self.check(ready(177)) == .success([:]))
        #expect(Self.check(ready(178)) == .failure(.badQRCode(modules: 178)))
        // The audit's 3000 × 3000 matrix does not get as far as being read.
        #expect(Self.check(ready(3000)) == .failure(.lineTooLong))
    }

    /// A room that writes without a newline is cut off after one line's worth, not buffered.
    @Test func aLineWithoutEndIsCutOffAtTheLimit() {
        var reader = RoomLineReader()
        #expect(reader.lines(adding: Array("{\"a\":1}\n{\"b\"".utf8)) == ["{\"a\":1}"])
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 4096)
        var fed = 0
        while !reader.overflowed && fed < 100 * chunk.count {
            #expect(reader.lines(adding: chunk).isEmpty)
            fed += chunk.count
        }
        #expect(reader.overflowed)
        #expect(fed <= RoomEventCheck.maximumLineBytes + chunk.count)
        #expect(reader.lines(adding: Array("\n{}\n".utf8)).isEmpty, "nothing more is read once cut off")
    }
}
