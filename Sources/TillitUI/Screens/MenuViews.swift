import Foundation
import TillitCore

enum HomeView {
    static func draw(_ state: AppState, _ grid: inout Grid) {
        let ui = state.text
        let full = Rect(x: 0, y: 0, width: grid.width, height: grid.height)
        let items = HomeScreen.items(state)
        // Two rows a line where they fit, one where they do not (many rows in a small window).
        let step = items.count * 2 + 8 <= grid.height ? 2 : 1
        let top = max(1, (grid.height - items.count * step - 8) / 2)
        grid.centered("tillit", y: top, in: full, style: Style(color: .title, bold: true))
        grid.centered(ui(.tagline), y: top + 1, in: full, style: .muted)
        let labels: [(String, String)] = items.map { item in
            let label: String
            switch item {
            case .newOneOnOne: label = ui(.homeNewOneOnOne)
            case .newTeam: label = ui(.homeNewTeam)
            case .continueTalk: label = state.latestUnfinished.map { continueLabel($0, state) } ?? ""
            case .reviewOld: label = reviewOldLabel(state)
            case .history: label = ui(.homeHistory)
            case .cleanup: label = ui(.homeCleanup)
            case .decks: label = ui(.homeDecks)
            case .language: label = ui(.homeLanguage, state.config.language.ownName)
            case .quit: label = ui(.homeQuit)
            }
            return (String(HomeKeys.letter(for: item)), label)
        }
        let width = min(grid.width - 4, max(44, labels.map { DisplayWidth.of($0.1) + 10 }.max() ?? 44))
        let x = (grid.width - width) / 2
        var y = top + 4
        for (index, (key, label)) in labels.enumerated() {
            let selected = index == min(state.homeSelection, items.count - 1)
            let line = DisplayWidth.pad((selected ? " › " : "   ") + label, to: width - 4) + key + "  "
            grid.put(line, x: x, y: y, style: selected ? Style(bold: true, reverse: true) : .plain)
            y += step
        }
        if !state.sessions.problems.isEmpty {
            grid.centered(ui.count(state.sessions.problems.count, one: .unreadableFilesOne, many: .unreadableFiles), y: y, in: full, style: .warning)
        }
        grid.centered(ui(.dataFolder, state.config.dataFolder), y: grid.height - 3, in: full, style: .muted)
        Chrome.keyBar(ScreenKeys.bar(state), &grid, help: ui(.keyHelp))
    }
}

extension HomeView {
    /// `Continue: Self-leadership · Kari and Ola · card 4 of 14`; a team meeting
    /// names its decks and the team: `Continue: Psychological safety · Solsiden · card 2 of 14`.
    /// "Review 3 talks kept longer than 24 months".
    static func reviewOldLabel(_ state: AppState) -> String {
        let ui = state.text
        let months = ui.count(state.config.retention.months, one: .retentionOneMonth, many: .retentionMonths)
        return ui(.homeReviewOld, state.oldTalks.count, months)
    }

    static func continueLabel(_ item: TalkListItem, _ state: AppState) -> String {
        let ui = state.text
        let title = SafeText.line(item.title)
        var parts: [String]
        switch item.kind {
        case .oneOnOne:
            parts = [title, ui.list(item.people.map { SafeText.line($0.name) })]
        case .team:
            let decks = item.deckIDs.compactMap { id in state.config.decks.first { $0.id == id } }
                .map { SafeText.line($0.title.resolve(state.config.language)) }.joined(separator: " + ")
            parts = decks.isEmpty || decks == title ? [title] : [decks, title]
        }
        let card = min(item.currentIndex + 1, max(1, item.cardCount))
        parts.append(ui(.homeCardOf, card, item.cardCount))
        return ui(.homeContinue, parts.filter { !$0.isEmpty }.joined(separator: " · "))
    }
}

enum SetupView {
    static func draw(_ state: AppState, _ grid: inout Grid) {
        let ui = state.text
        let setup = state.setup
        Chrome.header("tillit · " + (setup.kind == .oneOnOne ? ui(.homeNewOneOnOne) : ui(.homeNewTeam)), &grid)
        let labelWidth = 22
        let x = 3
        let fieldX = x + labelWidth
        let fieldWidth = min(60, grid.width - fieldX - 3)
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
                                                width: max(10, grid.width - fieldX - 2)).prefix(2))
        let available = grid.height - 6 - teamNameHint.count
        let focusIndex = rows.firstIndex { $0.0 == setup.focus } ?? 0
        let first = max(0, focusIndex - available + 1)
        var y = 3
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
                grid.put(value, x: fieldX, y: y, style: focused ? Style(bold: true, reverse: true) : .plain, maxWidth: grid.width - fieldX - 2)
            }
            y += 1
            if field == .title {
                for line in teamNameHint { grid.put(line, x: fieldX, y: y, style: .muted); y += 1 }
            }
        }
        if let error = setup.error {
            grid.put(error, x: x, y: grid.height - 3, style: .warning, maxWidth: grid.width - 6)
        } else if let suggestion {
            let line: String
            switch suggestion {
            case .completion(let name): line = ui(.setupCompletion, SafeText.line(name))
            case .didYouMean(let name): line = ui(.setupDidYouMean, SafeText.line(name))
            }
            grid.put(line, x: x, y: grid.height - 3, style: .muted, maxWidth: grid.width - 6)
        }
        Chrome.keyBar(ScreenKeys.bar(state), &grid, help: setup.editor(for: setup.focus) == nil ? ui(.keyHelp) : nil)
    }
}

enum HistoryView {
    static func draw(_ state: AppState, _ grid: inout Grid) {
        let ui = state.text
        let items = state.historyItems
        let title = HistoryPeople.title(state, state.historyShowsOnlyOld ? HomeView.reviewOldLabel(state) : ui(.homeHistory))
        Chrome.header("tillit · " + title, right: ui.count(items.count, one: .talkCountOne, many: .talkCount), &grid)
        if items.isEmpty {
            grid.put(ui(.noTalksYet), x: 3, y: 3, style: .muted)
        }
        let dateWidth = 18
        let progressWidth = 7
        let statusWidth = 10
        let rest = grid.width - 8 - dateWidth - progressWidth - statusWidth - 6
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
        let problemLines = unreadableLines(state, width: grid.width - 4, room: max(2, (grid.height - 10) / 2))
        let listHeight = grid.height - 6 - problemLines.count
        Chrome.list(rows, selected: items.isEmpty ? nil : state.historySelection, in: Rect(x: 2, y: 3, width: grid.width - 4, height: listHeight), &grid, styles: styles)
        for (index, line) in problemLines.enumerated() {
            grid.put(line, x: 2, y: grid.height - 2 - problemLines.count + index, style: .warning)
        }
        let question = state.confirmDelete.map { ui(.confirmDelete, $0) }
            ?? (state.confirmDeleteAll ? ui(.confirmDeleteAllOld, items.count) : nil)
        if let question {
            grid.fill(Rect(x: 0, y: grid.height - 2, width: grid.width, height: 1))
            grid.put(" " + question, x: 0, y: grid.height - 2, style: .warning, maxWidth: grid.width)
        }
        Chrome.keyBar(ScreenKeys.bar(state), &grid, help: ui(.keyHelp))
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

enum TranscriptView {
    /// A finished or earlier talk, read-only, as one scrolling page.
    static func draw(_ state: AppState, _ grid: inout Grid) {
        guard let talk = state.talk else { return }
        let ui = state.text
        let session = talk.session
        Chrome.header("tillit · " + session.title + " · " + ui.date(session.createdAt, timeZone: state.config.timeZone), right: ui(.readOnly), &grid)
        let width = grid.width - 6
        var lines: [(String, Style)] = [(names(session.participants, ui), .muted), ("", .plain)]
        for (index, card) in session.cards.enumerated() {
            let word = TalkText.status(card.status, ui)
            let status = word.isEmpty ? "" : " · " + word
            for (n, line) in TextWrap.lines("\(index + 1). " + SafeText.clean(card.prompt) + status, width: width).enumerated() {
                lines.append((n == 0 ? line : "   " + line, .bold))
            }
            if session.kind == .team, card.isRating, card.ratingCount > 0 {
                let count = TalkText.voteCount(card.ratingCount, ui)
                if let tally = VotePrivacy.teamResult(counts: card.ratingCounts, minimum: session.voteMinimum, notTyped: card.votesNotTyped) {
                    let counts = tally.counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "  ")
                    lines.append(("   " + count + " — " + counts, .plain))
                } else {
                    // As in the referat: fewer votes than the minimum show as a count only.
                    lines.append(("   " + count + " · " + ui(.votesFromMinimumShort, session.voteMinimum.votes), .plain))
                }
            }
            for response in card.responses {
                let who = session.participant(id: response.participant)?.name ?? response.participant
                var head = "   " + who
                switch session.ratingDisclosure(of: response.participant, on: card) {
                case .shown(let rating): head += " (\(rating))"
                case .hidden: head += " (✓)"
                case .notRated: break
                }
                guard !response.text.isEmpty else { lines.append((head, .plain)); continue }
                // The first line has the room beside the name; the rest hang under the answer's start,
                // or under the name when the name takes most of the line.
                let label = head + ": "
                let labelWidth = DisplayWidth.of(label)
                let indent = labelWidth <= width / 3 ? labelWidth : 6
                let body = labelWidth <= width - 20
                    ? TextWrap.lines(SafeText.clean(response.text), width: width - indent, firstLineWidth: width - labelWidth)
                    : [""] + TextWrap.lines(SafeText.clean(response.text), width: width - indent)
                lines.append((label + body[0], .plain))
                for line in body.dropFirst() { lines.append((String(repeating: " ", count: indent) + line, .plain)) }
            }
            lines.append(("", .plain))
        }
        lines.append((ui(.actionsHeading), .bold))
        for action in session.actions { lines.append(("  • " + TalkText.actionLine(action, ui, now: state.now), .plain)) }
        if !session.notes.isEmpty {
            lines.append(("", .plain))
            lines.append((ui(.notes), .bold))
            for line in TextWrap.lines(SafeText.clean(session.notes), width: width) { lines.append(("  " + line, .plain)) }
        }
        _ = Chrome.scrolled(lines, offset: state.scroll, in: Rect(x: 3, y: 3, width: width, height: grid.height - 5), &grid)
        Chrome.keyBar(ScreenKeys.bar(state), &grid, help: ui(.keyHelp))
    }
}

enum DecksView {
    static func draw(_ state: AppState, _ grid: inout Grid) {
        let ui = state.text
        let language = state.config.language
        let decks = state.config.decks
        Chrome.header("tillit · " + ui(.homeDecks), &grid)
        let rows = decks.map { deck in
            let audience = deck.audience.map { $0 == .team ? ui(.audienceTeam) : ui(.audienceOneOnOne) }.joined(separator: ", ")
            return DisplayWidth.pad(SafeText.line(deck.title.resolve(language)), to: 32) + "  "
                + DisplayWidth.pad(ui.count(deck.cards.count, one: .cardCountOne, many: .cardCount), to: 9, alignRight: true) + "  " + audience
        }
        let listHeight = min(rows.count, max(3, grid.height - 12))
        Chrome.list(rows, selected: state.deckSelection, in: Rect(x: 2, y: 3, width: grid.width - 4, height: listHeight), &grid)
        let skipped = skippedLines(state, width: grid.width - 4, room: max(2, grid.height / 5))
        if decks.indices.contains(state.deckSelection), let description = decks[state.deckSelection].description {
            var y = 4 + listHeight
            for line in TextWrap.lines(SafeText.clean(description.resolve(language)), width: grid.width - 8)
                .prefix(max(0, grid.height - y - 3 - (skipped.isEmpty ? 0 : skipped.count + 1))) {
                grid.put(line, x: 4, y: y, style: .muted); y += 1
            }
        }
        for (index, line) in skipped.enumerated() {
            grid.put(line, x: 2, y: grid.height - 2 - skipped.count + index, style: .muted)
        }
        Chrome.keyBar(ScreenKeys.bar(state), &grid, help: ui(.keyHelp))
    }

    /// A line per deck file that could not be loaded (its name and first problem), and how to see them all.
    static func skippedLines(_ state: AppState, width: Int, room: Int) -> [String] {
        let files = state.config.skippedDecks
        guard !files.isEmpty, width > 0 else { return [] }
        let ui = state.text
        let shown = files.count + 1 <= room ? files.count : max(0, room - 2)
        var lines = files.prefix(shown).map { problem in
            DisplayWidth.truncate(ui(.deckNotLoaded, (problem.path as NSString).lastPathComponent, problem.line,
                                     SafeText.line(problem.text(ui))), to: width)
        }
        if shown < files.count { lines.append(ui(.moreUnreadable, files.count - shown)) }
        let folder = (files[0].path as NSString).deletingLastPathComponent
        let sameFolder = files.allSatisfy { ($0.path as NSString).deletingLastPathComponent == folder }
        let target = files.count == 1 ? files[0].path : sameFolder ? (folder as NSString).appendingPathComponent("*.yaml") : "FILE"
        // The command is to be copied: wrapped when it is long, never cut.
        lines += TextWrap.lines(ui(.deckLintHint, SafeText.line(target)), width: width)
        return lines
    }

    static func drawPreview(_ state: AppState, _ grid: inout Grid) {
        let ui = state.text
        let decks = state.config.decks
        guard decks.indices.contains(state.deckSelection) else { return }
        let deck = decks[state.deckSelection]
        Chrome.header("tillit · " + SafeText.line(deck.title.resolve(state.config.language)), right: ui.count(deck.cards.count, one: .cardCountOne, many: .cardCount), &grid)
        let text = DeckText.render(deck, language: state.config.language, width: grid.width - 6)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(3).map { (String($0), Style.plain) }
        _ = Chrome.scrolled(lines, offset: state.scroll, in: Rect(x: 3, y: 3, width: grid.width - 6, height: grid.height - 5), &grid)
        Chrome.keyBar(ScreenKeys.bar(state), &grid, help: ui(.keyHelp))
    }
}
