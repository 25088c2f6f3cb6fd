import Foundation
import Testing
@testable import TillitCore

/// The summary's ratings, and that the summary, the trends and the referat
/// show the same numbers (`Session.result(of:by:)` computes them all).
@Suite("Rating results: the summary's numbers, the same as trends and the referat")
struct RatingResultsTests {
    /// A 1:1 where Ola (employee) and Kari (leader) rate card 1 (1–5) and card 2 (1–7).
    static func oneOnOne(_ first: (ola: Int?, kari: Int?), _ second: (ola: Int?, kari: Int?)) throws -> Session {
        var talk = try SessionFixture.oneOnOne()
        try talk.run(.next)
        if let ola = first.ola { try talk.run(.setRating(participant: "p2", rating: ola)) }
        if let kari = first.kari { try talk.run(.setRating(participant: "p1", rating: kari)) }
        try talk.run(.next)
        if let ola = second.ola { try talk.run(.setRating(participant: "p2", rating: ola)) }
        if let kari = second.kari { try talk.run(.setRating(participant: "p1", rating: kari)) }
        return talk
    }

    static func team(id: String, votes: [Int], revealed: Bool = false, finished: Bool = false,
                     now: Date = SessionFixture.t0) throws -> Session {
        var talk = try SessionFixture.team(id: id, anonymous: true, now: now)
        try talk.run(.next, now: now)
        for vote in votes { try talk.run(.addVote(value: vote, participant: nil), now: now) }
        if revealed { try talk.run(.revealVotes, now: now) }
        if finished { try talk.run(.finish, now: now) }
        return talk
    }

    @Test func aOneOnOneShowsBothRatingsAndMarksAGapOfTwoOrMore() throws {
        let rows = OneOnOneRating.rows(of: try Self.oneOnOne((ola: 2, kari: 4), (ola: 5, kari: 4)))
        #expect(rows.map(\.cardIndex) == [1, 2])
        #expect(rows[0].employee == 2 && rows[0].leader == 4 && rows[0].worthTalkingAbout)
        #expect(rows[1].employee == 5 && rows[1].leader == 4 && !rows[1].worthTalkingAbout, "one apart is not")
    }

    @Test func aCardOnlyOneRatedIsShownUnmarkedAndAnUnratedOneNotAtAll() throws {
        // Once the talk is finished: until then the one rating waits for the other (`RatingsTogetherTests`).
        var talk = try Self.oneOnOne((ola: 1, kari: nil), (ola: nil, kari: nil))
        try talk.run(.finish)
        let rows = OneOnOneRating.rows(of: talk)
        #expect(rows.count == 1)
        #expect(rows[0].employee == 1 && rows[0].leader == nil && !rows[0].worthTalkingAbout)
    }

    @Test func aTeamsAnonymousVotesStayACountUntilRevealedOrFinished() throws {
        let open = try Self.team(id: "2026-11-23-1000-beef", votes: [4, 2, 5])
        #expect(TeamRating.rows(of: open, previous: nil).first?.disclosure == .countOnly(votes: 3, hidden: .notRevealed))
        let revealed = try Self.team(id: "2026-11-23-1000-beef", votes: [4, 2, 5], revealed: true)
        #expect(TeamRating.rows(of: revealed, previous: nil).first?.disclosure.tally?.counts == [4: 1, 2: 1, 5: 1])
        let finished = try Self.team(id: "2026-11-23-1000-beef", votes: [4, 2, 5], finished: true)
        #expect(TeamRating.rows(of: finished, previous: nil).first?.disclosure.tally?.total == 3)
    }

    @Test func twoVotesShowNoSpreadEvenWhenTheTalkIsFinishedOrNamed() throws {
        let finished = try Self.team(id: "2026-11-23-1000-beef", votes: [4, 2], finished: true)
        #expect(TeamRating.rows(of: finished, previous: nil).first?.disclosure == .countOnly(votes: 2, hidden: .tooFew(minimum: 3)))
        var named = try SessionFixture.team(anonymous: false)
        try named.run(.next, .addVote(value: 4, participant: "p1"), .addVote(value: 2, participant: "p2"))
        #expect(TeamRating.rows(of: named, previous: nil).first?.disclosure.tally == nil,
                "once voting is over the minimum holds for named votes too, as in the trends and the referat")
    }

    @Test func theChangeSinceTheLastMeetingIsTheTrendsChange() throws {
        let before = try Self.team(id: "2026-11-09-1000-aaaa", votes: [2, 3, 3, 2], finished: true,
                                   now: SessionFixture.t0.addingTimeInterval(-14 * 86_400))
        let now = try Self.team(id: "2026-11-23-1000-beef", votes: [4, 2, 5, 4, 4], revealed: true)
        let row = try #require(TeamRating.rows(of: now, previous: before).first)
        #expect(abs((row.change ?? 0) - (3.8 - 2.5)) < 1e-9)
        let trends = TrendsReport(sessions: [before, now], deckID: "selvledelse", team: "Team Nord")
        let trend = try #require(trends.cards.first { $0.card == "handlingsrom" })
        #expect(trend.change == row.change, "the summary and `tillit trends` agree")
        #expect(trend.latest?.counts == row.disclosure.tally?.counts)
        let referat = MarkdownExporter.render(now, includePrivate: false)
        #expect(referat.contains("snitt " + ExportFormat.mean(try #require(row.disclosure.tally).mean, .nb)), "\(referat)")
    }

    @Test func noChangeWhereEitherMeetingHadTooFewVotes() throws {
        let before = try Self.team(id: "2026-11-09-1000-aaaa", votes: [2, 3], finished: true,
                                   now: SessionFixture.t0.addingTimeInterval(-14 * 86_400))
        let now = try Self.team(id: "2026-11-23-1000-beef", votes: [4, 2, 5], revealed: true)
        #expect(TeamRating.rows(of: now, previous: before).first?.change == nil)
        let hidden = try Self.team(id: "2026-11-23-1000-beef", votes: [4, 2, 5, 1])
        let finishedBefore = try Self.team(id: "2026-11-09-1000-aaaa", votes: [2, 3, 3], finished: true)
        #expect(TeamRating.rows(of: hidden, previous: finishedBefore).first?.change == nil,
                "a change would give away a result not yet shown")
    }

    @Test func aOneOnOnesTrendPointIsThatPersonsRating() throws {
        let talk = try Self.oneOnOne((ola: 2, kari: 4), (ola: nil, kari: nil))
        let record = talk.cards[1]
        #expect(talk.result(of: record, by: .employee)?.mean == 2)
        #expect(talk.result(of: record, by: .leader)?.mean == 4)
        let trends = TrendsReport(sessions: [talk], deckID: "selvledelse")
        #expect(trends.cards.filter { $0.card == "handlingsrom" }.map { $0.latestMean } == [2, 4])
    }
}
