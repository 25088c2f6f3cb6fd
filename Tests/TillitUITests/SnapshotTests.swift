import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// Every screen as text, at 80x24 and 120x40, in Norwegian and English.
struct SnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    /// The screens, each built from a fresh state by pressing keys as a user would.
    nonisolated(unsafe) static let screens: [(String, @Sendable (Language, Size) -> AppState)] = [
        ("home", { language, size in
            var state = Fixtures.state(language, size: size)
            var item = TalkListItem(id: "2026-11-19-0900-abcd", title: "Selvledelse", kind: .oneOnOne,
                participants: "Kari, Ola", createdAt: Fixtures.start, handled: 2, cardCount: 3, finished: false)
            item.people = Fixtures.oneOnOne().participants
            item.currentIndex = 2
            state.sessions = SessionList(items: [item])
            return state
        }),
        ("setup-1on1", { language, size in
            var state = Fixtures.state(language, size: size)
            Fixtures.press([.character("n")], &state)
            Fixtures.type("Kari Nordmann", &state)
            Fixtures.press([.tab], &state)
            Fixtures.type("Ola Ødegård", &state)
            return state
        }),
        ("setup-team", { language, size in
            var state = Fixtures.state(language, size: size)
            Fixtures.press([.character("t")], &state)
            Fixtures.type("Avdeling Solsiden", &state)
            return state
        }),
        ("card-1on1-answers", { language, size in
            var session = Fixtures.oneOnOne(language)
            try! session.apply(.setText(participant: "p1", text: "Fra januar legger du ukeplanen selv. Vi prøver det i tre måneder."), now: Fixtures.start)
            try! session.apply(.setText(participant: "p2", text: "Jeg vil bruke mindre tid på rapporter og mer tid med brukerne 🙂"), now: Fixtures.start)
            try! session.apply(.addAction(id: "a1", text: "Ola lager et utkast til ny ukeplan", owner: "Ola", due: "2026-12-15", onCurrentCard: true), now: Fixtures.start)
            var state = Fixtures.talkState(session, language: language, size: size)
            state.now = Fixtures.start.addingTimeInterval(252)
            return state
        }),
        ("card-1on1-writing", { language, size in
            // The card opens ready to write: no Enter first.
            var state = Fixtures.talkState(Fixtures.oneOnOne(language), language: language, size: size)
            Fixtures.type("Æ, ø og å – og 日本 👍", &state)
            return state
        }),
        ("card-1on1-rating-hint", { language, size in
            var state = Fixtures.talkState(Fixtures.oneOnOne(language), language: language, size: size)
            // Tab past the two texts, ready to write on arrival, to the rating rows.
            Fixtures.press([.pageDown, .tab, .tab, .character("4"), .tab, .character("2"), .character("h")], &state)
            return state
        }),
        ("card-team-votes", { language, size in
            var state = Fixtures.talkState(Fixtures.team(language), language: language, size: size)
            // Revealed (r): the spread and the mean show.
            Fixtures.press([.character("4"), .character("4"), .character("5"), .character("2"), .character("r")], &state)
            state.flash = nil
            state.now = Fixtures.start.addingTimeInterval(312)
            return state
        }),
        ("presentation", { language, size in
            var state = Fixtures.talkState(Fixtures.team(language), language: language, size: size)
            Fixtures.press([.character("3"), .character("4"), .character("4"), .character("p")], &state)
            state.now = Fixtures.start.addingTimeInterval(75)
            return state
        }),
        ("action-form", { language, size in
            var state = Fixtures.talkState(Fixtures.oneOnOne(language), language: language, size: size)
            Fixtures.press([.escape, .character("a")], &state)
            Fixtures.type("Sette opp møte med økonomi", &state)
            Fixtures.press([.tab], &state)
            Fixtures.type("Kari", &state)
            return state
        }),
        ("summary", { language, size in
            var session = Fixtures.oneOnOne(language)
            try! session.apply(.setText(participant: "p2", text: "Mer tid med brukerne."), now: Fixtures.start)
            try! session.apply(.next, now: Fixtures.start.addingTimeInterval(600))
            try! session.apply(.park, now: Fixtures.start.addingTimeInterval(700))
            try! session.apply(.next, now: Fixtures.start.addingTimeInterval(700))
            try! session.apply(.skip, now: Fixtures.start.addingTimeInterval(760))
            try! session.apply(.addAction(id: "a1", text: "Ola lager et utkast til ny ukeplan", owner: "Ola", due: "2026-12-15", onCurrentCard: false), now: Fixtures.start)
            var state = Fixtures.talkState(session, language: language, size: size)
            Fixtures.press([.escape, .character("f")], &state)
            return state
        }),
        ("summary-ratings-1on1", { language, size in
            var session = Fixtures.oneOnOne(language)
            try! session.apply(.next, now: Fixtures.start.addingTimeInterval(300))
            try! session.apply(.setRating(participant: "p2", rating: 2), now: Fixtures.start.addingTimeInterval(400))
            try! session.apply(.setRating(participant: "p1", rating: 4), now: Fixtures.start.addingTimeInterval(420))
            var state = Fixtures.talkState(session, language: language, size: size)
            Fixtures.press([.escape, .character("f")], &state)
            return state
        }),
        ("summary-ratings-team", { language, size in
            var earlier = Fixtures.team(language)
            for vote in [2, 3, 3] { try! earlier.apply(.addVote(value: vote, participant: nil), now: Fixtures.start) }
            var session = Fixtures.team(language)
            session.id = "2026-12-10-1300-cafe"
            for vote in [4, 2, 5, 4, 4] { try! session.apply(.addVote(value: vote, participant: nil), now: Fixtures.start) }
            try! session.apply(.revealVotes, now: Fixtures.start)
            var state = Fixtures.talkState(session, language: language, size: size)
            Fixtures.press([.character("f")], &state)
            _ = update(&state, .previousMeetingLoaded(earlier, talkID: session.id))
            return state
        }),
        ("card-action-chosen", { language, size in
            var session = Fixtures.oneOnOne(language)
            try! session.apply(.addAction(id: "a1", text: "Ola lager et utkast til ny ukeplan", owner: "Ola", due: "2026-12-15", onCurrentCard: true), now: Fixtures.start)
            try! session.apply(.addAction(id: "a2", text: "Kari avklarer budsjettet", owner: "Kari", due: nil, onCurrentCard: true), now: Fixtures.start)
            var state = Fixtures.talkState(session, language: language, size: size)
            Fixtures.press([.tab, .tab, .character("d")], &state)
            state.flash = nil
            return state
        }),
        ("summary-actions", { language, size in
            var session = Fixtures.oneOnOne(language)
            try! session.apply(.addAction(id: "a1", text: "Ola lager et utkast til ny ukeplan", owner: "Ola", due: "2026-12-15", onCurrentCard: true), now: Fixtures.start)
            try! session.apply(.addAction(id: "a2", text: "Kari avklarer budsjettet", owner: "Kari", due: nil, onCurrentCard: false), now: Fixtures.start)
            try! session.apply(.setActionDone(id: "a1", done: true), now: Fixtures.start)
            try! session.apply(.setPrivateNotes("Ola virker sliten"), now: Fixtures.start)
            var state = Fixtures.talkState(session, language: language, size: size)
            Fixtures.press([.escape, .character("f"), .down], &state)
            return state
        }),
        ("notes-private", { language, size in
            var state = Fixtures.talkState(Fixtures.oneOnOne(language), language: language, size: size)
            Fixtures.press([.escape, .character("f"), .character("n")], &state)
            Fixtures.type("Neste samtale om tre uker.", &state)
            Fixtures.press([.tab], &state)
            Fixtures.type("Ola virker sliten; spør om turnusen.", &state)
            return state
        }),
        ("since-last-time", { language, size in
            var earlier = Fixtures.oneOnOne(language)
            try! earlier.apply(.addAction(id: "a1", text: "Ola prøver ut ny ukeplan", owner: "Ola", due: "2026-12-01", onCurrentCard: true), now: Fixtures.start)
            try! earlier.apply(.addAction(id: "a2", text: "Kari avklarer budsjettet", owner: "Kari", due: nil, onCurrentCard: false), now: Fixtures.start)
            let setup = TalkSetup(kind: .oneOnOne, language: language, participants: earlier.participants, deckIDs: ["samtale"])
            let session = try! Session.start(setup, decks: Fixtures.decks, id: "2026-12-10-0900-cafe", now: Fixtures.start, previous: earlier)
            var state = Fixtures.talkState(session, language: language, size: size)
            Fixtures.press([.character("d")], &state)
            return state
        }),
        ("history", { language, size in
            var state = Fixtures.state(language, size: size, screen: .history)
            state.sessions = SessionList(items: [
                TalkListItem(id: "2026-11-19-1300-beef", title: "Avdeling Solsiden", kind: .team, participants: "Åse",
                             createdAt: Fixtures.start.addingTimeInterval(14_400), handled: 1, cardCount: 2, finished: false),
                TalkListItem(id: "2026-11-19-0900-abcd", title: "Selvledelse", kind: .oneOnOne, participants: "Kari, Ola",
                             createdAt: Fixtures.start, handled: 3, cardCount: 3, finished: true),
            ], problems: [StoreProblem(path: "/home/kari/.local/share/tillit/sessions/odd.json",
                                          error: .damaged(path: "/home/kari/.local/share/tillit/sessions/odd.json"))])
            return state
        }),
        ("session-view", { language, size in
            var session = Fixtures.oneOnOne(language)
            try! session.apply(.setText(participant: "p1", text: "Du har mye frihet i planleggingen."), now: Fixtures.start)
            try! session.apply(.setText(participant: "p2", text: "Ja, men rapportene tar tid 😅"), now: Fixtures.start)
            try! session.apply(.next, now: Fixtures.start)
            try! session.apply(.setRating(participant: "p2", rating: 4), now: Fixtures.start)
            var state = Fixtures.state(language, size: size, screen: .transcript)
            state.talk = TalkState(session: session, path: "/tmp/x.json", readOnly: true)
            return state
        }),
        ("decks", { language, size in Fixtures.state(language, size: size, screen: .decks) }),
        ("deck-preview", { language, size in Fixtures.state(language, size: size, screen: .deckPreview) }),
        ("help-card", { language, size in
            var state = Fixtures.talkState(Fixtures.oneOnOne(language), language: language, size: size)
            Fixtures.press([.escape, .character("?")], &state)
            return state
        }),
    ]

    static var cases: [(String, Language, Size)] {
        screens.flatMap { screen in
            [Language.nb, .en].flatMap { language in sizes.map { (screen.0, language, $0) } }
        }
    }

    @Test(arguments: cases.map { "\($0.0)|\($0.1.rawValue)|\($0.2.width)x\($0.2.height)" })
    func screen(_ key: String) {
        let parts = key.split(separator: "|").map(String.init)
        let language = Language(rawValue: parts[1])!
        let dimensions = parts[2].split(separator: "x").map { Int($0)! }
        let size = Size(width: dimensions[0], height: dimensions[1])
        let build = Self.screens.first { $0.0 == parts[0] }!.1
        assertSnapshot(view(build(language, size)), named: "\(parts[0])-\(parts[1])-\(parts[2])")
    }

    @Test func tooSmallScreenAndRecovery() {
        var state = Fixtures.talkState(Fixtures.oneOnOne(), size: Size(width: 50, height: 12))
        assertSnapshot(view(state), named: "too-small-nb-50x12")
        _ = update(&state, .resize(Size(width: 80, height: 24)))
        #expect(view(state).text.contains("Hvor stort handlingsrom"))
    }
}
