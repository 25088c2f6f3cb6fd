import Foundation
import TillitCore

enum TalkView {
    /// What q does in a talk: back to the home screen when tillit started there, else leave.
    static func quitLabel(_ state: AppState) -> String { state.text(state.hasHome ? .keyBack : .keyQuit) }

    static func draw(_ state: AppState, in area: Rect, _ grid: inout Grid) {
        guard let talk = state.talk else { return }
        switch talk.phase {
        case .sinceLastTime: SinceLastTimeView.draw(state, talk, in: area, &grid)
        case .summary:
            if let review = talk.minutesReview {
                MinutesReviewView.draw(state, talk, review, in: area, &grid)
            } else {
                SummaryView.draw(state, talk, in: area, &grid)
            }
        case .cards:
            if talk.presenting { PresentationView.draw(state, talk, in: area, &grid) } else { drawCard(state, talk, in: area, &grid) }
        }
        if let form = talk.actionForm { ActionFormView.draw(state, form, in: area, &grid) }
        if let form = talk.cleanupForm { CleanupFormView.draw(state, form, in: area, &grid) }
        if let form = talk.cleanupDecision { CleanupDecisionView.draw(state, talk, form, in: area, &grid) }
        RoomAnswerPanel.drawQuestion(state, talk, in: area, &grid)
        if let id = talk.confirmRemove, let action = talk.action(id: id) {
            // The question stands where the key bar was: nothing else can be pressed until it is answered.
            let question = " " + state.text(.confirmRemoveAction, DisplayWidth.truncate(SafeText.line(action.text), to: max(10, area.width / 2)))
            let bar = ScreenLayout(area).keyBar
            grid.fill(Rect(x: bar.x, y: bar.y - 1, width: bar.width, height: 2))
            grid.put(question, x: bar.x, y: bar.y, style: .warning, maxWidth: bar.width)
            grid.cursor = nil
        }
    }

    /// The deck card behind the current record, for its hint and scale labels.
    static func deckCard(_ state: AppState, _ record: CardRecord) -> Card? {
        state.config.decks.first { $0.id == record.deck }?.card(id: record.card)
    }

    /// The card's header: the deck and who is talking. In a 1:1 that does not
    /// fit, names are shortened before roles (who leads matters more than a
    /// surname): first names with roles, then first names alone, then cut.
    static func headerTitle(_ talk: TalkState, _ record: CardRecord, _ ui: Localizer, width: Int) -> String {
        let start = "tillit · " + deckTitle(talk, record) + " · "
        guard talk.session.kind == .oneOnOne else { return start + talk.session.title }
        let people = talk.session.participants
        let firstNames = people.map { person -> Participant in
            var short = person
            short.name = person.name.split(separator: " ").first.map(String.init) ?? person.name
            return short
        }
        // Made only as far as needed: the first fits as a rule, and each asks the string tables again.
        let candidates: [() -> String] = [{ names(people, ui) }, { names(firstNames, ui) }, { ui.list(firstNames.map(\.name)) }]
        // Whose talk it is matters more than the deck's name: that goes first (the program's stays, it says where you are).
        let starts = [start, "tillit · "]
        return candidates.lazy.map { $0() }.flatMap { people in starts.map { $0 + people } }.first { DisplayWidth.of($0) <= width }
            ?? "tillit · " + candidates[2]()
    }

    static func deckTitle(_ talk: TalkState, _ record: CardRecord) -> String {
        talk.session.decks.first { $0.id == record.deck }?.title ?? record.deck
    }

    /// `3 / 14 · 04:12`, or the time left when the talk has a timer per card;
    /// once it has run out, `3 / 14 · ⏱ tiden er ute`, and it stays so.
    static func progress(_ state: AppState, _ talk: TalkState) -> (text: String, overTime: Bool) {
        let position = "\(talk.session.currentIndex + 1) / \(talk.session.cards.count)"
        let timer = timer(state, talk)
        let whole = " · " + wholeTalk(state, talk)
        if timer.isUp { return ("\(position) · ⏱ \(state.text(.timeIsUp))" + whole, true) }
        return ("\(position) · " + (talk.session.timerSeconds == nil ? "" : "⏱ ") + timer.text + whole, false)
    }

    /// The time of the whole talk so far, beside the card's: `i alt 12:30`.
    static func wholeTalk(_ state: AppState, _ talk: TalkState) -> String {
        state.text(.talkTimeInAll, TalkText.clock(talk.secondsInTalk(now: state.now)))
    }


    /// The time left on the card (`04:12`), or the time spent on it when the
    /// talk has no timer. A timer that has run out stops at zero: `isUp`.
    static func timer(_ state: AppState, _ talk: TalkState) -> (text: String, isUp: Bool) {
        guard let left = talk.secondsLeft(now: state.now) else { return (TalkText.clock(talk.secondsOnCard(now: state.now)), false) }
        return (TalkText.clock(max(0, left)), left <= 0)
    }

    static func drawCard(_ state: AppState, _ talk: TalkState, in area: Rect, _ grid: inout Grid) {
        guard let record = talk.card else { return }
        let ui = state.text
        let layout = ScreenLayout(area)
        let (progressText, overTime) = progress(state, talk)
        let title = headerTitle(talk, record, ui, width: area.width - DisplayWidth.of(progressText) - 4)
        Chrome.header(title, right: progressText, in: layout.header, &grid)
        // Time that is up shows in reverse, calm and plain, so it reads without colour too, and stays.
        if overTime { grid.restyle(x: area.maxX - DisplayWidth.of(progressText) - 1, y: area.y, width: DisplayWidth.of(progressText),
                                   style: Style(bold: true, reverse: true)) }

        let actions = talk.actionsOnCard
        let actionRows = actions.isEmpty ? 0 : min(2, actions.count) + (actions.count > 2 ? 1 : 0)
        // The voting room's code and address stand at the right; the card takes the rest, above its actions.
        let (cardArea, panel) = RoomPanel.split(Rect(x: area.x, y: layout.body.y, width: area.width, height: layout.body.height - 1 - actionRows), talk)
        var y = cardArea.y + 1
        let margin = area.width >= 100 ? 6 : 3
        let x = area.x + margin
        let textWidth = cardArea.width - 2 * margin
        var promptLines = TextWrap.lines(SafeText.clean(record.prompt), width: textWidth)
        if promptLines.count > 4 { promptLines = Array(promptLines.prefix(4)); promptLines[3] = DisplayWidth.truncate(promptLines[3] + " …", to: textWidth) }
        for line in promptLines { grid.put(line, x: x, y: y, style: .bold); y += 1 }
        let card = deckCard(state, record)
        if talk.hintVisible {
            let hint = card?.hint.map { SafeText.clean($0.resolve(talk.session.language)) } ?? ui(.noHint)
            for line in TextWrap.lines(hint, width: textWidth - 2).prefix(3) { grid.put(line, x: x + 2, y: y, style: .muted); y += 1 }
        }
        if record.status == .skipped || record.status == .parked {
            grid.put("[" + ui(record.status == .skipped ? .statusSkipped : .statusParked) + "]", x: x, y: y, style: .warning)
            y += 1
        }
        y += 1

        let bottom = cardArea.maxY
        let answers = Rect(x: cardArea.x + 1, y: y, width: cardArea.width - 2, height: bottom - y)
        drawAnswers(state, talk, record, card, area: answers, &grid)
        RoomPanel.draw(state, talk, in: panel, &grid)

        var actionY = bottom
        // Two rows of actions; Tab reaches them, and the rows follow the focused one.
        var focusedAction: Int?
        if case .action(let id)? = talk.focusedField, talk.editor == nil { focusedAction = actions.firstIndex { $0.id == id } }
        let firstShown = min(max(0, (focusedAction ?? 0) - 1), max(0, actions.count - 2))
        for (index, action) in actions.enumerated().dropFirst(firstShown).prefix(2) {
            let label = index == firstShown ? ui(.actionsLabel) : ""
            grid.put(DisplayWidth.pad(label, to: 9), x: area.x + 1, y: actionY, style: .bold)
            let focused = index == focusedAction
            // The focus mark stands in the gap before the list, so the lines do not shift.
            if focused { grid.put("›", x: area.x + 10, y: actionY, style: Style(bold: true, reverse: true)) }
            let line = actionRow(action, ui, now: state.now)
            grid.put(line, x: area.x + 11, y: actionY,
                     style: focused ? Style(bold: true, reverse: true) : (action.done ? .muted : .plain), maxWidth: area.width - 12)
            actionY += 1
        }
        if actions.count > 2 { grid.put(ui(.moreActions, actions.count - 2), x: area.x + 11, y: actionY, style: .muted) }

        Chrome.keyBar(TalkScreen.keyBar(state, talk), in: layout.keyBar, &grid, help: talk.editor == nil ? ui(.keyHelp) : nil)
    }

    /// An action as a list row: `✓` when done, else `•`, then its line; one
    /// kept from an earlier talk says so.
    static func actionRow(_ action: Action, _ t: Localizer, now: Date) -> String {
        (action.done ? "✓ " : "• ") + TalkText.actionLine(action, t, now: now, markDone: false)
            + (action.carriedFrom == nil ? "" : " (" + t(.actionCarriedMark) + ")")
    }

    // MARK: Answers

    private static func drawAnswers(_ state: AppState, _ talk: TalkState, _ record: CardRecord, _ card: Card?,
                                    area: Rect, _ grid: inout Grid) {
        let ui = state.text
        var y = area.y
        let fields = talk.fields
        let focused = talk.focusedField
        let scale = card?.answer.scale

        if record.isRating, let range = record.scaleRange {
            if let scale {
                let low = SafeText.line(scale.low.resolve(talk.session.language))
                let high = SafeText.line(scale.high.resolve(talk.session.language))
                if !low.isEmpty || !high.isEmpty {
                    for line in scaleLegend(range, low: low, high: high, width: area.width - 4).prefix(4) {
                        grid.put(line, x: area.x + 2, y: y, style: .muted); y += 1
                    }
                }
            }
            for field in fields {
                switch field {
                case .rating(let participant):
                    let name = talk.session.participant(id: participant)?.name ?? participant
                    drawRatingRow(name: name, rating: talk.session.ratingDisclosure(of: participant, on: record), range: range,
                                  focused: field == focused && talk.editor == nil, x: area.x + 2, y: y, maxX: area.maxX + 1, &grid,
                                  note: record.response(of: participant)?.keptOut == true ? ui(.keptOutMark) : nil)
                    y += 1
                case .votes:
                    y = drawVotes(talk.session, record, range: range, focused: field == focused,
                                  ui: ui, in: Rect(x: area.x + 2, y: y, width: area.width - 4, height: area.maxY - y), &grid)
                case .text, .action:
                    break
                }
            }
            if talk.session.kind == .team, fields.contains(where: { if case .rating = $0 { return true } else { return false } }) {
                grid.put(voteSummary(talk.session, record, ui), x: area.x + 2, y: y, style: .muted, maxWidth: area.width - 4)
                y += 1
            } else if talk.session.kind == .oneOnOne, let note = TalkText.ratingsNote(talk.session, record, ui) {
                // While the ratings wait, who has rated and no number; then how far apart they are.
                // Wrapped, not cut, where the room's panel leaves the card a narrow column.
                for line in TextWrap.lines(note, width: max(1, area.width - 4)).prefix(2) {
                    grid.put(line, x: area.x + 2, y: y, style: .muted, maxWidth: area.width - 4)
                    y += 1
                }
            }
            y += 1
        }

        let writers = fields.compactMap { field -> String? in
            if case .text(let participant) = field { return participant } else { return nil }
        }
        guard !writers.isEmpty, y < area.maxY - 2 else { return }
        let sideBySide = writers.count == 2 && area.width >= 88
        // Fields grow with the window, but not into a wall of empty lines.
        let tallest = sideBySide ? 16 : 10 * writers.count
        let boxArea = Rect(x: area.x, y: y, width: area.width, height: min(area.maxY - y, tallest))
        for (index, participantID) in writers.enumerated() {
            let rect: Rect
            if sideBySide {
                let half = (boxArea.width - 1) / 2
                rect = Rect(x: boxArea.x + index * (half + 1), y: boxArea.y, width: index == 0 ? half : boxArea.width - half - 1, height: boxArea.height)
            } else {
                let each = boxArea.height / writers.count
                rect = Rect(x: boxArea.x, y: boxArea.y + index * each, width: boxArea.width,
                            height: index == writers.count - 1 ? boxArea.height - index * each : each)
            }
            let field = TalkState.Field.text(participant: participantID)
            let participant = talk.session.participant(id: participantID)
            var label: String
            if talk.session.kind == .team { label = ui(.teamNotesLabel) }
            else if let participant, participant.nameIsRole(ui) { label = participant.name }
            else { label = "\(participant?.name ?? participantID) · \(ui.role(participant?.role ?? .member))" }
            // Kept out of the minutes (`u`): said on the field's border, for the two of them to see.
            if record.response(of: participantID)?.keptOut == true { label += " · " + ui(.keptOutMark) }
            let isFocused = field == focused
            let editing = isFocused ? talk.editor : nil
            let text = editing?.text ?? record.response(of: participantID)?.text ?? ""
            drawTextBox(label: label, text: text, editor: editing, focused: isFocused, placeholder: isFocused ? ui(.pressEnterToWrite) : "",
                        rect: rect, writingLabel: ui(.writing), &grid)
        }
    }

    /// `1 = low · 5 = high` on one line when it fits, else one end of the
    /// scale per line (wrapped under its label), so `5 =` stays with its words.
    static func scaleLegend(_ range: ClosedRange<Int>, low: String, high: String, width: Int) -> [String] {
        let oneLine = "\(range.lowerBound) = \(low) · \(range.upperBound) = \(high)"
        if DisplayWidth.of(oneLine) <= width { return [oneLine] }
        return [(range.lowerBound, low), (range.upperBound, high)].flatMap { value, label -> [String] in
            let head = "\(value) = "
            let indent = DisplayWidth.of(head)
            let lines = TextWrap.lines(label, width: max(1, width - indent))
            return lines.enumerated().map { ($0.offset == 0 ? head : String(repeating: " ", count: indent)) + $0.element }
        }
    }

    /// A person's rating row: their value marked, or while it waits to be
    /// shown together (`RatingDisclosure.hidden`) only `✓`, the same whatever the value.
    static func drawRatingRow(name: String, rating: RatingDisclosure, range: ClosedRange<Int>, focused: Bool, x: Int, y: Int,
                              maxX: Int, _ grid: inout Grid, note: String? = nil) {
        var column = x
        column += grid.put(DisplayWidth.pad(name, to: 14), x: column, y: y, style: focused ? Style(bold: true, reverse: true) : .bold)
        column += 2
        for option in range {
            let chosen = option == rating.value
            let label = chosen ? "[\(option)]" : " \(option) "
            column += grid.put(label, x: column, y: y, style: chosen ? Style(color: .accent, bold: true, reverse: true) : .plain)
            column += 1
        }
        switch rating {
        case .notRated: grid.put("–", x: column + 1, y: y, style: .muted)
        case .hidden: grid.put("✓", x: column + 1, y: y, style: .bold)
        case .shown: break
        }
        if let note { grid.put("· " + note, x: column + 3, y: y, style: .muted, maxWidth: max(0, maxX - column - 4)) }
    }

    /// The team's votes as the rule allows (`VotePrivacy`): anonymous ones as
    /// a count until the facilitator reveals them, then, as named ones always,
    /// a bar per value with its count, and the mean.
    static func drawVotes(_ session: Session, _ record: CardRecord, range: ClosedRange<Int>, focused: Bool, ui: Localizer,
                          in rect: Rect, _ grid: inout Grid) -> Int {
        var y = rect.y
        var heading = session.anonymous ? ui(.votesAnonymous) : ui(.votes)
        heading += " · " + ui(.votesHowTo, RatingKeys.label(for: range))
        // Wrapped, never cut: how to vote and how to take a vote back are both needed.
        for line in TextWrap.lines(heading, width: rect.width) where y < rect.maxY {
            grid.put(line, x: rect.x, y: y, style: focused ? Style(bold: true, reverse: true) : .bold, maxWidth: rect.width)
            y += 1
        }
        let disclosure = session.voteDisclosure(of: record)
        if let tally = disclosure.tally, range.count <= rect.height - 2 {
            let maxCount = max(1, tally.counts.values.max() ?? 1)
            let barWidth = max(4, min(40, rect.width - 12))
            for value in range {
                let count = tally.counts[value] ?? 0
                let bar = String(repeating: "█", count: count * barWidth / maxCount)
                grid.put(String(format: "%2d ", value), x: rect.x, y: y, style: .bold)
                grid.put(bar, x: rect.x + 3, y: y, style: Style(color: .accent))
                grid.put(" \(count)", x: rect.x + 3 + DisplayWidth.of(bar), y: y, style: count > 0 ? .plain : .muted)
                y += 1
            }
        }
        grid.put(voteSummary(session, record, ui), x: rect.x, y: y, style: .muted, maxWidth: rect.width)
        return y + 1
    }

    /// `4 stemmer · snitt 3,8`, or the count with why no more shows
    /// (`3 stemmer · r viser resultatet`, `2 stemmer · vises fra 3 stemmer`).
    static func voteSummary(_ session: Session, _ record: CardRecord, _ ui: Localizer) -> String {
        TalkText.voteLine(session, record, ui, revealHint: .votesRevealShort)
    }

    /// A bordered text field; while writing, the cursor is placed and kept in view.
    static func drawTextBox(label: String, text: String, editor: TextEditor?, focused: Bool, placeholder: String,
                            rect: Rect, writingLabel: String, _ grid: inout Grid) {
        guard rect.height >= 3, rect.width >= 6 else { return }
        let borderStyle = focused ? Style(color: .accent, bold: true) : .muted
        let title = editor != nil ? "\(label) — \(writingLabel)" : label
        grid.box(rect, title: title, style: borderStyle, titleStyle: focused ? Style(bold: true, reverse: true) : .bold)
        let inner = rect.inset(2, 1)
        let wrapped = WrappedText(SafeText.clean(text), width: inner.width)
        var first = 0
        if let editor {
            var position = wrapped.position(of: editor.cursor)
            if position.column >= inner.width { position = (position.line + 1, 0) }
            first = max(0, position.line - inner.height + 1)
            let cursorY = inner.y + position.line - first
            if cursorY < inner.maxY { grid.cursor = (inner.x + position.column, cursorY) }
        } else if text.isEmpty {
            grid.put(placeholder, x: inner.x, y: inner.y, style: .muted, maxWidth: inner.width)
            return
        }
        for (row, line) in wrapped.lines.dropFirst(first).prefix(inner.height).enumerated() {
            grid.put(line.text, x: inner.x, y: inner.y + row, maxWidth: inner.width)
        }
        if editor == nil && wrapped.lines.count > inner.height {
            grid.put("…", x: rect.maxX - 3, y: rect.maxY - 1, style: borderStyle)
        }
    }
}
