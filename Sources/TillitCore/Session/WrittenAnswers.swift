import Foundation

/// Anonymous written answers from the voting room's phones on a text card: when
/// they may be shown, and how they are kept. The card screen and plain mode both
/// ask here. Revealed answers are kept as the group's words on the card (the
/// field of `Session.writers`, one answer a line), with no device, time or order
/// of their sending, so the minutes, history and export show them as any team answer.
package enum WrittenAnswers {
    /// Below this many the answers stay hidden: with two, each writer could tell the other's.
    package static let minimumToReveal = VoteMinimum.floor

    package enum RevealCheck: Hashable, Sendable {
        case ready
        /// Not a card the phones write on (it rates, or takes no words), or no room is open.
        case notAWritingCard
        /// Fewer than `minimum` answers are in: `count` of them.
        case tooFew(count: Int, minimum: Int)
        /// A team without a facilitator has no field for the group's words.
        case noWriter
    }

    /// Whether the `count` answers in on the current card may be revealed now.
    package static func canReveal(count: Int, in session: Session) -> RevealCheck {
        guard session.kind == .team, session.currentCard?.answer.roomAsks == .writing else { return .notAWritingCard }
        guard session.writers.first != nil else { return .noWriter }
        guard count >= minimumToReveal else { return .tooFew(count: count, minimum: minimumToReveal) }
        return .ready
    }

    /// The revealed answer `text` is added to the group's words on the current card, on a line of its own.
    package static func keep(_ text: String, in session: Session) -> TalkStep<Void>? {
        let line = SafeText.line(text)
        guard !line.isEmpty, let writer = session.writers.first, let card = session.currentCard,
              card.answer.roomAsks == .writing else { return nil }
        let before = card.response(of: writer.id)?.text ?? ""
        return TalkStep([.setText(participant: writer.id, text: before.isEmpty ? line : before + "\n" + line)], ())
    }

    /// The answer `text` is taken out of the group's words on the current card (the facilitator hid it):
    /// its line goes, and nothing else. Nil when no line of the card is that answer.
    package static func hide(_ text: String, in session: Session) -> TalkStep<Void>? {
        let line = SafeText.line(text)
        guard let writer = session.writers.first, let card = session.currentCard,
              let before = card.response(of: writer.id)?.text else { return nil }
        var lines = before.components(separatedBy: "\n")
        guard let index = lines.lastIndex(of: line) else { return nil }
        lines.remove(at: index)
        return TalkStep([.setText(participant: writer.id, text: lines.joined(separator: "\n"))], ())
    }
}
