import Foundation
import Testing
import TillitCore
@testable import TillitStore

/// The home screen of the real binary: talks kept longer than the retention
/// are offered for review and deleted there; private notes past their time are gone.
@Suite struct ReviewOldTalksEndToEndTests {
    @Test func oldTalksAreReviewedAndDeletedFromTheHomeScreen() throws {
        let tmux = try TmuxSession()
        let store = SessionStore(home: TillitHome(path: tmux.dataFolder.path))
        let cards = [Card(id: "k1", prompt: LocalizedText([.nb: "Hva går bra?"]))]
        let deck = Deck(id: "selvledelse", title: LocalizedText([.nb: "Selvledelse"]), cards: cards)
        let now = Date()
        var ids: [String] = []
        for (name, days) in [("Åse", 10.0), ("Bjørn", 900), ("Cecilie", 1200)] {
            let people = [Participant(id: "p1", name: "Kari", role: .leader), Participant(id: "p2", name: name, role: .employee)]
            var talk = try Session.start(TalkSetup(kind: .oneOnOne, language: .nb, participants: people, deckIDs: [deck.id]),
                                         decks: [deck], id: "2020-01-0\(ids.count + 1)-1000-000\(ids.count)", now: now - days * 86_400)
            talk.privateNotes = "Privat om \(name)"
            try talk.apply(.finish, now: now - days * 86_400)
            try store.save(talk)
            ids.append(talk.id)
        }
        try Settings(retentionMonths: 24, privateNotesDays: 30).save(to: TillitHome(path: tmux.dataFolder.path))
        try tmux.launch([], environment: ["LANG": "nb_NO.UTF-8"])
        try tmux.waitFor("Se over 2 samtaler som er oppbevart lenger enn 24 måneder")
        // Started after their time: the old talks' private notes are gone, the recent one's stay.
        #expect(try store.load(id: ids[1]).privateNotes == "" && store.load(id: ids[0]).privateNotes == "Privat om Åse")
        try tmux.press("o")
        var screen = try tmux.waitFor("Cecilie")
        #expect(screen.contains("Bjørn") && !screen.contains("Kari, Åse"))
        try tmux.press("D")
        try tmux.waitFor("Vil du slette disse 2 samtalene")
        try tmux.press("j")
        screen = try tmux.waitFor("Ingen samtaler ennå")
        #expect(store.list().summaries.map(\.id) == [ids[0]])
        try tmux.press("Escape")
        screen = try tmux.waitFor("Tidligere samtaler")
        #expect(!screen.contains("Se over"), "nothing is older now: the row is gone")
        try tmux.press("q")
        try tmux.waitForExit()
    }
}
