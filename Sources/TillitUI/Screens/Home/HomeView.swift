import Foundation
import TillitCore

enum HomeView {
    static func draw(_ state: AppState, in area: Rect, _ grid: inout Grid) {
        let ui = state.text
        let items = HomeScreen.items(state)
        // Two rows a line where they fit, one where they do not (many rows in a small window).
        let step = items.count * 2 + 8 <= area.height ? 2 : 1
        let top = area.y + max(1, (area.height - items.count * step - 8) / 2)
        grid.centered("tillit", y: top, in: area, style: Style(color: .title, bold: true))
        grid.centered(ui(.tagline), y: top + 1, in: area, style: .muted)
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
        let width = min(area.width - 4, max(44, labels.map { DisplayWidth.of($0.1) + 10 }.max() ?? 44))
        let x = area.x + (area.width - width) / 2
        var y = top + 4
        for (index, (key, label)) in labels.enumerated() {
            let selected = index == min(state.homeSelection, items.count - 1)
            let line = DisplayWidth.pad((selected ? " › " : "   ") + label, to: width - 4) + key + "  "
            grid.put(line, x: x, y: y, style: selected ? Style(bold: true, reverse: true) : .plain)
            y += step
        }
        if !state.sessions.problems.isEmpty {
            grid.centered(ui.count(state.sessions.problems.count, one: .unreadableFilesOne, many: .unreadableFiles), y: y, in: area, style: .warning)
        }
        grid.centered(ui(.dataFolder, state.config.dataFolder), y: area.maxY - 3, in: area, style: .muted)
        Chrome.keyBar(ScreenKeys.bar(state), in: ScreenLayout(area).keyBar, &grid, help: ui(.keyHelp))
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
