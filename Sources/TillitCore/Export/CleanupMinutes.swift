import Foundation

/// The clean-up items a talk added, or decided, left waiting or sent up: what
/// it is, who can decide it, the hours, and what became of it there. Plain
/// text cells, for the Markdown minutes and the printable page alike.
enum CleanupMinutesTable {
    static func header(_ t: Localizer) -> [String] {
        [t(.cleanupFieldWhat), t(.cleanupFieldKind), t(.cleanupFieldDecider), t(.cleanupFieldHours),
         t(.cleanupFieldProposal), t(.cleanupColumnStatus)]
    }

    static func rows(_ session: Session, _ t: Localizer, timeZone: TimeZone) -> [[String]] {
        session.cleanupTouchedHere.map { item in
            let here = item.decision(in: session.id)
            var status = here.map { CleanupText.outcome($0.outcome, t) } ?? t(.cleanupOutcomeOpen)
            if let here, here.outcome == .sentUp { status = CleanupText.status(item, t, timeZone: timeZone) }
            if let note = here.map(CleanupText.decisionNote), !note.isEmpty { status += ": " + note }
            let proposal = CleanupText.proposal(item.proposal, t) + (item.reason.isEmpty ? "" : ": " + item.reason)
            return [item.text, CleanupText.kind(item.kind, t), CleanupText.decider(item.decider, t),
                    item.hoursPerMonth.map { CleanupText.number($0, t.language) } ?? "", proposal, status]
        }
    }
}

extension Referat {
    mutating func cleanup() {
        let rows = CleanupMinutesTable.rows(session, t, timeZone: timeZone)
        guard !rows.isEmpty else { return }
        heading(2, t(.cleanupMinutesHeading))
        table(CleanupMinutesTable.header(t), rows.map { $0.map(MarkdownExporter.cell) })
    }
}
