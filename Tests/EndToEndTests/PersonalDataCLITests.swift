import Foundation
import Testing
import TillitCore
@testable import TillitStore

/// A person's rights over their data on the command line: to see everything
/// kept about them (`export --participant … --all -o DIR`) and to be removed (`forget`).
@Suite struct PersonalDataCLITests {
    /// Three people across five talks: two 1:1s with Øyvind Ås, one with Berit,
    /// and two team meetings, one where Øyvind takes part by name.
    func homeWithThreePeople() throws -> (TemporaryHome, SessionStore) {
        let home = try TemporaryHome()
        let store = SessionStore(home: TillitHome(path: home.path))
        let cards = [Card(id: "k1", prompt: LocalizedText([.nb: "Hva går bra?"])),
                     Card(id: "k2", prompt: LocalizedText([.nb: "Hvor trygt er det?"]),
                          answer: .scale(Scale(min: 1, max: 5, low: LocalizedText([.nb: "Lite"]), high: LocalizedText([.nb: "Svært"]))))]
        let deck = Deck(id: "d", title: LocalizedText([.nb: "Kortstokk"]), cards: cards)
        let day = Date(timeIntervalSince1970: 1_795_464_000)
        let kari = Participant(id: "p1", name: "Kari", role: .leader)
        func oneOnOne(_ id: String, with name: String, days: Double, words: String) throws {
            var talk = try Session.start(TalkSetup(kind: .oneOnOne, language: .nb,
                                                   participants: [kari, Participant(id: "p2", name: name, role: .employee)],
                                                   deckIDs: [deck.id]), decks: [deck], id: id, now: day + days * 86_400)
            try talk.apply(.setText(participant: "p2", text: words), now: day)
            try talk.apply(.setText(participant: "p1", text: "Kari holder dette for seg selv"), now: day)
            try talk.apply(.keepOut(participant: "p1", keptOut: true), now: day)
            talk.privateNotes = "Privat om \(name)"
            try store.save(talk)
        }
        try oneOnOne("2026-11-01-1000-0001", with: "Øyvind Ås", days: 0, words: "Jeg trives")
        try oneOnOne("2026-11-02-1000-0002", with: "øyvind ås ", days: 1, words: "Mer tid til brukerne")
        // Øyvind keeps one answer out of the minutes: it is his, so his access export holds it.
        var kept = try store.load(id: "2026-11-02-1000-0002")
        try kept.apply(.keepOut(participant: "p2", keptOut: true), now: day)
        try store.save(kept)
        try oneOnOne("2026-11-03-1000-0003", with: "Berit", days: 2, words: "Bra team")
        func team(_ id: String, members: [String], days: Double) throws {
            let people = [Participant(id: "p1", name: "Kari", role: .facilitator)]
                + members.enumerated().map { Participant(id: "m\($0.offset)", name: $0.element, role: .member) }
            var talk = try Session.start(TalkSetup(kind: .team, title: "Avdeling Solsiden", language: .nb, participants: people,
                                                   deckIDs: [deck.id]), decks: [deck], id: id, now: day + days * 86_400)
            for (index, member) in members.enumerated() {
                try talk.apply(.setText(participant: "m\(index)", text: "\(member) mener vi bør øve mer"), now: day)
            }
            try talk.apply(.next, now: day)
            for vote in [2, 4, 4] { try talk.apply(.addVote(value: vote, participant: nil), now: day) }
            try talk.apply(.addAction(id: "a1", text: "Øyvind Ås lager en plan", owner: members.first ?? "Kari", due: nil,
                                      onCurrentCard: true), now: day)
            try store.save(talk)
        }
        try team("2026-11-04-1000-0004", members: ["Øyvind Ås", "Berit"], days: 3)
        try team("2026-11-05-1000-0005", members: ["Berit"], days: 4)
        return (home, store)
    }

    func allText(under folder: String) throws -> String {
        var text = ""
        let walker = FileManager.default.enumerator(atPath: folder)
        while let name = walker?.nextObject() as? String {
            let path = (folder as NSString).appendingPathComponent(name)
            if let data = FileManager.default.contents(atPath: path) { text += String(decoding: data, as: UTF8.self) }
        }
        return text
    }

    @Test func theAccessExportHoldsEveryTalkThatNamesThePersonAndNoOther() throws {
        let (home, _) = try homeWithThreePeople()
        let folder = (home.path as NSString).appendingPathComponent("innsyn")
        let run = runTillit(["export", "--participant", "Øyvind Ås", "--all", "-o", folder, "--lang", "nb"],
                            environment: home.environment())
        #expect(run.status == 0, "\(run.stderr)")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        let ids = ["2026-11-01-1000-0001", "2026-11-02-1000-0002", "2026-11-04-1000-0004"]
        #expect(files == Set(ids.flatMap { ["\($0).md", "\($0).json"] } + ["README.md"]))
        let readme = try String(contentsOfFile: (folder as NSString).appendingPathComponent("README.md"), encoding: .utf8)
        for id in ids { #expect(readme.contains(id)) }
        #expect(readme.contains("Lederens private notater er ikke tatt med"))
        let everything = try allText(under: folder)
        #expect(!everything.contains("Bra team") && !everything.contains("2026-11-05"), "nothing from talks without them")
        #expect(!everything.contains("Privat om"), "private notes only with the flag")
        let json = try String(contentsOfFile: (folder as NSString).appendingPathComponent("2026-11-02-1000-0002.json"), encoding: .utf8)
        let minutes = try String(contentsOfFile: (folder as NSString).appendingPathComponent("2026-11-02-1000-0002.md"), encoding: .utf8)
        #expect(json.contains("Mer tid til brukerne") && !minutes.contains("Mer tid til brukerne"),
                "his own answer kept out of the minutes is in his record, not in the minutes")
        #expect(!everything.contains("Kari holder dette for seg selv"), "what the leader kept out stays out")
        let mode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
        #expect(mode == 0o700)

        let withPrivate = (home.path as NSString).appendingPathComponent("innsyn-privat")
        let privateRun = runTillit(["export", "--participant", "Øyvind Ås", "--all", "-o", withPrivate, "--include-private",
                                    "--lang", "nb"], environment: home.environment())
        #expect(privateRun.status == 0)
        let privateText = try allText(under: withPrivate)
        #expect(privateText.contains("Privat om Øyvind Ås") && privateText.contains("Lederens private notater er tatt med"))
    }

    @Test(arguments: [
        (["export", "--participant", "Øyvind Ås", "-o", "x"], "to write out everything about one person, give --all"),
        (["export", "--participant", "Nobody Here", "--all", "-o", "ny"], "no talk names 'Nobody Here'"),
        (["forget", "Nobody Here", "--yes"], "no talk names 'Nobody Here'"),
        (["forget", "Øyvind Ås"], "changing nothing: there is no terminal to ask on"),
    ])
    func badRequestsAreOneLineAndChangeNothing(arguments: [String], message: String) throws {
        let (home, _) = try homeWithThreePeople()
        let before = try allText(under: home.path)
        let run = runTillit(arguments, environment: home.environment())
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("tillit: " + message) && run.stderr.filter { $0 == "\n" }.count == 1, "\(run.stderr)")
        #expect(try allText(under: home.path) == before)
    }

    @Test func anExportFolderThatIsNotEmptyIsRefused() throws {
        let (home, _) = try homeWithThreePeople()
        let folder = try home.write("innsyn/notat.txt", "mitt")
        let run = runTillit(["export", "--participant", "Øyvind Ås", "--all", "-o", (folder as NSString).deletingLastPathComponent],
                            environment: home.environment())
        #expect(run.status == 1 && run.stderr.contains("is not empty"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: (folder as NSString).deletingLastPathComponent) == ["notat.txt"])
    }

    @Test func forgetLeavesNoTraceOfTheNameAndOthersTrendsUnchanged() throws {
        let (home, store) = try homeWithThreePeople()
        let team = try store.load(id: "2026-11-04-1000-0004")
        let referat = try store.referatPath(for: team.id)
        try PrivateFile.write(MarkdownExporter.render(team, includePrivate: false), to: referat, overwrite: false)
        let trendsBefore = runTillit(["trends", "--deck", "d", "--team", "Avdeling Solsiden", "--format", "csv"],
                                     environment: home.environment())
        let run = runTillit(["forget", "Øyvind Ås", "--yes", "--lang", "nb"], environment: home.environment())
        #expect(run.status == 0, "\(run.stderr)")
        // Both team meetings change: one had Øyvind taking part, both name him in an action.
        #expect(run.stdout.contains("2 samtaler slettet, 2 endret"))
        let everything = try allText(under: home.path)
        #expect(!everything.localizedCaseInsensitiveContains("Øyvind"), "no occurrence of the name in any file")
        #expect(everything.contains("Bra team") && everything.contains("Berit mener vi bør øve mer"))
        let changed = try store.load(id: team.id)
        #expect(changed.participants.map(\.name) == ["Kari", "Berit"])
        #expect(changed.actions.first?.owner == "" && changed.actions.first?.text == "[navn fjernet] lager en plan")
        #expect(changed.cards[1].ratingCounts == team.cards[1].ratingCounts, "anonymous counts stay")
        let trendsAfter = runTillit(["trends", "--deck", "d", "--team", "Avdeling Solsiden", "--format", "csv"],
                                   environment: home.environment())
        #expect(trendsAfter.stdout == trendsBefore.stdout && !trendsBefore.stdout.isEmpty)
    }
}
