import Foundation

/// What a rating card came to: how many rated it, and the spread and average
/// where they may be shown. The summary, the referat and the trends all take
/// their numbers from `Session.result(of:by:)`, so they never disagree.
package struct RatingResult: Hashable, Sendable {
    package var votes: Int
    /// Nil when there were too few votes to show (a team below the minimum).
    package var tally: VoteTally?

    package var mean: Double? { tally?.mean }
    /// Value → votes; empty when the spread may not be shown.
    package var counts: [Int: Int] { tally?.counts ?? [:] }
    package var tooFew: Bool { tally == nil }
}

extension Session {
    /// The result of `record` once voting on it is over. A team's is shown
    /// from the minimum number of votes (`VotePrivacy.teamResult`); in a 1:1,
    /// `role` picks whose rating it is (given by name, so shown as it is).
    /// Nil when no one rated the card, or while a 1:1's ratings on it wait to
    /// be shown together (`ratingsHidden`).
    package func result(of record: CardRecord, by role: Role? = nil) -> RatingResult? {
        guard !ratingsHidden(on: record) else { return nil }
        var counts = record.ratingCounts
        if let role {
            counts = [:]
            for response in record.responses where participant(id: response.participant)?.role == role {
                if let rating = response.rating { counts[rating, default: 0] += 1 }
            }
        }
        guard let all = VoteTally(counts: counts) else { return nil }
        let shown = kind == .team && role == nil ? VotePrivacy.teamResult(counts: counts, minimum: voteMinimum, notTyped: record.votesNotTyped) : all
        return RatingResult(votes: all.total, tally: shown)
    }
}

/// A 1:1's rating cards with both people's ratings side by side, for the summary.
package struct OneOnOneRating: Hashable, Sendable {
    /// Ratings this far apart are worth talking about.
    package static let worthTalkingAboutGap = 2

    package var cardIndex: Int
    package var prompt: String
    package var scale: ClosedRange<Int>?
    package var employee: Int?
    package var leader: Int?
    /// Who has rated while the values wait to be shown together: the
    /// summary marks them (`✓`) with `employee` and `leader` still nil.
    package var employeeRated = false
    package var leaderRated = false
    /// Each rated their own state (`about: self`): two numbers, never a disagreement.
    package var aboutSelf = false

    /// Both rated the same thing, and the ratings lie `worthTalkingAboutGap` or more apart.
    package var worthTalkingAbout: Bool {
        guard !aboutSelf, let employee, let leader else { return false }
        return abs(employee - leader) >= Self.worthTalkingAboutGap
    }

    /// Every rating card someone rated in `session`, in the order of the talk.
    package static func rows(of session: Session) -> [OneOnOneRating] {
        session.cards.indices.compactMap { index in
            let record = session.cards[index]
            guard record.isRating else { return nil }
            let employee = session.result(of: record, by: .employee)?.tally?.counts.keys.first
            let leader = session.result(of: record, by: .leader)?.tally?.counts.keys.first
            func rated(_ role: Role) -> Bool {
                session.participants.contains { $0.role == role && session.ratingDisclosure(of: $0.id, on: record).hasRated }
            }
            guard rated(.employee) || rated(.leader) else { return nil }
            return OneOnOneRating(cardIndex: index, prompt: record.prompt, scale: record.scaleRange,
                                  employee: employee, leader: leader,
                                  employeeRated: rated(.employee), leaderRated: rated(.leader), aboutSelf: !record.ratingsCompare)
        }
    }
}

/// A team's rating cards with their results, and how each average moved since
/// the team's meeting before, for the summary.
package struct TeamRating: Hashable, Sendable {
    package var cardIndex: Int
    package var prompt: String
    package var scale: ClosedRange<Int>?
    /// What may be shown now: a count alone while anonymous votes are not revealed.
    package var disclosure: VoteDisclosure
    /// This meeting's average minus the last meeting's on the same card; nil
    /// when either is not shown.
    package var change: Double?

    /// Every rating card that got votes in `session`; `previous` is the team's
    /// meeting before this one (same team, same people), if any.
    package static func rows(of session: Session, previous: Session?) -> [TeamRating] {
        let before: [String: Double] = previous.map { previous in
            var means: [String: Double] = [:]
            for record in previous.cards where record.isRating && means[record.key] == nil {
                if let mean = previous.result(of: record)?.mean { means[record.key] = mean }
            }
            return means
        } ?? [:]
        return session.cards.indices.compactMap { index in
            let record = session.cards[index]
            guard record.isRating, record.ratingCount > 0 else { return nil }
            // As the referat and the trends show it (from the minimum, named or
            // not), but anonymous votes not yet revealed stay a count.
            let revealed = !session.isAnonymousTeam || record.votesRevealed || session.isFinished
            let disclosure = VotePrivacy.disclosure(counts: record.ratingCounts, anonymous: true, revealed: revealed,
                                                    minimum: session.voteMinimum, notTyped: record.votesNotTyped)
            // Only a shown result is compared: a change would give away what is not shown.
            let change = disclosure.tally.flatMap { now in before[record.key].map { now.mean - $0 } }
            return TeamRating(cardIndex: index, prompt: record.prompt, scale: record.scaleRange,
                              disclosure: disclosure, change: change)
        }
    }
}
