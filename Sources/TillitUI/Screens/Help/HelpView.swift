import TillitCore

/// `?`: every key of the current screen, in a box over it.
enum HelpView {
    static func entries(_ state: AppState) -> [(String, UIString)] {
        // A talk's keys depend on its mode (`TalkScreen`); every other screen has one table (`ScreenKeys`).
        if state.screen == .talk { return state.talk.map { TalkScreen.help(state, $0) } ?? [] }
        return ScreenKeys.table(state.screen)?.help(state) ?? []
    }

    /// The box and its rows, centred in `area` (the whole screen unless given): each description wrapped under its own column.
    static func layout(_ state: AppState, in area: Rect? = nil) -> (rect: Rect, keyWidth: Int, rows: [(key: String, text: String)], visible: Int) {
        let ui = state.text
        let entries = entries(state)
        let area = area ?? Rect(x: 0, y: 0, width: state.size.width, height: state.size.height)
        let size = Size(width: area.width, height: area.height)
        let keyWidth = entries.map { DisplayWidth.of($0.0) }.max() ?? 4
        let width = min(size.width - 4, max(40, keyWidth + 4 + (entries.map { DisplayWidth.of(ui($0.1)) }.max() ?? 20) + 4))
        let textWidth = max(1, width - keyWidth - 6)
        let rows = entries.flatMap { key, text in
            TextWrap.lines(ui(text), width: textWidth).enumerated().map { (key: $0.offset == 0 ? key : "", text: $0.element) }
        }
        let height = min(size.height - 2, rows.count + 4)
        let rect = Rect(x: area.x + (size.width - width) / 2, y: area.y + (size.height - height) / 2, width: width, height: height)
        return (rect, keyWidth, rows, max(0, height - 4))
    }

    /// How far the list can scroll; 0 when it all fits.
    static func maxScroll(_ state: AppState) -> Int { maxScroll(layout(state)) }

    static func maxScroll(_ layout: (rect: Rect, keyWidth: Int, rows: [(key: String, text: String)], visible: Int)) -> Int {
        max(0, layout.rows.count - layout.visible)
    }

    static func draw(_ state: AppState, in area: Rect, _ grid: inout Grid) {
        let ui = state.text
        let (rect, keyWidth, rows, visible) = layout(state, in: area)
        let scroll = min(state.helpScroll, max(0, rows.count - visible))
        grid.fill(rect)
        grid.box(rect, title: ui(.helpTitle), style: Style(color: .accent, bold: true))
        for (index, row) in rows.dropFirst(scroll).prefix(visible).enumerated() {
            let y = rect.y + 1 + index
            grid.put(DisplayWidth.pad(row.key, to: keyWidth), x: rect.x + 2, y: y, style: .accent)
            grid.put(row.text, x: rect.x + 4 + keyWidth, y: y, maxWidth: rect.width - keyWidth - 6)
        }
        let footer = rows.count > visible ? ui(.helpScrollFooter) : ui(.helpClose)
        grid.put(footer, x: rect.x + 2, y: rect.maxY - 2, style: .muted, maxWidth: rect.width - 4)
        if rows.count > visible {
            // Where in the list the window is, for those who cannot see the first or last row.
            let mark = "\(scroll + 1)–\(min(rows.count, scroll + visible))/\(rows.count)"
            grid.put(mark, x: rect.maxX - 2 - DisplayWidth.of(mark), y: rect.maxY - 1, style: .muted)
        }
    }
}
