import Foundation
import TillitCore

/// Keys of the new talk's form (`SetupKeys`), and what they do.
enum SetupScreen {
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        // The question about discarding the form holds for the next key only.
        let asked = state.setup.askedToDiscard
        state.setup.askedToDiscard = false
        if asked && key == .escape { state.screen = .home; return [] }
        if let effects = SetupKeys.table.handle(key, &state) { return effects }
        // Every other key in a text field is text.
        let field = state.setup.focus
        if var editor = state.setup.editor(for: field), editor.handle(key) {
            state.setup.setEditor(editor, for: field)
            state.setup.error = nil
        }
        return []
    }

    /// A name or team title used in an earlier talk, for the field being written (`NameSuggestion`).
    static func suggestion(_ state: AppState) -> NameSuggestion? { suggestion(for: state.setup.focus, state) }

    static func suggestion(for field: SetupState.Field, _ state: AppState) -> NameSuggestion? {
        guard let editor = state.setup.editor(for: field) else { return nil }
        let earlier = state.earlierNames
        let known: [String]
        switch field {
        case .leader: known = earlier.leaders
        case .employee: known = earlier.employees
        case .facilitator: known = earlier.facilitators
        case .title where state.setup.kind == .team: known = earlier.teams
        default: return nil
        }
        return NameSuggestion.suggest(for: editor.text, among: known)
    }

    /// Tab on a suggestion: the field takes the earlier name.
    static func acceptSuggestion(_ state: inout AppState) {
        guard let suggestion = suggestion(state) else { return }
        state.setup.setEditor(TextEditor(suggestion.name, multiline: false), for: state.setup.focus)
        state.setup.error = nil
    }

    /// Enter in a field: a completion shown under it is the name meant (as
    /// Tab), so the talk continues that person's history; then the next field.
    static func enterInField(_ state: inout AppState) {
        if case .completion? = suggestion(state) { acceptSuggestion(&state) }
        focus(by: 1, wrapping: true, &state)
    }

    /// Esc (or q outside a field): back to the home screen. Names typed in the
    /// form would be lost, so that asks first; Esc again leaves.
    static func leave(_ state: inout AppState) {
        guard state.setup.hasTypedText else { state.screen = .home; return }
        state.setup.askedToDiscard = true
        state.setup.error = state.text(.setupDiscardAsk)
    }

    /// Tab and Enter go round the form; ↑ ↓ stop at its ends.
    static func focus(by step: Int, wrapping: Bool, _ state: inout AppState) {
        let fields = state.setup.fields
        let index = fields.firstIndex(of: state.setup.focus) ?? 0
        state.setup.focus = wrapping ? fields[(index + step + fields.count) % fields.count]
            : fields[min(max(index + step, 0), fields.count - 1)]
    }

    /// The 1:1 form's "write a sheet to prepare": for the employee named, on the first deck chosen (`tillit prepare`).
    static func prepare(_ state: inout AppState) -> [Effect] {
        let talk = state.setup.talkSetup(language: state.config.language)
        guard let deck = talk.deckIDs.first else {
            state.setup.error = state.text(.chooseADeck)
            return []
        }
        let employee = talk.participants.first { $0.role == .employee }?.name ?? state.text(.roleEmployee)
        return [.writePreparation(deckID: deck, person: employee)]
    }

    /// Start (Enter or Space on it): the talk as the form says, if a deck is chosen.
    static func start(_ state: inout AppState) -> [Effect] {
        let talk = state.setup.talkSetup(language: state.config.language)
        guard !talk.deckIDs.isEmpty else {
            state.setup.error = state.text(.chooseADeck)
            return []
        }
        if askAboutAnEarlierName(&state) { return [] }
        // The private notes' days are a setting: one chosen here holds for this talk and the next.
        if talk.kind == .oneOnOne, let days = state.setup.privateNotesDays, days != state.config.privateNotesDays {
            state.config.privateNotesDays = days
            return [.rememberPrivateNotesDays(days), .startTalk(talk)]
        }
        return [.startTalk(talk)]
    }

    /// Never silently a new person: a name like an earlier one (the start of
    /// it, or one letter off) is asked about once, on its field, before the
    /// talk starts. Tab takes the earlier name; Start again keeps it as typed.
    private static func askAboutAnEarlierName(_ state: inout AppState) -> Bool {
        for field in state.setup.fields {
            guard let suggestion = suggestion(for: field, state) else { continue }
            let typed = (state.setup.editor(for: field)?.text ?? "").trimmingCharacters(in: .whitespaces)
            guard !state.setup.keptAsTyped.contains(typed) else { continue }
            state.setup.keptAsTyped.insert(typed)
            state.setup.focus = field
            state.setup.error = state.text(.setupSameAsEarlier, SafeText.line(suggestion.name))
            return true
        }
        return false
    }

    /// Space: ticks the focused deck or choice.
    static func toggle(_ setup: inout SetupState) {
        switch setup.focus {
        case .deck(let id):
            if setup.selectedDecks.contains(id) { setup.selectedDecks.remove(id) } else { setup.selectedDecks.insert(id) }
            setup.error = nil
        case .shuffle: setup.shuffle.toggle()
        case .anonymous: setup.anonymous.toggle()
        case .votesFromPhones: setup.votesFromPhones.toggle()
        case .ratingsTogether: setup.ratingsTogether.toggle()
        default: break
        }
    }

    /// ← →: the kind of talk, the timer, or a choice that is on or off.
    static func change(by step: Int, _ state: inout AppState) {
        switch state.setup.focus {
        case .kind:
            // The names typed so far stay in the form, to be there again when the kind is switched back.
            state.setup.kind = state.setup.kind == .oneOnOne ? .team : .oneOnOne
            state.setup.selectDefaultDeck(from: state.config.decks)
        case .privateNotesExpiry:
            let choices = SetupState.privateNotesChoices
            let current = state.setup.privateNotesDays ?? state.config.privateNotesDays
            let index = choices.firstIndex(of: current) ?? choices.firstIndex { $0 > current } ?? 0
            state.setup.privateNotesDays = choices[(index + step + choices.count) % choices.count]
        case .people:
            let next = state.setup.people + step
            state.setup.people = next < 0 ? RoomTurnout.people.upperBound : (next > RoomTurnout.people.upperBound ? 0 : next)
        case .timer:
            let choices = SetupState.timerChoices
            let index = choices.firstIndex(of: state.setup.timerMinutes) ?? 0
            state.setup.timerMinutes = choices[(index + step + choices.count) % choices.count]
        default:
            toggle(&state.setup)
        }
    }
}
