import TillitCore

/// Every key of the clean-up list screen.
enum CleanupKeys {
    private typealias B = ScreenBinding
    private static func several(_ state: AppState) -> Bool { (state.cleanup.registers?.count ?? 0) > 1 }
    private static func any(_ state: AppState) -> Bool { state.cleanup.register != nil }

    static let table = ScreenKeyTable([
        B([.up, .down, .pageUp, .pageDown, .home], when: any, bar: .init(10) { $0.text(.keyScroll) },
          help: .init(10, .keyScroll)) { key, state in
            switch key {
            case .up: state.cleanup.scroll = max(0, state.cleanup.scroll - 1)
            case .down: state.cleanup.scroll += 1
            case .pageUp: state.cleanup.scroll = max(0, state.cleanup.scroll - 10)
            case .home: state.cleanup.scroll = 0
            default: state.cleanup.scroll += 10
            }
            return []
        },
        B([.tab, .backTab], when: several, bar: .init(15) { $0.text(.keyOtherList) }, help: .init(15, .helpCleanupScope)) { key, state in
            let count = max(1, state.cleanup.registers?.count ?? 1)
            state.cleanup.chosen = (state.cleanup.chosen + (key == .tab ? 1 : count - 1)) % count
            state.cleanup.scroll = 0
            return []
        },
        B([.character("s")], when: any, bar: .init(20) { $0.text(.keySort) }, help: .init(20, .helpCleanupSort)) { state in
            state.cleanup.order = CleanupScreen.step(state.cleanup.order) ?? .decider
        },
        B([.character("k")], when: any, bar: .init(30) { $0.text(.keyFilterKind) }, help: .init(30, .helpCleanupKind)) { state in
            state.cleanup.kind = CleanupScreen.step(state.cleanup.kind)
            state.cleanup.scroll = 0
        },
        B([.character("w")], when: any, bar: .init(40) { $0.text(.keyFilterDecider) }, help: .init(40, .helpCleanupDecider)) { state in
            state.cleanup.decider = CleanupScreen.step(state.cleanup.decider)
            state.cleanup.scroll = 0
        },
        ScreenKeys.back(bar: 50, help: 50) { _ in .home },
    ])
}
