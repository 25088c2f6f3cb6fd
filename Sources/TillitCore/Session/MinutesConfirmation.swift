import Foundation

/// One person's confirmation that the minutes read as they agreed.
package struct MinutesConfirmation: Codable, Hashable, Sendable {
    /// The participant's id in the talk.
    package var participant: String
    /// Their name when they confirmed, as it stands in the minutes.
    package var name: String
    package var confirmedAt: Date

    package init(participant: String, name: String, confirmedAt: Date) {
        self.participant = participant
        self.name = name
        self.confirmedAt = confirmedAt
    }
}

/// Minutes both confirm: the rule is here, the fingerprint (SHA-256 of the
/// minutes' exact text) is made outside TillitCore (`MinutesSeal`) and handed in.
extension Session {
    /// Who confirms the minutes: both people in a 1:1; in a team the
    /// facilitator, who may confirm alone (everyone, if no one facilitates).
    package var minutesConfirmers: [Participant] {
        guard kind == .team else { return participants }
        if let facilitator = participants.first(where: { $0.role == .facilitator }) { return [facilitator] }
        return participants
    }

    /// The confirmations given, in the order they came.
    package var minutesConfirmations: [MinutesConfirmation] { confirmations ?? [] }

    /// The next person to confirm, or nil when all have (or the talk is not finished).
    package var nextMinutesConfirmer: Participant? {
        guard isFinished else { return nil }
        return minutesConfirmers.first { person in !minutesConfirmations.contains { $0.participant == person.id } }
    }

    /// Everyone who confirms has confirmed the minutes whose fingerprint is kept.
    package var minutesConfirmed: Bool {
        isFinished && minutesFingerprint != nil && !minutesConfirmers.isEmpty && nextMinutesConfirmer == nil
    }

    /// Whether `fingerprint` (of minutes as they read now) is what was confirmed.
    package func minutesConfirmed(as fingerprint: String) -> Bool {
        minutesConfirmed && minutesFingerprint == fingerprint
    }
}
