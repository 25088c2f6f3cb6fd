import TillitCore

typealias ScreenBinding = KeyBinding<AppState>
typealias ScreenKeyTable = KeyTable<AppState>

/// The key tables of the screens around a talk: the home screen, the new talk's form, the history,
/// a talk read from it, the decks and a deck's cards, the trends. As in a
/// talk (`TalkKeys`), each screen's handling, key bar and `?` help are read
/// off its one table.
enum ScreenKeys {
    /// The table of `screen`; nil for a talk (`TalkKeys`).
    static func table(_ screen: Screen) -> ScreenKeyTable? {
        switch screen {
        case .home: return HomeKeys.table
        case .history: return HistoryKeys.table
        case .transcript: return TranscriptKeys.table
        case .decks: return DecksKeys.table
        case .deckPreview: return DecksKeys.preview
        case .trends: return TrendsKeys.table
        case .cleanup: return CleanupKeys.table
        case .setup: return SetupKeys.table
        case .talk: return nil
        }
    }

    /// The key bar of a screen, read off its table.
    static func bar(_ state: AppState) -> [(String, String)] { table(state.screen)?.bar(state) ?? [] }

    /// ↑ ↓ PgUp PgDn Home End: move the list's `selection` among `count` rows.
    static func choosing(_ selection: WritableKeyPath<AppState, Int> & Sendable,
                         count: @escaping @Sendable (AppState) -> Int) -> ScreenBinding {
        ScreenBinding([.up, .down, .pageUp, .pageDown, .home, .end], bar: .init(10) { $0.text(.keyChoose) },
                      help: .init(10, .helpMove)) { key, state in
            _ = moveSelection(&state[keyPath: selection], count: count(state), key: key); return []
        }
    }

    /// ↑ ↓ PgUp PgDn Space Home: a read-only page scrolls (`state.scroll`).
    static func scrolling(bar barRank: Int, help helpRank: Int) -> ScreenBinding {
        ScreenBinding([.up, .down, .pageUp, .pageDown, .character(" "), .home], bar: .init(barRank) { $0.text(.keyScroll) },
                      help: .init(helpRank, .keyScroll)) { key, state in
            switch key {
            case .up: state.scroll = max(0, state.scroll - 1)
            case .down: state.scroll += 1
            case .pageUp: state.scroll = max(0, state.scroll - 10)
            case .home: state.scroll = 0
            default: state.scroll += 10
            }
            return []
        }
    }

    /// Esc, q and ← go back to `screen`.
    static func back(bar barRank: Int, help helpRank: Int,
                     to screen: @escaping @Sendable (AppState) -> Screen) -> ScreenBinding {
        ScreenBinding([.escape, .character("q"), .left], bar: .init(barRank) { $0.text(.keyBack) },
                      help: .init(helpRank, .keyBack)) { state in state.screen = screen(state) }
    }
}
