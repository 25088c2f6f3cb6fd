import Foundation
import Testing
@testable import TillitCore
@testable import TillitPlain

/// Issue 27, item 4: the rule for the phones' written answers, kept in one place
/// for the screens and plain mode, and what the minutes and the export make of them.
@Suite struct WrittenAnswersTests {
    /// A team talk with a facilitator, on its first card (text only).
    static func team() throws -> Session {
        let people = [Participant(id: "p1", name: "Teamet", role: .facilitator), Participant(id: "p2", name: "Ada", role: .member)]
        let setup = TalkSetup(kind: .team, title: "Team Nord", language: .nb, participants: people,
                              deckIDs: ["selvledelse"], anonymous: true)
        return try Session.start(setup, decks: [SessionFixture.deck()], id: "2026-11-23-1000-beef", now: SessionFixture.t0)
    }

    @Test func aTextCardIsOneThePhonesWriteOnAndARatingCardIsNot() {
        #expect(AnswerForm.text.roomAsks == .writing)
        #expect(AnswerForm.scale.roomAsks == .rating)
        #expect(AnswerForm.textAndScale.roomAsks == .rating)
    }

    @Test func revealNeedsThreeAnswersAWritingCardAndAWriter() throws {
        var talk = try Self.team()
        #expect(WrittenAnswers.canReveal(count: 2, in: talk) == .tooFew(count: 2, minimum: 3))
        #expect(WrittenAnswers.canReveal(count: 3, in: talk) == .ready)
        try talk.run(.next)
        #expect(WrittenAnswers.canReveal(count: 9, in: talk) == .notAWritingCard)
        var noFacilitator = try SessionFixture.team(anonymous: true)
        #expect(WrittenAnswers.canReveal(count: 9, in: noFacilitator) == .noWriter)
        #expect(WrittenAnswers.keep("ord", in: noFacilitator) == nil)
        try noFacilitator.run(.next)
    }

    @Test func revealedAnswersAreTheGroupsWordsAndAHiddenOneLeavesEveryFile() throws {
        var talk = try Self.team()
        try talk.run(.setText(participant: "p1", text: "Notat fra ordstyrer"))
        for text in ["Hvorfor vi gjør det slik", "Hvem som bestemmer", "Om det er lov å si nei"] {
            try talk.apply(try #require(WrittenAnswers.keep(text, in: talk)), now: SessionFixture.t0)
        }
        #expect(talk.currentCard?.response(of: "p1")?.text
                == "Notat fra ordstyrer\nHvorfor vi gjør det slik\nHvem som bestemmer\nOm det er lov å si nei")
        try talk.apply(try #require(WrittenAnswers.hide("Hvem som bestemmer", in: talk)), now: SessionFixture.t0)
        #expect(WrittenAnswers.hide("Hvem som bestemmer", in: talk) == nil, "gone: nothing left to hide")
        try talk.run(.finish)
        let minutes = MarkdownExporter.render(talk, includePrivate: false)
        #expect(minutes.contains("Hvorfor vi gjør det slik") && minutes.contains("Om det er lov å si nei"))
        #expect(!minutes.contains("Hvem som bestemmer"))
        let json = try talk.exportJSON(includePrivate: false)
        #expect(json.contains("Om det er lov") && !json.contains("Hvem som bestemmer"))
        let file = String(decoding: try JSONEncoder().encode(talk), as: UTF8.self)
        #expect(!file.contains("Hvem som bestemmer"))
    }

    @Test func anAnswerIsKeptOnOneLineWithoutControlCharacters() throws {
        var talk = try Self.team()
        try talk.apply(try #require(WrittenAnswers.keep("to\nlinjer\u{1B}[2J", in: talk)), now: SessionFixture.t0)
        #expect(talk.currentCard?.response(of: "p1")?.text.contains("\n") == false)
        #expect(talk.currentCard?.response(of: "p1")?.text.unicodeScalars.contains { $0.value == 0x1B } == false)
    }

    /// Item 3's leftover: plain mode refuses a typed vote while the room is open on a rating card, as the screens do.
    @Test func plainModeTakesNoTypedVoteWhileTheRoomIsOpen() throws {
        var session = try Self.team()
        try session.run(.next)
        var plain = PlainTalk(session: session, path: "/tmp/x.json", decks: [SessionFixture.deck()], language: .nb)
        plain.roomOpen = true
        let refused = plain.handle(PlainInput(line: ":rate 4"), now: SessionFixture.t0)
        #expect(plain.session.currentCard?.ratingCount == 0)
        #expect(refused.lines.first?.contains("mobilene") == true)
        plain.roomOpen = false
        _ = plain.handle(PlainInput(line: ":rate 4"), now: SessionFixture.t0)
        #expect(plain.session.currentCard?.ratingCount == 1)
    }

    @Test func plainModeAsksTheRunnerForAnswersAndListsTheCommandsInHelp() throws {
        var plain = PlainTalk(session: try Self.team(), path: "/tmp/x.json", decks: [SessionFixture.deck()], language: .nb)
        #expect(plain.handle(PlainInput(line: ":answers"), now: SessionFixture.t0).written == .count)
        plain.roomOpen = true
        #expect(plain.handle(PlainInput(line: ":reveal"), now: SessionFixture.t0).written == .reveal)
        let help = PlainCommands.help(Localizer(.nb))
        #expect(help.contains(":answers") && help.contains(":reveal"))
    }

    @Test func theTypedVotesOfACardAreReplacedByOneStep() throws {
        var talk = try Self.team()
        try talk.run(.next, .addVote(value: 2, participant: nil), .addVote(value: 4, participant: nil))
        #expect(RoomVoteRules.holdsBack(try #require(talk.currentCard)))
        try talk.apply(try #require(RoomVoteRules.replaceTyped(in: talk)), now: SessionFixture.t0)
        #expect(talk.currentCard?.ratingCount == 0)
        #expect(RoomVoteRules.replaceTyped(in: talk) == nil)
        #expect(!RoomVoteRules.takesTypedVote(on: talk.currentCard, roomOpen: true))
        #expect(RoomVoteRules.takesTypedVote(on: talk.currentCard, roomOpen: false))
    }
}
