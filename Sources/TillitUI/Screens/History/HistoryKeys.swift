import TillitCore

/// Every key of the history (the talks, newest first) and of a talk read from it.
enum HistoryKeys {
    private typealias B = ScreenBinding
    private static func selected(_ state: AppState) -> TalkListItem? {
        state.historyItems.indices.contains(state.historySelection) ? state.historyItems[state.historySelection] : nil
    }

    static let table = ScreenKeyTable([
        ScreenKeys.choosing(\.historySelection) { $0.historyItems.count },
        ScreenKeys.back(bar: 60, help: 60) { _ in .home },
        B([.enter, .right], bar: .init(20) { $0.text(.keyRead) }, help: .init(20, .keyRead)) { _, state in
            selected(state).map { [.openTalk(id: $0.id, readOnly: true)] } ?? []
        },
        B([.character("c")], bar: .init(30) { $0.text(.keyContinue) }, help: .init(30, .keyContinue)) { _, state in
            guard let selected = selected(state) else { return [] }
            guard !selected.finished else { state.flash = state.text(.alreadyFinished); return [] }
            return [.openTalk(id: selected.id, readOnly: false)]
        },
        B([.character("x"), .delete], bar: .init(40) { $0.text(.keyDelete) }, help: .init(40, .keyDelete)) { state in
            if let selected = selected(state) { state.confirmDelete = selected.id }
        },
        // Reviewing talks kept longer than the retention: all of them at once, after one question.
        B([.character("D")], when: { $0.historyShowsOnlyOld && !$0.historyItems.isEmpty },
          bar: .init(45) { $0.text(.keyDeleteAll) }, help: .init(45, .helpDeleteAllOld)) { state in
            state.confirmDeleteAll = true
        },
        B([.character("p")], when: { !HistoryPeople.names($0).isEmpty },
          bar: .init(55) { $0.text(.keyHistoryPerson) }, help: .init(55, .helpHistoryPerson)) { state in
            HistoryPeople.next(&state)
        },
        B([.character("t")], bar: .init(50) { $0.text(.keyTrends) }, help: .init(50, .helpTrends)) { _, state in
            guard let selected = selected(state) else { return [] }
            return TrendsScreen.open(kind: selected.kind, title: selected.title, participants: selected.people,
                                     deckIDs: selected.deckIDs, &state)
        },
    ])
}

/// "Delete it?" on the history: j or y (either case) deletes, any other key keeps.
enum HistoryDeleteKeys {
    static let table = ScreenKeyTable([
        ScreenBinding(YesKeys.keys) { _, state in
            defer { state.confirmDelete = nil; state.confirmDeleteAll = false }
            if let pending = state.confirmDelete { return [.deleteTalk(id: pending), .loadSessions] }
            return state.historyItems.map { .deleteTalk(id: $0.id) } + [.loadSessions]
        },
    ], otherKeys: { _, state in
        state.confirmDelete = nil
        state.confirmDeleteAll = false
        return []
    })
}
