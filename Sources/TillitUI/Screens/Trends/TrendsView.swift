import Foundation
import TillitCore

/// The rating cards of a deck over the talks: a list with a sparkline per
/// card, and for the chosen card its trend with the talks where an action was
/// agreed marked `★`, the latest average and change, and the latest spread.
enum TrendsView {
    static func draw(_ state: AppState, in area: Rect, _ grid: inout Grid) {
        let ui = state.text
        let layout = ScreenLayout(area)
        let body = layout.body
        defer { Chrome.keyBar(ScreenKeys.bar(state), in: layout.keyBar, &grid, help: ui(.keyHelp)) }
        guard let report = state.trends else {
            Chrome.header("tillit · " + ui(.trendsTitle), in: layout.header, &grid)
            grid.put(ui(.trendsLoading), x: body.x + 3, y: body.y + 1, style: .muted)
            return
        }
        var scope = [ui(.trendsTitle), SafeText.line(report.deckTitle)]
        if let whose = report.scope { scope.append(whose) }
        Chrome.header("tillit · " + scope.joined(separator: " · "),
                      right: ui.count(report.talks.count, one: .talkCountOne, many: .talkCount), in: layout.header, &grid)
        let top = body.y + 1
        let bottom = body.maxY - 2
        if report.unreadableFiles > 0 {
            grid.put(ui.count(report.unreadableFiles, one: .unreadableFilesOne, many: .unreadableFiles),
                     x: body.x + 3, y: bottom, style: .warning, maxWidth: body.width - 6)
        }
        if report.talks.isEmpty || report.cards.isEmpty {
            let message = report.talks.isEmpty ? ui(.trendsNoTalks, SafeText.line(report.deckTitle)) : ui(.trendsNoRatingCards)
            for (index, line) in TextWrap.lines(message, width: body.width - 6).prefix(3).enumerated() {
                grid.put(line, x: body.x + 3, y: top + index, style: .muted)
            }
            return
        }
        let selection = min(state.trendsScreen.selection, report.cards.count - 1)
        let listHeight = min(report.cards.count, max(2, min(6, (bottom - top) / 3)))
        drawList(report, selection: selection, ui, in: Rect(x: body.x + 2, y: top, width: body.width - 4, height: listHeight), &grid)
        drawCard(report, report.cards[selection], state,
                 in: Rect(x: body.x + 3, y: top + listHeight + 1, width: body.width - 6, height: bottom - (top + listHeight + 1)), &grid)
    }

    /// One row per card: prompt, sparkline of the latest talks, latest average, change, `★` if actions were agreed.
    private static func drawList(_ report: TrendsReport, selection: Int, _ ui: Localizer, in rect: Rect, _ grid: inout Grid) {
        let latestWidth = max(8, DisplayWidth.of(ui(.trendsTooFew)))
        let changeWidth = 6
        let sparkWidth = max(4, min(report.talks.count, rect.width / 4))
        let promptWidth = max(10, min(56, rect.width - sparkWidth - latestWidth - changeWidth - 12))
        let rows = report.cards.map { card in
            DisplayWidth.pad(report.screenLabel(card, ui, width: promptWidth), to: promptWidth) + "  "
                + DisplayWidth.pad(spark(card, width: sparkWidth), to: sparkWidth) + "  "
                + DisplayWidth.pad(report.latestText(card, ui), to: latestWidth, alignRight: true) + "  "
                + DisplayWidth.pad(card.change.map { ExportFormat.change($0, ui.language) } ?? "", to: changeWidth, alignRight: true)
                + (card.actions.isEmpty ? "" : "  ★")
        }
        Chrome.list(rows, selected: selection, in: rect, &grid)
    }

    /// The chosen card in full: its trend, where actions were agreed, the numbers and the latest spread.
    private static func drawCard(_ report: TrendsReport, _ card: TrendsReport.CardTrend, _ state: AppState,
                                 in rect: Rect, _ grid: inout Grid) {
        let ui = state.text
        var y = rect.y
        func room(_ rows: Int = 1) -> Bool { y + rows <= rect.maxY }
        for line in TextWrap.lines(report.screenLabel(card, ui), width: rect.width).prefix(2) where room() {
            grid.put(line, x: rect.x, y: y, style: .bold); y += 1
        }
        // The sparkline, and under it a mark for each talk where an action was agreed on the card.
        let label = ui(.trendsTitle) + "  "
        let labelWidth = DisplayWidth.of(label)
        let width = max(1, min(card.points.count, rect.width - labelWidth))
        if room(2) {
            grid.put(label, x: rect.x, y: y, style: .muted)
            grid.put(spark(card, width: width), x: rect.x + labelWidth, y: y, style: Style(color: .accent, bold: true))
            let marks = String(card.points.suffix(width).map { $0?.actionAgreed == true ? "★" : " " })
            if marks.contains("★") {
                grid.put(marks, x: rect.x + labelWidth, y: y + 1, style: Style(color: .good, bold: true))
                grid.put(ui(.trendsActionMark), x: rect.x + labelWidth + width + 2, y: y + 1, style: .muted,
                         maxWidth: max(0, rect.maxX - (rect.x + labelWidth + width + 2)))
            }
            y += 2
        }
        if room() {
            var facts: [String] = []
            // In a 1:1 a line's latest point is one person's one rating, not an average.
            if let mean = card.latestMean {
                facts.append(report.isOneOnOne && mean == mean.rounded() ? ui(.trendsLatestRating, String(Int(mean)))
                                                                          : ui(.trendsLatest, ExportFormat.mean(mean, ui.language)))
            }
            if let change = card.change { facts.append(ui(.trendsChange, ExportFormat.change(change, ui.language))) }
            facts.append(ui.count(card.talkCount, one: .talkCountOne, many: .talkCount))
            facts.append(report.isOneOnOne ? ui.count(card.voteCount, one: .ratingCountOne, many: .ratingCount)
                                           : ui.count(card.voteCount, one: .voteCountOne, many: .voteCount))
            grid.put(facts.joined(separator: " · "), x: rect.x, y: y, maxWidth: rect.width); y += 1
        }
        // In a 1:1, how far apart the two ratings lay in each talk: a line that sinks as you come to see it alike.
        if let latestGap = report.latestGapText(of: card, ui), room() {
            let gapLabel = DisplayWidth.pad(ui(.trendsGap), to: labelWidth - 2) + "  "
            grid.put(gapLabel, x: rect.x, y: y, style: .muted)
            grid.put(report.gapSparkline(of: card, last: width), x: rect.x + DisplayWidth.of(gapLabel), y: y, style: .bold)
            grid.put(latestGap, x: rect.x + DisplayWidth.of(gapLabel) + width + 2, y: y, style: .muted,
                     maxWidth: max(0, rect.maxX - (rect.x + DisplayWidth.of(gapLabel) + width + 2)))
            y += 1
        }
        y += 1
        if let latest = card.latest, room() {
            if latest.tooFew {
                for line in TextWrap.lines(ui(.trendsTooFewExplained, TrendsReport.minimumVotes), width: rect.width).prefix(2) where room() {
                    grid.put(line, x: rect.x, y: y, style: .muted); y += 1
                }
            } else {
                grid.put(ui(.trendsLatestSpread), x: rect.x, y: y, style: .bold); y += 1
                y = drawBars(latest.counts, scale: card.scale, x: rect.x, y: y, width: rect.width, maxY: rect.maxY, &grid)
            }
        } else if card.latest == nil, room() {
            grid.put(ui(.trendsNoVotes), x: rect.x, y: y, style: .muted); y += 1
        }
        for action in card.actions.reversed() where room() {
            var line = "★ " + SafeText.line(action.text)
            if !action.owner.isEmpty { line += " — " + SafeText.line(action.owner) }
            line += " (" + ExportFormat.date(report.talks[action.talkIndex].createdAt, ui.language, timeZone: state.config.timeZone) + ")"
            if action.done { line += " ✓" }
            grid.put(line, x: rect.x, y: y, maxWidth: rect.width); y += 1
        }
    }

    /// A bar per value of the scale; on one line when the rows do not fit.
    private static func drawBars(_ counts: [Int: Int], scale: ClosedRange<Int>, x: Int, y: Int, width: Int, maxY: Int,
                                 _ grid: inout Grid) -> Int {
        guard scale.count <= maxY - y - 1 else {
            let line = scale.map { "\($0): \(counts[$0] ?? 0)" }.joined(separator: "  ")
            grid.put(line, x: x + 1, y: y, maxWidth: width - 1)
            return y + 1
        }
        var y = y
        let maxCount = max(1, counts.values.max() ?? 1)
        let barWidth = max(4, min(30, width - 12))
        for value in scale {
            let count = counts[value] ?? 0
            let bar = String(repeating: "█", count: count * barWidth / maxCount)
            grid.put(String(format: "%3d ", value), x: x, y: y, style: .bold)
            grid.put(bar, x: x + 4, y: y, style: Style(color: .accent))
            grid.put(" \(count)", x: x + 4 + DisplayWidth.of(bar), y: y, style: count > 0 ? .plain : .muted)
            y += 1
        }
        return y
    }

    /// The sparkline of the latest `width` talks.
    static func spark(_ card: TrendsReport.CardTrend, width: Int) -> String {
        TrendsReport.sparkline(Array(card.means.suffix(max(0, width))), scale: card.scale)
    }
}
