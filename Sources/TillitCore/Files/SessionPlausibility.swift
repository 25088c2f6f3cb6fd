import Foundation

/// The numbers of a talk file, checked before the talk is used. tillit writes
/// nothing outside these bounds, but a file edited by hand (or damaged) can
/// hold any number JSON allows, and the screens and the export turn seconds,
/// scales and counts into whole numbers, loops and sums: `1e300` seconds on
/// a card, a scale from -2^63 to 2^63 or a vote count of 2^63 would stop
/// tillit with an overflow, or keep it drawing forever. Such a file is
/// reported with its path and left as it is, like any other unreadable one.
extension Session {
    /// Seconds on one card: ten years is more than any talk.
    static let maximumSeconds: Double = 315_360_000
    /// Scales in decks run 0–10; a talk file may widen that, but not without end.
    package static let scaleBounds = -1_000...1_000
    /// Votes for one value on one card.
    package static let maximumVotes = 1_000_000
    /// The timer per card: a day is the most `tillit start` allows; a year is plenty.
    static let maximumTimer = 31_536_000

    /// Why the numbers of this talk cannot be used, in words that point into
    /// the file (`'cards[3].secondsSpent' is …`), or nil when they are fine.
    package var implausibility: String? {
        if let timerSeconds, !(0...Self.maximumTimer).contains(timerSeconds) {
            return "'timerSeconds' is \(timerSeconds), not a number of seconds from 0 to \(Self.maximumTimer)"
        }
        for (index, card) in cards.enumerated() {
            let place = "'cards[\(index)]"
            if !card.secondsSpent.isFinite || abs(card.secondsSpent) > Self.maximumSeconds {
                return "\(place).secondsSpent' is \(card.secondsSpent), not a time in seconds"
            }
            for (name, value) in [("scaleMin", card.scaleMin), ("scaleMax", card.scaleMax)] {
                if let value, !Self.scaleBounds.contains(value) {
                    return "\(place).\(name)' is \(value), outside \(Self.scaleBounds.lowerBound)…\(Self.scaleBounds.upperBound)"
                }
            }
            for (number, response) in card.responses.enumerated() {
                if let rating = response.rating, !Self.scaleBounds.contains(rating) {
                    return "\(place).responses[\(number)].rating' is \(rating), outside \(Self.scaleBounds.lowerBound)…\(Self.scaleBounds.upperBound)"
                }
            }
            // phoneVotes: the phones' share of those votes, taken away and added again when the room counts anew.
            for (field, votes) in [("anonymousVotes", card.anonymousVotes), ("phoneVotes", card.phoneVotes)] {
                for (value, count) in votes ?? [:] {
                    if !Self.scaleBounds.contains(value) {
                        return "\(place).\(field)' counts votes for \(value), outside \(Self.scaleBounds.lowerBound)…\(Self.scaleBounds.upperBound)"
                    }
                    if !(0...Self.maximumVotes).contains(count) {
                        return "\(place).\(field).\(value)' is \(count), not a number of votes"
                    }
                }
            }
        }
        for (index, item) in cleanupItems.enumerated() {
            if let hours = item.hoursPerMonth, !hours.isFinite || !(0...CleanupDraft.maximumHours).contains(hours) {
                return "'cleanup[\(index)].hoursPerMonth' is \(hours), not hours a month from 0 to \(Int(CleanupDraft.maximumHours))"
            }
        }
        return nil
    }
}
