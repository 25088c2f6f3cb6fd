import Foundation

/// How a 1:1 shows its ratings. Recorded in the talk's file (`"ratings"`).
package enum RatingsRule: String, Codable, CaseIterable, Sendable {
    /// A rating is not shown until the other person has rated too, so neither
    /// rates beside the other's number (the default for a new 1:1).
    case together
    /// Each rating shows as it is given (`--open-ratings`, or the setup row
    /// turned off; every 1:1 recorded before the rule reads so).
    case open
}

/// What may be shown of one person's rating on a card right now.
package enum RatingDisclosure: Hashable, Sendable {
    case notRated
    /// Rated, but the value waits until everyone in the 1:1 has rated.
    case hidden
    case shown(Int)

    package var value: Int? { if case .shown(let value) = self { return value } else { return nil } }
    package var hasRated: Bool { self != .notRated }
}

/// The one rule for a 1:1's ratings shown together: the card screen, the
/// presentation view, plain mode, the summary, the minutes, the export and
/// the trends all ask here, so none of them can show a number early.
extension Session {
    /// True in a 1:1 whose ratings are shown together.
    package var ratingsShownTogether: Bool { kind == .oneOnOne && (ratings ?? .open) == .together }

    /// True while `record`'s ratings wait: the talk shows ratings together, is
    /// not finished, and someone has not rated yet. Then every rating given on
    /// it is hidden; once the last person rates, all show at once. A finished
    /// talk shows what there is, a single rating too.
    package func ratingsHidden(on record: CardRecord) -> Bool {
        guard ratingsShownTogether, !isFinished, record.isRating else { return false }
        return participants.contains { record.response(of: $0.id)?.rating == nil }
    }

    /// What may be shown of `participantID`'s rating on `record`.
    package func ratingDisclosure(of participantID: String, on record: CardRecord) -> RatingDisclosure {
        guard let rating = record.response(of: participantID)?.rating else { return .notRated }
        return ratingsHidden(on: record) ? .hidden : .shown(rating)
    }

    /// The talk with every hidden rating taken out, for what leaves the talk
    /// (the JSON export): a rating not yet shown on screen is not shown there either.
    package var withoutHiddenRatings: Session {
        var copy = self
        for index in copy.cards.indices where ratingsHidden(on: cards[index]) {
            for response in copy.cards[index].responses.indices { copy.cards[index].responses[response].rating = nil }
            copy.cards[index].responses.removeAll { $0.isEmpty }
        }
        return copy
    }
}

extension TalkText {
    /// A 1:1 rating card's ratings as the rule allows, on one line: who has
    /// rated while they wait (`Kari ✓ · Øyvind – · vises når begge har
    /// vurdert`, never a value), then both at once with how far apart they are
    /// (`Kari 4 · Øyvind 2 · 2 fra hverandre — verdt å snakke om`). Nil on a
    /// card no one has rated. Plain mode and the presentation view say this.
    package static func ratingsLine(_ session: Session, _ record: CardRecord, _ t: Localizer) -> String? {
        guard record.isRating else { return nil }
        let people = session.participants.map { ($0, session.ratingDisclosure(of: $0.id, on: record)) }
        guard people.contains(where: { $0.1.hasRated }) else { return nil }
        let marks = people.map { person, disclosure -> String in
            let mark: String
            switch disclosure {
            case .notRated: mark = "–"
            case .hidden: mark = "✓"
            case .shown(let value): mark = String(value)
            }
            return SafeText.line(person.name) + " " + mark
        }.joined(separator: " · ")
        return ratingsNote(session, record, t).map { marks + " · " + $0 } ?? marks
    }

    /// The end of `ratingsLine`, for the card screen, whose rating rows show
    /// the rest: `vises når begge har vurdert` while the ratings wait, `2 fra
    /// hverandre — verdt å snakke om` once a 1:1's two are shown.
    package static func ratingsNote(_ session: Session, _ record: CardRecord, _ t: Localizer) -> String? {
        guard record.isRating else { return nil }
        if session.ratingsHidden(on: record) {
            return record.responses.contains { $0.rating != nil } ? t(.ratingsShownTogether) : nil
        }
        let values = session.participants.compactMap { session.ratingDisclosure(of: $0.id, on: record).value }
        guard session.kind == .oneOnOne, session.participants.count == 2, values.count == 2 else { return nil }
        // Each rated their own state: two numbers side by side, no gap to close.
        guard record.ratingsCompare else { return t(.ratingsEachOwn) }
        let gap = abs(values[0] - values[1])
        if gap == 0 { return t(.ratingsSame) }
        let apart = t(.ratingsApart, gap)
        return gap >= OneOnOneRating.worthTalkingAboutGap ? apart + " — " + t(.worthTalkingAbout) : apart
    }
}
