import Foundation
import Testing
import TillitCore
@testable import TillitStore

/// `tillit export`, `tillit trends` and the filters of `tillit sessions`, on the built binary.
@Suite("tillit export, trends and sessions filters")
struct ExportCLITests {
    static let start = Date(timeIntervalSince1970: 1_795_597_200)  // 2026-11-25 09:00 UTC
    static let scale = Scale(min: 1, max: 5, low: LocalizedText([.nb: "lite", .en: "little"]), high: LocalizedText([.nb: "mye", .en: "much"]))
    static let teamDeck = Deck(id: "test-trygghet", title: LocalizedText([.nb: "Trygghet", .en: "Safety"]), audience: [.team], cards: [
        Card(id: "si-fra", prompt: LocalizedText([.nb: "Hvor lett er det å si fra?", .en: "How easy is it to speak up?"]), answer: .scale(scale)),
        Card(id: "hjelp", prompt: LocalizedText([.nb: "Hvem spør vi om hjelp?", .en: "Whom do we ask for help?"])),
    ])
    static let oneOnOneDeck = Deck(id: "test-samtale", title: LocalizedText([.nb: "Samtale", .en: "Talk"]), cards: [
        Card(id: "energi", prompt: LocalizedText([.nb: "Hvor mye energi har du?", .en: "How much energy do you have?"]), answer: .textAndScale(scale)),
    ])
    static let english = ["LANG": "en_US.UTF-8", "TZ": "UTC"]

    /// A home with three team meetings of one team (ratings rising, the last unfinished),
    /// one of another team, and a finished 1:1 with private notes.
    static func home() throws -> (TemporaryHome, SessionStore, [Session]) {
        let home = try TemporaryHome()
        let store = SessionStore(home: TillitHome(path: home.path))
        var talks: [Session] = []
        for (day, votes) in [[2, 2, 3], [3, 3, 4], [4, 4, 5]].enumerated() {
            let now = start + Double(day) * 7 * 86_400
            var talk = try Session.start(TalkSetup(kind: .team, title: "Team Nord", language: .nb,
                                                   participants: [Participant(id: "p1", name: "Åse", role: .facilitator)],
                                                   deckIDs: [teamDeck.id], anonymous: true),
                                         decks: [teamDeck], id: "2026-12-0\(day + 1)-1300-000\(day)", now: now)
            for value in votes { try talk.apply(.addVote(value: value, participant: nil), now: now) }
            if day == 1 {
                try talk.apply(.addAction(id: "n1", text: "Fredagsrunde", owner: "Åse", due: nil, onCurrentCard: true), now: now)
            }
            if day < 2 { try talk.apply(.finish, now: now) }
            talks.append(talk)
        }
        var other = try Session.start(TalkSetup(kind: .team, title: "Team Sør", language: .nb, deckIDs: [teamDeck.id], anonymous: true),
                                      decks: [teamDeck], id: "2026-12-05-1300-0009", now: start + 10 * 86_400)
        for value in [1, 1, 1] { try other.apply(.addVote(value: value, participant: nil), now: other.createdAt) }
        try other.apply(.finish, now: other.createdAt)
        talks.append(other)
        var oneOnOne = try Session.start(TalkSetup(kind: .oneOnOne, language: .en,
                                                   participants: [Participant(id: "p1", name: "Kari", role: .leader),
                                                                  Participant(id: "p2", name: "Ola Hansen", role: .employee)],
                                                   deckIDs: [oneOnOneDeck.id]),
                                         decks: [oneOnOneDeck], id: "2026-11-25-0900-beef", now: start)
        try oneOnOne.apply(.setText(participant: "p2", text: "Good | tired"), now: start)
        try oneOnOne.apply(.setPrivateNotes("Ola seemed tired."), now: start)
        try oneOnOne.apply(.finish, now: start)
        talks.append(oneOnOne)
        for talk in talks { try store.save(talk) }
        return (home, store, talks)
    }

    // MARK: export

    @Test func lastNamesTheNewestTalkForExportResumeAndDelete() throws {
        let (home, store, _) = try Self.home()
        let newest = "2026-12-03-1300-0002"  // the unfinished third meeting, two weeks after the first
        let bare = runTillit(["export"], environment: home.environment(Self.english))
        #expect(bare.status == 0 && bare.stdout.contains("Team Nord"), "\(bare.stderr)")
        #expect(bare.stderr == "The newest talk: \(newest) (Team Nord)\n", "which one it took is said, on stderr")
        let last = runTillit(["export", "last", "--format", "json"], environment: home.environment(Self.english))
        #expect(last.status == 0 && last.stdout.contains("\"id\" : \"\(newest)\""))
        let named = runTillit(["export", "2026-11-25-0900-beef"], environment: home.environment(Self.english))
        #expect(named.status == 0 && named.stderr.isEmpty, "a named talk needs no word about which")

        let resumed = runTillit(["resume", "last", "--plain"], environment: home.environment(Self.english), stdin: ":next\nFra linjemodus\n:quit\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try store.load(id: newest).cards[1].responses.contains { $0.text == "Fra linjemodus" })

        let deleted = runTillit(["delete", "last", "--yes"], environment: home.environment(Self.english))
        #expect(deleted.status == 0 && deleted.stdout == "Deleted talk \(newest).\n", "\(deleted.stderr)")
        #expect(!store.list().summaries.contains { $0.id == newest })

        let empty = try TemporaryHome()
        for command in [["export"], ["export", "last"], ["resume", "last"], ["delete", "last", "--yes"]] {
            let none = runTillit(command, environment: empty.environment(["LANG": "nb_NO.UTF-8"]))
            #expect(none.status == 1 && none.stderr == "tillit: Ingen samtaler ennå. Start en ny fra startsiden.\n", "\(command): \(none.stderr)")
        }
    }

    @Test func exportOfAnUnknownTalkIsOneLineAndExitOne() throws {
        let (home, store, _) = try Self.home()
        let run = runTillit(["export", "2026-01-01-0000-0000"], environment: home.environment(Self.english))
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(run.stderr == "tillit: there is no talk '2026-01-01-0000-0000' (\(try store.path(for: "2026-01-01-0000-0000")) does not exist)\n")
        let bad = runTillit(["export", "../etc/passwd"], environment: home.environment(Self.english))
        #expect(bad.status == 1 && bad.stderr.split(separator: "\n").count == 1)
    }

    @Test func exportPrintsTheReferatInTheTalksLanguageWithoutPrivateNotes() throws {
        let (home, _, talks) = try Self.home()
        let talk = talks.last!
        let run = runTillit(["export", talk.id, "--lang", "nb"], environment: home.environment(Self.english))
        #expect(run.status == 0 && run.stderr.isEmpty)
        #expect(run.stdout == MarkdownExporter.render(talk, includePrivate: false, timeZone: TimeZone(identifier: "UTC")!))
        #expect(run.stdout.hasPrefix("# Talk\n") && run.stdout.contains("Good \\| tired") && !run.stdout.contains("seemed tired"))
        let full = runTillit(["export", talk.id, "--include-private"], environment: home.environment(Self.english))
        #expect(full.stdout.contains("## Private notes\n\nOla seemed tired.\n"))
    }

    @Test func jsonExportIsTheRecordWithoutPrivateNotesUnlessAsked() throws {
        let (home, _, talks) = try Self.home()
        let talk = talks.last!
        let run = runTillit(["export", talk.id, "--format", "json"], environment: home.environment(Self.english))
        #expect(run.status == 0)
        let shared = try SessionStore.decoder().decode(Session.self, from: Data(run.stdout.utf8))
        #expect(shared.privateNotes == "" && shared.cards == talk.cards && shared.id == talk.id)
        let full = runTillit(["export", talk.id, "--format", "json", "--include-private"], environment: home.environment(Self.english))
        #expect(try SessionStore.decoder().decode(Session.self, from: Data(full.stdout.utf8)).privateNotes == "Ola seemed tired.")
    }

    @Test func exportToAFileIsPrivateAndNeverOverwritesUnlessForced() throws {
        let (home, _, talks) = try Self.home()
        let target = (home.path as NSString).appendingPathComponent("referat.md")
        let first = runTillit(["export", talks[0].id, "-o", target], environment: home.environment(Self.english))
        #expect(first.status == 0 && first.stdout == "Summary written to \(target)\n" && first.stderr.isEmpty)
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.hasPrefix("# Team Nord\n"))

        let refused = runTillit(["export", talks[1].id, "-o", target], environment: home.environment(Self.english))
        #expect(refused.status == 1)
        #expect(refused.stderr == "tillit: \(target) already exists; add --force to replace it\n")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == written, "the file is left as it was")

        let forced = runTillit(["export", talks[1].id, "-o", target, "--force", "--format", "json"], environment: home.environment(Self.english))
        #expect(forced.status == 0 && forced.stdout == "Talk written to \(target)\n")
        #expect(try SessionStore.decoder().decode(Session.self, from: Data(contentsOf: URL(fileURLWithPath: target))).id == talks[1].id)
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }

    @Test func exportIntoAFolderThatDoesNotExistSaysSo() throws {
        let (home, _, talks) = try Self.home()
        let folder = (home.path as NSString).appendingPathComponent("no/such/folder")
        let target = (folder as NSString).appendingPathComponent("referat.md")
        let run = runTillit(["export", talks[0].id, "-o", target], environment: home.environment(Self.english))
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(run.stderr == "tillit: cannot write \(target): the folder \(folder) does not exist\n")
        #expect(!FileManager.default.fileExists(atPath: folder))
        let norsk = runTillit(["export", talks[0].id, "-o", target], environment: home.environment(["LANG": "nb_NO.UTF-8"]))
        #expect(norsk.stderr == "tillit: kan ikke skrive \(target): mappen \(folder) finnes ikke\n")
    }

    // MARK: trends

    @Test func trendsSkipAnUnreadableFileWithAWarningAndShowTheRest() throws {
        let (home, store, _) = try Self.home()
        let damaged = try home.write("sessions/2026-12-09-1300-0000.json", "{\"schemaVersion\": 1, \"id\": ")
        let run = runTillit(["trends", "--deck", "test-trygghet", "--team", "team nord"], environment: home.environment(Self.english))
        #expect(run.status == 0)
        #expect(run.stderr == "\(damaged) is cut off or damaged (it is not complete JSON). tillit leaves it as it is\n")
        #expect(run.stdout == """
            Trygghet · Team Nord · 3 talks

            CARD                        TREND  LATEST  CHANGE  TALKS  VOTES  ACTIONS
            Hvor lett er det å si fra?  ▃▅▇    4.3     +1.0        3      9  ★ 1

            ★ N = actions agreed on the card

            """)
        #expect(try String(contentsOfFile: damaged, encoding: .utf8) == "{\"schemaVersion\": 1, \"id\": ", "left untouched")
        _ = store
    }

    @Test func trendsWithoutADeckListsTheDecksThatHaveTrends() throws {
        let (home, _, _) = try Self.home()
        try FileManager.default.createDirectory(atPath: home.path + "/decks", withIntermediateDirectories: true)
        for deck in [Self.teamDeck, Self.oneOnOneDeck] {
            _ = try home.write("decks/\(deck.id).yaml", Self.yaml(deck))
        }
        let run = runTillit(["trends"], environment: home.environment(Self.english))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            Decks with trends to show (tillit trends --deck ID):
              test-samtale   Talk    1 talk
              test-trygghet  Safety  4 talks

            """, "\(run.stdout)")
        let empty = try TemporaryHome()
        let none = runTillit(["trends"], environment: empty.environment(["LANG": "nb_NO.UTF-8"]))
        #expect(none.status == 0 && none.stdout == "Ingen samtaler med vurderingskort ennå, så det er ingen utvikling å vise.\n")
    }

    /// A deck file for `deck`, in the form `tillit lint` accepts.
    static func yaml(_ deck: Deck) -> String {
        var lines = ["id: \(deck.id)", "title: { nb: \"\(deck.title.resolve(.nb))\", en: \"\(deck.title.resolve(.en))\" }", "cards:"]
        for card in deck.cards {
            lines.append("  - id: \(card.id)")
            lines.append("    prompt: { nb: \"\(card.prompt.resolve(.nb))\", en: \"\(card.prompt.resolve(.en))\" }")
            if card.answer.scale != nil { lines.append("    answer: { scale: { min: 1, max: 5, low: { nb: lite, en: little }, high: { nb: mye, en: much } } }") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func trendsAsCSVAndForTheLatestTalks() throws {
        let (home, _, _) = try Self.home()
        let run = runTillit(["trends", "--deck", "test-trygghet", "--team", "Team Nord", "--last", "2", "--format", "csv"],
                            environment: home.environment(Self.english))
        #expect(run.status == 0 && run.stderr.isEmpty)
        #expect(run.stdout == "deck,card,who,prompt,talk,date,votes,average,note,actions_agreed\r\n"
                + "test-trygghet,si-fra,team,Hvor lett er det å si fra?,2026-12-02-1300-0001,2026-12-02T09:00:00Z,3,3.33,,1\r\n"
                + "test-trygghet,si-fra,team,Hvor lett er det å si fra?,2026-12-03-1300-0002,2026-12-09T09:00:00Z,3,4.33,,0\r\n")
    }

    @Test func trendsOfAnUnknownDeckOrWithBadOptionsAreOneLine() throws {
        let (home, _, _) = try Self.home()
        let unknown = runTillit(["trends", "--deck", "no-such-deck"], environment: home.environment(Self.english))
        #expect(unknown.status == 1 && unknown.stdout.isEmpty)
        #expect(unknown.stderr == "tillit: unknown deck 'no-such-deck'; `tillit decks` lists them\n")
        let both = runTillit(["trends", "--deck", "test-trygghet", "--team", "A", "--participant", "B"], environment: home.environment(Self.english))
        #expect(both.status != 0 && both.stderr.contains("give --team or --participant, not both"))
        let none = runTillit(["trends", "--deck", "test-trygghet", "--team", "Team Vest"], environment: home.environment(Self.english))
        #expect(none.status == 0 && none.stdout == "No talks with the deck test-trygghet yet.\n")
    }

    // MARK: sessions filters

    @Test func sessionsFilterByDeckPersonTeamAndUnfinished() throws {
        let (home, _, talks) = try Self.home()
        func ids(_ args: [String]) -> [String] {
            let run = runTillit(["sessions"] + args, environment: home.environment(Self.english))
            return run.stdout.split(separator: "\n").dropFirst().map { String($0.prefix(20)) }
        }
        #expect(ids(["--deck", "test-samtale"]) == [talks[4].id])
        #expect(ids(["--participant", "ola"]) == [talks[4].id])
        #expect(ids(["--participant", "Hansen"]) == [talks[4].id])
        #expect(ids(["--team", "team nord"]) == [talks[2].id, talks[1].id, talks[0].id])
        #expect(ids(["--unfinished"]) == [talks[2].id])
        #expect(ids(["--team", "Team Nord", "--unfinished"]) == [talks[2].id])
        let none = runTillit(["sessions", "--participant", "Nobody"], environment: home.environment(Self.english))
        #expect(none.status == 0 && none.stdout == "No talks match those filters.\n")
    }

    @Test func sessionsAsJSON() throws {
        let (home, store, talks) = try Self.home()
        let run = runTillit(["sessions", "--format", "json", "--deck", "test-trygghet"], environment: home.environment(Self.english))
        #expect(run.status == 0 && run.stderr.isEmpty)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["id"] as? String } == [talks[2].id, talks[3].id, talks[1].id, talks[0].id])
        let latest = entries[0]
        #expect(latest["finished"] as? Bool == false && latest["kind"] as? String == "team" && latest["title"] as? String == "Team Nord")
        #expect(latest["decks"] as? [String] == ["test-trygghet"] && latest["cards"] as? Int == 2 && latest["handled"] as? Int == 1)
        #expect(latest["path"] as? String == (try store.path(for: talks[2].id)))
        #expect(latest["createdAt"] as? String == "2026-12-09T09:00:00Z")
        let empty = runTillit(["sessions", "--format", "json", "--team", "Nobody"], environment: home.environment(Self.english))
        #expect(empty.stdout == "[\n\n]\n" || empty.stdout == "[]\n")
    }
}
