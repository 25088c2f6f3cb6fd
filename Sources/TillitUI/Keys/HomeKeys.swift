import TillitCore

/// Every key of the home screen: a letter for each row, or ↑ ↓ and Enter.
enum HomeKeys {
    private typealias B = ScreenBinding

    static let table = ScreenKeyTable([
        ScreenKeys.choosing(\.homeSelection) { HomeScreen.items($0).count },
        B([.enter, .right], bar: .init(20, "Enter") { $0.text(.keyOpen) }, help: .init(20, "Enter", .helpOpen)) { _, state in
            HomeScreen.choose(HomeScreen.items(state)[state.homeSelection], &state)
        },
        row("n", .homeNewOneOnOne, help: 30, .newOneOnOne),
        row("t", .homeNewTeam, help: 40, .newTeam),
        // Without an unfinished talk there is no row to continue: c then does nothing.
        B([.character("c")], help: .init(50, "c", .helpContinueLatest)) { _, state in
            guard let id = state.latestUnfinished?.id else { return [] }
            return HomeScreen.choose(.continueTalk(id), &state)
        },
        // Without talks older than the retention there is no row to review them: o then does nothing.
        B([.character("o")], help: .init(55, "o", .helpReviewOld)) { _, state in
            state.oldTalks.isEmpty ? [] : HomeScreen.choose(.reviewOld, &state)
        },
        row("h", .homeHistory, help: 60, .history),
        row("r", .helpHomeCleanup, help: 65, .cleanup),
        row("d", .homeDecks, help: 70, .decks),
        row("l", .helpLanguage, help: 80, .language),
        B([.character("q")], bar: .init(30, "q") { $0.text(.keyQuit) }, help: .init(90, "q", .homeQuit)) { _, state in
            HomeScreen.choose(.quit, &state)
        },
        // Esc goes back a step elsewhere; here there is none, and leaving the program is q's alone.
        B([.escape]) { $0.flash = $0.text(.homeEscapeHint) },
    ])

    private static func row(_ letter: Character, _ help: UIString, help rank: Int, _ item: HomeScreen.Item) -> ScreenBinding {
        B([.character(letter)], help: .init(rank, String(letter), help)) { _, state in HomeScreen.choose(item, &state) }
    }
}
