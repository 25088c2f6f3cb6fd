import Foundation

/// The words of the clean-up list, the same on the card screen, in plain
/// mode, in the minutes and on the command line.
package enum CleanupText {
    package static func kind(_ kind: CleanupKind, _ t: Localizer) -> String {
        switch kind {
        case .goal: return t(.cleanupKindGoal)
        case .rule: return t(.cleanupKindRule)
        case .form: return t(.cleanupKindForm)
        case .report: return t(.cleanupKindReport)
        case .meeting: return t(.cleanupKindMeeting)
        case .system: return t(.cleanupKindSystem)
        case .other: return t(.cleanupKindOther)
        }
    }

    package static func decider(_ decider: CleanupDecider, _ t: Localizer) -> String {
        switch decider {
        case .ours: return t(.cleanupDeciderOurs)
        case .leader: return t(.cleanupDeciderLeader)
        case .higherUp: return t(.cleanupDeciderHigherUp)
        case .outside: return t(.cleanupDeciderOutside)
        }
    }

    /// A word or two, for a list row: `vi selv`, `lederen vår`, `høyere opp`, `utenfor`.
    package static func deciderShort(_ decider: CleanupDecider, _ t: Localizer) -> String {
        switch decider {
        case .ours, .leader: return self.decider(decider, t)
        case .higherUp: return t(.cleanupDeciderHigherUpShort)
        case .outside: return t(.cleanupDeciderOutsideShort)
        }
    }

    package static func proposal(_ proposal: CleanupProposal, _ t: Localizer) -> String {
        switch proposal {
        case .drop: return t(.cleanupProposalDrop)
        case .simplify: return t(.cleanupProposalSimplify)
        case .keep: return t(.cleanupProposalKeep)
        }
    }

    package static func outcome(_ outcome: CleanupOutcome, _ t: Localizer) -> String {
        switch outcome {
        case .dropped: return t(.cleanupOutcomeDropped)
        case .simplified: return t(.cleanupOutcomeSimplified)
        case .kept: return t(.cleanupOutcomeKept)
        case .waiting: return t(.cleanupOutcomeWaiting)
        case .sentUp: return t(.cleanupOutcomeSentUp)
        }
    }

    package static func order(_ order: CleanupRegister.Order, _ t: Localizer) -> String {
        switch order {
        case .decider: return t(.cleanupOrderDecider)
        case .kind: return t(.cleanupOrderKind)
        case .waited: return t(.cleanupOrderWaited)
        case .hours: return t(.cleanupOrderHours)
        }
    }

    /// `2,5` in Norwegian and Danish, `2.5` in English; whole hours without decimals.
    package static func number(_ hours: Double, _ language: Language) -> String {
        let rounded = (hours * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
        return language == .en ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    /// `3 t/mnd`, or empty when nobody guessed.
    package static func hours(_ hours: Double?, _ t: Localizer) -> String {
        hours.map { t(.cleanupHours, number($0, t.language)) } ?? ""
    }

    /// Where it stands: `åpent`, `venter`, `sendt videre til kommunedirektøren 3.12.2026`, `strøket`.
    package static func status(_ item: CleanupItem, _ t: Localizer, timeZone: TimeZone = .current) -> String {
        guard let latest = item.latest else { return t(.cleanupOutcomeOpen) }
        if latest.outcome == .sentUp {
            return t(.cleanupSentUpTo, SafeText.line(latest.by), ExportFormat.date(latest.at, t.language, timeZone: timeZone))
        }
        return outcome(latest.outcome, t)
    }

    /// `Ukerapport om overtid — rapport · 3 t/mnd · stryke`.
    package static func line(_ item: CleanupItem, _ t: Localizer) -> String {
        var details = [kind(item.kind, t)]
        if item.hoursPerMonth != nil { details.append(hours(item.hoursPerMonth, t)) }
        details.append(proposal(item.proposal, t) + (item.reason.isEmpty ? "" : ": " + SafeText.line(item.reason)))
        return SafeText.line(item.text) + " — " + details.joined(separator: " · ")
    }

    /// What a decision says besides its outcome: `why — by`.
    package static func decisionNote(_ decision: CleanupDecision) -> String {
        [decision.why, decision.outcome == .sentUp ? "" : decision.by].map(SafeText.line).filter { !$0.isEmpty }.joined(separator: " — ")
    }

    /// `Frigjort over tid: ▃▅█  (7,5 t/mnd nå)`; nil before anything was freed.
    package static func freedOverTime(_ register: CleanupRegister, _ t: Localizer) -> String? {
        let steps = register.hoursFreedOverTime
        guard let last = steps.last else { return nil }
        let spark = TrendsReport.sparkline(steps.map(\.hours), scale: 0...max(1, Int(last.hours.rounded(.up))))
        return t(.cleanupFreedOverTime, spark, number(last.hours, t.language))
    }

    /// The totals line: open, decided, hours freed, hours waiting on others.
    package static func totals(_ register: CleanupRegister, _ t: Localizer) -> String {
        t(.cleanupTotals, register.open.count, register.decided.count,
          number(register.hoursFreed, t.language), number(register.hoursWaitingOnOthers, t.language))
    }
}
