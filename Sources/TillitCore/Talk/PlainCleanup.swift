import Foundation

/// `:cleanup` in plain line mode, a line at a time for screen readers:
/// `:cleanup` lists this talk's clean-up items with a number each;
/// `:cleanup add what | kind | who | hours | proposal | why` adds one;
/// `:cleanup 2 dropped why | by whom` marks item 2 (`sent-up` takes to whom as its second part).
package enum PlainCleanup {
    package static func run(_ argument: String, _ session: inout Session, _ t: Localizer, now: Date) -> [String] {
        let words = argument.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first else { return list(session, t) }
        let rest = words.count > 1 ? words[1] : ""
        if first.lowercased() == "add" { return add(rest, &session, t, now: now) }
        if let number = Int(first) { return mark(number, rest, &session, t, now: now) }
        return [t(.plainCleanupUsage)]
    }

    /// Every item of the talk, numbered, with where it stands; the open ones from before first said as such.
    package static func list(_ session: Session, _ t: Localizer) -> [String] {
        let items = session.cleanupItems
        guard !items.isEmpty else { return [t(.plainCleanupEmpty)] }
        var lines = [t(.cleanupMinutesHeading) + ":"]
        for (index, item) in items.enumerated() {
            let here = item.decision(in: session.id).map { CleanupText.outcome($0.outcome, t) }
                ?? (item.addedIn == session.id ? t(.cleanupOutcomeOpen) : t(.outcomePending))
            lines.append("\(index + 1). " + CleanupText.line(item, t) + " — " + CleanupText.decider(item.decider, t) + " — " + here)
        }
        lines.append(t(.plainCleanupUsage))
        return lines
    }

    private static func parts(_ text: String) -> [String] {
        text.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private static func add(_ argument: String, _ session: inout Session, _ t: Localizer, now: Date) -> [String] {
        let fields = parts(argument)
        guard fields.count >= 3, !fields[0].isEmpty else { return [t(.plainCleanupUsage)] }
        do {
            let kind = try CleanupDraft.kind(fields[1])
            let decider = try CleanupDraft.decider(fields[2])
            let hours = try CleanupDraft.hours(fields.count > 3 ? fields[3] : "")
            let proposalWord = fields.count > 4 && !fields[4].isEmpty ? fields[4].lowercased() : "drop"
            guard let proposal = CleanupProposal(rawValue: proposalWord) else { return [t(.plainCleanupUsage)] }
            let draft = CleanupDraft(text: fields[0], kind: kind, decider: decider, hoursPerMonth: hours, proposal: proposal,
                                     reason: fields.count > 5 ? fields[5...].joined(separator: " | ") : "")
            try session.apply(.addCleanupItem(id: session.nextCleanupID, draft: draft, onCurrentCard: true), now: now)
            return [t(.cleanupAdded, CleanupText.line(session.cleanupItems.last!, t))]
        } catch {
            return [TalkText.refusal(error, t, card: session.currentCard, lines: true)]
        }
    }

    private static func mark(_ number: Int, _ argument: String, _ session: inout Session, _ t: Localizer, now: Date) -> [String] {
        let items = session.cleanupItems
        guard items.indices.contains(number - 1) else { return [t(.cleanupNoSuchItem, number)] }
        let words = argument.split(separator: " ", maxSplits: 1).map(String.init)
        guard let word = words.first, let outcome = CleanupOutcome(rawValue: word.lowercased()) else {
            return [t(.plainCleanupUnknownOutcome, words.first ?? "")]
        }
        let fields = parts(words.count > 1 ? words[1] : "")
        // Sent up: to whom first, then why. Decided: why first, then by whom.
        let (why, by) = outcome == .sentUp ? (fields.count > 1 ? fields[1] : "", fields.first ?? "")
            : (fields.first ?? "", fields.count > 1 ? fields[1] : "")
        do {
            try session.apply(.decideCleanupItem(id: items[number - 1].id, outcome: outcome, why: why, by: by), now: now)
            return [t(.cleanupMarked, SafeText.line(items[number - 1].text), CleanupText.status(session.cleanupItems[number - 1], t))]
        } catch {
            return [TalkText.refusal(error, t, card: session.currentCard, lines: true)]
        }
    }
}
