import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore
@testable import TillitPlain

/// A 1:1's ratings shown together (`RatingsRule`): a rating is not shown
/// anywhere until both have rated, then both at once; `--open-ratings` and
/// files from before the rule show each as it comes.
@Suite("Ratings shown together in a 1:1")
struct RatingsTogetherTests {
    typealias F = SessionFixture
    static let t = Localizer(.nb)

    /// On the rating card (card 1, scale 1–5), with `kari` rated as given.
    static func onRatingCard(together: Bool = true, kari: Int?) throws -> Session {
        let setup = TalkSetup(kind: .oneOnOne, language: .nb, participants: [F.kari, F.ola], deckIDs: ["selvledelse"],
                              ratingsTogether: together)
        var talk = try Session.start(setup, decks: [F.deck()], id: "2026-11-23-1934-a3f9", now: F.t0)
        try talk.run(.jump(to: 1))
        if let kari { try talk.run(.setRating(participant: "p1", rating: kari)) }
        return talk
    }

    @Test func aNewOneOnOneShowsRatingsTogetherAndATeamHasNoSuchRule() throws {
        #expect(try F.oneOnOne().ratings == .together)
        #expect(try F.oneOnOne().ratingsShownTogether)
        #expect(try Self.onRatingCard(together: false, kari: nil).ratings == .open)
        #expect(try F.team(anonymous: false).ratings == nil)
        #expect(try !F.team(anonymous: false).ratingsShownTogether)
    }

    @Test func oneRatingIsHiddenUntilTheOtherRatesThenBothShow() throws {
        var talk = try Self.onRatingCard(kari: 4)
        let card = try #require(talk.currentCard)
        #expect(talk.ratingsHidden(on: card))
        #expect(talk.ratingDisclosure(of: "p1", on: card) == .hidden)
        #expect(talk.ratingDisclosure(of: "p2", on: card) == .notRated)
        #expect(talk.result(of: card) == nil && talk.result(of: card, by: .leader) == nil)
        #expect(card.response(of: "p1")?.rating == 4, "the value is kept in the talk")
        try talk.run(.setRating(participant: "p2", rating: 2))
        let both = try #require(talk.currentCard)
        #expect(!talk.ratingsHidden(on: both))
        #expect(talk.ratingDisclosure(of: "p1", on: both) == .shown(4))
        #expect(talk.ratingDisclosure(of: "p2", on: both) == .shown(2))
        #expect(talk.result(of: both, by: .leader)?.mean == 4)
    }

    @Test func whatIsSaidWhileHiddenIsTheSameWhateverTheValue() throws {
        let four = try Self.onRatingCard(kari: 4), two = try Self.onRatingCard(kari: 2)
        let line = TalkText.ratingsLine(four, four.currentCard!, Self.t)
        #expect(line == "Kari ✓ · Ola – · vises når begge har vurdert")
        #expect(line == TalkText.ratingsLine(two, two.currentCard!, Self.t))
        #expect(OneOnOneRating.rows(of: four) == OneOnOneRating.rows(of: two))
        #expect(OneOnOneRating.rows(of: four).first?.leaderRated == true && OneOnOneRating.rows(of: four).first?.leader == nil)
        #expect(MarkdownExporter.render(four, includePrivate: true, timeZone: .gmt)
                == MarkdownExporter.render(two, includePrivate: true, timeZone: .gmt))
        #expect(try four.exportJSON(includePrivate: true) == two.exportJSON(includePrivate: true))
        #expect(try !four.exportJSON(includePrivate: true).contains("\"rating\""))
    }

    @Test func bothAppearAtOnceWithTheGap() throws {
        var talk = try Self.onRatingCard(kari: 4)
        try talk.run(.setRating(participant: "p2", rating: 2))
        #expect(TalkText.ratingsLine(talk, talk.currentCard!, Self.t) == "Kari 4 · Ola 2 · 2 fra hverandre — verdt å snakke om")
        try talk.run(.setRating(participant: "p2", rating: 3))
        #expect(TalkText.ratingsNote(talk, talk.currentCard!, Localizer(.en)) == "1 apart")
        try talk.run(.setRating(participant: "p2", rating: 4))
        #expect(TalkText.ratingsNote(talk, talk.currentCard!, Localizer(.da)) == "samme tal")
        #expect(OneOnOneRating.rows(of: talk).first?.leader == 4)
    }

    @Test func aRatingMayBeChangedOrTakenBackUnseen() throws {
        var talk = try Self.onRatingCard(kari: 4)
        try talk.run(.setRating(participant: "p1", rating: 1))
        #expect(talk.ratingDisclosure(of: "p1", on: talk.currentCard!) == .hidden)
        try talk.run(.setRating(participant: "p1", rating: nil))
        #expect(talk.ratingDisclosure(of: "p1", on: talk.currentCard!) == .notRated)
        #expect(TalkText.ratingsLine(talk, talk.currentCard!, Self.t) == nil)
    }

    @Test func aFinishedTalkShowsTheOneRatingThereIsAndReopeningHidesItAgain() throws {
        var talk = try Self.onRatingCard(kari: 4)
        try talk.run(.finish)
        #expect(talk.ratingDisclosure(of: "p1", on: talk.currentCard!) == .shown(4))
        #expect(OneOnOneRating.rows(of: talk).first?.leader == 4)
        #expect(MarkdownExporter.render(talk, includePrivate: false, timeZone: .gmt).contains("**Kari** (" + Self.t.role(.leader) + "), vurdering 4 av 5"))
        try talk.run(.reopen)
        #expect(talk.ratingDisclosure(of: "p1", on: talk.currentCard!) == .hidden)
    }

    @Test func openRatingsShowEachAsItComes() throws {
        let talk = try Self.onRatingCard(together: false, kari: 4)
        #expect(talk.ratingDisclosure(of: "p1", on: talk.currentCard!) == .shown(4))
        #expect(TalkText.ratingsLine(talk, talk.currentCard!, Self.t) == "Kari 4 · Ola –")
    }

    @Test func theRuleIsInTheFileAndAnOldFileReadsAsOpen() throws {
        let talk = try Self.onRatingCard(kari: 4)
        let data = try SessionStore.encoder().encode(talk)
        var json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["ratings"] as? String == "together")
        #expect(try SessionStore.decodeSession(data, path: "x.json", id: talk.id).ratings == .together)
        json["ratings"] = nil
        let old = try SessionStore.decodeSession(JSONSerialization.data(withJSONObject: json), path: "x.json", id: talk.id)
        #expect(old.ratings == nil && !old.ratingsShownTogether, "recorded before the rule: as it was, open")
        #expect(old.ratingDisclosure(of: "p1", on: old.currentCard!) == .shown(4))
        json["ratings"] = "sideways"
        let odd = try SessionStore.decodeSession(JSONSerialization.data(withJSONObject: json), path: "x.json", id: talk.id)
        #expect(odd.ratings == .together, "a rule this tillit does not know reads as the fairer one")
    }
}

/// Plain mode follows the same rule: what it says after `:rate` does not depend on a hidden value.
struct PlainRatingsTogetherTests {
    static func afterRating(_ value: Int) throws -> (PlainTalk, [String]) {
        var talk = PlainTalkTests.talk(try SessionFixture.oneOnOne())
        _ = talk.handle(PlainInput(line: ":card 2"), now: SessionFixture.t0)
        let said = talk.handle(PlainInput(line: ":rate \(value)"), now: SessionFixture.t0).lines
            + talk.handle(PlainInput(line: ":next"), now: SessionFixture.t0).lines
            + talk.handle(PlainInput(line: ":back"), now: SessionFixture.t0).lines
        return (talk, said)
    }

    @Test func theSameWordsWhateverTheValueThenBothAtOnce() throws {
        let (four, saidFour) = try Self.afterRating(4)
        let (_, saidTwo) = try Self.afterRating(2)
        #expect(saidFour == saidTwo)
        #expect(saidFour.first == "Kari har vurdert. Tallene vises når begge har vurdert.")
        #expect(saidFour.contains("Kari ✓ · Ola – · vises når begge har vurdert"))
        var talk = four
        _ = talk.handle(PlainInput(line: ":next-person"), now: SessionFixture.t0)
        #expect(talk.handle(PlainInput(line: ":rate 2"), now: SessionFixture.t0).lines
                == ["Kari 4 · Ola 2 · 2 fra hverandre — verdt å snakke om"])
    }
}
