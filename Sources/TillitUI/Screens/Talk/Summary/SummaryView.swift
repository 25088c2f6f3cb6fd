import Foundation
import TillitCore

enum SummaryView {
    static func draw(_ state: AppState, _ talk: TalkState, in area: Rect, _ grid: inout Grid) {
        let ui = state.text
        let session = talk.session
        let layout = ScreenLayout(area)
        Chrome.header("tillit · " + ui(.summary) + " · " + session.title, right: session.isFinished ? ui(.finished) : "", in: layout.header, &grid)
        var y = layout.body.y + 1
        let x = area.x + 3
        let width = area.width - 6
        let counts = Dictionary(grouping: session.cards, by: \.status).mapValues(\.count)
        grid.put(ui(.summaryCounts, counts[.answered] ?? 0, counts[.skipped] ?? 0, counts[.parked] ?? 0, counts[.open] ?? 0,
                    TalkText.timeSpent(session)),
                 x: x, y: y, style: .bold, maxWidth: width)
        y += 2
        // What was rated, before the list below: a third of what is left at most.
        let ratings = SummaryRatingsView.draw(state, talk, x: x, y: y, width: width, maxRows: max(3, (area.height - 12) / 3), &grid)
        if ratings > 0 { y += ratings + 1 }
        let parked = TalkScreen.parkedIndices(session)
        if !parked.isEmpty {
            grid.put(ui(.parkedCards), x: x, y: y, style: .bold); y += 1
            let rows = parked.map { "\($0 + 1). " + SafeText.line(session.cards[$0].prompt) }
            let height = min(rows.count, 4)
            let selected = talk.listSelection < parked.count ? talk.listSelection : nil
            Chrome.list(rows, selected: selected, in: Rect(x: x, y: y, width: width, height: height), &grid)
            y += height + 1
        }
        grid.put(ui(.actionsHeading), x: x, y: y, style: .bold); y += 1
        let actions = session.actions
        if actions.isEmpty { grid.put(ui(.noActions), x: x + 2, y: y, style: .muted); y += 1 }
        // The actions are the second part of the one list ↑↓ moves in; done ones carry ✓.
        let room = max(1, area.maxY - y - 8)
        let chosen = talk.listSelection - parked.count
        let rows = actions.map { TalkView.actionRow($0, ui, now: state.now) }
        if !actions.isEmpty {
            let height = min(actions.count, room)
            Chrome.list(rows, selected: actions.indices.contains(chosen) ? chosen : nil, in: Rect(x: x, y: y, width: width, height: height),
                        &grid, styles: actions.map { $0.done ? Style.muted : Style.plain })
            y += height
        }
        if actions.count > room { grid.put(ui(.moreActions, actions.count - room), x: x + 2, y: y, style: .muted); y += 1 }
        let carried = session.carriedOver.filter { $0.outcome != .pending }
        if !carried.isEmpty, y < area.maxY - 6 {
            grid.put(ui(.carriedSummary, carried.filter { $0.outcome == .done }.count, carried.filter { $0.outcome == .kept }.count,
                        carried.filter { $0.outcome == .dropped }.count), x: x, y: y, style: .muted, maxWidth: width)
            y += 1
        }
        y += 1
        if let editor = talk.notesEditor {
            drawNotesEditor(state, talk, editor, in: Rect(x: x, y: y, width: width, height: max(3, area.maxY - y - 2)), &grid)
            // While writing, ? types a question mark: no help key to offer.
            Chrome.keyBar(NotesKeys.table.bar(TalkContext(state: state)), in: layout.keyBar, &grid, help: nil)
            return
        }
        if !session.notes.isEmpty, y < area.maxY - 5 {
            grid.put(ui(.notes) + ": " + SafeText.line(session.notes), x: x, y: y, maxWidth: width); y += 1
        }
        // Only that they are there: the words stay out of sight until the leader opens them.
        if talk.hasPrivateNotes, !session.privateNotes.isEmpty, y < area.maxY - 5 {
            grid.put(ui(.privateNotesKept), x: x, y: y, style: .muted, maxWidth: width); y += 1
        }
        if talk.hasPrivateNotes, let expired = session.privateNotesExpiredAt, y < area.maxY - 5 {
            let day = ExportFormat.date(expired, state.config.language, timeZone: .current)
            grid.put(ui(.privateNotesExpired, day), x: x, y: y, style: .muted, maxWidth: width); y += 1
        }
        // Who has confirmed the minutes (`b`), while the talk stays finished.
        let confirmed = session.minutesConfirmations.map { SafeText.line($0.name) }
        if session.isFinished, !confirmed.isEmpty, y < area.maxY - 5 {
            grid.put(ui(.minutesConfirmedNote, confirmed.joined(separator: ", ")), x: x, y: y, style: .muted, maxWidth: width); y += 1
        }
        let closing = TextWrap.lines(session.isFinished ? ui(.finishedHint) : ui(.notFinishedHint), width: width).prefix(2)
        let savedY = area.maxY - 3 - closing.count
        grid.put(DisplayWidth.truncate(ui(.savedIn, talk.path), to: width), x: x, y: savedY, style: .muted)
        for (index, line) in closing.enumerated() { grid.put(line, x: x, y: savedY + 1 + index) }
        Chrome.keyBar(TalkScreen.keyBar(state, talk), in: layout.keyBar, &grid, help: ui(.keyHelp))
    }

    /// The notes being written. In a 1:1 the leader's private notes are a
    /// second field under the shared ones, labelled as such; Tab moves between them.
    private static func drawNotesEditor(_ state: AppState, _ talk: TalkState, _ editor: TextEditor, in area: Rect, _ grid: inout Grid) {
        let ui = state.text
        let session = talk.session
        func privateLabel(width: Int) -> String {
            let long = ui(.privateNotesLabel)
            return DisplayWidth.of(long + " — " + ui(.writing)) + 6 <= width ? long : ui(.privateNotesShort)
        }
        guard talk.hasPrivateNotes else {
            TalkView.drawTextBox(label: ui(.notes), text: editor.text, editor: editor, focused: true, placeholder: "",
                                 rect: area, writingLabel: ui(.writing), &grid)
            return
        }
        guard area.height >= 6 else {
            // No room for both: the one being written, with its name on it.
            let label = talk.notesArePrivate ? privateLabel(width: area.width) : ui(.notes)
            TalkView.drawTextBox(label: label, text: editor.text, editor: editor, focused: true, placeholder: "",
                                 rect: area, writingLabel: ui(.writing), &grid)
            return
        }
        let top = area.height / 2
        let shared = Rect(x: area.x, y: area.y, width: area.width, height: top)
        let mine = Rect(x: area.x, y: area.y + top, width: area.width, height: area.height - top)
        TalkView.drawTextBox(label: ui(.notes), text: talk.notesArePrivate ? session.notes : editor.text,
                             editor: talk.notesArePrivate ? nil : editor, focused: !talk.notesArePrivate, placeholder: "",
                             rect: shared, writingLabel: ui(.writing), &grid)
        // The private words show only while they are being written, never beside the shared ones.
        TalkView.drawTextBox(label: privateLabel(width: area.width), text: talk.notesArePrivate ? editor.text : "",
                             editor: talk.notesArePrivate ? editor : nil, focused: talk.notesArePrivate,
                             placeholder: ui(session.privateNotes.isEmpty ? .privateNotesPlaceholder : .privateNotesHidden),
                             rect: mine, writingLabel: ui(.writing), &grid)
    }
}
