import TillitCore

/// `?`: every key of the current screen, in a box over it.
enum HelpView {
    static func entries(_ state: AppState) -> [(String, UIString)] {
        switch state.screen {
        case .home:
            return [("↑ ↓", .helpMove), ("Enter", .helpOpen), ("n", .homeNewOneOnOne), ("t", .homeNewTeam),
                    ("c", .helpContinueLatest), ("h", .homeHistory), ("d", .homeDecks), ("q", .homeQuit)]
        case .setup:
            return [("↑ ↓ Tab", .helpNextField), ("Space", .helpToggle), ("← →", .helpChange), ("Enter", .helpSetupEnter),
                    ("Esc", .keyBack)]
        case .talk:
            switch state.talk?.phase {
            case .sinceLastTime?:
                return [("↑ ↓", .helpMove), ("d", .outcomeDone), ("k", .keyKeep), ("x", .keyDrop), ("Enter", .keyToCards)]
            case .summary?:
                let notes: UIString = state.talk?.hasPrivateNotes == true ? .helpNotesPrivate : .helpNotes
                return [("↑ ↓", .helpMove), ("Enter", .helpSummaryEnter), ("d Space", .helpActionDone), ("x Del", .helpActionRemove),
                        ("←", .keyBackToCards), ("f", .helpFinish), ("e", .helpExport), ("n", notes), ("a", .helpAction),
                        ("t", .helpTrends), ("q", .helpQuit)]
            default:
                return [("→ PgDn", .helpNext), ("← PgUp", .helpPrevious), ("Enter", .helpWrite), ("Esc", .helpStopWriting),
                        ("Tab ↑ ↓", .helpNextField), ("1–9", .helpRate), ("⌫", .helpUnrate), ("a", .helpAction),
                        ("Enter", .helpChangeAction), ("d x", .helpActionCardKeys),
                        ("s", .helpSkip), ("m", .helpPark), ("h", .helpHint), ("p", .helpPresent), ("Home", .helpFirstCard),
                        ("f", .helpSummary), ("q Ctrl-C", .helpQuit), ("Ctrl-A E K U W", .helpShellKeys)]
            }
        case .history:
            return [("↑ ↓", .helpMove), ("Enter", .keyRead), ("c", .keyContinue), ("x", .keyDelete), ("t", .helpTrends), ("Esc", .keyBack)]
        case .sessionView, .deckPreview:
            return [("↑ ↓ PgUp PgDn", .keyScroll), ("c", .keyContinue), ("e", .helpExport), ("Esc", .keyBack)]
        case .trends:
            return [("↑ ↓", .helpMove), ("Esc ←", .keyBack)]
        case .decks:
            return [("↑ ↓", .helpMove), ("Enter", .keyShowCards), ("n", .keyNewWithDeck), ("Esc", .keyBack)]
        }
    }

    static func draw(_ state: AppState, _ grid: inout Grid) {
        let ui = state.text
        let entries = entries(state)
        let keyWidth = entries.map { DisplayWidth.of($0.0) }.max() ?? 4
        let width = min(grid.width - 4, max(40, keyWidth + 4 + (entries.map { DisplayWidth.of(ui($0.1)) }.max() ?? 20) + 4))
        let height = min(grid.height - 2, entries.count + 4)
        let rect = Rect(x: (grid.width - width) / 2, y: (grid.height - height) / 2, width: width, height: height)
        grid.fill(rect)
        grid.box(rect, title: ui(.helpTitle), style: Style(color: .accent, bold: true))
        for (index, entry) in entries.prefix(height - 4).enumerated() {
            let y = rect.y + 1 + index
            grid.put(DisplayWidth.pad(entry.0, to: keyWidth), x: rect.x + 2, y: y, style: .accent)
            grid.put(ui(entry.1), x: rect.x + 4 + keyWidth, y: y, maxWidth: rect.width - keyWidth - 6)
        }
        grid.put(ui(.helpClose), x: rect.x + 2, y: rect.maxY - 2, style: .muted, maxWidth: rect.width - 4)
    }
}
