import Foundation
import Testing
@testable import TillitCore

/// Inputs found with `scripts/fuzz` (the session decoder, with the screens and
/// the export run on what loads) and the crafted inputs around them. Each is
/// a talk file holding numbers that tillit never writes but JSON allows; each
/// stopped tillit before the store checked the numbers of a talk it loads:
///
/// - `secondsSpent: 1e300`: `Int(_:)` traps in the card's clock, the summary and the Markdown export;
/// - a scale from `Int.min` to `Int.max`: the rating row loops (for ever) over the scale, `range.count` traps;
/// - `timerSeconds: Int.min`: the time left (`limit - seconds`) overflows;
/// - `anonymousVotes` of `Int.max`, or a vote or rating of `Int.max`: the mean (`value * count`) overflows.
///
/// Now such a file is reported with its path and the place in it, and left
/// byte for byte as it is, like any other file tillit cannot read.
@Suite("Fuzz regressions: talk files with numbers tillit never writes")
struct FuzzRegressionTests {
    let id = "2026-11-23-1934-a3f9"

    enum Input: String, CaseIterable, Sendable {
        case hugeSecondsOnTheCurrentCard, hugeNegativeSeconds, scaleAcrossAllIntegers, timerOfIntMin
        case anonymousVotesOfIntMax, aVoteForIntMax, aRatingOfIntMax

        /// Changes the saved talk (as JSON) into this input, and says where the trouble is.
        func apply(to talk: inout [String: Any], rating card: Int) -> String {
            var cards = talk["cards"] as! [[String: Any]]
            defer { talk["cards"] = cards }
            switch self {
            case .hugeSecondsOnTheCurrentCard:
                let current = talk["currentIndex"] as! Int
                cards[current]["secondsSpent"] = 1e300
                return "'cards[\(current)].secondsSpent' is 1e+300, not a time in seconds"
            case .hugeNegativeSeconds:
                cards[0]["secondsSpent"] = -1e300
                return "'cards[0].secondsSpent' is -1e+300, not a time in seconds"
            case .scaleAcrossAllIntegers:
                talk["currentIndex"] = card
                cards[card]["scaleMin"] = Int.min
                cards[card]["scaleMax"] = Int.max
                return "'cards[\(card)].scaleMin' is \(Int.min), outside -1000…1000"
            case .timerOfIntMin:
                talk["timerSeconds"] = Int.min
                return "'timerSeconds' is \(Int.min), not a number of seconds from 0 to 31536000"
            case .anonymousVotesOfIntMax:
                cards[card]["anonymousVotes"] = ["5": Int.max, "4": 2]
                return "'cards[\(card)].anonymousVotes.5' is \(Int.max), not a number of votes"
            case .aVoteForIntMax:
                cards[card]["anonymousVotes"] = [String(Int.max): 2]
                return "'cards[\(card)].anonymousVotes' counts votes for \(Int.max), outside -1000…1000"
            case .aRatingOfIntMax:
                var responses = cards[card]["responses"] as! [[String: Any]]
                responses[0]["rating"] = Int.max
                cards[card]["responses"] = responses
                return "'cards[\(card)].responses[0].rating' is \(Int.max), outside -1000…1000"
            }
        }
    }

    /// A saved talk with answers, a rating and an action, changed into `input`.
    func fixture(_ input: Input) throws -> (StoreFixture, reason: String) {
        let fixture = try StoreFixture()
        let talk = try StoreFixture.fullTalk(id: id)
        try fixture.store.save(talk)
        let ratingCard = try #require(talk.cards.firstIndex { $0.isRating && !$0.responses.isEmpty })
        var object = try #require(try JSONSerialization.jsonObject(with: fixture.bytes(id)) as? [String: Any])
        let reason = input.apply(to: &object, rating: ratingCard)
        try Data(JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])).write(to: URL(fileURLWithPath: fixture.file(id)))
        return (fixture, reason)
    }

    @Test(arguments: Input.allCases)
    func aTalkFileWithImpossibleNumbersIsReportedAndLeftAlone(_ input: Input) throws {
        let (fixture, reason) = try fixture(input)
        let expected = StoreError.wrongShape(path: fixture.file(id), reason: reason)
        let before = try fixture.bytes(id)
        #expect(throws: expected) { try fixture.store.load(id: id) }
        #expect(throws: StoreError.wontOverwrite(path: fixture.file(id), because: expected)) {
            try fixture.store.save(try StoreFixture.fullTalk(id: id))
        }
        #expect(fixture.store.loadAll().problems == [StoreProblem(path: fixture.file(id), error: expected)])
        #expect(try fixture.bytes(id) == before, "not overwritten, moved or deleted")
        #expect(expected.description.hasPrefix("\(fixture.file(id)) is not a tillit talk: \(reason)"))
    }

    /// The bounds are far from anything a real talk holds: large but possible
    /// numbers still load, and what loads can be shown and exported.
    @Test func largeButPossibleNumbersStillLoad() throws {
        let fixture = try StoreFixture()
        var talk = try StoreFixture.fullTalk(id: id)
        let card = try #require(talk.cards.firstIndex { $0.isRating })
        talk.cards[0].secondsSpent = 30 * 86_400
        talk.timerSeconds = 86_400
        talk.cards[card].anonymousVotes = [1: 500_000, 5: 1_000_000]
        try fixture.store.save(talk)
        var loaded = try fixture.store.load(id: id)
        loaded.timingSince = talk.timingSince
        #expect(loaded == talk)
        #expect(loaded.cards[card].ratingMean != nil)
        #expect(MarkdownExporter.render(loaded, includePrivate: true).contains(loaded.cards[0].prompt))
    }
}
