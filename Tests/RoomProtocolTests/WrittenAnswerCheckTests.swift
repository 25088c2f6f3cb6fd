import Foundation
import RoomProtocol
import Testing

/// Issue 27, item 4: what a room (or a binary in its place) sends of the phones'
/// written answers is checked before a word of it reaches the talk.
@Suite struct WrittenAnswerCheckTests {
    static func check(_ event: RoomEvent) -> RoomEventCheck.Problem? {
        do throws(RoomEventCheck.Problem) {
            _ = try RoomEventCheck.check(line: RoomLine.encode(event), maximumVotes: 1_000_000, scale: RoomEventCheckTests.scale)
            return nil
        } catch {
            return error
        }
    }

    @Test func aFairCountAndAFairAnswerAreTaken() {
        #expect(Self.check(.answers(card: "team/talk", count: 4)) == nil)
        #expect(Self.check(.answer(card: "team/talk", text: "Vi spør for lite om hvorfor")) == nil)
        #expect(Self.check(.answer(card: "team/talk", text: String(repeating: "æ", count: 280))) == nil)
        #expect(Self.check(.answer(card: "team/talk", text: String(repeating: "👩‍👩‍👧", count: 40))) == nil)
    }

    @Test(arguments: [
        RoomEvent.answer(card: "team/talk", text: String(repeating: "a", count: 281)),
        .answer(card: "team/talk", text: ""),
        .answer(card: "team/talk", text: "ok\u{1B}[2J"),
        .answer(card: "team/talk", text: "two\nlines"),
        .answer(card: "team/talk", text: "turned \u{202E}around"),
        .answer(card: "team/talk", text: " padded "),
        .answer(card: "team/talk", text: "e" + String(repeating: "\u{301}", count: 1_200)),
    ])
    func anAnswerThatIsNotCleanOrTooLongIsRefused(event: RoomEvent) {
        #expect(Self.check(event) == .badAnswer)
    }

    @Test func countsOutsideWhatARoomTakesAndCardsWithAScaleAreRefused() {
        #expect(Self.check(.answers(card: "team/talk", count: -1)) == .countOutOfRange(-1))
        #expect(Self.check(.answers(card: "team/talk", count: RoomWriting.maximumAnswers + 1)) == .countOutOfRange(1_001))
        #expect(Self.check(.answers(card: "team/safety", count: 1)) == .notAWritingCard("team/safety"))
        #expect(Self.check(.answer(card: "team/safety", text: "hi")) == .notAWritingCard("team/safety"))
        #expect(Self.check(.answer(card: "other/card", text: "hi")) == .unknownCard("other/card"))
    }

    @Test func cleaningTakesOutControlsAndTurnsLineBreaksToSpaces() {
        #expect(RoomWriting.clean("  two\r\nlines\t\u{7}and\u{202E}more  ") == "two lines and more")
        #expect(RoomWriting.clean("\n\t \u{0}") == nil)
        #expect(RoomWriting.clean("Hei på deg 👋") == "Hei på deg 👋")
    }
}
