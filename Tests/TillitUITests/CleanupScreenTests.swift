import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// The clean-up list on screen: the item form (`c`), the open items brought
/// back in "since last time", and the list's own screen; views as text at 80x24 and 200x60.
struct CleanupScreenTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 200, height: 60)]
    static let day: TimeInterval = 86_400

    static func draft(_ text: String, _ kind: CleanupKind, _ decider: CleanupDecider, _ hours: Double?) -> CleanupDraft {
        CleanupDraft(text: text, kind: kind, decider: decider, hoursPerMonth: hours, proposal: .drop)
    }

    /// A team meeting with three items, and the next meeting of the same team, a month later.
    static func meetings(_ language: Language) -> (first: Session, second: Session) {
        var first = Fixtures.team(language, anonymous: false)
        for draft in [draft("Ukerapport om overtid til økonomi", .report, .ours, 3),
                      draft("Dobbel registrering i fagsystemet", .system, .leader, 5),
                      draft("Statlig indikator for «brukertid»", .goal, .outside, 2.5)] {
            try! first.apply(.addCleanupItem(id: first.nextCleanupID, draft: draft, onCurrentCard: true), now: Fixtures.start)
        }
        try! first.apply(.finish, now: Fixtures.start)
        let setup = TalkSetup(kind: .team, title: "Avdeling Solsiden", language: language,
                              participants: [Participant(id: "p1", name: "Åse", role: .facilitator)], deckIDs: ["trygghet"])
        let second = try! Session.start(setup, decks: Fixtures.decks, id: "2026-12-19-1300-cafe", now: Fixtures.start + 30 * day,
                                        previous: first)
        return (first, second)
    }

    static func secondMeetingState(_ language: Language, size: Size) -> AppState {
        var state = Fixtures.talkState(meetings(language).second, language: language, size: size)
        state.now = Fixtures.start + 30 * day
        return state
    }

    nonisolated(unsafe) static let screens: [(String, @Sendable (Language, Size) -> AppState)] = [
        ("cleanup-form", { language, size in
            var state = Fixtures.talkState(Fixtures.team(language), language: language, size: size)
            Fixtures.press([.escape, .character("c")], &state)
            Fixtures.type("Ukerapport om overtid til økonomi", &state)
            Fixtures.press([.tab, .right, .right, .tab, .right, .right], &state)
            return state
        }),
        ("cleanup-since-last-time", { language, size in
            var state = secondMeetingState(language, size: size)
            Fixtures.press([.character("x")], &state)
            Fixtures.type("Ingen leser den", &state)
            Fixtures.press([.tab], &state)
            Fixtures.type("Teamet", &state)
            Fixtures.press([.enter], &state)
            state.flash = nil
            return state
        }),
        ("cleanup-list", { language, size in
            let pair = meetings(language)
            let first = pair.first
            var second = pair.second
            try! second.apply(.decideCleanupItem(id: first.cleanupItems[0].id, outcome: .dropped, why: "", by: ""), now: Fixtures.start + 30 * day)
            try! second.apply(.decideCleanupItem(id: first.cleanupItems[2].id, outcome: .sentUp, why: "", by: "Kommunedirektøren"),
                              now: Fixtures.start + 30 * day)
            var state = Fixtures.state(language, size: size)
            state.now = Fixtures.start + 40 * day
            let effects = HomeScreen.choose(.cleanup, &state)
            #expect(effects == [.loadCleanup])
            _ = update(&state, .cleanupLoaded([CleanupRegister.build(talks: [first, second], team: "Avdeling Solsiden", participant: nil)]))
            return state
        }),
    ]

    static var cases: [String] {
        screens.flatMap { screen in [Language.nb, .en].flatMap { language in sizes.map { "\(screen.0)|\(language.rawValue)|\($0.width)x\($0.height)" } } }
    }

    @Test(arguments: cases)
    func screen(_ key: String) {
        let parts = key.split(separator: "|").map(String.init)
        let language = Language(rawValue: parts[1])!
        let dimensions = parts[2].split(separator: "x").map { Int($0)! }
        let build = Self.screens.first { $0.0 == parts[0] }!.1
        assertSnapshot(view(build(language, Size(width: dimensions[0], height: dimensions[1]))), named: "\(parts[0])-\(parts[1])-\(parts[2])")
    }

    @Test func theFormSavesAnItemWithItsKindWhoAndHours() {
        var state = Fixtures.talkState(Fixtures.team(), language: .nb)
        Fixtures.press([.escape, .character("c")], &state)
        #expect(state.isCapturingText, "q and ? are letters in the form")
        Fixtures.type("Månedsrapport", &state)
        Fixtures.press([.tab, .tab, .right, .right, .tab], &state)
        Fixtures.type("2,5", &state)
        Fixtures.press([.enter, .enter, .enter], &state)
        let item = try! #require(state.talk?.session.cleanupItems.first)
        #expect(item.text == "Månedsrapport" && item.kind == .report && item.decider == .higherUp && item.hoursPerMonth == 2.5)
        #expect(item.fromCard == "trygghet/si-fra")
        #expect(state.talk?.cleanupForm == nil)
        #expect(state.flash == "Lagt på ryddelista: Månedsrapport")
    }

    @Test(arguments: [("-3", "Timene kan ikke være færre enn null."), ("nan", "«nan» er ikke et antall timer"),
                      ("2500", "flere enn 2000 timer"), ("", "Skriv hva det gjelder")])
    func badInputIsSaidOnTheFormAndNothingIsSaved(hours: String, message: String) {
        var state = Fixtures.talkState(Fixtures.team(), language: .nb)
        Fixtures.press([.escape, .character("c")], &state)
        if !hours.isEmpty { Fixtures.type("Rapport", &state) }
        Fixtures.press([.tab, .tab, .tab], &state)
        Fixtures.type(hours.isEmpty ? "3" : hours, &state)
        Fixtures.press([.enter, .enter, .enter], &state)
        let form = try! #require(state.talk?.cleanupForm, "the form stays open")
        #expect(form.error?.contains(message) == true, "\(form.error ?? "no error")")
        // The words are kept as they are typed (as the action form keeps them); the bad hours never are.
        #expect(state.talk!.session.cleanupItems.allSatisfy { $0.text == "Rapport" && $0.hoursPerMonth == nil }, "nothing saved half")
        #expect(state.talk!.session.cleanupItems.count == (hours.isEmpty ? 0 : 1))
        #expect(view(state).text.contains(String(message.prefix(20))))
        Fixtures.press([.escape], &state)
        #expect(state.talk?.cleanupForm == nil && state.talk!.session.cleanupItems.isEmpty)
    }

    @Test func theRyddOppDeckShowsTheKeyOnItsBarAndEveryCardHasItInHelp() {
        let ryddOpp = Deck(id: "rydd-opp", title: Fixtures.text("Rydd opp", "Clean up"), audience: [.team],
                           cards: [Card(id: "rapporter", prompt: Fixtures.text("Hvilke rapporter leser ingen?", "Which reports does nobody read?"))])
        var config = Fixtures.config(.nb)
        config.decks.append(ryddOpp)
        let setup = TalkSetup(kind: .team, title: "Solsiden", language: .nb, deckIDs: ["rydd-opp"])
        var state = AppState(config: config, size: Size(width: 120, height: 30), now: Fixtures.start, screen: .talk)
        state.talk = TalkState(session: try! Session.start(setup, decks: config.decks, id: "2026-11-19-1300-aaaa", now: Fixtures.start), path: "/x")
        Fixtures.press([.escape], &state)
        #expect(TalkScreen.keyBar(state, state.talk!).contains { $0.0 == "c" })
        var other = Fixtures.browsingTalkState(Fixtures.team(), size: Size(width: 120, height: 30))
        #expect(!TalkScreen.keyBar(other, other.talk!).contains { $0.0 == "c" })
        #expect(TalkScreen.help(other, other.talk!).contains { $0.0 == "c" && $0.1 == UIString.helpCleanupItem })
        Fixtures.press([.character("c")], &other)
        #expect(other.talk?.cleanupForm != nil)
    }

    @Test func openItemsComeFirstInTheNextMeetingAndAreMarkedThere() {
        var state = Self.secondMeetingState(.nb, size: Size(width: 100, height: 30))
        #expect(state.talk?.phase == .sinceLastTime)
        #expect(view(state).text.contains("Ukerapport om overtid til økonomi"))
        Fixtures.press([.down, .character("w"), .character("o")], &state)
        Fixtures.type("Kommunedirektøren", &state)
        Fixtures.press([.enter, .enter], &state)
        let items = state.talk!.session.cleanupItems
        #expect(items[1].latest?.outcome == .waiting)
        #expect(items[2].latest?.outcome == .sentUp && items[2].latest?.by == "Kommunedirektøren")
        #expect(state.talk!.session.pendingCleanup.map(\.text) == ["Ukerapport om overtid til økonomi"])
        Fixtures.press([.home, .character("x"), .enter, .enter], &state)
        #expect(state.talk!.session.cleanupItems[0].latest?.outcome == .dropped)
        Fixtures.press([.enter], &state)
        #expect(state.talk?.phase == .cards)
    }

    @Test func theListScreenSortsAndFiltersWithItsKeys() {
        let (first, second) = Self.meetings(.nb)
        var state = Fixtures.state(.nb, size: Size(width: 100, height: 30))
        _ = HomeScreen.choose(.cleanup, &state)
        _ = update(&state, .cleanupLoaded([CleanupRegister.build(talks: [first, second], team: "Avdeling Solsiden", participant: nil)]))
        #expect(ScreenKeys.bar(state).map(\.0) == ["↑↓", "s", "k", "w", "Esc"])
        Fixtures.press([.character("w"), .character("w")], &state)
        #expect(state.cleanup.decider == .leader)
        #expect(view(state).text.contains("Dobbel registrering") && !view(state).text.contains("Ukerapport"))
        Fixtures.press([.character("w"), .character("w"), .character("w")], &state)
        #expect(state.cleanup.decider == nil, "round to all")
        Fixtures.press([.character("k")], &state)
        #expect(state.cleanup.kind == .goal && view(state).text.contains("Statlig indikator"))
        Fixtures.press([.character("s")], &state)
        #expect(state.cleanup.order == .kind)
        Fixtures.press([.escape], &state)
        #expect(state.screen == .home)
    }
}

extension CleanupScreenTests {
    @Test func leavingWithTheFormOpenSavesTheItemOrSaysWhyNot() {
        var state = Fixtures.talkState(Fixtures.team(), language: .nb)
        Fixtures.press([.escape, .character("c")], &state)
        Fixtures.type("Ukemøtet", &state)
        #expect(state.keepDrafts() == "Punktet du skrev på, er lagt på ryddelista: Ukemøtet — rapport · stryke")
        #expect(state.talk?.session.cleanupItems.map(\.text) == ["Ukemøtet"] && state.talk?.cleanupForm == nil)

        var bad = Fixtures.talkState(Fixtures.team(), language: .nb)
        Fixtures.press([.escape, .character("c")], &bad)
        Fixtures.type("Skjema", &bad)
        Fixtures.press([.tab, .tab, .tab], &bad)
        Fixtures.type("-4", &bad)
        #expect(bad.keepDrafts() == "Punktet du skrev på, er lagt på ryddelista uten det som ikke kunne lagres (Timene kan ikke være færre enn null.): Skjema")
        #expect(bad.talk?.session.cleanupItems.map(\.text) == ["Skjema"] && bad.talk?.session.cleanupItems.first?.hoursPerMonth == nil)

        var empty = Fixtures.talkState(Fixtures.team(), language: .nb)
        Fixtures.press([.escape, .character("c"), .tab, .tab, .tab], &empty)
        Fixtures.type("-4", &empty)
        #expect(empty.keepDrafts() == nil, "no words, nothing to keep")
        #expect(empty.talk?.session.cleanupItems.isEmpty == true)
    }
}
