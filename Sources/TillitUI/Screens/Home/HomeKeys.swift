import TillitCore

/// Every key of the home screen: a letter for each row, or ↑ ↓ and Enter.
enum HomeKeys {
    private typealias B = ScreenBinding

    /// The letter of each row: the table binds it and the menu shows it.
    static func letter(for item: HomeScreen.Item) -> Character {
        switch item {
        case .newOneOnOne: return "n"
        case .newTeam: return "t"
        case .continueTalk: return "c"
        case .reviewOld: return "o"
        case .history: return "h"
        case .cleanup: return "r"
        case .decks: return "d"
        case .language: return "l"
        case .quit: return "q"
        }
    }

    static let table = ScreenKeyTable([
        ScreenKeys.choosing(\.homeSelection) { HomeScreen.items($0).count },
        B([.enter, .right], bar: .init(20) { $0.text(.keyOpen) }, help: .init(20, .helpOpen)) { _, state in
            HomeScreen.choose(HomeScreen.items(state)[state.homeSelection], &state)
        },
        row(.homeNewOneOnOne, help: 30, .newOneOnOne),
        row(.homeNewTeam, help: 40, .newTeam),
        // Without an unfinished talk there is no row to continue: c then does nothing.
        B([.character(letter(for: .continueTalk("")))], help: .init(50, .helpContinueLatest)) { _, state in
            guard let id = state.latestUnfinished?.id else { return [] }
            return HomeScreen.choose(.continueTalk(id), &state)
        },
        // Without talks older than the retention there is no row to review them: o then does nothing.
        B([.character(letter(for: .reviewOld))], help: .init(55, .helpReviewOld)) { _, state in
            state.oldTalks.isEmpty ? [] : HomeScreen.choose(.reviewOld, &state)
        },
        row(.homeHistory, help: 60, .history),
        row(.helpHomeCleanup, help: 65, .cleanup),
        row(.homeDecks, help: 70, .decks),
        row(.helpLanguage, help: 80, .language),
        B([.character(letter(for: .quit))], bar: .init(30) { $0.text(.keyQuit) }, help: .init(90, .homeQuit)) { _, state in
            HomeScreen.choose(.quit, &state)
        },
        // Esc goes back a step elsewhere; here there is none, and leaving the program is q's alone.
        B([.escape]) { $0.flash = $0.text(.homeEscapeHint) },
    ])

    private static func row(_ help: UIString, help rank: Int, _ item: HomeScreen.Item) -> ScreenBinding {
        B([.character(letter(for: item))], help: .init(rank, help)) { _, state in HomeScreen.choose(item, &state) }
    }
}
