import Foundation
import Testing
import TillitCore
@testable import TillitStore

@Suite("tillit sessions and tillit delete")
struct SessionCommandsTests {
    /// A home with a finished team talk, an unfinished 1:1 two cards in, and a cut-off file.
    func homeWithTalks() throws -> (TemporaryHome, SessionStore) {
        let home = try TemporaryHome()
        let store = SessionStore(home: TillitHome(path: home.path))
        let cards = (1...14).map { Card(id: "k\($0)", prompt: LocalizedText([.nb: "Spørsmål \($0)?"])) }
        let deck = Deck(id: "selvledelse", title: LocalizedText([.nb: "Selvledelse"]), cards: cards)
        let day = Date(timeIntervalSince1970: 1_795_464_000)
        let people = [Participant(id: "p1", name: "Kari", role: .leader), Participant(id: "p2", name: "Ola", role: .employee)]
        var talk = try Session.start(TalkSetup(kind: .oneOnOne, language: .nb, participants: people, deckIDs: [deck.id]),
                                     decks: [deck], id: "2026-11-23-2000-0002", now: day)
        try talk.apply(.setText(participant: "p1", text: "Ja"), now: day)
        try talk.apply(.next, now: day)
        try talk.apply(.skip, now: day)
        try store.save(talk)
        var team = try Session.start(TalkSetup(kind: .team, title: "Team Nord", language: .nb, deckIDs: [deck.id]),
                                     decks: [deck], id: "2026-11-20-2000-0001", now: day - 3 * 86_400)
        try team.apply(.finish, now: day - 3 * 86_400)
        try store.save(team)
        try home.write("sessions/2026-11-01-0900-0000.json", "{\"schemaVersion\": 1, \"id\": ")
        return (home, store)
    }

    @Test func sessionsListsNewestFirstAndReportsUnreadableFilesOnStderr() throws {
        let (home, store) = try homeWithTalks()
        let run = runTillit(["sessions"], environment: home.environment(["LANG": "en_US.UTF-8", "TZ": "UTC"]))
        #expect(run.status == 0)
        #expect(run.stdout == """
            ID                    DATE              KIND  TITLE        PARTICIPANTS  CARDS  STATUS
            2026-11-23-2000-0002  2026-11-23 20:00  1:1   Selvledelse  Kari, Ola      2/14  ongoing
            2026-11-20-2000-0001  2026-11-20 20:00  team  Team Nord    –              0/14  finished

            """)
        let damaged = try store.path(for: "2026-11-01-0900-0000")
        #expect(run.stderr == "\(damaged) is cut off or damaged (it is not complete JSON). tillit leaves it as it is\n")
    }

    @Test func sessionsSpeaksNorwegianAndSaysWhenThereAreNoTalks() throws {
        let (home, _) = try homeWithTalks()
        let run = runTillit(["sessions", "--lang", "nb"], environment: home.environment())
        #expect(run.stdout.hasPrefix("ID                    DATO              TYPE  TITTEL       DELTAKERE  KORT  STATUS\n"))
        #expect(run.stdout.contains("pågår") && run.stdout.contains("avsluttet"))
        #expect(run.stderr.contains("er ufullstendig eller skadet"))
        let empty = try TemporaryHome()
        let none = runTillit(["sessions"], environment: empty.environment(["LANG": "nb_NO.UTF-8"]))
        #expect(none.status == 0 && none.stdout == "Ingen samtaler ennå. Start en ny fra startsiden.\n" && none.stderr == "")
    }

    @Test func aTalkTheListShowsCanBeResumedAndAFailedResumeLeavesNoLock() throws {
        let (home, store) = try homeWithTalks()
        let id = "2026-11-23-2000-0002"
        let path = try store.path(for: id)
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let edited = original.replacingOccurrences(of: "\"notes\" : \"\"", with: "\"notes\" : null")
        try #require(edited != original)
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let listed = runTillit(["sessions"], environment: home.environment(["LANG": "en_US.UTF-8"]))
        #expect(listed.stdout.contains(id) && listed.stdout.contains("ongoing"))
        let resumed = runTillit(["resume", id, "--plain"], environment: home.environment(["LANG": "en_US.UTF-8"]),
                                stdin: "Skrevet etter null\n:quit\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try store.load(id: id).cards[1].responses.contains { $0.text == "Skrevet etter null" })

        // Listed (its summary reads) but its cards do not: one clear line, and no lock is left behind.
        let broken = original.replacingOccurrences(of: "\"responses\" : [", with: "\"responses\" : 7, \"x\" : [")
        try #require(broken != original)
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        let refused = runTillit(["resume", id, "--plain"], environment: home.environment(["LANG": "en_US.UTF-8"]), stdin: ":quit\n")
        #expect(refused.status == 1)
        #expect(refused.stderr.split(separator: "\n").count == 1 && refused.stderr.contains(path), "\(refused.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: store.folder).filter { $0.hasSuffix(".lock") }
        #expect(left.isEmpty, "\(left)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == broken, "the file is left as it was")
    }

    @Test func deleteWithoutATerminalNeedsYes() throws {
        let (home, store) = try homeWithTalks()
        let id = "2026-11-23-2000-0002"
        let refused = runTillit(["delete", id], environment: home.environment())
        #expect(refused.status == 1)
        #expect(refused.stderr == "tillit: not deleting \(id): there is no terminal to ask on; add --yes to delete it\n")
        #expect(try store.load(id: id).id == id)
        let deleted = runTillit(["delete", id, "--yes"], environment: home.environment())
        #expect(deleted.status == 0 && deleted.stdout == "Deleted talk \(id).\n" && deleted.stderr == "")
        #expect(throws: StoreError.notFound(id: id, path: try store.path(for: id))) { try store.load(id: id) }
        #expect(store.list().summaries.map(\.id) == ["2026-11-20-2000-0001"])
    }

    @Test func deleteOfAnUnknownBadOrUnreadableTalkIsOneLine() throws {
        let (home, store) = try homeWithTalks()
        let unknown = runTillit(["delete", "2026-01-01-0000-0000", "--yes"], environment: home.environment())
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "tillit: there is no talk '2026-01-01-0000-0000' (\(try store.path(for: "2026-01-01-0000-0000")) does not exist)\n")
        let escape = runTillit(["delete", "../../etc/passwd", "--yes"], environment: home.environment())
        #expect(escape.status == 1)
        #expect(escape.stderr == "tillit: '../../etc/passwd' is not a talk id (ids use only a–z, 0–9 and -)\n")
        let damaged = try store.path(for: "2026-11-01-0900-0000")
        let kept = runTillit(["delete", "2026-11-01-0900-0000", "--yes"], environment: home.environment())
        #expect(kept.status == 1 && kept.stderr.hasPrefix("tillit: \(damaged) is cut off or damaged"))
        #expect(FileManager.default.fileExists(atPath: damaged), "a file tillit cannot read is never deleted by it")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func deleteAsksOnATerminal() throws {
        let (home, store) = try homeWithTalks()
        let id = "2026-11-23-2000-0002"
        func answer(_ text: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", "\(tillitBinaryURL.path) delete \(id) --lang nb --home \(home.path)", "/dev/null"]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = output
            try process.run()
            input.fileHandleForWriting.write(Data(text.utf8))
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let no = try answer("n\n")
        // The question names the people, the deck and the day, not only the id (issue 25.6).
        #expect(no.contains("Vil du slette samtalen med Kari og Ola (Selvledelse, "), "\(no)")
        #expect(no.contains(", \(id)) for godt? [j/N] "), "\(no)")
        #expect(no.contains("Ingenting er slettet."))
        #expect(try store.load(id: id).id == id)
        let yes = try answer("j\n")
        #expect(yes.contains("Samtalen \(id) er slettet."))
        #expect(store.list().summaries.map(\.id) == ["2026-11-20-2000-0001"])
    }

    /// C1 controls, DEL and the bidi overrides/isolates in a hand-made talk
    /// file come out of both JSON outputs as `\uXXXX`: still valid JSON, the
    /// same text once parsed, and nothing a terminal would act on.
    @Test func jsonOutputsEscapeInvisibleControls() throws {
        let (home, store) = try homeWithTalks()
        let invisible = "\u{80}\u{85}\u{9F}\u{202A}\u{202E}\u{2066}\u{2069}\u{7F}"
        let path = try store.path(for: "2026-11-20-2000-0001")
        let file = try String(contentsOfFile: path, encoding: .utf8)
        try file.replacingOccurrences(of: "Team Nord", with: "Team \(invisible)Nord")
            .write(toFile: path, atomically: true, encoding: .utf8)
        for args in [["sessions", "--format", "json"], ["export", "2026-11-20-2000-0001", "--format", "json"]] {
            let run = runTillit(args, environment: home.environment())
            #expect(run.status == 0, "\(args): \(run.stderr)")
            #expect(!run.stdout.unicodeScalars.contains { JSONEscaping.needsEscape($0) }, "\(args)")
            #expect(run.stdout.contains(#"Team \u0080\u0085\u009F\u202A\u202E\u2066\u2069\u007FNord"#), "\(args)")
            let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
            let title = (parsed as? [[String: Any]])?.first { $0["id"] as? String == "2026-11-20-2000-0001" }?["title"]
                ?? (parsed as? [String: Any])?["title"]
            #expect(title as? String == "Team \(invisible)Nord", "\(args)")
        }
    }
}
