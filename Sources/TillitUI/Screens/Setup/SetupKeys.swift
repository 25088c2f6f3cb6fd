import TillitCore

/// Every key of the form for a new talk. In a text field every key that is
/// not one of these is text (`TextEditor`); Enter always moves on, and on
/// Start it starts; Space ticks, ← → change a choice.
enum SetupKeys {
    private typealias B = ScreenBinding
    private static func editing(_ state: AppState) -> Bool { state.setup.editor(for: state.setup.focus) != nil }
    private static func onStart(_ state: AppState) -> Bool { !editing(state) && state.setup.focus == .start }
    private static func ticks(_ state: AppState) -> Bool {
        guard !editing(state) else { return false }
        switch state.setup.focus {
        case .deck, .shuffle, .anonymous, .votesFromPhones, .ratingsTogether: return true
        default: return false
        }
    }
    private static func changes(_ state: AppState) -> Bool {
        [.kind, .timer, .privateNotesExpiry, .people].contains(state.setup.focus)
    }
    private static func always(_ state: AppState) -> Bool { true }

    static let table = ScreenKeyTable([
        // Arrows stop at the ends: one ↓ too many stays on Start instead of jumping to the kind of talk.
        B([.up, .down], bar: .init(10) { $0.text(.keyField) }, help: .init(10, .helpNextField)) { key, state in
            SetupScreen.focus(by: key == .down ? 1 : -1, wrapping: false, &state); return []
        },
        // A name from an earlier talk is offered under the form; Tab takes it.
        B([.tab], when: { SetupScreen.suggestion($0) != nil }, bar: .init(15) { $0.text(.keyUseName) },
          help: .init(15, .helpUseName, when: always)) { SetupScreen.acceptSuggestion(&$0) },
        B([.tab, .backTab], help: .init(11, .helpNextField)) { key, state in
            SetupScreen.focus(by: key == .tab ? 1 : -1, wrapping: true, &state); return []
        },
        B([.escape], bar: .init(40) { $0.text(.keyBack) }, help: .init(50, .keyBack)) { SetupScreen.leave(&$0) },
        B([.enter, .character(" ")], when: { !editing($0) && $0.setup.focus == .prepare }, bar: .init(30) { $0.text(.setupPrepare) },
          help: .init(45, .helpSetupPrepare, when: { $0.setup.kind == .oneOnOne })) { _, state in SetupScreen.prepare(&state) },
        B([.enter, .character(" ")], when: onStart, bar: .init(30) { $0.text(.startTalk) },
          help: .init(40, .helpSetupEnter, when: always)) { _, state in SetupScreen.start(&state) },
        B([.enter], when: { $0.setup.focus != .start && $0.setup.focus != .prepare }, bar: .init(30) { $0.text(.keyNextField) }) {
            SetupScreen.enterInField(&$0)
        },
        B([.character(" ")], when: ticks, bar: .init(20) { $0.text(.keyToggle) },
          help: .init(20, .helpToggle, when: always)) { SetupScreen.toggle(&$0.setup) },
        B([.left, .right], when: { !editing($0) && (changes($0) || ticks($0)) && !$0.setup.focus.isDeck },
          bar: .init(21, when: changes) { $0.text(.keyChange) }, help: .init(30, .helpChange, when: always)) { key, state in
            SetupScreen.change(by: key == .left ? -1 : 1, &state); return []
        },
        B([.character("q")], when: { !editing($0) }, help: .init(51, .keyBack)) { SetupScreen.leave(&$0) },
    ])
}

extension SetupState.Field {
    var isDeck: Bool { if case .deck = self { return true } else { return false } }
}
