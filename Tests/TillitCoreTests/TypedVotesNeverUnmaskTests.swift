import Foundation
import Testing
@testable import TillitCore

/// The facilitator knows the votes they typed: where phones voted too, only
/// the phones' votes count towards the minimum, on every screen and in every file.
@Suite struct TypedVotesNeverUnmaskTests {
    /// The first rating card with `phones` from the room and `typed` from the facilitator, revealed.
    func card(phones: [Int: Int], typed: [Int]) throws -> Session {
        var talk = try SessionFixture.team(anonymous: true)
        try talk.run(.next)
        for value in typed { try talk.run(.addVote(value: value, participant: nil)) }
        try talk.run(.setPhoneVotes(card: talk.currentIndex, counts: phones))
        _ = try talk.revealVotes(now: Date())
        return talk
    }

    @Test func twoPhonesAndOneTypedVoteShowOnlyACount() throws {
        let talk = try card(phones: [1: 1, 5: 1], typed: [3])
        let record = try #require(talk.currentCard)
        #expect(record.ratingCount == 3)
        #expect(talk.voteDisclosure(of: record) == .countOnly(votes: 3, hidden: .tooFew(minimum: 3)))
        #expect(talk.result(of: record)?.tally == nil, "the summary, referat and trends read the same result")
        #expect(TeamRating.rows(of: talk, previous: nil).first?.disclosure.tally == nil)
    }

    @Test func threePhonesShowTheDistributionWhateverWasTyped() throws {
        let talk = try card(phones: [1: 1, 4: 1, 5: 1], typed: [3])
        let record = try #require(talk.currentCard)
        #expect(talk.voteDisclosure(of: record).tally?.total == 4)
        #expect(talk.result(of: record)?.tally?.counts == [1: 1, 3: 1, 4: 1, 5: 1])
    }

    @Test func typedVotesAloneCountAsBefore() throws {
        var talk = try SessionFixture.team(anonymous: true)
        try talk.run(.next, .addVote(value: 2, participant: nil), .addVote(value: 4, participant: nil),
                     .addVote(value: 5, participant: nil))
        _ = try talk.revealVotes(now: Date())
        #expect(talk.voteDisclosure(of: talk.currentCard!).tally?.total == 3)
    }

    @Test func theMinutesShowNoSpreadFromTwoPhonesAndATypedVote() throws {
        var talk = try card(phones: [1: 1, 5: 1], typed: [3])
        try talk.run(.finish)
        let minutes = MarkdownExporter.render(talk, includePrivate: false)
        #expect(!minutes.contains("3,0") && !minutes.contains("3.0"), "no average from which the phones' votes follow")
    }

    /// `tillit export` (JSON) read the file's own counts: two phones and one typed vote
    /// left {1, 3, 5} and `phoneVotes` {1, 5} in the export, which the facilitator reads off.
    @Test func theJSONExportShowsNoSpreadFromTwoPhonesAndATypedVote() throws {
        var talk = try card(phones: [1: 1, 5: 1], typed: [3])
        try talk.run(.finish)
        let json = try talk.exportJSON(includePrivate: false)
        #expect(!json.contains("phoneVotes"))
        #expect(!json.contains("anonymousVotes"), "\(json)")
        var shown = try card(phones: [1: 1, 4: 1, 5: 1], typed: [3])
        try shown.run(.finish)
        let shownJSON = try shown.exportJSON(includePrivate: false)
        #expect(shownJSON.contains("anonymousVotes") && !shownJSON.contains("phoneVotes"))
    }
}
