import Foundation

/// A clean-up register as the command line writes it: text for people,
/// Markdown for the leader's leader or the trust-reform programme, CSV for a
/// spreadsheet. It names the team (or person) and dates only, never who
/// proposed or decided what, so it can be sent up the line as it is.
package struct CleanupReport: Sendable {
    package var register: CleanupRegister
    package var t: Localizer
    package var now: Date
    package var timeZone: TimeZone

    package init(register: CleanupRegister, language: Language, now: Date, timeZone: TimeZone = .current) {
        self.register = register
        self.t = Localizer(language)
        self.now = now
        self.timeZone = timeZone
    }

    private func date(_ date: Date) -> String { ExportFormat.date(date, t.language, timeZone: timeZone) }

    /// `Fra samtaler 1.10.2026–1.11.2026. …`, when there were talks.
    private var period: String? {
        guard let first = register.firstTalk, let last = register.lastTalk else { return nil }
        return t(.cleanupReportPeriod, date(first), date(last))
    }

    /// The status without who decided: `strøket`, `sendt videre til kommunedirektøren 3.12.2026`.
    private func status(_ item: CleanupItem) -> String { CleanupText.status(item, t, timeZone: timeZone) }

    /// The items grouped by who can decide, each line with its hours, status and days waited.
    package func text() -> String {
        var lines = [t(.cleanupReportTitle, SafeText.line(register.title))]
        if let period { lines.append(period) }
        lines.append(CleanupText.totals(register, t))
        if let freed = CleanupText.freedOverTime(register, t) { lines.append(freed) }
        if register.items.isEmpty { lines += ["", t(.cleanupNothingMatches)] }
        for group in register.grouped(now: now) {
            lines += ["", CleanupText.decider(group.decider, t) + ":"]
            for item in group.items {
                lines.append("  " + (item.isOpen ? "○ " : "✓ ") + CleanupText.line(item, t) + " — " + status(item)
                             + " — " + t(.cleanupDays, item.daysWaited(now: now)))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package func markdown() -> String {
        var out = ["# " + MarkdownExporter.inline(t(.cleanupReportTitle, register.title)), ""]
        if let period { out += [MarkdownExporter.inline(period), ""] }
        out += [MarkdownExporter.inline(CleanupText.totals(register, t)), ""]
        if register.items.isEmpty { out += [MarkdownExporter.inline(t(.cleanupNothingMatches)), ""] }
        let header = [t(.cleanupFieldWhat), t(.cleanupFieldKind), t(.cleanupFieldHours), t(.cleanupFieldProposal),
                      t(.cleanupColumnStatus), t(.cleanupColumnAdded), t(.cleanupColumnWaited)]
        for group in register.grouped(now: now) {
            out += ["## " + MarkdownExporter.inline(CleanupText.decider(group.decider, t)), ""]
            out.append("| " + header.map(MarkdownExporter.cell).joined(separator: " | ") + " |")
            out.append("|" + String(repeating: " --- |", count: header.count))
            for item in group.items {
                let cells = [item.text, CleanupText.kind(item.kind, t), item.hoursPerMonth.map { CleanupText.number($0, t.language) } ?? "",
                             CleanupText.proposal(item.proposal, t) + (item.reason.isEmpty ? "" : ": " + item.reason),
                             status(item), date(item.addedAt), String(item.daysWaited(now: now))]
                out.append("| " + cells.map(MarkdownExporter.cell).joined(separator: " | ") + " |")
            }
            out.append("")
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// One row per item, RFC 4180: codes that do not change with the language
    /// (`report`, `higher-up`, `sent-up`), a dot as the decimal mark, dates as `YYYY-MM-DD`.
    /// The first two columns say whose list it is: a team's title, or in a 1:1 the person's name.
    package func csv(header: Bool = true) -> String {
        var lines = header ? ["team_or_person,talk_kind,item,kind,who_can_decide,hours_per_month,proposal,reason,status,sent_to,sent_on,added,days_waited"] : []
        for item in register.sorted(.decider, now: now) {
            let sent = item.sentUp
            lines.append([
                register.title, register.kind.rawValue, item.text, item.kind.rawValue, item.decider.rawValue,
                item.hoursPerMonth.map { String(format: "%g", $0) } ?? "", item.proposal.rawValue, item.reason,
                item.latest?.outcome.rawValue ?? "open", sent?.by ?? "", sent.map { day($0.at) } ?? "", day(item.addedAt),
                String(item.daysWaited(now: now)),
            ].map { TrendsReport.csvField(SafeText.line($0)) }.joined(separator: ","))
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\r\n") + "\r\n"
    }

    private func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(parts.year ?? 0, zeroPaddedTo: 4) + "-" + String(parts.month ?? 0, zeroPaddedTo: 2) + "-" + String(parts.day ?? 0, zeroPaddedTo: 2)
    }
}
