import Foundation

/// The gap over time: in a 1:1's trends, beside the employee's and the
/// leader's lines, how far apart their ratings of a card lay in each talk.
/// A leader and an employee who see the same numbers more and more often are
/// building trust.
extension TrendsReport {
    /// For `card` (either person's line) in a report of 1:1 talks: per talk,
    /// how far apart the two ratings lay; nil where not both were shown. Empty
    /// for a team's report.
    package func gaps(of card: CardTrend) -> [Double?] {
        // Each rated their own state (`about: self`): two lines, no gap between them.
        guard isOneOnOne, card.role != nil, !card.aboutSelf else { return [] }
        func line(_ role: Role) -> CardTrend? { cards.first { $0.key == card.key && $0.role == role } }
        guard let employee = line(.employee), let leader = line(.leader) else { return talks.map { _ in nil } }
        return zip(employee.means, leader.means).map { pair in
            guard let a = pair.0, let b = pair.1 else { return nil }
            return abs(a - b)
        }
    }

    /// The gaps as a sparkline over the scale's widest gap (a low line: you see it alike).
    package func gapSparkline(of card: CardTrend, last width: Int? = nil) -> String {
        let gaps = gaps(of: card)
        return Self.sparkline(Array(gaps.suffix(width ?? gaps.count)), scale: 0...max(1, card.scale.upperBound - card.scale.lowerBound))
    }

    /// `sist 1 fra hverandre` for the latest talk both rated in; nil when there is none.
    package func latestGapText(of card: CardTrend, _ t: Localizer) -> String? {
        guard let latest = gaps(of: card).last(where: { $0 != nil }) ?? nil else { return nil }
        // Two ratings lie a whole number apart: `1`, not `1,0`.
        return t(.trendsGapLatest, latest == latest.rounded() ? String(Int(latest)) : ExportFormat.mean(latest, t.language))
    }

    /// The lines the command line adds under a 1:1's table: one per card with a gap.
    func gapLines(_ t: Localizer) -> [String] {
        guard isOneOnOne else { return [] }
        var seen = Set<String>()
        let rows = cards.filter { seen.insert($0.key).inserted }.compactMap { card -> [String]? in
            guard let latest = latestGapText(of: card, t) else { return nil }
            return [card.shortPrompt, gapSparkline(of: card, last: Self.textSparkWidth), latest]
        }
        guard !rows.isEmpty else { return [] }
        let table = TextTable.render(rows, rightAligned: []).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.replacingOccurrences(of: #" +$"#, with: "", options: .regularExpression) }
        return [t(.trendsGapHeading)] + table.filter { !$0.isEmpty }
    }
}
