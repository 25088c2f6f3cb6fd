import Foundation
import Testing
@testable import TillitCore

/// The gap over time: in a 1:1's trends, how far apart the two ratings lay in each talk.
@Suite("Trends: the gap between the two in a 1:1")
struct TrendsGapTests {
    typealias F = ExportFixture

    /// Finished 1:1s between Kari and Ola, one a month, with (Ola, Kari) on the energi card (1–5).
    static func talks(_ ratings: [(ola: Int?, kari: Int?)]) throws -> [Session] {
        try ratings.enumerated().map { index, pair in
            var talk = try Session.start(TalkSetup(kind: .oneOnOne, language: .nb, participants: [F.kari, F.ola], deckIDs: ["selvledelse"]),
                                         decks: F.decks, id: "2026-0\(index + 1)-05-0900-0001",
                                         now: F.start.addingTimeInterval(Double(index) * 30 * 86_400))
            var commands: [TalkCommand] = [.next]
            if let ola = pair.ola { commands.append(.setRating(participant: "p2", rating: ola)) }
            if let kari = pair.kari { commands.append(.setRating(participant: "p1", rating: kari)) }
            try F.apply(&talk, at: F.start, commands + [.finish])
            return talk
        }
    }

    @Test func theGapPerTalkIsBesideTheTwoLines() throws {
        let report = TrendsReport(sessions: try Self.talks([(2, 5), (ola: 3, kari: nil), (3, 4), (4, 4)]),
                                  deckID: "selvledelse", participant: "Ola")
        #expect(report.cards.map(\.role) == [.employee, .leader], "still two lines, never one average")
        #expect(report.gaps(of: report.cards[0]) == [3, nil, 1, 0], "nil where only one rated")
        #expect(report.gaps(of: report.cards[1]) == report.gaps(of: report.cards[0]))
        let t = Localizer(.nb)
        #expect(report.latestGapText(of: report.cards[0], t) == "sist 0 fra hverandre")
        let text = report.text(t)
        #expect(text.contains("Forskjellen mellom dere, samtale for samtale"))
        let line = try #require(text.split(separator: "\n").last { $0.contains("fra hverandre") })
        #expect(line.contains(report.gapSparkline(of: report.cards[0])), "\(text)")
        #expect(report.gapSparkline(of: report.cards[0]).count == 4)
    }

    @Test func aTeamsReportHasNoGap() throws {
        let team = try F.team(.nb)
        let report = TrendsReport(sessions: [team], deckID: team.decks[0].id)
        #expect(report.cards.allSatisfy { report.gaps(of: $0).isEmpty })
        #expect(!report.text(Localizer(.nb)).contains("Forskjellen mellom dere"))
    }
}
