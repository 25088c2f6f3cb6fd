import Foundation

/// The fewest votes a team's result may be shown from. A room may ask for more,
/// never for fewer: the floor is kept here and nowhere else.
package struct VoteMinimum: Hashable, Sendable, Comparable {
    package static let floor = 3
    package static let standard = VoteMinimum(atLeast: nil)

    package let votes: Int

    /// `requested` when it is above the floor, else the floor.
    package init(atLeast requested: Int?) { votes = max(Self.floor, requested ?? Self.floor) }

    package static func < (lhs: VoteMinimum, rhs: VoteMinimum) -> Bool { lhs.votes < rhs.votes }
}

/// A result that may be shown: how many chose each value, how many in all, the average.
package struct VoteTally: Hashable, Sendable {
    /// Value → number of votes (values nobody chose are absent).
    package var counts: [Int: Int]
    package var total: Int
    package var mean: Double

    /// Nil for no votes.
    package init?(counts: [Int: Int]) {
        let counts = counts.filter { $0.value > 0 }
        let total = counts.values.reduce(0, +)
        guard total > 0 else { return nil }
        self.counts = counts
        self.total = total
        self.mean = Double(counts.reduce(0) { $0 + $1.key * $1.value }) / Double(total)
    }
}

/// What a screen (the shared screen, the card screen, plain mode, the voting
/// room's phones) may show of a card's votes right now.
package enum VoteDisclosure: Hashable, Sendable {
    package enum Hidden: Hashable, Sendable {
        /// Voting is open: the facilitator has not revealed these votes (or new ones came in since).
        case notRevealed
        /// Revealed, but fewer votes than the minimum: a single vote could be read off.
        case tooFew(minimum: Int)
    }

    case noVotes
    /// Only how many votes there are, and why no more.
    case countOnly(votes: Int, hidden: Hidden)
    /// The distribution and the average.
    case shown(VoteTally)

    package var votes: Int {
        switch self {
        case .noVotes: return 0
        case .countOnly(let votes, _): return votes
        case .shown(let tally): return tally.total
        }
    }

    package var tally: VoteTally? {
        if case .shown(let tally) = self { return tally }
        return nil
    }
}

/// The one rule for showing team votes without giving anyone away.
/// Anonymity is a rule of the talk, not of where a vote came from: typed by the
/// facilitator or sent from a phone, anonymous votes show as a count while
/// voting is open; the distribution and average appear when the facilitator
/// reveals them, and only from `minimum` votes. Named votes show as they come.
/// The card screen, the presentation, plain mode, the voting room, the
/// summary, the referat and the trends all ask here.
package enum VotePrivacy {
    package static let minimumVotes = VoteMinimum.floor

    /// What may be shown of `counts` (value → votes). `revealed` means the
    /// facilitator revealed exactly these votes (or voting is over).
    /// `notTyped` is how many of them the facilitator did not type, when a
    /// card has phone votes: the facilitator knows their own typed votes, so
    /// only the others count towards the minimum (two phones and one typed
    /// vote would otherwise show both phones' values).
    package static func disclosure(counts: [Int: Int], anonymous: Bool, revealed: Bool,
                                  minimum: VoteMinimum = .standard, notTyped: Int? = nil) -> VoteDisclosure {
        guard let tally = VoteTally(counts: counts) else { return .noVotes }
        if !anonymous { return .shown(tally) }
        if !revealed { return .countOnly(votes: tally.total, hidden: .notRevealed) }
        if min(notTyped ?? tally.total, tally.total) < minimum.votes {
            return .countOnly(votes: tally.total, hidden: .tooFew(minimum: minimum.votes))
        }
        return .shown(tally)
    }

    /// A team's result once voting on it is over (the summary, the referat,
    /// the trends): shown from `minimum` votes (not typed ones, where phones
    /// voted too), named or not. Nil below that.
    package static func teamResult(counts: [Int: Int], minimum: VoteMinimum = .standard, notTyped: Int? = nil) -> VoteTally? {
        disclosure(counts: counts, anonymous: true, revealed: true, minimum: minimum, notTyped: notTyped).tally
    }

    /// True for one or two votes (below the minimum): show the count alone.
    package static func tooFew(_ votes: Int, minimum: VoteMinimum = .standard) -> Bool { votes > 0 && votes < minimum.votes }
}

extension CardRecord {
    /// Votes the facilitator did not type: the phones' votes, when any came;
    /// nil when every vote was typed (or given by name).
    package var votesNotTyped: Int? {
        guard let phoneVotes else { return nil }
        let phones = phoneVotes.values.reduce(0) { $0 + max(0, $1) }
        return phones > 0 ? phones : nil
    }

    /// The votes as they are now, in the form `revealedVotes` keeps them.
    var votesAsRevealed: [Int: Int] { ratingCounts.filter { $0.value > 0 } }

    /// The facilitator revealed exactly the votes the card has now: a vote
    /// given or taken back since hides the result again.
    package var votesRevealed: Bool {
        guard let revealedVotes, !revealedVotes.isEmpty else { return false }
        return revealedVotes == votesAsRevealed
    }
}

extension Session {
    /// The fewest votes this talk shows a team's result from.
    package var voteMinimum: VoteMinimum { .standard }

    /// What may be shown of `record`'s votes now. Anonymous votes count as
    /// revealed once the talk is finished: voting is over.
    package func voteDisclosure(of record: CardRecord) -> VoteDisclosure {
        VotePrivacy.disclosure(counts: record.ratingCounts, anonymous: isAnonymousTeam,
                               revealed: record.votesRevealed || isFinished, minimum: voteMinimum, notTyped: record.votesNotTyped)
    }
}

/// What revealing the current card's votes came to (`Session.revealVotes`).
package enum RevealOutcome: Hashable, Sendable {
    case notARatingCard
    /// Named votes show as they come: there is nothing to reveal.
    case shownLive
    case noVotes
    /// Revealed, but below the minimum: only the count shows.
    case tooFew(minimum: Int)
    case shown(VoteTally)
}

extension Session {
    /// The facilitator reveals the current card's votes: the one rule both the
    /// screens (`r`) and plain mode (`:reveal`) follow.
    package mutating func revealVotes(now: Date) throws -> RevealOutcome {
        guard let card = currentCard, card.isRating else { return .notARatingCard }
        guard isAnonymousTeam else { return .shownLive }
        try apply(.revealVotes, now: now)
        switch voteDisclosure(of: currentCard ?? card) {
        case .noVotes: return .noVotes
        case .countOnly(_, .tooFew(let minimum)): return .tooFew(minimum: minimum)
        case .countOnly(_, .notRevealed): return .noVotes
        case .shown(let tally): return .shown(tally)
        }
    }
}
