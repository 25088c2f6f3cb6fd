import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore

@Suite("Votes from phones (the voting room) in the talk")
struct PhoneVotesTests {
    @Test func phoneVotesCountLikeAnyAnonymousVoteAndSayWhereTheyCameFrom() throws {
        var talk = try SessionFixture.team(anonymous: true)
        try talk.run(.jump(to: 1), .addVote(value: 2, participant: nil))
        try talk.run(.setPhoneVotes(card: 1, counts: [4: 3, 5: 1]))
        #expect(talk.cards[1].anonymousVotes == [2: 1, 4: 3, 5: 1])
        #expect(talk.cards[1].phoneVotes == [4: 3, 5: 1])
        #expect(talk.cards[1].ratingCount == 5 && talk.cards[1].status == .answered)
        // The room's later count replaces its earlier one; the typed vote stays.
        try talk.run(.setPhoneVotes(card: 1, counts: [4: 2, 1: 1]))
        #expect(talk.cards[1].anonymousVotes == [2: 1, 4: 2, 1: 1])
        #expect(talk.cards[1].phoneVoteCount == 3)
    }

    @Test func phoneVotesGoToTheirCardEvenAfterTheTalkMovedOn() throws {
        var talk = try SessionFixture.team(anonymous: true)
        try talk.run(.jump(to: 1), .next)
        try talk.run(.setPhoneVotes(card: 1, counts: [3: 2]))
        #expect(talk.cards[1].anonymousVotes == [3: 2])
        #expect(talk.currentIndex == 2)
        #expect(throws: TalkError.notARatingCard) { try talk.run(.setPhoneVotes(card: 0, counts: [3: 1])) }
        #expect(throws: TalkError.ratingOutOfRange(6, 1...5)) { try talk.run(.setPhoneVotes(card: 1, counts: [6: 1])) }
        #expect(throws: TalkError.noSuchCard(40)) { try talk.run(.setPhoneVotes(card: 40, counts: [3: 1])) }
    }

    @Test func takingBackAVoteNeverLeavesMorePhoneVotesThanVotes() throws {
        var talk = try SessionFixture.team(anonymous: true)
        try talk.run(.jump(to: 1), .setPhoneVotes(card: 1, counts: [4: 1]), .removeVote(value: 4))
        #expect(talk.cards[1].anonymousVotes == nil && talk.cards[1].phoneVotes == nil)
    }

    @Test func theFieldIsOptionalInTheFile() throws {
        var talk = try SessionFixture.team(anonymous: true)
        let before = String(decoding: try SessionStore.encoder().encode(talk), as: UTF8.self)
        #expect(!before.contains("phoneVotes"), "a talk without a room writes the file as before")
        try talk.run(.setPhoneVotes(card: 1, counts: [4: 2]))
        let data = try SessionStore.encoder().encode(talk)
        #expect(String(decoding: data, as: UTF8.self).contains("\"phoneVotes\""))
        let read = try SessionStore.decoder().decode(Session.self, from: data)
        #expect(read.cards[1].phoneVotes == [4: 2])
        #expect(read.schemaVersion == 1)
    }

    // MARK: Counts that do not fit (issue 26)

    /// A count of 2^63 - 1 once stopped tillit with an overflow, and 1,000,001 was saved
    /// and then the talk would not open: the command refuses both and the talk stays as it was.
    @Test(arguments: [Int.max, 1_000_001, -1, Int.min])
    func aCountNoTalkFileCanHoldIsRefused(count: Int) throws {
        var talk = try SessionFixture.team(anonymous: true)
        try talk.run(.jump(to: 1), .addVote(value: 3, participant: nil), .setPhoneVotes(card: 1, counts: [3: 2]))
        let before = talk
        #expect(throws: TalkError.tooManyVotes(3)) { try talk.run(.setPhoneVotes(card: 1, counts: [3: count])) }
        #expect(talk == before)
        #expect(talk.implausibility == nil)
    }

    /// Typed and phone votes together stay within what a talk file may hold.
    @Test func typedAndPhoneVotesTogetherStayWithinTheMaximum() throws {
        var talk = try SessionFixture.team(anonymous: true)
        try talk.run(.jump(to: 1), .setPhoneVotes(card: 1, counts: [3: Session.maximumVotes]))
        #expect(throws: TalkError.tooManyVotes(3)) { try talk.run(.addVote(value: 3, participant: nil)) }
        try talk.run(.setPhoneVotes(card: 1, counts: [3: Session.maximumVotes - 1]), .addVote(value: 3, participant: nil))
        #expect(talk.cards[1].anonymousVotes == [3: Session.maximumVotes])
        #expect(throws: TalkError.tooManyVotes(3)) { try talk.run(.setPhoneVotes(card: 1, counts: [3: Session.maximumVotes])) }
        #expect(talk.implausibility == nil)
    }

    /// A hand-edited `phoneVotes` is refused when the file is read, not met by an overflow later.
    @Test(arguments: [[3: Int.max], [3: -5], [3: 1_000_001], [5000: 1]])
    func aDamagedPhoneVotesFieldMakesTheTalkImplausible(phoneVotes: [Int: Int]) throws {
        var talk = try SessionFixture.team(anonymous: true)
        try talk.run(.jump(to: 1), .addVote(value: 3, participant: nil))
        talk.cards[1].phoneVotes = phoneVotes
        let problem = try #require(talk.implausibility)
        #expect(problem.contains("'cards[1].phoneVotes"), "\(problem)")
    }
}
