import Foundation
import TillitCore

/// Draws the whole screen for `state`. Pure: the same state gives the same grid.
package func view(_ state: AppState) -> Grid {
    var grid = Grid(state.size)
    draw(state, in: grid.bounds, &grid)
    return grid
}

/// Draws the screen for `state` into `area` of `grid` and nowhere else: every
/// screen lays itself out in the rectangle it is given, as Ratatui's widgets do.
func draw(_ state: AppState, in area: Rect, _ grid: inout Grid) {
    guard !state.isTooSmall else {
        drawTooSmall(state, in: area, &grid)
        return
    }
    switch state.screen {
    case .home: HomeView.draw(state, in: area, &grid)
    case .setup: SetupView.draw(state, in: area, &grid)
    case .talk: TalkView.draw(state, in: area, &grid)
    case .history: HistoryView.draw(state, in: area, &grid)
    case .transcript: TranscriptView.draw(state, in: area, &grid)
    case .decks: DecksView.draw(state, in: area, &grid)
    case .deckPreview: DecksView.drawPreview(state, in: area, &grid)
    case .trends: TrendsView.draw(state, in: area, &grid)
    case .cleanup: CleanupView.draw(state, in: area, &grid)
    }
    if let flash = state.flash { drawFlash(flash, above: ScreenLayout(area).keyBar, &grid) }
    if state.helpVisible {
        grid.cursor = nil
        HelpView.draw(state, in: area, &grid)
    }
}

/// A message on one or two lines just above the key bar.
private func drawFlash(_ flash: String, above keyBar: Rect, _ grid: inout Grid) {
    let width = max(1, keyBar.width - 2)
    // A long message (a failed save names the file, then the reason) takes
    // two lines rather than losing its end, which says what went wrong.
    var lines = TextWrap.lines(fitFlash(flash, width: width), width: width)
    if lines.count > 2 { lines = [lines[0], DisplayWidth.truncate(lines[1...].joined(separator: " "), to: width)] }
    let top = keyBar.y - lines.count
    grid.fill(Rect(x: keyBar.x, y: top, width: keyBar.width, height: lines.count))
    for (index, line) in lines.enumerated() {
        grid.put(" " + line, x: keyBar.x, y: top + index, style: .warning, maxWidth: keyBar.width)
    }
}

/// `message`, with its longest word (a path, as a rule) shortened from the
/// front when the whole would not fit on two lines of `width`: the file name
/// and the reason after it stay readable.
func fitFlash(_ message: String, width: Int) -> String {
    let width = max(1, width)
    guard TextWrap.lines(message, width: width).count > 2 else { return message }
    let words = message.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    guard let longest = words.indices.max(by: { words[$0].count < words[$1].count }) else { return message }
    var keep = min(words[longest].count - 1, width - 1)
    while keep >= 16 {
        var shortened = words
        shortened[longest] = "…" + String(words[longest].suffix(keep))
        let text = shortened.joined(separator: " ")
        if TextWrap.lines(text, width: width).count <= 2 { return text }
        keep -= 4
    }
    return message
}

private func drawTooSmall(_ state: AppState, in area: Rect, _ grid: inout Grid) {
    let t = state.text
    let lines = TextWrap.lines(t(.tooSmall, AppState.minimumSize.width, AppState.minimumSize.height), width: max(1, area.width - 2))
    let keyLines = TextWrap.lines(t(.tooSmallKeys), width: max(1, area.width - 2))
    let top = area.y + max(0, (area.height - lines.count - 3 - keyLines.count) / 2)
    for (index, line) in lines.enumerated() { grid.centered(line, y: top + index, in: area, style: .bold) }
    grid.centered(t(.tooSmallNow, area.width, area.height), y: top + lines.count + 1, in: area, style: .muted)
    for (index, line) in keyLines.enumerated() {
        grid.centered(line, y: top + lines.count + 3 + index, in: area)
    }
}

/// A screen's three bands, split from its area as Ratatui's `Layout` splits
/// one: the title with its rule, the body, and the key bar on the last row.
struct ScreenLayout {
    let header: Rect
    let body: Rect
    let keyBar: Rect

    init(_ area: Rect) {
        header = Rect(x: area.x, y: area.y, width: area.width, height: min(2, area.height))
        keyBar = Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1)
        body = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 3)
    }
}

/// The parts every screen shares: a title bar, a rule, and the key bar.
enum Chrome {
    static func header(_ left: String, right: String = "", in area: Rect, _ grid: inout Grid) {
        let rightWidth = DisplayWidth.of(right)
        // A long title ends in "…" rather than mid-word; progress and timer on the right stay whole.
        grid.put(DisplayWidth.truncate(" " + left, to: max(0, area.width - rightWidth - 3)), x: area.x, y: area.y, style: .title)
        if !right.isEmpty { grid.put(right + " ", x: area.maxX - rightWidth - 1, y: area.y, style: .bold) }
        grid.horizontalLine(y: area.y + 1, x: area.x, width: area.width)
    }

    /// Draws `keys` on the last row, as many as fit; help (`?`) always stays.
    /// `help` is nil while keys are text (writing in a field), where `?` is just a letter.
    static func keyBar(_ keys: [(String, String)], in area: Rect, _ grid: inout Grid, help: String?) {
        let y = area.y
        var items = keys + (help.map { [("?", $0)] } ?? [])
        func width(_ items: [(String, String)]) -> Int {
            items.reduce(0) { $0 + DisplayWidth.of($1.0) + DisplayWidth.of($1.1) + 3 } + 1
        }
        // When they do not all fit, the last keys go first, but never `?` (it lists
        // them all) nor `q`: how to leave is what an unsure person looks for.
        while width(items) > area.width,
              let last = items.lastIndex(where: { $0.0 != "?" && $0.0 != "q" }), items.count > 1 {
            items.remove(at: last)
        }
        var x = area.x + 1
        for (key, label) in items {
            x += grid.put(key, x: x, y: y, style: Style(color: .accent, bold: true, reverse: true))
            x += grid.put(" " + label + "  ", x: x, y: y, style: .plain)
        }
    }

    /// A vertical list with the selected row in reverse video, scrolled to keep it visible.
    static func list(_ rows: [String], selected: Int?, in rect: Rect, _ grid: inout Grid, styles: [Style]? = nil) {
        guard rect.height > 0 else { return }
        let first = max(0, (selected ?? 0) - rect.height + 1)
        for (offset, index) in (first..<min(rows.count, first + rect.height)).enumerated() {
            let isSelected = index == selected
            let style = isSelected ? Style(bold: true, reverse: true) : (styles?[index] ?? .plain)
            let marker = isSelected ? "›" : " "
            let line = DisplayWidth.pad("\(marker) \(rows[index])", to: rect.width)
            grid.put(line, x: rect.x, y: rect.y + offset, style: style)
        }
    }

    /// Lines of text scrolled by `offset` inside `rect`.
    static func scrolled(_ lines: [(String, Style)], offset: Int, in rect: Rect, _ grid: inout Grid) -> Int {
        let maxOffset = max(0, lines.count - rect.height)
        let start = min(offset, maxOffset)
        for (row, index) in (start..<min(lines.count, start + rect.height)).enumerated() {
            grid.put(lines[index].0, x: rect.x, y: rect.y + row, style: lines[index].1, maxWidth: rect.width)
        }
        return maxOffset
    }
}

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}

func names(_ participants: [Participant], _ t: Localizer) -> String {
    // "Leder (leder)" says nothing twice: a name that is just the role stands alone.
    t.list(participants.map { $0.nameIsRole(t) ? $0.name : "\($0.name) (\(t.role($0.role)))" })
}

extension Localizer {
    /// `Kari, Ola and Per`; one part as it is; none as "".
    func list(_ parts: [String]) -> String {
        guard let last = parts.last, parts.count > 1 else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " " + self(.and) + " " + last
    }

    /// `23.11.2026 19:34` (or `23 Nov 2026 19:34` in English), in `timeZone`.
    func date(_ date: Date, timeZone: TimeZone) -> String { ExportFormat.dateTime(date, language, timeZone: timeZone) }
}
