import TillitCore

/// Every key of a talk read from the history: scroll, continue it, export it, back.
enum TranscriptKeys {
    private typealias B = ScreenBinding

    static let table = ScreenKeyTable([
        ScreenKeys.scrolling(bar: 10, help: 10),
        B([.escape, .character("q"), .left], bar: .init(40) { $0.text(.keyBack) }, help: .init(40, .keyBack)) { _, state in
            state.talk = nil
            state.screen = .history
            return [.loadSessions]
        },
        B([.character("c")], bar: .init(20, when: { $0.talk?.session.isFinished == false }) { $0.text(.keyContinue) },
          help: .init(20, .keyContinue)) { _, state in
            guard let session = state.talk?.session else { return [] }
            guard !session.isFinished else { state.flash = state.text(.alreadyFinished); return [] }
            state.talk = nil
            return [.openTalk(id: session.id, readOnly: false)]
        },
        B([.character("e")], bar: .init(30) { $0.text(.keyExport) }, help: .init(30, .helpExport)) { _, state in
            state.talk.map { [.exportTalk(id: $0.session.id)] } ?? []
        },
        B([.character("o")], when: { state in state.talk.flatMap { PageMoves.page(for: $0.session.id, state) } != nil },
          bar: .init(35, "o") { $0.text(.keyOpenPage) }, help: .init(35, "o", .helpOpenPage)) { _, state in
            guard let id = state.talk?.session.id else { return [] }
            return PageMoves.open(talkID: id, &state)
        },
    ])
}
