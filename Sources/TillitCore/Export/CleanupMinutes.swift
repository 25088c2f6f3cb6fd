import Foundation

extension Referat {
    /// The clean-up items this talk added, or decided, left waiting or sent up:
    /// what it is, who can decide it, the hours, and what became of it here.
    mutating func cleanup() {
        let items = session.cleanupTouchedHere
        guard !items.isEmpty else { return }
        heading(2, t(.cleanupMinutesHeading))
        table([t(.cleanupFieldWhat), t(.cleanupFieldKind), t(.cleanupFieldDecider), t(.cleanupFieldHours),
               t(.cleanupFieldProposal), t(.cleanupColumnStatus)], items.map { item in
            let here = item.decision(in: session.id)
            var status = here.map { CleanupText.outcome($0.outcome, t) } ?? t(.cleanupOutcomeOpen)
            if let here, here.outcome == .sentUp { status = CleanupText.status(item, t, timeZone: timeZone) }
            if let note = here.map(CleanupText.decisionNote), !note.isEmpty { status += ": " + note }
            let proposal = CleanupText.proposal(item.proposal, t) + (item.reason.isEmpty ? "" : ": " + item.reason)
            return [MarkdownExporter.cell(item.text), MarkdownExporter.cell(CleanupText.kind(item.kind, t)),
                    MarkdownExporter.cell(CleanupText.decider(item.decider, t)),
                    MarkdownExporter.cell(item.hoursPerMonth.map { CleanupText.number($0, t.language) } ?? ""),
                    MarkdownExporter.cell(proposal), MarkdownExporter.cell(status)]
        })
    }
}
