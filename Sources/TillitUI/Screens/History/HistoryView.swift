import Foundation
import TillitCore

enum HistoryView {
    static func draw(_ state: AppState, in area: Rect, _ grid: inout Grid) {
        let ui = state.text
        let layout = ScreenLayout(area)
        let body = layout.body
        let items = state.historyItems
        let title = HistoryPeople.title(state, state.historyShowsOnlyOld ? HomeView.reviewOldLabel(state) : ui(.homeHistory))
        Chrome.header("tillit · " + title, right: ui.count(items.count, one: .talkCountOne, many: .talkCount), in: layout.header, &grid)
        if items.isEmpty {
            grid.put(ui(.noTalksYet), x: body.x + 3, y: body.y + 1, style: .muted)
        }
        let dateWidth = 18
        let progressWidth = 7
        let statusWidth = 10
        let rest = body.width - 8 - dateWidth - progressWidth - statusWidth - 6
        let titleWidth = max(10, rest / 2)
        let peopleWidth = max(8, rest - titleWidth)
        let rows = items.map { item in
            DisplayWidth.pad(ui.date(item.createdAt, timeZone: state.config.timeZone), to: dateWidth) + "  "
                + DisplayWidth.pad(SafeText.line(item.title), to: titleWidth) + "  "
                + DisplayWidth.pad(SafeText.line(item.participants), to: peopleWidth) + "  "
                + DisplayWidth.pad("\(item.handled)/\(item.cardCount)", to: progressWidth, alignRight: true) + "  "
                + (item.finished ? ui(.finished) : ui(.unfinished))
        }
        let styles = items.map { $0.finished ? Style.plain : Style.bold }
        let problemLines = unreadableLines(state, width: body.width - 4, room: max(2, (area.height - 10) / 2))
        let listHeight = body.height - 3 - problemLines.count
        Chrome.list(rows, selected: items.isEmpty ? nil : state.historySelection, in: Rect(x: body.x + 2, y: body.y + 1, width: body.width - 4, height: listHeight), &grid, styles: styles)
        for (index, line) in problemLines.enumerated() {
            grid.put(line, x: body.x + 2, y: body.maxY - 1 - problemLines.count + index, style: .warning)
        }
        let question = state.confirmDelete.map { ui(.confirmDelete, $0) }
            ?? (state.confirmDeleteAll ? ui(.confirmDeleteAllOld, items.count) : nil)
        if let question {
            let line = Rect(x: body.x, y: body.maxY - 1, width: body.width, height: 1)
            grid.fill(line)
            grid.put(" " + question, x: line.x, y: line.y, style: .warning, maxWidth: line.width)
        }
        Chrome.keyBar(ScreenKeys.bar(state), in: layout.keyBar, &grid, help: ui(.keyHelp))
    }
}

extension HistoryView {
    /// The files that could not be read: their folder once, then one line each
    /// (the file's name and why), cut with … only when a line is too long; at most `room` lines.
    static func unreadableLines(_ state: AppState, width: Int, room: Int) -> [String] {
        let problems = state.sessions.problems
        guard let first = problems.first, width > 0 else { return [] }
        let ui = state.text
        let folder = (first.path as NSString).deletingLastPathComponent
        let header = ui(.unreadableFile, "")
        var lines = [ui(.unreadableFile, shortenedFromTheLeft(folder, to: width - DisplayWidth.of(header)))]
        let shown = problems.count + 1 <= room ? problems.count : max(0, room - 2)
        for problem in problems.prefix(shown) {
            let name = (problem.path as NSString).lastPathComponent
            var reason = SafeText.line(problem.error.message(ui).replacingOccurrences(of: problem.path, with: name))
            if !reason.contains(name) { reason = name + ": " + reason }
            lines.append(DisplayWidth.truncate("  " + reason, to: width))
        }
        if shown < problems.count { lines.append("  " + ui(.moreUnreadable, problems.count - shown)) }
        return lines
    }

    /// `/home/kari/.local/share/tillit/sessions` as `…/share/tillit/sessions` when it must be shorter.
    static func shortenedFromTheLeft(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var characters = Substring(text)
        while !characters.isEmpty, DisplayWidth.of(String(characters)) > width - 1 { characters = characters.dropFirst() }
        return "…" + characters
    }
}
