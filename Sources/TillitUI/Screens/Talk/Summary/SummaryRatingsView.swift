import Foundation
import TillitCore

/// The summary's ratings: in a 1:1 both people's ratings side by side, where
/// they lie far apart marked as worth talking about; in a team talk each card's
/// spread as small bars, the average and how it moved since the last meeting.
/// The numbers come from `OneOnOneRating` and `TeamRating` (TillitCore), the
/// same the trends and the referat show.
enum SummaryRatingsView {
    /// Draws from row `y` in at most `maxRows` rows; returns the rows used (0 when nothing was rated).
    static func draw(_ state: AppState, _ talk: TalkState, x: Int, y: Int, width: Int, maxRows: Int, _ grid: inout Grid) -> Int {
        guard maxRows >= 2 else { return 0 }
        switch talk.session.kind {
        case .oneOnOne:
            return oneOnOne(state, OneOnOneRating.rows(of: talk.session), talk.session, x: x, y: y, width: width,
                            maxRows: maxRows, &grid)
        case .team:
            return team(state, TeamRating.rows(of: talk.session, previous: talk.previousMeeting.session), x: x, y: y,
                        width: width, maxRows: maxRows, &grid)
        }
    }

    private static func oneOnOne(_ state: AppState, _ rows: [OneOnOneRating], _ session: Session, x: Int, y: Int, width: Int,
                                 maxRows: Int, _ grid: inout Grid) -> Int {
        guard !rows.isEmpty else { return 0 }
        let ui = state.text
        // Ten columns a name on a laptop; more across a wide screen, where "Bjørn Ødegård" fits whole.
        let nameWidth = min(24, max(10, width / 8))
        func name(_ role: Role) -> String {
            let person = session.participants.first { $0.role == role }
            return DisplayWidth.truncate(SafeText.line(person?.name ?? ui.role(role)), to: nameWidth)
        }
        // The leader first, as on the cards.
        let names = [name(.leader), name(.employee)]
        let columns = names.map { max(3, DisplayWidth.of($0)) }
        let marker = "◆ " + ui(.worthTalkingAbout)
        let markerWidth = rows.contains(where: \.worthTalkingAbout) ? DisplayWidth.of(marker) + 2 : 0
        let valuesWidth = columns.reduce(0) { $0 + $1 + 2 }
        let promptWidth = max(10, width - 2 - valuesWidth - markerWidth)
        var line = y
        grid.put(ui(.votes), x: x, y: line, style: .bold)
        var column = x + 2 + promptWidth
        for (index, label) in names.enumerated() {
            grid.put(DisplayWidth.pad(label, to: columns[index], alignRight: true), x: column + 2, y: line, style: .muted)
            column += columns[index] + 2
        }
        line += 1
        let shown = visible(rows.count, maxRows: maxRows - 1)
        for row in rows.prefix(shown) {
            grid.put(prompt(row.cardIndex, row.prompt, width: promptWidth), x: x + 2, y: line)
            var column = x + 2 + promptWidth
            // `✓`: rated, the value waits until both have (`ratingsHidden`).
            let rated = [row.leaderRated, row.employeeRated]
            for (index, value) in [row.leader, row.employee].enumerated() {
                let text = value.map(String.init) ?? (rated[index] ? "✓" : "–")
                grid.put(DisplayWidth.pad(text, to: columns[index], alignRight: true), x: column + 2, y: line,
                         style: value == nil ? .muted : .bold)
                column += columns[index] + 2
            }
            if row.worthTalkingAbout { grid.put(marker, x: column + 2, y: line, style: .accent) }
            line += 1
        }
        line += more(rows.count - shown, ui, x: x + 2, y: line, &grid)
        return line - y
    }

    private static func team(_ state: AppState, _ rows: [TeamRating], x: Int, y: Int, width: Int, maxRows: Int,
                             _ grid: inout Grid) -> Int {
        guard !rows.isEmpty else { return 0 }
        let ui = state.text
        let language = state.config.language
        let headers = [ui(.summaryVotesColumn), ui(.summaryMeanColumn), ui(.summaryChangeColumn)]
        let barWidth = min(11, rows.map { $0.scale?.count ?? 5 }.max() ?? 5)
        let columns = [max(3, DisplayWidth.of(headers[0])), max(4, DisplayWidth.of(headers[1])),
                       max(5, DisplayWidth.of(headers[2]))]
        let showsChange = rows.contains { $0.change != nil }
        let used = columns.prefix(showsChange ? 3 : 2)
        // A count with why no more shows may need more room than the numbers.
        let hiddenWidth = rows.map { row -> Int in
            guard case .countOnly(let votes, let hidden) = row.disclosure else { return 0 }
            return DisplayWidth.of(hiddenText(votes, hidden, ui))
        }.max() ?? 0
        let detailWidth = max(hiddenWidth, barWidth + used.reduce(0) { $0 + $1 + 2 })
        let promptWidth = max(10, width - 2 - detailWidth - 2)
        let detailX = x + 2 + promptWidth + 2
        var line = y
        grid.put(ui(.votes), x: x, y: line, style: .bold)
        var column = detailX + barWidth
        // Column names only over numbers that are shown.
        let anyShown = rows.contains { $0.disclosure.tally != nil }
        for (index, width) in used.enumerated() where anyShown {
            grid.put(DisplayWidth.pad(headers[index], to: width, alignRight: true), x: column + 2, y: line, style: .muted)
            column += width + 2
        }
        line += 1
        let shown = visible(rows.count, maxRows: maxRows - 1)
        for row in rows.prefix(shown) {
            grid.put(prompt(row.cardIndex, row.prompt, width: promptWidth), x: x + 2, y: line)
            switch row.disclosure {
            case .shown(let tally):
                grid.put(bars(tally, scale: row.scale), x: detailX, y: line, style: .bold)
                let cells = [String(tally.total), ExportFormat.mean(tally.mean, language),
                             row.change.map { ExportFormat.change($0, language) } ?? ""]
                var column = detailX + barWidth
                for (index, width) in used.enumerated() {
                    grid.put(DisplayWidth.pad(cells[index], to: width, alignRight: true), x: column + 2, y: line,
                             style: index == 1 ? .bold : .plain)
                    column += width + 2
                }
            case .countOnly(let votes, let hidden):
                grid.put(hiddenText(votes, hidden, ui), x: detailX, y: line, style: .muted, maxWidth: x + width - detailX)
            case .noVotes:
                break
            }
            line += 1
        }
        line += more(rows.count - shown, ui, x: x + 2, y: line, &grid)
        return line - y
    }

    /// `4 stemmer · ikke vist ennå`, `2 stemmer · for få til å vise snitt`.
    private static func hiddenText(_ votes: Int, _ hidden: VoteDisclosure.Hidden, _ ui: Localizer) -> String {
        let why = hidden == .notRevealed ? ui(.summaryNotRevealed) : ui(.tooFewForMean)
        return ui.count(votes, one: .voteCountOne, many: .voteCount) + " · " + why
    }

    /// One block per value of the scale, as high as its share of the most chosen value; `·` where none chose it.
    static func bars(_ tally: VoteTally, scale: ClosedRange<Int>?) -> String {
        let values = scale.map(Array.init) ?? tally.counts.keys.sorted()
        let most = max(1, tally.counts.values.max() ?? 1)
        let blocks = TrendsReport.sparkBlocks
        return String(values.prefix(11).map { value -> Character in
            let count = tally.counts[value] ?? 0
            guard count > 0 else { return "·" }
            return blocks[max(0, (count * blocks.count + most - 1) / most - 1)]
        })
    }

    private static func prompt(_ index: Int, _ prompt: String, width: Int) -> String {
        DisplayWidth.truncate("\(index + 1). " + SafeText.line(prompt), to: width)
    }

    /// How many rows fit, leaving one for "… and N more" when not all do.
    private static func visible(_ count: Int, maxRows: Int) -> Int { count <= maxRows ? count : max(0, maxRows - 1) }

    private static func more(_ hidden: Int, _ ui: Localizer, x: Int, y: Int, _ grid: inout Grid) -> Int {
        guard hidden > 0 else { return 0 }
        grid.put(ui(.moreActions, hidden), x: x, y: y, style: .muted)
        return 1
    }
}
