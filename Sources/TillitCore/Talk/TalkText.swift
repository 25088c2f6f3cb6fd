import Foundation

/// The words a talk is told in, the same on the card screen, in plain mode and
/// in the referat: an action as a line, what became of last time's actions, a
/// card's status, the clock, the votes, and why the engine refused something.
package enum TalkText {
    /// `Ola lager et utkast — Ola, 15.12.`, with ` ✓` after a done one when `markDone`.
    package static func actionLine(_ action: Action, _ t: Localizer, now: Date, markDone: Bool = true) -> String {
        var line = SafeText.line(action.text)
        var details: [String] = []
        if !action.owner.isEmpty { details.append(SafeText.line(action.owner)) }
        if let due = action.due { details.append(DueDate.display(due, language: t.language, today: now)) }
        if !details.isEmpty { line += " — " + details.joined(separator: ", ") }
        if action.done && markDone { line += " ✓" }
        return line
    }

    /// What this talk made of an action from last time.
    package static func outcome(_ outcome: CarryOverOutcome, _ t: Localizer) -> String {
        switch outcome {
        case .pending: return t(.outcomePending)
        case .done: return t(.outcomeDone)
        case .kept: return t(.outcomeKept)
        case .dropped: return t(.outcomeDropped)
        }
    }

    /// A card's status in a word; an answered card needs none.
    package static func status(_ status: CardStatus, _ t: Localizer) -> String {
        switch status {
        case .open: return t(.statusOpen)
        case .answered: return ""
        case .skipped: return t(.statusSkipped)
        case .parked: return t(.statusParked)
        }
    }

    /// `04:12` or `1:04:12`; `+` before time over.
    package static func clock(_ seconds: Int) -> String {
        let s = abs(seconds)
        let secondsText = String(s % 60, zeroPaddedTo: 2)
        let text = s >= 3600 ? "\(s / 3600):\(String(s / 60 % 60, zeroPaddedTo: 2)):\(secondsText)"
            : "\(String(s / 60, zeroPaddedTo: 2)):\(secondsText)"
        return seconds < 0 ? "+" + text : text
    }

    /// The time spent on every card of the talk, as a clock.
    package static func timeSpent(_ session: Session) -> String {
        clock(Int(session.cards.reduce(0) { $0 + $1.secondsSpent }))
    }

    /// `4 stemmer`.
    package static func voteCount(_ votes: Int, _ t: Localizer) -> String {
        t.count(votes, one: .voteCountOne, many: .voteCount)
    }

    /// `snitt 3,8`.
    package static func mean(_ mean: Double, _ t: Localizer) -> String {
        t(.mean, ExportFormat.mean(mean, t.language))
    }

    /// A card's votes as the rule allows (`VotePrivacy`): `4 stemmer · snitt 3,8`,
    /// or the count with why no more shows (`3 stemmer · r viser resultatet`,
    /// `2 stemmer · vises fra 3 stemmer`); `revealHint` says how this front end reveals.
    package static func voteLine(_ session: Session, _ record: CardRecord, _ t: Localizer, revealHint: UIString) -> String {
        let disclosure = session.voteDisclosure(of: record)
        let count = voteCount(disclosure.votes, t)
        switch disclosure {
        case .noVotes: return count
        case .countOnly(_, .notRevealed): return count + " · " + t(revealHint)
        case .countOnly(_, .tooFew(let minimum)): return count + " · " + t(.votesFromMinimumShort, minimum)
        case .shown(let tally): return count + " · " + mean(tally.mean, t)
        }
    }

    /// Why the engine refused a command, in words. `lines` is plain mode's
    /// wording, which names the command to type instead of the key.
    package static func refusal(_ error: Error, _ t: Localizer, card: CardRecord?, lines: Bool = false) -> String {
        if let cleanup = error as? CleanupError { return cleanup.message(t) }
        switch error as? TalkError {
        case .ratingOutOfRange(_, let range)?: return t(.ratingRange, range.lowerBound, range.upperBound)
        case .notARatingCard?: return t(.noRatingOnCard)
        case .emptyAction?: return t(lines ? .plainActionUsage : .actionNeedsText)
        case .finished?: return t(lines ? .plainIsFinished : .talkIsFinished)
        case .minutesConfirmed?: return t(.minutesConfirmedRefusal)
        case .notFinished?: return t(.talkNotFinishedRefusal)
        case .noTextOnCard? where lines:
            let range = card?.scaleRange ?? 1...5
            return t(.plainScaleOnly, range.lowerBound, range.upperBound)
        default: return String(describing: error)
        }
    }
}
