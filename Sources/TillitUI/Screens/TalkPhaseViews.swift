import Foundation
import TillitCore

enum PresentationView {
    /// For a shared screen across a room: the prompt alone, large and centred,
    /// with progress and timer; no answer fields and no private notes.
    static func draw(_ state: AppState, _ talk: TalkState, _ grid: inout Grid) {
        guard let record = talk.card else { return }
        let ui = state.text
        let language = talk.session.language
        // With a voting room open, its code stands at the right and the card is centred in the rest.
        let roomWidth = RoomPanel.width(talk, grid)
        let full = Rect(x: 0, y: 0, width: grid.width - roomWidth, height: grid.height)
        grid.centered(TalkView.deckTitle(talk, record), y: 1, in: full, style: .muted)
        let width = max(20, full.width * 3 / 5)
        let lines = TextWrap.lines(SafeText.clean(record.prompt), width: width)
        let card = TalkView.deckCard(state, record)
        var hint: [String] = []
        if talk.hintVisible {
            hint = TextWrap.lines(card?.hint.map { SafeText.clean($0.resolve(language)) } ?? ui(.noHint), width: width)
        }
        var legend: [String] = []
        if let range = record.scaleRange, let scale = card?.answer.scale {
            // The scale's ends get more room than the prompt, and every word of them is shown.
            legend = TalkView.scaleLegend(range, low: SafeText.line(scale.low.resolve(language)),
                                          high: SafeText.line(scale.high.resolve(language)),
                                          width: max(width, min(full.width - 8, 80)))
        }
        // Team votes given here show as a count (and no spread when the talk is anonymous).
        let votes = talk.showsVotesWhenPresenting && record.isRating
        // Rows 3 … height-4 are free between the deck title and the progress line.
        let room = grid.height - 6
        func height(spacing: Int) -> Int {
            lines.count * spacing - (spacing - 1) + (hint.isEmpty ? 0 : hint.count + 1)
                + (legend.isEmpty ? 0 : legend.count + 1) + (votes ? 2 : 0)
        }
        // Double spacing when there is room makes the prompt read larger from afar.
        let spacing = height(spacing: 2) + 2 <= room ? 2 : 1
        var y = 3 + max(0, (room - height(spacing: spacing)) / 2)
        for line in lines { grid.centered(line, y: y, in: full, style: Style(color: .title, bold: true)); y += spacing }
        y += 1 - spacing
        if !hint.isEmpty {
            y += 1
            for line in hint { grid.centered(line, y: y, in: full, style: .muted); y += 1 }
        }
        if !legend.isEmpty {
            y += 1
            // One block, centred as a whole, so the lines of each end stay aligned under their `1 =`.
            let blockWidth = legend.map(DisplayWidth.of).max() ?? 0
            for line in legend { grid.put(line, x: max(0, (full.width - blockWidth) / 2), y: y, style: .muted); y += 1 }
        }
        if votes, let range = record.scaleRange {
            y += 1
            let barWidth = min(50, width)
            if !talk.session.anonymous, record.ratingCount > 0, y + range.count + 2 <= grid.height - 4 {
                _ = TalkView.drawVotes(record, range: range, anonymous: false, focused: false, ui: ui,
                                       in: Rect(x: (full.width - barWidth) / 2, y: y, width: barWidth, height: range.count + 2), &grid,
                                       showKeys: false)
            } else {
                grid.centered(TalkView.voteSummary(record, ui), y: y, in: full, style: .bold)
            }
        }
        RoomPanel.draw(state, talk, &grid, top: 2, bottom: grid.height - 4)
        let (progress, overTime) = TalkView.progress(state, talk)
        grid.centered(progress + (overTime ? "  " + ui(.timeIsUp) : ""), y: grid.height - 3, in: full, style: overTime ? .warning : .bold)
        Chrome.keyBar(TalkScreen.keyBar(state, talk), &grid, help: ui(.keyHelp))
    }
}

enum SinceLastTimeView {
    static func draw(_ state: AppState, _ talk: TalkState, _ grid: inout Grid) {
        let ui = state.text
        Chrome.header("tillit · " + ui(.sinceLastTime) + " · " + talk.session.title, &grid)
        grid.put(ui(.sinceLastTimeIntro), x: 3, y: 3, style: .bold, maxWidth: grid.width - 6)
        let items = talk.session.carriedOver
        let rows = items.map { item -> String in
            let status: String
            switch item.outcome {
            case .pending: status = ui(.outcomePending)
            case .done: status = ui(.outcomeDone)
            case .kept: status = ui(.outcomeKept)
            case .dropped: status = ui(.outcomeDropped)
            }
            let statusWidth = 12
            let line = TalkView.actionLine(item.action, ui, now: state.now)
            return DisplayWidth.pad(line, to: grid.width - 10 - statusWidth) + "  " + status
        }
        let styles = items.map { $0.outcome == .pending ? Style.plain : Style.muted }
        Chrome.list(rows, selected: talk.listSelection, in: Rect(x: 3, y: 5, width: grid.width - 6, height: grid.height - 8), &grid, styles: styles)
        Chrome.keyBar(TalkScreen.keyBar(state, talk), &grid, help: ui(.keyHelp))
    }
}

enum SummaryView {
    static func draw(_ state: AppState, _ talk: TalkState, _ grid: inout Grid) {
        let ui = state.text
        let session = talk.session
        Chrome.header("tillit · " + ui(.summary) + " · " + session.title, right: session.isFinished ? ui(.finished) : "", &grid)
        var y = 3
        let x = 3
        let width = grid.width - 6
        let counts = Dictionary(grouping: session.cards, by: \.status).mapValues(\.count)
        let total = Int(session.cards.reduce(0) { $0 + $1.secondsSpent })
        grid.put(ui(.summaryCounts, counts[.answered] ?? 0, counts[.skipped] ?? 0, counts[.parked] ?? 0, counts[.open] ?? 0, clock(total)),
                 x: x, y: y, style: .bold, maxWidth: width)
        y += 2
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
        let room = max(1, grid.height - y - 8)
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
        if !carried.isEmpty, y < grid.height - 6 {
            grid.put(ui(.carriedSummary, carried.filter { $0.outcome == .done }.count, carried.filter { $0.outcome == .kept }.count,
                        carried.filter { $0.outcome == .dropped }.count), x: x, y: y, style: .muted, maxWidth: width)
            y += 1
        }
        y += 1
        if let editor = talk.notesEditor {
            drawNotesEditor(state, talk, editor, in: Rect(x: x, y: y, width: width, height: max(3, grid.height - y - 2)), &grid)
            var keys = [("Esc", ui(.keyStopWriting)), ("Enter", ui(.keyNewLine))]
            if talk.hasPrivateNotes { keys.append(("Tab", talk.notesArePrivate ? ui(.notes).lowercased() : ui(.keyPrivateNotes))) }
            // While writing, ? types a question mark: no help key to offer.
            Chrome.keyBar(keys, &grid, help: nil)
            return
        }
        if !session.notes.isEmpty, y < grid.height - 5 {
            grid.put(ui(.notes) + ": " + SafeText.line(session.notes), x: x, y: y, maxWidth: width); y += 1
        }
        // Only that they are there: the words stay out of sight until the leader opens them.
        if talk.hasPrivateNotes, !session.privateNotes.isEmpty, y < grid.height - 5 {
            grid.put(ui(.privateNotesKept), x: x, y: y, style: .muted, maxWidth: width); y += 1
        }
        let closing = TextWrap.lines(session.isFinished ? ui(.finishedHint) : ui(.notFinishedHint), width: width).prefix(2)
        let savedY = grid.height - 3 - closing.count
        grid.put(DisplayWidth.truncate(ui(.savedIn, talk.path), to: width), x: x, y: savedY, style: .muted)
        for (index, line) in closing.enumerated() { grid.put(line, x: x, y: savedY + 1 + index) }
        Chrome.keyBar(TalkScreen.keyBar(state, talk), &grid, help: ui(.keyHelp))
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

enum ActionFormView {
    static func draw(_ state: AppState, _ form: TalkState.ActionForm, _ grid: inout Grid) {
        let ui = state.text
        let width = min(70, grid.width - 4)
        let rect = Rect(x: (grid.width - width) / 2, y: max(2, (grid.height - 10) / 2), width: width, height: 10)
        grid.fill(rect)
        // The form's own footer lists its keys; the screen's key bar below would offer keys that are letters here.
        grid.fill(Rect(x: 0, y: grid.height - 1, width: grid.width, height: 1))
        grid.box(rect, title: form.isNew ? ui(.newAction) : ui(.editAction), style: Style(color: .accent, bold: true))
        let labels = [ui(.actionWhat), ui(.actionWho), ui(.actionDue)]
        let editors = [form.text, form.owner, form.due]
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 6
        for (index, label) in labels.enumerated() {
            let y = rect.y + 2 + index * 2
            let focused = form.focus.rawValue == index
            grid.put(DisplayWidth.pad(label, to: labelWidth), x: rect.x + 2, y: y, style: focused ? Style(bold: true, reverse: true) : .bold)
            let fieldX = rect.x + 4 + labelWidth
            let fieldWidth = rect.maxX - 2 - fieldX
            let editor = editors[index]
            // Single-line fields scroll sideways to keep the cursor in view.
            let before = String(editor.characters.prefix(editor.cursor))
            var visible = editor.text
            var cursorColumn = DisplayWidth.of(before)
            if cursorColumn >= fieldWidth {
                let skip = cursorColumn - fieldWidth + 1
                var dropped = 0, count = 0
                for character in editor.text where dropped < skip { dropped += DisplayWidth.of(character); count += 1 }
                visible = String(editor.text.dropFirst(count))
                cursorColumn -= dropped
            }
            grid.fill(Rect(x: fieldX, y: y, width: fieldWidth, height: 1), style: Style(underline: true))
            grid.put(visible, x: fieldX, y: y, style: Style(underline: true), maxWidth: fieldWidth)
            if index == 2 && editor.text.isEmpty && !focused { grid.put(ui(.dueExample), x: fieldX, y: y, style: .muted, maxWidth: fieldWidth) }
            if focused { grid.cursor = (fieldX + cursorColumn, y) }
        }
        let footer = form.error ?? ui(.actionFormKeys)
        grid.put(footer, x: rect.x + 2, y: rect.maxY - 2, style: form.error == nil ? .muted : .warning, maxWidth: rect.width - 4)
    }
}
