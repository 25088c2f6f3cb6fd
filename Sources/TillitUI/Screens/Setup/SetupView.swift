import Foundation
import TillitCore

enum SetupView {
    static func draw(_ state: AppState, in area: Rect, _ grid: inout Grid) {
        let ui = state.text
        let setup = state.setup
        let layout = ScreenLayout(area)
        let body = layout.body
        Chrome.header("tillit · " + (setup.kind == .oneOnOne ? ui(.homeNewOneOnOne) : ui(.homeNewTeam)), in: layout.header, &grid)
        let labelWidth = 22
        let x = body.x + 3
        let fieldX = x + labelWidth
        let fieldWidth = min(60, body.maxX - fieldX - 3)
        var rows: [(SetupState.Field, String, String)] = []
        for field in setup.fields {
            switch field {
            case .kind:
                rows.append((field, ui(.setupKind), "‹ " + (setup.kind == .oneOnOne ? ui(.kindOneOnOne) : ui(.kindTeam)) + " ›"))
            case .leader: rows.append((field, ui(.roleLeader), setup.leader.text))
            case .employee: rows.append((field, ui(.roleEmployee), setup.employee.text))
            case .facilitator: rows.append((field, ui(.roleFacilitator), setup.facilitator.text))
            case .members: rows.append((field, ui(.setupMembers), setup.members.text))
            case .title: rows.append((field, setup.kind == .team ? ui(.setupTeamName) : ui(.setupTitle), setup.title.text))
            case .deck(let id):
                let deck = state.config.decks.first { $0.id == id }
                let mark = setup.selectedDecks.contains(id) ? "[x] " : "[ ] "
                let title = deck.map { SafeText.line($0.title.resolve(state.config.language)) } ?? id
                let label = id == setup.deckIDs.first ? ui(.setupDecks) : ""
                rows.append((field, label, mark + title + " (\(deck?.cards.count ?? 0))"))
            case .shuffle: rows.append((field, ui(.setupShuffle), setup.shuffle ? "[x] " + ui(.yes) : "[ ] " + ui(.no)))
            case .timer:
                rows.append((field, ui(.setupTimer), "‹ " + (setup.timerMinutes == 0 ? ui(.timerOff) : ui(.minutes, setup.timerMinutes)) + " ›"))
            case .anonymous: rows.append((field, ui(.setupAnonymous), setup.anonymous ? "[x] " + ui(.yes) : "[ ] " + ui(.no)))
            case .votesFromPhones:
                rows.append((field, ui(.setupVotesFromPhones), setup.votesFromPhones ? "[x] " + ui(.yes) : "[ ] " + ui(.no)))
            case .people:
                rows.append((field, ui(.setupPeople), "‹ " + (setup.people == 0 ? ui(.setupPeopleNotGiven) : String(setup.people)) + " ›"))
            case .ratingsTogether:
                // "Ratings  [x] shown when both have rated": the rule in the words the card uses.
                rows.append((field, ui(.setupRatingsTogether), (setup.ratingsTogether ? "[x] " : "[ ] ") + ui(.ratingsShownTogether)))
            case .privateNotesExpiry:
                let days = setup.privateNotesDays ?? state.config.privateNotesDays
                rows.append((field, ui(.setupPrivateNotes), "‹ " + (days == 0 ? ui(.setupPrivateNotesKept) : ui(.setupPrivateNotesDays, days)) + " ›"))
            case .prepare: rows.append((field, "", "[ " + ui(.setupPrepare) + " ]"))
            case .start: rows.append((field, "", "[ " + ui(.startTalk) + " ]"))
            }
        }
        // In a team the title is the team's name, which links its meetings; in a 1:1 it is a
        // word of what the talk is about. A muted line under it says which.
        let teamNameHint = Array(TextWrap.lines(ui(setup.kind == .team ? .setupTeamNameHint : .setupTitleHint),
                                                width: max(10, body.maxX - fieldX - 2)).prefix(2))
        let available = body.height - 3 - teamNameHint.count
        let focusIndex = rows.firstIndex { $0.0 == setup.focus } ?? 0
        let first = max(0, focusIndex - available + 1)
        var y = body.y + 1
        let suggestion = SetupScreen.suggestion(state)
        for (field, label, value) in rows.dropFirst(first).prefix(available) {
            let focused = field == setup.focus
            grid.put(label, x: x, y: y, style: .bold, maxWidth: labelWidth - 1)
            if let editor = setup.editor(for: field) {
                grid.fill(Rect(x: fieldX, y: y, width: fieldWidth, height: 1), style: Style(reverse: focused, underline: !focused))
                let shown = DisplayWidth.of(editor.text) >= fieldWidth
                    ? String(editor.text.suffix(fieldWidth - 1)) : editor.text
                grid.put(shown, x: fieldX, y: y, style: Style(reverse: focused, underline: !focused), maxWidth: fieldWidth)
                if editor.text.isEmpty, !focused, field == .members {
                    grid.put(ui(.membersExample), x: fieldX, y: y, style: Style(underline: true, dim: true), maxWidth: fieldWidth)
                }
                if focused {
                    let before = String(editor.characters.prefix(editor.cursor))
                    grid.cursor = (fieldX + min(fieldWidth - 1, DisplayWidth.of(before)), y)
                    // The rest of an earlier name, faint after what is typed, as a shell completes.
                    if case .completion(let name)? = suggestion, editor.cursor == editor.characters.count, shown == editor.text {
                        let rest = String(name.dropFirst(editor.text.count))
                        grid.put(rest, x: fieldX + DisplayWidth.of(shown), y: y, style: Style(reverse: true, dim: true),
                                 maxWidth: max(0, fieldWidth - DisplayWidth.of(shown)))
                    }
                }
            } else {
                grid.put(value, x: fieldX, y: y, style: focused ? Style(bold: true, reverse: true) : .plain, maxWidth: body.maxX - fieldX - 2)
            }
            y += 1
            if field == .title {
                for line in teamNameHint { grid.put(line, x: fieldX, y: y, style: .muted); y += 1 }
            }
        }
        if let error = setup.error {
            grid.put(error, x: x, y: body.maxY - 2, style: .warning, maxWidth: body.width - 6)
        } else if let suggestion {
            let line: String
            switch suggestion {
            case .completion(let name): line = ui(.setupCompletion, SafeText.line(name))
            case .didYouMean(let name): line = ui(.setupDidYouMean, SafeText.line(name))
            }
            grid.put(line, x: x, y: body.maxY - 2, style: .muted, maxWidth: body.width - 6)
        }
        Chrome.keyBar(ScreenKeys.bar(state), in: layout.keyBar, &grid, help: setup.editor(for: setup.focus) == nil ? ui(.keyHelp) : nil)
    }
}
