import Foundation
import TillitCore

enum DecksView {
    static func draw(_ state: AppState, in area: Rect, _ grid: inout Grid) {
        let ui = state.text
        let layout = ScreenLayout(area)
        let body = layout.body
        let language = state.config.language
        let decks = state.config.decks
        Chrome.header("tillit · " + ui(.homeDecks), in: layout.header, &grid)
        let rows = decks.map { deck in
            let audience = deck.audience.map { $0 == .team ? ui(.audienceTeam) : ui(.audienceOneOnOne) }.joined(separator: ", ")
            return DisplayWidth.pad(SafeText.line(deck.title.resolve(language)), to: 32) + "  "
                + DisplayWidth.pad(ui.count(deck.cards.count, one: .cardCountOne, many: .cardCount), to: 9, alignRight: true) + "  " + audience
        }
        let listHeight = min(rows.count, max(3, body.height - 9))
        Chrome.list(rows, selected: state.deckSelection, in: Rect(x: body.x + 2, y: body.y + 1, width: body.width - 4, height: listHeight), &grid)
        let skipped = skippedLines(state, width: body.width - 4, room: max(2, area.height / 5))
        if decks.indices.contains(state.deckSelection), let description = decks[state.deckSelection].description {
            var y = body.y + 2 + listHeight
            for line in TextWrap.lines(SafeText.clean(description.resolve(language)), width: body.width - 8)
                .prefix(max(0, body.maxY - y - 2 - (skipped.isEmpty ? 0 : skipped.count + 1))) {
                grid.put(line, x: body.x + 4, y: y, style: .muted); y += 1
            }
        }
        for (index, line) in skipped.enumerated() {
            grid.put(line, x: body.x + 2, y: body.maxY - 1 - skipped.count + index, style: .muted)
        }
        Chrome.keyBar(ScreenKeys.bar(state), in: layout.keyBar, &grid, help: ui(.keyHelp))
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

    static func drawPreview(_ state: AppState, in area: Rect, _ grid: inout Grid) {
        let ui = state.text
        let layout = ScreenLayout(area)
        let body = layout.body
        let decks = state.config.decks
        guard decks.indices.contains(state.deckSelection) else { return }
        let deck = decks[state.deckSelection]
        Chrome.header("tillit · " + SafeText.line(deck.title.resolve(state.config.language)), right: ui.count(deck.cards.count, one: .cardCountOne, many: .cardCount), in: layout.header, &grid)
        let text = DeckText.render(deck, language: state.config.language, width: body.width - 6)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(3).map { (String($0), Style.plain) }
        _ = Chrome.scrolled(lines, offset: state.scroll, in: Rect(x: body.x + 3, y: body.y + 1, width: body.width - 6, height: body.height - 2), &grid)
        Chrome.keyBar(ScreenKeys.bar(state), in: layout.keyBar, &grid, help: ui(.keyHelp))
    }
}
