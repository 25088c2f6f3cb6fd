import Foundation
import Hummingbird
import HummingbirdTesting
import RoomProtocol
import Testing
@testable import RoomServer

/// Issue 27, items 4 and 6: anonymous written answers from phones on a text card.
/// Each test's phones share the test client's address (127.0.0.1), each with its own cookie.
@Suite struct WrittenAnswersRoomTests {
    static let card = RoomCard(key: "team/fear", prompt: "Which questions are not asked here?", scale: nil, language: "en", writes: true)

    private func room(seed: UInt64? = 7, language: String = "en") -> RoomUnderTest {
        let room = RoomUnderTest(language: language, rateLimit: 10_000, answerSeed: seed)
        var card = Self.card
        card.language = language
        room.show(card)
        return room
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    private func write(_ room: RoomUnderTest, _ client: any TestClientProtocol, _ phone: PhoneOnPage, _ text: String,
                       origin: String? = nil) async throws -> TestResponse {
        try await client.post(room.base + "write", form: "card=\(phone.serial)&form=\(phone.form)&value=\(Self.encoded(text))",
                              cookie: phone.cookie, origin: origin)
    }

    private func answers(_ room: RoomUnderTest) -> [String] {
        room.reported.compactMap { if case .answer(_, let text) = $0 { return text } else { return nil } }
    }

    private func counts(_ room: RoomUnderTest) -> [Int] {
        room.reported.compactMap { if case .answers(_, let count) = $0 { return count } else { return nil } }
    }

    @Test func fourPhonesWriteTillitSeesCountsThenTheAnswersInAnotherOrder() async throws {
        let room = room()
        let sent = ["We never ask why", "Who decides the rota", "What the budget is", "Whether it is OK to say no"]
        try await room.run { client in
            for text in sent {
                let phone = try await room.openPage(client)
                #expect(try await write(room, client, phone, text).status == .seeOther)
            }
        }
        #expect(counts(room) == [1, 2, 3, 4])
        #expect(answers(room).isEmpty, "no word leaves the room before the reveal")
        room.room.handle(.reveal)
        let revealed = answers(room)
        #expect(revealed.sorted() == sent.sorted())
        #expect(revealed != sent, "the seed gives an order unlike the order they were sent in")
        // The room forgot them: a second reveal sends nothing more.
        room.room.handle(.reveal)
        #expect(answers(room).count == 4)
    }

    @Test func theOrderFollowsTheSeed() async throws {
        func revealed(seed: UInt64) async throws -> [String] {
            let room = room(seed: seed)
            try await room.run { client in
                for text in ["one", "two", "three", "four", "five"] {
                    _ = try await write(room, client, try await room.openPage(client), text)
                }
            }
            room.room.handle(.reveal)
            return answers(room)
        }
        #expect(try await revealed(seed: 3) == revealed(seed: 3))
    }

    @Test func fewerThanThreeAreNotRevealedAndThePhonesGoOnWriting() async throws {
        let room = room()
        try await room.run { client in
            for text in ["a", "b"] { _ = try await write(room, client, try await room.openPage(client), text) }
            room.room.handle(.reveal)
            #expect(answers(room).isEmpty)
            #expect(try await write(room, client, try await room.openPage(client), "c").status == .seeOther)
        }
        #expect(counts(room).last == 3)
    }

    @Test func overLongSixthCookielessForeignAndControlCharactersAreRefusedOrMadeSafe() async throws {
        let room = room()
        try await room.run { client in
            let phone = try await room.openPage(client)
            #expect(try await write(room, client, phone, String(repeating: "x", count: 281)).status == .contentTooLarge)
            #expect(try await write(room, client, phone, String(repeating: "ø", count: 280)).status == .seeOther)
            #expect(try await write(room, client, phone, "bell\u{7}\nand \u{1B}[2J escape").status == .seeOther)
            #expect(try await write(room, client, phone, " \n\t ").status == .unprocessableContent)
            // No cookie: the page again, nothing taken. Another origin: refused.
            let cookieless = try await client.post(room.base + "write", form: "card=\(phone.serial)&form=\(phone.form)&value=hi")
            #expect(cookieless.status == .seeOther)
            #expect(try await write(room, client, phone, "from elsewhere", origin: "http://evil.example").status == .forbidden)
            for text in ["three", "four", "five"] { #expect(try await write(room, client, phone, text).status == .seeOther) }
            #expect(try await write(room, client, phone, "six").status == .tooManyRequests)
            // A private window on the same phone is the same address: still five.
            #expect(try await write(room, client, try await room.openPage(client), "seven").status == .tooManyRequests)
        }
        #expect(counts(room).last == 5)
        room.room.handle(.reveal)
        #expect(answers(room).contains("bell and [2J escape"))
        #expect(answers(room).allSatisfy(RoomWriting.isAnswer))
    }

    /// Item 6: the page shows a phone what it sent on this card, escaped, and never another phone's words.
    @Test func thePageShowsWhatThisPhoneSentAndNothingOfOthers() async throws {
        let room = room(language: "nb")
        try await room.run { client in
            let mine = try await room.openPage(client)
            let other = try await room.openPage(client)
            _ = try await write(room, client, mine, "<b>Hvem</b> & \"hvorfor\"")
            _ = try await write(room, client, other, "the other phone's words")
            let page = try await client.get(room.base, cookie: mine.cookie).text
            #expect(page.contains("&lt;b&gt;Hvem&lt;/b&gt; &amp; &quot;hvorfor&quot;"))
            #expect(!page.contains("<b>Hvem"))
            #expect(!page.contains("the other phone"))
            #expect(page.contains("Dette har du sendt på kortet"))
            #expect(page.contains("<textarea"))
            #expect(page.contains("<title>Svar anonymt</title>"), "a card to write on is not a vote")
            #expect(page.contains("Du kan sende 4 svar til"))
            room.room.handle(.show(card: Self.card))
            let afterNewShowing = try await client.get(room.base, cookie: mine.cookie).text
            #expect(!afterNewShowing.contains("Hvem"), "a new showing forgets every answer")
        }
    }

    @Test func aVotingCardTakesNoWrittenAnswers() async throws {
        let room = RoomUnderTest(rateLimit: 10_000)
        room.show(Cards.safety)
        try await room.run { client in
            let phone = try await room.openPage(client)
            #expect(try await write(room, client, phone, "words").status == .conflict)
        }
        #expect(counts(room).isEmpty)
    }
}
