import Foundation

/// Commands that belong together, and what they come to. `Session.apply(_:now:)`
/// applies all of them or, when one is refused, none.
package struct TalkStep<Outcome: Sendable>: Sendable {
    package var commands: [TalkCommand]
    package var outcome: Outcome

    package init(_ commands: [TalkCommand], _ outcome: Outcome) {
        self.commands = commands
        self.outcome = outcome
    }
}

extension Session {
    /// Applies every command of `step` in order, or none of them when one is
    /// refused (the error says why). Returns the step's outcome.
    @discardableResult
    package mutating func apply<Outcome>(_ step: TalkStep<Outcome>, now: Date) throws -> Outcome {
        var next = self
        for command in step.commands { try next.apply(command, now: now) }
        self = next
        return step.outcome
    }

    /// Who writes on a card: both people in a 1:1; in a team the facilitator,
    /// who writes down what the group said. A team without one has no writer:
    /// the group's words are never filed under a member's name.
    /// The card screen and plain mode both ask here.
    package var writers: [Participant] {
        switch kind {
        case .oneOnOne: return participants
        case .team: return Array(participants.filter { $0.role == .facilitator }.prefix(1))
        }
    }
}

/// The rules above a single `TalkCommand` that the card screen and plain mode
/// share: what skipping or parking a card does, what saving an action is, and
/// keeping words in a finished talk. Each returns the commands to apply and
/// what they come to; the front ends only say it their way.
package enum TalkFlow {
    package enum SetAside: Hashable, Sendable {
        /// The card was set aside that way already: it is open again.
        case reopened
        /// Set aside, and the talk moved on to the next card.
        case movedOn
        /// Set aside on the last card: there is no next one to move to.
        case onLastCard
    }

    /// s and m, `:skip` and `:park`: the card is set aside and the talk moves on;
    /// on a card already set aside that way, the same key opens it again.
    package static func setAside(_ status: CardStatus, in session: Session) -> TalkStep<SetAside> {
        if session.currentCard?.status == status { return TalkStep([.reopenCard], .reopened) }
        let command: TalkCommand = status == .parked ? .park : .skip
        if session.currentIndex >= session.cards.count - 1 { return TalkStep([command], .onLastCard) }
        return TalkStep([command, .next], .movedOn)
    }

    /// An action as a form or a line gives it.
    package struct ActionDraft: Hashable, Sendable {
        /// The action it changes; nil (or one that is gone) for a new action.
        package var editing: String?
        package var text: String
        package var owner: String
        package var due: String?
        /// A new action is agreed on the current card (not in the summary).
        package var onCard: Bool

        package init(editing: String?, text: String, owner: String, due: String?, onCard: Bool) {
            self.editing = editing
            self.text = text
            self.owner = owner
            self.due = due
            self.onCard = onCard
        }
    }

    /// What puts `draft` into the talk: a change to the action it edits while
    /// that still exists, else a new action. The outcome is the action's id.
    package static func saveAction(_ draft: ActionDraft, in session: Session) -> TalkStep<String> {
        if let id = draft.editing, session.actions.contains(where: { $0.id == id }) {
            return TalkStep([.editAction(id: id, text: draft.text, owner: draft.owner, due: draft.due)], id)
        }
        let id = session.nextActionID()
        return TalkStep([.addAction(id: id, text: draft.text, owner: draft.owner, due: draft.due, onCurrentCard: draft.onCard)], id)
    }

    /// `step`, also in a finished talk: the talk is reopened for it and finished
    /// again, so words typed before it was finished are not lost on leaving.
    package static func keepingFinished<Outcome>(_ step: TalkStep<Outcome>, in session: Session) -> TalkStep<Outcome> {
        guard session.isFinished else { return step }
        return TalkStep([.reopen] + step.commands + [.finish], step.outcome)
    }
}

extension DueDate {
    /// A due date as someone typed it, read once: nothing, a day, or words that
    /// are no date. Each front end then decides what such words do (refuse the
    /// form, keep the old date, or keep the words in the text).
    package enum Typed: Hashable, Sendable {
        case none
        /// `YYYY-MM-DD`.
        case day(String)
        /// The typed words, trimmed, which read as no date.
        case unreadable(String)

        package init(_ text: String, today: Date, calendar: Calendar = .current) {
            switch DueDate.parse(text, today: today, calendar: calendar) {
            case .empty: self = .none
            case .date(let day): self = .day(day)
            case .invalid: self = .unreadable(text.trimmingCharacters(in: .whitespaces))
            }
        }

        /// The date to store: none, the day, or `kept` when the words are no date.
        package func due(keeping kept: String?) -> String? {
            switch self {
            case .none: return nil
            case .day(let day): return day
            case .unreadable: return kept
            }
        }

        /// The words that are no date, if they are not.
        package var unreadable: String? {
            if case .unreadable(let words) = self { return words }
            return nil
        }
    }
}
