import Foundation

/// What a clean-up item is: the kinds of needless work the trust reform asks a team to clear out.
public enum CleanupKind: String, Codable, CaseIterable, Sendable {
    case goal, rule, form, report, meeting, system, other
}

/// Who can remove or change the item: the team itself, its leader, someone
/// higher up in the organisation, or someone outside it (county, state, law, agreement).
public enum CleanupDecider: String, Codable, CaseIterable, Sendable {
    case ours, leader
    case higherUp = "higher-up"
    case outside

    /// Only others can decide it: what a team sends up the line.
    public var isOthers: Bool { self == .higherUp || self == .outside }
}

/// What the team proposes to do with it. Keeping it, with a reason, is a fair outcome.
public enum CleanupProposal: String, Codable, CaseIterable, Sendable {
    case drop, simplify, keep
}

/// What a talk made of an item. The first three decide it; the others leave it open.
public enum CleanupOutcome: String, Codable, CaseIterable, Sendable {
    case dropped, simplified, kept
    /// Looked at, nothing decided yet: it comes back next time.
    case waiting
    /// Handed to someone who can decide it (`CleanupDecision.by` names them).
    case sentUp = "sent-up"

    public var decides: Bool { self == .dropped || self == .simplified || self == .kept }
    /// Dropped or simplified: the item's hours are counted as freed.
    public var frees: Bool { self == .dropped || self == .simplified }
}

/// One step in an item's life: decided, still waiting, or sent up, in which talk and when.
public struct CleanupDecision: Codable, Hashable, Sendable {
    public var outcome: CleanupOutcome
    /// Why (a decision) — a line, may be empty.
    public var why: String
    /// Who decided it; for `sentUp`, to whom it was sent.
    public var by: String
    /// The talk it happened in.
    public var session: String
    public var at: Date

    public init(outcome: CleanupOutcome, why: String = "", by: String = "", session: String, at: Date) {
        self.outcome = outcome
        self.why = why
        self.by = by
        self.session = session
        self.at = at
    }
}

/// Something the team could stop doing or do less of, kept with the talks
/// until someone decides it.
public struct CleanupItem: Codable, Hashable, Sendable, Identifiable {
    /// Unique across talks (`<talk id>-c1`), so the same item can be followed from talk to talk.
    public var id: String
    public var text: String
    public var kind: CleanupKind
    public var decider: CleanupDecider
    /// The team's estimate, hours a month; none when nobody guessed.
    public var hoursPerMonth: Double?
    public var proposal: CleanupProposal
    /// Why it is proposed so (required when the proposal is to keep it).
    public var reason: String
    /// `deck/card` of the card it was added on, if any.
    public var fromCard: String?
    /// The talk it was first added in, and when.
    public var addedIn: String
    public var addedAt: Date
    /// Oldest first.
    public var decisions: [CleanupDecision]

    public init(id: String, text: String, kind: CleanupKind, decider: CleanupDecider, hoursPerMonth: Double?,
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

    public var latest: CleanupDecision? { decisions.last }
    /// Decided (dropped, simplified or kept); open until then.
    public var isDecided: Bool { latest?.outcome.decides ?? false }
    public var isOpen: Bool { !isDecided }
    /// Its hours, when it was dropped or simplified.
    public var hoursFreed: Double { (latest?.outcome.frees ?? false) ? (hoursPerMonth ?? 0) : 0 }
    /// The latest time it was sent up, while it is still open.
    public var sentUp: CleanupDecision? { isOpen ? decisions.last { $0.outcome == .sentUp } : nil }

    /// Whole days from when it was added to its decision, or to `now` while it is open.
    public func daysWaited(now: Date) -> Int {
        let end = isDecided ? (latest?.at ?? now) : now
        return max(0, Int(end.timeIntervalSince(addedAt) / 86_400))
    }

    /// What happened to it in talk `session`, if anything.
    public func decision(in session: String) -> CleanupDecision? { decisions.last { $0.session == session } }
}
