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

    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        let items = items(state)
        state.homeSelection = min(state.homeSelection, items.count - 1)
        if moveSelection(&state.homeSelection, count: items.count, key: key) { return [] }
        let chosen: Item?
        switch key {
        case .enter, .right: chosen = items[state.homeSelection]
        case .character("n"): chosen = .newOneOnOne
        case .character("t"): chosen = .newTeam
        case .character("c"): chosen = items.first { if case .continueTalk = $0 { return true } else { return false } }
        case .character("h"): chosen = .history
        case .character("d"): chosen = .decks
        case .character("l"): chosen = .language
        case .character("q"), .escape: chosen = .quit
        default: chosen = nil
        }
        guard let chosen else { return [] }
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

enum HistoryScreen {
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        let items = state.sessions.items
        if let pending = state.confirmDelete {
            state.confirmDelete = nil
            if key == .character("y") || key == .character("j") {
                return [.deleteTalk(id: pending), .loadSessions]
            }
            return []
        }
        if moveSelection(&state.historySelection, count: items.count, key: key) { return [] }
        let selected = items.indices.contains(state.historySelection) ? items[state.historySelection] : nil
        switch key {
        case .escape, .character("q"), .left:
            state.screen = .home
        case .enter, .right:
            guard let selected else { return [] }
            return [.openTalk(id: selected.id, readOnly: true)]
        case .character("c"):
            guard let selected else { return [] }
            guard !selected.finished else { state.flash = state.text(.alreadyFinished); return [] }
            return [.openTalk(id: selected.id, readOnly: false)]
        case .character("x"), .delete:
            if let selected { state.confirmDelete = selected.id }
        case .character("t"):
            guard let selected else { return [] }
            return TrendsScreen.open(kind: selected.kind, title: selected.title, participants: selected.people,
                                     deckIDs: selected.deckIDs, &state)
        default:
            break
        }
        return []
    }
}

enum SessionViewScreen {
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let talk = state.talk else { state.screen = .history; return [] }
        if scroll(key, &state.scroll) { return [] }
        switch key {
        case .escape, .character("q"), .left:
            state.talk = nil
            state.screen = .history
            return [.loadSessions]
        case .character("c"):
            guard !talk.session.isFinished else { state.flash = state.text(.alreadyFinished); return [] }
            state.talk = nil
            return [.openTalk(id: talk.session.id, readOnly: false)]
        case .character("e"):
            return [.exportTalk(id: talk.session.id)]
        default:
            return []
        }
    }

    static func scroll(_ key: Key, _ offset: inout Int) -> Bool {
        switch key {
        case .up: offset = max(0, offset - 1)
        case .down: offset += 1
        case .pageUp: offset = max(0, offset - 10)
        case .pageDown, .character(" "): offset += 10
        case .home: offset = 0
        default: return false
        }
        return true
    }
}

enum DecksScreen {
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        let decks = state.config.decks
        if moveSelection(&state.deckSelection, count: decks.count, key: key) { return [] }
        switch key {
        case .escape, .character("q"), .left:
            state.screen = .home
        case .enter, .right:
            guard !decks.isEmpty else { return [] }
            state.scroll = 0
            state.screen = .deckPreview
        case .character("n"):
            guard decks.indices.contains(state.deckSelection) else { return [] }
            let deck = decks[state.deckSelection]
            state.setup = SetupState(kind: deck.audience.first == .team ? .team : .oneOnOne, decks: decks)
            state.setup.selectedDecks = [deck.id]
            state.screen = .setup
        default:
            break
        }
        return []
    }

    static func handlePreview(_ key: Key, _ state: inout AppState) -> [Effect] {
        if SessionViewScreen.scroll(key, &state.scroll) { return [] }
        if [.escape, .character("q"), .left].contains(key) { state.screen = .decks }
        return []
    }
}
