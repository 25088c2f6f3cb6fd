import Foundation

/// What a clean-up item is: the kinds of needless work the trust reform asks a team to clear out.
package enum CleanupKind: String, Codable, CaseIterable, Sendable {
    case goal, rule, form, report, meeting, system, other
}

/// Who can remove or change the item: the team itself, its leader, someone
/// higher up in the organisation, or someone outside it (county, state, law, agreement).
package enum CleanupDecider: String, Codable, CaseIterable, Sendable {
    case ours, leader
    case higherUp = "higher-up"
    case outside

    /// Only others can decide it: what a team sends up the line.
    package var isOthers: Bool { self == .higherUp || self == .outside }
}

/// What the team proposes to do with it. Keeping it, with a reason, is a fair outcome.
package enum CleanupProposal: String, Codable, CaseIterable, Sendable {
    case drop, simplify, keep
}

/// What a talk made of an item. The first three decide it; the others leave it open.
package enum CleanupOutcome: String, Codable, CaseIterable, Sendable {
    case dropped, simplified, kept
    /// Looked at, nothing decided yet: it comes back next time.
    case waiting
    /// Handed to someone who can decide it (`CleanupDecision.by` names them).
    case sentUp = "sent-up"

    package var decides: Bool { self == .dropped || self == .simplified || self == .kept }
    /// Dropped or simplified: the item's hours are counted as freed.
    package var frees: Bool { self == .dropped || self == .simplified }
}

/// One step in an item's life: decided, still waiting, or sent up, in which talk and when.
package struct CleanupDecision: Codable, Hashable, Sendable {
    package var outcome: CleanupOutcome
    /// Why (a decision) — a line, may be empty.
    package var why: String
    /// Who decided it; for `sentUp`, to whom it was sent.
    package var by: String
    /// The talk it happened in.
    package var session: String
    package var at: Date

    package init(outcome: CleanupOutcome, why: String = "", by: String = "", session: String, at: Date) {
        self.outcome = outcome
        self.why = why
        self.by = by
        self.session = session
        self.at = at
    }
}

/// Something the team could stop doing or do less of, kept with the talks
/// until someone decides it.
package struct CleanupItem: Codable, Hashable, Sendable, Identifiable {
    /// Unique across talks (`<talk id>-c1`), so the same item can be followed from talk to talk.
    package var id: String
    package var text: String
    package var kind: CleanupKind
    package var decider: CleanupDecider
    /// The team's estimate, hours a month; none when nobody guessed.
    package var hoursPerMonth: Double?
    package var proposal: CleanupProposal
    /// Why it is proposed so (required when the proposal is to keep it).
    package var reason: String
    /// `deck/card` of the card it was added on, if any.
    package var fromCard: String?
    /// The talk it was first added in, and when.
    package var addedIn: String
    package var addedAt: Date
    /// Oldest first.
    package var decisions: [CleanupDecision]

    package init(id: String, text: String, kind: CleanupKind, decider: CleanupDecider, hoursPerMonth: Double?,
                proposal: CleanupProposal, reason: String = "", fromCard: String? = nil, addedIn: String, addedAt: Date,
                decisions: [CleanupDecision] = []) {
        self.id = id
        self.text = text
        self.kind = kind
        self.decider = decider
        self.hoursPerMonth = hoursPerMonth
        self.proposal = proposal
        self.reason = reason
        self.fromCard = fromCard
        self.addedIn = addedIn
        self.addedAt = addedAt
        self.decisions = decisions
    }

    package var latest: CleanupDecision? { decisions.last }
    /// Decided (dropped, simplified or kept); open until then.
    package var isDecided: Bool { latest?.outcome.decides ?? false }
    package var isOpen: Bool { !isDecided }
    /// Its hours, when it was dropped or simplified.
    package var hoursFreed: Double { (latest?.outcome.frees ?? false) ? (hoursPerMonth ?? 0) : 0 }
    /// The latest time it was sent up, while it is still open.
    package var sentUp: CleanupDecision? { isOpen ? decisions.last { $0.outcome == .sentUp } : nil }

    /// Whole days from when it was added to its decision, or to `now` while it is open.
    package func daysWaited(now: Date) -> Int {
        let end = isDecided ? (latest?.at ?? now) : now
        return max(0, Int(end.timeIntervalSince(addedAt) / 86_400))
    }

    /// What happened to it in talk `session`, if anything.
    package func decision(in session: String) -> CleanupDecision? { decisions.last { $0.session == session } }
}
