import Foundation

/// A `TrendsReport` for the command line: a table for people, CSV for spreadsheets.
extension TrendsReport {
    /// How many talks a sparkline on the command line shows; older ones are behind a `…`.
    package static let textSparkWidth = 24

    /// A title line, then one line per rating card: prompt, sparkline, latest
    /// average, change, talks, votes and actions agreed on the card.
    package func text(_ t: Localizer) -> String {
        var scope = [SafeText.line(deckTitle)]
        if let whose = self.scope { scope.append(whose) }
        scope.append(t.count(talks.count, one: .talkCountOne, many: .talkCount))
        let title = scope.joined(separator: " · ")
        guard !talks.isEmpty else { return t(.trendsNoTalks, SafeText.line(deckID)) + "\n" }
        guard !cards.isEmpty else { return title + "\n\n" + t(.trendsNoRatingCards) + "\n" }
        var rows = [[t(.trendsHeaderCard), t(.trendsHeaderTrend), t(.trendsHeaderLatest), t(.trendsHeaderChange),
                     t(.trendsHeaderTalks), t(isOneOnOne ? .trendsHeaderRatings : .trendsHeaderVotes), t(.trendsHeaderActions)]]
        for card in cards {
            rows.append([
                card.label(t),
                Self.sparkline(card.means.suffix(Self.textSparkWidth).map { $0 }, scale: card.scale)
                    .withEllipsis(card.means.count > Self.textSparkWidth),
                latestText(card, t),
                card.change.map { ExportFormat.change($0, t.language) } ?? "–",
                String(card.talkCount),
                String(card.voteCount),
                card.actions.isEmpty ? "" : "★ \(card.actions.count)",
            ])
        }
        let table = TextTable.render(rows, rightAligned: [4, 5]).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.replacingOccurrences(of: #" +$"#, with: "", options: .regularExpression) }
        let footnote = cards.contains { !$0.actions.isEmpty } ? "\n" + t(.trendsActionMarkCount) + "\n" : ""
        // In a 1:1, how far apart the two lay, talk by talk (`TrendsGap`).
        let gap = gapLines(t)
        let gapText = gap.isEmpty ? "" : "\n" + gap.joined(separator: "\n") + "\n"
        return title + "\n\n" + table.joined(separator: "\n") + "\n" + gapText + footnote
    }

    /// The latest average, `too few`, or `–` when the card got no votes.
    package func latestText(_ card: CardTrend, _ t: Localizer) -> String {
        guard let latest = card.latest else { return "–" }
        return latest.mean.map { ExportFormat.mean($0, t.language) } ?? t(.trendsTooFew)
    }

    /// One row per card and talk with votes, for a spreadsheet: RFC 4180 CSV,
    /// a dot as the decimal mark, the date in UTC.
    package func csv() -> String {
        // `who` says whose ratings a row holds: a 1:1's employee or leader, or the team.
        var lines = ["deck,card,who,prompt,talk,date,votes,average,note,actions_agreed"]
        let dates = ISO8601DateFormatter()
        for card in cards {
            for (index, point) in card.points.enumerated() {
                guard let point else { continue }
                let talk = talks[index]
                let agreed = card.actions.filter { $0.talkIndex == index }.count
                lines.append([
                    Self.csvField(deckID), Self.csvField(card.card), card.role?.rawValue ?? "team", Self.csvField(SafeText.line(card.prompt)),
                    Self.csvField(talk.id), dates.string(from: talk.createdAt), String(point.votes),
                    point.mean.map { String(format: "%.2f", $0) } ?? "",
                    point.tooFew ? "too few to show" : "", String(agreed),
                ].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Quoted when it holds a comma, quote or line break; a leading `=`, `+`,
    /// `-` or `@` gets a `'` so a spreadsheet shows it instead of running it.
    static func csvField(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

private extension String {
    func withEllipsis(_ cut: Bool) -> String { cut ? "…" + self : self }
}
