import TillitCore

/// Every key of the decks list and of a deck's cards.
enum DecksKeys {
    private typealias B = ScreenBinding

    static let table = ScreenKeyTable([
        ScreenKeys.choosing(\.deckSelection) { $0.config.decks.count },
        ScreenKeys.back(bar: 40, help: 40) { _ in .home },
        B([.enter, .right], bar: .init(20) { $0.text(.keyShowCards) }, help: .init(20, .keyShowCards)) { state in
            guard !state.config.decks.isEmpty else { return }
            state.scroll = 0
            state.screen = .deckPreview
        },
        B([.character("n")], bar: .init(30) { $0.text(.keyNewWithDeck) }, help: .init(30, .keyNewWithDeck)) { state in
            let decks = state.config.decks
            guard decks.indices.contains(state.deckSelection) else { return }
            let deck = decks[state.deckSelection]
            state.setup = SetupState(kind: deck.audience.first == .team ? .team : .oneOnOne, decks: decks)
            state.setup.selectedDecks = [deck.id]
            state.screen = .setup
        },
    ])

    /// A deck's cards, to read: scroll and go back.
    static let preview = ScreenKeyTable([
        ScreenKeys.scrolling(bar: 10, help: 10),
        ScreenKeys.back(bar: 20, help: 20) { _ in .decks },
    ])
}
