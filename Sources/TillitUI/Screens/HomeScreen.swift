import Foundation
import TillitCore

enum HomeScreen {
    enum Item: Hashable {
        case newOneOnOne, newTeam, continueTalk(String), history, decks, language, quit
    }

    static func items(_ state: AppState) -> [Item] {
        var items: [Item] = [.newOneOnOne, .newTeam]
        if let latest = state.latestUnfinished { items.append(.continueTalk(latest.id)) }
        items += [.history, .decks, .language, .quit]
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
        case .history:
            state.screen = .history
            return [.loadSessions]
        case .decks:
            state.screen = .decks
        case .language:
            // Every screen speaks the new language at once; it is remembered for the next start.
            let language = state.config.language.next
            state.config.language = language
            state.setup = SetupState(kind: state.setup.kind, decks: state.config.decks)
            return [.rememberLanguage(language)]
        case .quit:
            return [.quit]
        }
        return []
    }
}

enum SetupScreen {
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        var setup = state.setup
        defer { state.setup = setup }
        let fields = setup.fields
        let index = fields.firstIndex(of: setup.focus) ?? 0
        func move(_ step: Int) { setup.focus = fields[(index + step + fields.count) % fields.count] }
        switch key {
        case .escape:
            state.screen = .home
            return []
        case .tab:
            move(1)
            return []
        case .backTab:
            move(-1)
            return []
        case .down:
            // Arrows stop at the ends: one ↓ too many stays on Start instead of jumping to the kind of talk.
            setup.focus = fields[min(index + 1, fields.count - 1)]
            return []
        case .up:
            setup.focus = fields[max(index - 1, 0)]
            return []
        default:
            break
        }
        if var editor = setup.editor(for: setup.focus) {
            if key == .enter { move(1); return [] }
            if editor.handle(key) { setup.setEditor(editor, for: setup.focus); setup.error = nil }
            return []
        }
        // Enter always moves on (on Start it starts); Space ticks, ← → change a choice.
        switch (setup.focus, key) {
        case (.start, .enter), (.start, .character(" ")):
            let talk = setup.talkSetup(language: state.config.language)
            guard !talk.deckIDs.isEmpty else {
                setup.error = state.text(.chooseADeck)
                return []
            }
            return [.startTalk(talk)]
        case (_, .enter):
            move(1)
        case (.kind, .left), (.kind, .right):
            // The names typed so far stay in the form, to be there again when the kind is switched back.
            setup.kind = setup.kind == .oneOnOne ? .team : .oneOnOne
            setup.selectDefaultDeck(from: state.config.decks)
        case (.deck(let id), .character(" ")):
            if setup.selectedDecks.contains(id) { setup.selectedDecks.remove(id) } else { setup.selectedDecks.insert(id) }
            setup.error = nil
        case (.shuffle, .character(" ")), (.shuffle, .left), (.shuffle, .right):
            setup.shuffle.toggle()
        case (.anonymous, .character(" ")), (.anonymous, .left), (.anonymous, .right):
            setup.anonymous.toggle()
        case (.votesFromPhones, .character(" ")), (.votesFromPhones, .left), (.votesFromPhones, .right):
            setup.votesFromPhones.toggle()
        case (.timer, .right):
            let choices = SetupState.timerChoices
            setup.timerMinutes = choices[((choices.firstIndex(of: setup.timerMinutes) ?? 0) + 1) % choices.count]
        case (.timer, .left):
            let choices = SetupState.timerChoices
            setup.timerMinutes = choices[((choices.firstIndex(of: setup.timerMinutes) ?? 0) + choices.count - 1) % choices.count]
        case (_, .character("q")):
            state.screen = .home
        default:
            break
        }
        return []
    }
}

/// Keys of the history (`HistoryKeys`), after "delete it? j/y" is answered.
enum HistoryScreen {
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        if let pending = state.confirmDelete {
            state.confirmDelete = nil
            if key == .character("y") || key == .character("j") {
                return [.deleteTalk(id: pending), .loadSessions]
            }
            return []
        }
        return HistoryKeys.table.handle(key, &state) ?? []
    }
}

/// Keys of a talk read from the history: `SessionViewKeys`.
enum SessionViewScreen {
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard state.talk != nil else { state.screen = .history; return [] }
        return SessionViewKeys.table.handle(key, &state) ?? []
    }
}

/// Keys of the decks and of a deck's cards: `DecksKeys`.
enum DecksScreen {
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] { DecksKeys.table.handle(key, &state) ?? [] }

    static func handlePreview(_ key: Key, _ state: inout AppState) -> [Effect] { DecksKeys.preview.handle(key, &state) ?? [] }
}
