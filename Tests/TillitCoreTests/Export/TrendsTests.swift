import Foundation
import Testing
@testable import TillitCore

@Suite("Rating trends over talks")
struct TrendsTests {
    typealias F = ExportFixture

    /// A team talk on day `day` with `votes` per card id; anonymous unless `members` are named.
    static func teamTalk(_ day: Int, _ votes: [String: [Int]], title: String = "Avdeling Solsiden", anonymous: Bool = true,
                         members: [String] = [], actionOn: String? = nil, language: Language = .nb) throws -> Session {
        let people = [Participant(id: "p0", name: "Åse", role: .facilitator)]
            + members.enumerated().map { Participant(id: "m\($0.offset)", name: $0.element, role: .member) }
        let id = String(format: "2026-01-%02d-1300-%04d", day, day)
        var talk = try Session.start(TalkSetup(kind: .team, title: title, language: language, participants: people,
                                               deckIDs: ["trygghet"], anonymous: anonymous),
                                     decks: F.decks, id: id, now: F.start + Double(day) * F.day)
        let now = talk.createdAt
        for (index, record) in talk.cards.enumerated() {
            try talk.apply(.jump(to: index), now: now)
            for (n, value) in (votes[record.card] ?? []).enumerated() {
                let member = members.isEmpty ? nil : "m\(n % members.count)"
                try talk.apply(.addVote(value: value, participant: member), now: now)
            }
            if record.card == actionOn {
                try talk.apply(.addAction(id: "\(id)-a", text: "Fredagsrunde", owner: "Åse", due: nil, onCurrentCard: true), now: now)
            }
        }
        return talk
    }

    static func speakUp(_ report: TrendsReport) throws -> TrendsReport.CardTrend {
        try #require(report.cards.first { $0.card == "si-fra" })
    }

    @Test func risingRatingsRiseInTheSparklineAndTheChange() throws {
        let talks = try [[2, 2, 3], [3, 3, 3], [3, 4, 4], [4, 5, 5]].enumerated().map { try Self.teamTalk($0.offset + 1, ["si-fra": $0.element]) }
        let card = try Self.speakUp(TrendsReport(sessions: talks.shuffled(), deckID: "trygghet"))
        let means = card.means.map { $0.map { ($0 * 100).rounded() / 100 } }
        #expect(means == [2.33, 3, 3.67, 4.67])
        #expect(TrendsReport.sparkline(card.means, scale: card.scale) == "▃▅▆▇")
        #expect(abs((card.change ?? 0) - 1) < 0.001)
        #expect(card.talkCount == 4 && card.voteCount == 12)
        #expect(ExportFormat.change(card.change!, .nb) == "+1,0")
    }

    @Test func fallingRatingsFall() throws {
        let talks = try [[5, 5, 5], [4, 4, 5], [2, 3, 3], [1, 1, 2]].enumerated().map { try Self.teamTalk($0.offset + 1, ["si-fra": $0.element]) }
        let card = try Self.speakUp(TrendsReport(sessions: talks, deckID: "trygghet"))
        #expect(TrendsReport.sparkline(card.means, scale: card.scale) == "█▇▄▂")
        let change = try #require(card.change)
        #expect(change < 0 && ExportFormat.change(change, .en) == "−1.3")
        #expect(zip(card.means, card.means.dropFirst()).allSatisfy { $0! > $1! })
    }

    @Test func aTalkWithoutVotesOnTheCardIsAGapAndTheChangeSkipsIt() throws {
        let talks = [
            try Self.teamTalk(1, ["si-fra": [2, 2, 2]]),
            try Self.teamTalk(2, ["feil": [3, 3, 3]]),  // si-fra dealt but not rated
            try Self.teamTalk(3, ["si-fra": [4, 4, 4]]),
        ]
        let report = TrendsReport(sessions: talks, deckID: "trygghet")
        let card = try Self.speakUp(report)
        #expect(card.means == [2, nil, 4])
        #expect(TrendsReport.sparkline(card.means, scale: card.scale) == "▃·▆")
        #expect(card.talkCount == 2 && card.voteCount == 6)
        #expect(card.change == 2, "compared with the last talk that had an average")
        #expect(report.talks.count == 3)
        let mistakes = try #require(report.cards.first { $0.card == "feil" })
        #expect(mistakes.means == [nil, 3, nil] && mistakes.latestIndex == 1 && mistakes.change == nil)
    }

    @Test func tooFewVotesShowNeitherTheAverageNorTheSpread() throws {
        let talks = [try Self.teamTalk(1, ["si-fra": [1, 5, 3]]), try Self.teamTalk(2, ["si-fra": [1, 5]])]
        let report = TrendsReport(sessions: talks, deckID: "trygghet")
        let card = try Self.speakUp(report)
        let latest = try #require(card.latest)
        #expect(latest.tooFew && latest.mean == nil && latest.votes == 2)
        #expect(latest.counts.isEmpty, "the spread of two votes would give them away")
        #expect(card.latestMean == nil && card.change == nil)
        #expect(card.means == [3, nil])
        #expect(TrendsReport.sparkline(card.means, scale: card.scale) == "▅·")
        #expect(report.latestText(card, Localizer(.nb)) == "for få")
        #expect(card.voteCount == 5, "the votes still count")
    }

    @Test func anonymousTalksContributeOnlyCountsAndNamedVotesMixIn() throws {
        let named = try Self.teamTalk(1, ["si-fra": [4, 4, 2]], anonymous: false, members: ["Per", "Pål", "Espen"])
        let anonymous = try Self.teamTalk(2, ["si-fra": [5, 5, 5, 2]])
        #expect(anonymous.cards[0].responses.isEmpty && anonymous.cards[0].anonymousVotes == [5: 3, 2: 1])
        let card = try Self.speakUp(TrendsReport(sessions: [named, anonymous], deckID: "trygghet"))
        let expected: [Double?] = [10.0 / 3, 17.0 / 4]
        #expect(card.means == expected)
        #expect(card.latest?.counts == [5: 3, 2: 1])
        #expect(card.voteCount == 7)
    }

    @Test func aOneOnOneKeepsTheEmployeesAndTheLeadersRatingsApart() throws {
        var first = try Session.start(TalkSetup(kind: .oneOnOne, language: .nb, participants: [F.kari, F.ola], deckIDs: ["selvledelse"]),
                                      decks: F.decks, id: "2026-01-05-0900-0001", now: F.start)
        try F.apply(&first, at: F.start, [.next, .setRating(participant: "p1", rating: 3), .setRating(participant: "p2", rating: 4)])
        var second = try Session.start(TalkSetup(kind: .oneOnOne, language: .nb, participants: [F.kari, F.ola], deckIDs: ["selvledelse"]),
                                       decks: F.decks, id: "2026-02-05-0900-0001", now: F.start.addingTimeInterval(86_400))
        try F.apply(&second, at: F.start, [.next, .setRating(participant: "p2", rating: 2), .finish])
        let report = TrendsReport(sessions: [first, second], deckID: "selvledelse", participant: "Ola")
        #expect(report.isOneOnOne && report.employeeCount == 1)
        #expect(report.cards.map(\.card) == ["energi", "energi"])
        #expect(report.cards.map(\.role) == [.employee, .leader])
        #expect(report.cards[0].means == [4, 2], "Ola's own view, named and never averaged with Kari's")
        #expect(report.cards[1].means == [3, nil], "Kari gave no rating the second time")
        #expect(report.cards[0].label(Localizer(.nb)).hasSuffix(" (medarbeider)"))
        #expect(report.text(Localizer(.en)).contains("RATINGS"))
    }

    @Test func talksWithSeveralEmployeesAreCountedSoTheCommandCanSaySo() throws {
        let per = Participant(id: "p2", name: "Per", role: .employee)
        let talks = try [[F.kari, F.ola], [F.kari, per], [F.kari, Participant(id: "p2", name: "ola hansen", role: .employee)]]
            .enumerated().map { index, people in
                try Session.start(TalkSetup(kind: .oneOnOne, language: .nb, participants: people, deckIDs: ["selvledelse"]),
                                  decks: F.decks, id: "2026-01-0\(index + 1)-0900-0001", now: F.start)
            }
        #expect(TrendsReport(sessions: talks, deckID: "selvledelse").employeeCount == 2)
        #expect(TrendsReport(sessions: talks, deckID: "selvledelse", participant: "Per").employeeCount == 1)
    }

    @Test func aOneOnOneViewNoOneRatedIsLeftOut() throws {
        var talk = try Session.start(TalkSetup(kind: .oneOnOne, language: .nb, participants: [F.kari, F.ola], deckIDs: ["selvledelse"]),
                                     decks: F.decks, id: "2026-01-05-0900-0001", now: F.start)
        try F.apply(&talk, at: F.start, [.next, .setRating(participant: "p2", rating: 4)])
        #expect(TrendsReport(sessions: [talk], deckID: "selvledelse").cards.isEmpty, "Ola's rating still waits for Kari's")
        try F.apply(&talk, at: F.start, [.finish])
        let report = TrendsReport(sessions: [talk], deckID: "selvledelse")
        #expect(report.cards.map(\.role) == [.employee])
    }

    @Test func actionsAgreedOnACardAreMarkedOnItsTalk() throws {
        let talks = [try Self.teamTalk(1, ["si-fra": [2, 2, 2]]),
                     try Self.teamTalk(2, ["si-fra": [2, 3, 3]], actionOn: "si-fra"),
                     try Self.teamTalk(3, ["si-fra": [4, 4, 3]])]
        let card = try Self.speakUp(TrendsReport(sessions: talks, deckID: "trygghet"))
        #expect(card.points.map { $0?.actionAgreed } == [false, true, false])
        #expect(card.actions.map(\.talkIndex) == [1] && card.actions.first?.text == "Fredagsrunde")
        #expect(card.actions.first?.talkID == talks[1].id)
    }

    @Test func filtersPickTheTeamThePersonAndTheLatestTalks() throws {
        let ours = try (1...5).map { try Self.teamTalk($0, ["si-fra": [3, 3, 3]]) }
        let theirs = try Self.teamTalk(6, ["si-fra": [1, 1, 1]], title: "Avdeling Nordlys")
        let named = try Self.teamTalk(7, ["si-fra": [5, 5, 5]], title: "Avdeling Nordlys", anonymous: false, members: ["Ola Hansen"])
        let all = ours + [theirs, named]
        #expect(TrendsReport(sessions: all, deckID: "trygghet").talks.count == 7)
        let team = TrendsReport(sessions: all, deckID: "trygghet", team: "  avdeling   SOLSIDEN ")
        #expect(team.talks.map(\.id) == ours.map(\.id))
        #expect(TrendsReport(sessions: all, deckID: "trygghet", team: "Avdeling").talks.isEmpty, "a team's whole title")
        #expect(TrendsReport(sessions: all, deckID: "trygghet", participant: "ola").talks.map(\.id) == [named.id])
        #expect(TrendsReport(sessions: all, deckID: "trygghet", participant: "la").talks.isEmpty, "whole words of a name")
        let lastTwo = TrendsReport(sessions: all, deckID: "trygghet", team: "Avdeling Solsiden", last: 2)
        #expect(lastTwo.talks.map(\.id) == ours.suffix(2).map(\.id))
        #expect(TrendsReport(sessions: all, deckID: "selvledelse").talks.isEmpty, "another deck")
    }

    @Test func cardsFollowTheDeckAndItsWordsInTheWantedLanguage() throws {
        let talks = [try Self.teamTalk(1, ["uenighet": [7, 7, 1], "si-fra": [1, 1, 1]], language: .nb)]
        let report = TrendsReport(sessions: talks, deckID: "trygghet", deck: F.teamDeck, language: .en)
        #expect(report.cards.map(\.card) == ["si-fra", "feil", "uenighet"], "every rating card dealt, in the deck's order")
        #expect(report.cards.first?.prompt == "How easy is it to speak up when something is wrong?")
        #expect(report.deckTitle == "Psychological safety")
        let disagree = report.cards[2]
        #expect(disagree.scale == 1...7 && TrendsReport.sparkline(disagree.means, scale: disagree.scale) == "▆")
        let recorded = TrendsReport(sessions: talks, deckID: "trygghet")
        #expect(recorded.cards.first?.prompt == "Hvor lett er det å si fra når noe er galt?", "without the deck: as recorded")
    }

    @Test(arguments: [(1.0, "▁"), (5.0, "█"), (3.0, "▅"), (2.9, "▄"), (0.0, "▁"), (9.0, "█")])
    func sparklineHeightsFollowTheScale(mean: Double, block: String) {
        #expect(TrendsReport.sparkline([mean], scale: 1...5) == block)
    }

    @Test func sparklineOfNothingAndOfAFlatScale() {
        #expect(TrendsReport.sparkline([], scale: 1...5) == "")
        #expect(TrendsReport.sparkline([nil, nil], scale: 1...5) == "··")
        #expect(TrendsReport.sparkline([4], scale: 4...4) == "▄")
    }

    // MARK: Text and CSV

    @Test func textHasOneLinePerRatingCard() throws {
        let talks = [try Self.teamTalk(1, ["si-fra": [2, 2, 3], "feil": [4, 4, 4]]),
                     try Self.teamTalk(2, ["si-fra": [3, 4, 4], "feil": [4, 5]], actionOn: "si-fra")]
        let text = TrendsReport(sessions: talks, deckID: "trygghet", team: "Avdeling Solsiden", deck: F.teamDeck, language: .nb)
            .text(Localizer(.nb))
        #expect(text == """
            Psykologisk trygghet · Avdeling Solsiden · 2 samtaler

            KORT                                      UTVIKLING  SISTE   ENDRING  SAMTALER  STEMMER  AVTALER
            Hvor lett er det å si fra når noe er ga…  ▃▆         3,7     +1,3            2        6  ★ 1
            Hvor trygt er det å innrømme en feil he…  ▆·         for få  –               2        5
            Hvor greit er det å være uenig med lede…  ··         –       –               0        0

            ★ N = antall avtaler inngått på kortet

            """)
    }

    @Test func textSaysWhenThereIsNothingToShow() {
        #expect(TrendsReport(sessions: [], deckID: "trygghet").text(Localizer(.en)) == "No talks with the deck trygghet yet.\n")
    }

    @Test func csvHasOneRowPerCardAndTalkWithVotes() throws {
        let talks = [try Self.teamTalk(1, ["si-fra": [2, 2, 3]]), try Self.teamTalk(2, ["si-fra": [4, 4], "feil": [1, 2, 3]], actionOn: "feil")]
        let csv = TrendsReport(sessions: talks, deckID: "trygghet").csv()
        #expect(csv.components(separatedBy: "\r\n") == [
            "deck,card,who,prompt,talk,date,votes,average,note,actions_agreed",
            "trygghet,si-fra,team,Hvor lett er det å si fra når noe er galt?,2026-01-01-1300-0001,2026-11-26T09:00:00Z,3,2.33,,0",
            "trygghet,si-fra,team,Hvor lett er det å si fra når noe er galt?,2026-01-02-1300-0002,2026-11-27T09:00:00Z,2,,too few to show,0",
            "trygghet,feil,team,Hvor trygt er det å innrømme en feil her?,2026-01-02-1300-0002,2026-11-27T09:00:00Z,3,2.00,,1",
            "",
        ])
    }

    @Test(arguments: [("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("=SUM(A1)", "'=SUM(A1)"),
                      ("-2+3", "'-2+3"), ("@cmd", "'@cmd"), ("two\nlines", "\"two\nlines\"")])
    func csvFieldsAreQuotedAndNeverFormulas(text: String, field: String) {
        #expect(TrendsReport.csvField(text) == field)
    }
}
