import Foundation
import TillitCore

enum HomeScreen {
    enum Item: Hashable {
        case newOneOnOne, newTeam, continueTalk(String), reviewOld, history, cleanup, decks, language, quit
    }

    static func items(_ state: AppState) -> [Item] {
        var items: [Item] = [.newOneOnOne, .newTeam]
        if let latest = state.latestUnfinished { items.append(.continueTalk(latest.id)) }
        // Only when it is true: talks kept longer than the retention in force.
        if !state.oldTalks.isEmpty { items.append(.reviewOld) }
        items += [.history, .cleanup, .decks, .language, .quit]
        return items
    }

    /// Keys of the home screen: `HomeKeys`.
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        state.homeSelection = min(state.homeSelection, items(state).count - 1)
        return HomeKeys.table.handle(key, &state) ?? []
    }

    /// What a row of the home screen does, chosen by its letter or by Enter.
    static func choose(_ chosen: Item, _ state: inout AppState) -> [Effect] {
        switch chosen {
        case .newOneOnOne, .newTeam:
            state.setup = SetupState(kind: chosen == .newTeam ? .team : .oneOnOne, decks: state.config.decks)
            state.screen = .setup
        case .continueTalk(let id):
            return [.openTalk(id: id, readOnly: false)]
        case .history, .reviewOld:
            state.historyShowsOnlyOld = chosen == .reviewOld
            state.historySelection = 0
            state.screen = .history
            return [.loadSessions]
        case .cleanup:
            return CleanupScreen.open(&state)
        case .decks:
            state.screen = .decks
        case .language:
            // Every screen speaks the new language at once; it is remembered for the next start.
            let language = state.config.language.next
            state.config.language = language
            return [.rememberLanguage(language)]
        case .quit:
            return [.quit]
        }
        return []
    }
}
