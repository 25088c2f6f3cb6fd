import Foundation
import Testing
@testable import TillitCore

@Suite("Vote privacy: anonymous votes are revealed on purpose, and only from the minimum")
struct VotePrivacyTests {
    let three: [Int: Int] = [4: 1, 2: 1, 5: 1]

    @Test func anonymousVotesShowOnlyTheirCountUntilRevealed() {
        #expect(VotePrivacy.disclosure(counts: three, anonymous: true, revealed: false) == .countOnly(votes: 3, hidden: .notRevealed))
        let shown = VotePrivacy.disclosure(counts: three, anonymous: true, revealed: true)
        #expect(shown.tally?.counts == three && shown.tally?.total == 3)
        #expect(abs((shown.tally?.mean ?? 0) - 11.0 / 3) < 1e-9)
    }

    @Test func revealedBelowTheMinimumSaysWhy() {
        #expect(VotePrivacy.disclosure(counts: [4: 2], anonymous: true, revealed: true) == .countOnly(votes: 2, hidden: .tooFew(minimum: 3)))
        #expect(VotePrivacy.disclosure(counts: [:], anonymous: true, revealed: true) == .noVotes)
        #expect(VotePrivacy.disclosure(counts: [3: 0], anonymous: false, revealed: false) == .noVotes, "a zero count is no vote")
    }

    @Test func namedVotesShowAsTheyCome() {
        #expect(VotePrivacy.disclosure(counts: [4: 1], anonymous: false, revealed: false).tally?.total == 1)
    }

    @Test func aMinimumMayBeRaisedButNeverLowered() {
        #expect(VoteMinimum(atLeast: 1).votes == 3)
        #expect(VoteMinimum(atLeast: -5).votes == 3)
        #expect(VoteMinimum(atLeast: nil) == .standard)
        let five = VoteMinimum(atLeast: 5)
        #expect(five.votes == 5)
        #expect(VotePrivacy.disclosure(counts: [4: 4], anonymous: true, revealed: true, minimum: five) == .countOnly(votes: 4, hidden: .tooFew(minimum: 5)))
        #expect(VotePrivacy.disclosure(counts: [4: 2], anonymous: true, revealed: true, minimum: VoteMinimum(atLeast: 2)).tally == nil)
        #expect(VotePrivacy.teamResult(counts: [4: 2]) == nil && VotePrivacy.teamResult(counts: three)?.total == 3)
    }

    @Test func aNewVoteAfterTheRevealHidesTheResultUntilTheNextReveal() throws {
        var talk = try SessionFixture.team(anonymous: true)
        try talk.run(.next, .addVote(value: 4, participant: nil), .addVote(value: 2, participant: nil), .addVote(value: 5, participant: nil))
        #expect(talk.voteDisclosure(of: talk.currentCard!) == .countOnly(votes: 3, hidden: .notRevealed))
        try talk.run(.revealVotes)
        #expect(talk.voteDisclosure(of: talk.currentCard!).tally?.total == 3)
        try talk.run(.addVote(value: 1, participant: nil))
        #expect(talk.voteDisclosure(of: talk.currentCard!) == .countOnly(votes: 4, hidden: .notRevealed),
                "the 4th vote must not move a mean on screen")
        try talk.run(.removeVote(value: 1))
        #expect(talk.voteDisclosure(of: talk.currentCard!).tally?.total == 3, "back to exactly what the room saw")
        try talk.run(.removeVote(value: 2), .addVote(value: 3, participant: nil))
        #expect(talk.voteDisclosure(of: talk.currentCard!) == .countOnly(votes: 3, hidden: .notRevealed), "same count, other votes")
        try talk.run(.revealVotes)
        #expect(talk.voteDisclosure(of: talk.currentCard!).tally?.counts == [4: 1, 3: 1, 5: 1])
    }

    @Test func theRevealSurvivesTheFileAndAFinishedTalkShowsItsResults() throws {
        var talk = try SessionFixture.team(anonymous: true)
        try talk.run(.next, .addVote(value: 4, participant: nil), .addVote(value: 4, participant: nil), .addVote(value: 2, participant: nil),
                     .revealVotes, .next, .previous)
        let data = try JSONEncoder().encode(talk)
        var back = try JSONDecoder().decode(Session.self, from: data)
        #expect(back.cards[1].revealedVotes == [4: 2, 2: 1])
        #expect(back.voteDisclosure(of: back.cards[1]).tally?.total == 3, "a resumed talk shows what the room already saw")
        try back.run(.jump(to: 2), .addVote(value: 6, participant: nil), .addVote(value: 6, participant: nil), .addVote(value: 1, participant: nil))
        #expect(back.voteDisclosure(of: back.cards[2]).tally == nil)
        try back.run(.finish)
        #expect(back.voteDisclosure(of: back.cards[2]).tally?.total == 3, "voting is over once the talk is finished")
    }

    @Test func revealingIsOnlyForRatingCardsAndAnEmptyRevealKeepsNothing() throws {
        var talk = try SessionFixture.team(anonymous: true)
        #expect(throws: TalkError.notARatingCard) { try talk.run(.revealVotes) }
        try talk.run(.next, .revealVotes)
        #expect(talk.cards[1].revealedVotes == nil)
        let fresh = try SessionFixture.team(anonymous: true)
        let encoded = String(decoding: try JSONEncoder().encode(fresh), as: UTF8.self)
        #expect(!encoded.contains("revealedVotes"), "files of talks without a reveal stay as they were")
    }
}
