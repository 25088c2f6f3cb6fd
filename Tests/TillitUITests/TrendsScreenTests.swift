import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// The trends screen: how it is reached, its keys, and how it looks.
@Suite("Trends screen")
struct TrendsScreenTests {
    static let scale5 = Scale(min: 1, max: 5, low: Fixtures.text("Lite", "Little"), high: Fixtures.text("Mye", "Much"))
    static let deck = Deck(
        id: "trygghet", title: Fixtures.text("Psykologisk trygghet", "Psychological safety"), audience: [.team],
        cards: [
            Card(id: "si-fra", prompt: Fixtures.text("Hvor lett er det å si fra når noe er galt?", "How easy is it to speak up when something is wrong?"),
                 answer: .scale(scale5)),
            Card(id: "feil", prompt: Fixtures.text("Hvor trygt er det å innrømme en feil her?", "How safe is it to admit a mistake here?"),
                 answer: .scale(scale5)),
            Card(id: "be-om-hjelp", prompt: Fixtures.text("Hvor lett er det å be om hjelp?", "How easy is it to ask for help?"),
                 answer: .scale(Scale(min: 1, max: 7, low: Fixtures.text("Vanskelig", "Hard"), high: Fixtures.text("Lett", "Easy")))),
        ])

    /// Six meetings of one team: speaking up rises after an action in the third,
    /// mistakes has too few votes last time, asking for help was rated once.
    static func report(_ language: Language) -> TrendsReport {
        let votes: [[String: [Int]]] = [
            ["si-fra": [2, 2, 3, 2], "feil": [3, 3, 3]],
            ["si-fra": [2, 3, 3, 2], "feil": [3, 4, 3]],
            ["si-fra": [3, 3, 3, 2], "feil": [4, 4, 3], "be-om-hjelp": [5, 6, 6]],
            ["si-fra": [3, 4, 4, 3]],
            ["si-fra": [4, 4, 5, 3], "feil": [4, 4, 4]],
            ["si-fra": [4, 5, 5, 4], "feil": [5, 2]],
        ]
        let sessions = votes.enumerated().map { offset, cardVotes in
            let setup = TalkSetup(kind: .team, title: "Avdeling Solsiden", language: language,
                                  participants: [Participant(id: "p1", name: "Åse", role: .facilitator)],
                                  deckIDs: ["trygghet"], anonymous: true)
            let now = Fixtures.start + Double(offset) * 14 * 86_400
            var talk = try! Session.start(setup, decks: [deck], id: "2026-11-\(10 + offset)-1300-000\(offset)", now: now)
            for (index, record) in talk.cards.enumerated() {
                try! talk.apply(.jump(to: index), now: now)
                for value in cardVotes[record.card] ?? [] { try! talk.apply(.addVote(value: value, participant: nil), now: now) }
                if offset == 2, record.card == "si-fra" {
                    try! talk.apply(.addAction(id: "a\(offset)", text: "Fast runde om feil på fredager", owner: "Åse",
                                               due: nil, onCurrentCard: true), now: now)
                }
            }
            return talk
        }
        return TrendsReport(sessions: sessions, deckID: "trygghet", team: "Avdeling Solsiden", deck: deck, language: language)
    }

    static func trendsState(_ language: Language, size: Size, selection: Int = 0) -> AppState {
        var state = Fixtures.state(language, size: size, screen: .history)
        state.screen = .trends
        state.trendsScreen = TrendsScreenState(selection: selection, returnTo: .history, deckID: "trygghet", team: "Avdeling Solsiden")
        _ = update(&state, .trendsLoaded(report(language)))
        return state
    }

    // MARK: Getting there and back

    @Test func tInTheSummaryAsksForTheTeamsTrendAndEscGoesBack() {
        var state = Fixtures.talkState(Fixtures.team(.nb))
        Fixtures.press([.character("f")], &state)
        #expect(state.talk?.phase == .summary)
        let effects = Fixtures.press([.character("t")], &state)
        #expect(effects == [.loadTrends(deckID: "trygghet", team: "Avdeling Solsiden", participant: nil)])
        #expect(state.screen == .trends && state.trends == nil)
        #expect(view(state).text.contains("Leser samtalene …"))
        _ = update(&state, .trendsLoaded(Self.report(.nb)))
        #expect(state.trends?.cards.count == 3)
        Fixtures.press([.escape], &state)
        #expect(state.screen == .talk && state.talk?.phase == .summary, "back where it was opened")
    }

    @Test func tInAOneOnOneSummaryFollowsTheEmployee() {
        var state = Fixtures.talkState(Fixtures.oneOnOne(.nb))
        Fixtures.press([.escape, .character("f")], &state)
        #expect(Fixtures.press([.character("t")], &state) == [.loadTrends(deckID: "samtale", team: nil, participant: "Ola")])
    }

    @Test func tInTheHistoryUsesTheSelectedTalksDeckAndTeam() {
        var state = Fixtures.state(screen: .history)
        var solsiden = TalkListItem(id: "b", title: "Avdeling Solsiden", kind: .team, participants: "Åse",
                                    createdAt: Fixtures.start, handled: 1, cardCount: 2, finished: true)
        solsiden.deckIDs = ["trygghet"]
        let noDeck = TalkListItem(id: "a", title: "Selvledelse", kind: .oneOnOne, participants: "Kari, Ola",
                                  createdAt: Fixtures.start, handled: 1, cardCount: 3, finished: true)
        state.sessions = SessionList(items: [noDeck, solsiden])
        #expect(Fixtures.press([.character("t")], &state).isEmpty, "a talk without decks has no trend")
        #expect(state.screen == .history)
        Fixtures.press([.down], &state)
        #expect(Fixtures.press([.character("t")], &state) == [.loadTrends(deckID: "trygghet", team: "Avdeling Solsiden", participant: nil)])
        Fixtures.press([.character("q")], &state)
        #expect(state.screen == .history)
    }

    @Test func arrowsChooseACardWithinTheList() {
        var state = Self.trendsState(.nb, size: Size(width: 80, height: 24))
        Fixtures.press([.down, .down, .down, .down], &state)
        #expect(state.trendsScreen.selection == 2)
        Fixtures.press([.up], &state)
        #expect(state.trendsScreen.selection == 1)
        #expect(view(state).text.contains("For få stemmer til å vise (minst 3)"))
        _ = update(&state, .trendsLoaded(TrendsReport(sessions: [], deckID: "trygghet")))
        #expect(state.trendsScreen.selection == 0, "a shorter report keeps the selection inside it")
        #expect(view(state).text.contains("Ingen samtaler med kortstokken trygghet ennå."))
    }

    @Test func helpListsTheKeys() {
        var state = Self.trendsState(.en, size: Size(width: 80, height: 24))
        Fixtures.press([.character("?")], &state)
        #expect(view(state).text.contains("Esc q ←"))
    }

    // MARK: Snapshots

    @Test(arguments: [Language.nb, .en], SnapshotTests.sizes)
    func trendsLookRight(language: Language, size: Size) {
        assertSnapshot(view(Self.trendsState(language, size: size)), named: "trends-\(language.rawValue)-\(size.width)x\(size.height)")
    }

    @Test(arguments: [Language.nb, .en])
    func aCardWithTooFewVotesLastTimeSaysSo(language: Language) {
        assertSnapshot(view(Self.trendsState(language, size: Size(width: 80, height: 24), selection: 1)),
                       named: "trends-too-few-\(language.rawValue)-80x24")
    }

    @Test func theSmallestWindowStillShowsTheChosenCard() {
        let text = view(Self.trendsState(.nb, size: AppState.minimumSize)).text
        #expect(text.contains("Hvor lett er det å si fra"))
        #expect(text.contains("▃▄▄▅▆▇"), "the sparkline")
    }
}
