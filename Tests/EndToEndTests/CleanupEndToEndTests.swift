import Foundation
import Testing
import TillitCore
@testable import TillitStore

/// The clean-up list with the real binary: items added in one team meeting
/// come back first in the next, one is marked dropped, and the list screen,
/// `tillit cleanup` and the talk's JSON all agree; the list sent up the line
/// as CSV and Markdown names no one.
@Suite(.serialized) struct CleanupEndToEndTests {
    static let meeting = ["start", "--deck", "rydd-opp", "--title", "Avdeling Solsiden", "--participant", "Åse Facilitator:facilitator"]

    /// Adds an item with the form: `rights` presses of → on "who decides".
    static func addItem(_ tmux: TmuxSession, _ text: String, rights: Int, hours: String) throws {
        try tmux.press("Escape", "c")
        try tmux.waitFor("Nytt punkt på ryddelista")
        try tmux.type(text)
        try tmux.press("Tab", "Tab")
        for _ in 0..<rights { try tmux.press("Right") }
        try tmux.press("Tab")
        try tmux.type(hours)
        try tmux.press("Enter", "Enter", "Enter")
        try tmux.waitFor("Lagt på ryddelista: " + text)
    }

    /// The item form saves as it is typed, as the action form does: a kill
    /// with the form open keeps the words; Esc takes a typed item out again.
    @Test func killNineWithTheItemFormOpenKeepsTheWords() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.launch(Self.meeting, environment: ["LANG": "nb_NO.UTF-8"])
        try tmux.waitFor("1 / ")
        try tmux.press("Escape", "c")
        try tmux.waitFor("Nytt punkt på ryddelista")
        try tmux.type("Månedsrapport om sykefravær")
        try tmux.press("Tab", "Tab", "Tab")
        try tmux.type("4")
        // Hours are taken as the focus leaves their field (never "25" on the way to "250").
        try tmux.press("Tab", "Tab")
        try tmux.type("Ingen leser den")
        Thread.sleep(forTimeInterval: 1.2)
        kill(try tmux.pid(), SIGKILL)
        try tmux.waitForExit()
        let item = try #require(try tmux.sessions().first?.cleanupItems.first)
        #expect(item.text == "Månedsrapport om sykefravær" && item.hoursPerMonth == 4)
        #expect(item.reason == "Ingen leser den")

        // Resumed, a second form cancelled with Esc leaves nothing of itself behind.
        try tmux.launch(["resume", "last"], environment: ["LANG": "nb_NO.UTF-8"])
        try tmux.waitFor("1 / ")
        try tmux.press("Escape", "c")
        try tmux.waitFor("Nytt punkt på ryddelista")
        try tmux.type("Skjema som ingen bruker")
        Thread.sleep(forTimeInterval: 1.2)
        try tmux.press("Escape")
        try tmux.press("q")
        try tmux.waitForExit()
        #expect(try tmux.sessions().first?.cleanupItems.map(\.text) == ["Månedsrapport om sykefravær"])
    }

    @Test func aMeetingsItemsComeBackFirstAndTheListAddsUp() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        let nb = ["LANG": "nb_NO.UTF-8"]
        try tmux.launch(Self.meeting, environment: nb)
        try tmux.waitFor("1 / ")
        // The rydd-opp deck suggests the key on the card's bar.
        try tmux.press("Escape")
        try tmux.waitFor("c ryddelista")
        try Self.addItem(tmux, "Ukerapport om overtid", rights: 0, hours: "3")
        try Self.addItem(tmux, "Dobbel registrering", rights: 1, hours: "5")
        try Self.addItem(tmux, "Statlig indikator", rights: 3, hours: "2,5")
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
        let first = try #require(try tmux.sessions().first)
        #expect(first.cleanupItems.map(\.decider) == [.ours, .leader, .outside])
        #expect(first.cleanupItems.map(\.hoursPerMonth) == [3, 5, 2.5])

        // The next meeting of the same team shows them first.
        try tmux.launch(Self.meeting, environment: nb)
        try tmux.waitFor("Ryddelista: åpne punkter fra før")
        let screen = try tmux.waitFor("Statlig indikator")
        #expect(screen.contains("Ukerapport om overtid") && screen.contains("Dobbel registrering"))
        try tmux.press("x")
        try tmux.waitFor("Ryddelista: strøket")
        try tmux.type("Ingen leser den")
        try tmux.press("Tab")
        try tmux.type("Teamet")
        try tmux.press("Enter")
        try tmux.waitFor("Ryddelista: Ukerapport om overtid — strøket")
        try tmux.press("Enter")
        try tmux.waitFor("1 / ")
        try tmux.press("Escape", "q")
        try tmux.waitForExit()

        // The JSON of the second meeting: the three items, one decided there.
        // Both may start within one second: the second is the one that is not the first.
        let talks = try tmux.sessions()
        #expect(talks.count == 2)
        let second = try #require(talks.first { $0.id != first.id })
        #expect(second.cleanupItems.count == 3)
        let dropped = try #require(second.cleanupItems.first)
        #expect(dropped.latest?.outcome == .dropped && dropped.latest?.why == "Ingen leser den" && dropped.latest?.by == "Teamet")
        #expect(dropped.latest?.session == second.id && dropped.addedIn == first.id)
        let raw = try String(contentsOf: tmux.dataFolder.appendingPathComponent("sessions/\(second.id).json"), encoding: .utf8)
        #expect(raw.contains("\"schemaVersion\" : 2") && raw.contains("\"outcome\" : \"dropped\""))

        // tillit cleanup: 1 decided, 2 open; 3 hours freed, 2.5 waiting outside (the leader's 5 are not "others").
        let environment = ["TILLIT_HOME": tmux.dataFolder.path, "HOME": tmux.home.path, "LANG": "nb_NO.UTF-8"]
        let run = runTillit(["cleanup", "--team", "Avdeling Solsiden"], environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2 åpne · 1 avgjort · 3 t/mnd frigjort · 2,5 t/mnd venter på andre"), "\(run.stdout)")

        // The list screen from the home screen says the same.
        try tmux.launch([], environment: nb)
        try tmux.waitFor("Ryddelista")
        try tmux.press("r")
        let list = try tmux.waitFor("2 åpne · 1 avgjort · 3 t/mnd frigjort · 2,5 t/mnd venter på andre")
        #expect(list.contains("strøket") && list.contains("Avdeling Solsiden"))
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
    }

    /// Two talks of a team with items for every one who can decide, named participants, and a text that needs quoting.
    static func homeWithItems() throws -> TemporaryHome {
        let home = try TemporaryHome()
        let store = SessionStore(home: TillitHome(path: home.path))
        let deck = Deck(id: "rydd-opp", title: LocalizedText([.nb: "Rydd opp"]), cards: [Card(id: "a", prompt: LocalizedText([.nb: "Hva?"]))])
        let setup = TalkSetup(kind: .team, title: "Avdeling Solsiden", language: .nb,
                              participants: [Participant(id: "p1", name: "Åse Facilitator", role: .facilitator),
                                             Participant(id: "p2", name: "Bjørn Medlem", role: .member)], deckIDs: ["rydd-opp"])
        let start = Date(timeIntervalSince1970: 1_793_000_000)
        var first = try Session.start(setup, decks: [deck], id: "2026-10-27-1000-0001", now: start)
        let drafts = [
            CleanupDraft(text: "Kvartalsrapport, \"utvidet\" versjon", kind: .report, decider: .higherUp, hoursPerMonth: 6, proposal: .drop),
            CleanupDraft(text: "Ukemøte", kind: .meeting, decider: .ours, hoursPerMonth: 4, proposal: .simplify),
            CleanupDraft(text: "Avviksskjema i to systemer", kind: .system, decider: .higherUp, hoursPerMonth: 2.5, proposal: .simplify),
            CleanupDraft(text: "Statlig indikator", kind: .goal, decider: .outside, proposal: .keep, reason: "lovpålagt"),
        ]
        for draft in drafts { try first.apply(.addCleanupItem(id: first.nextCleanupID, draft: draft, onCurrentCard: true), now: start) }
        try first.apply(.finish, now: start)
        try store.save(first)
        var second = try Session.start(setup, decks: [deck], id: "2026-11-27-1000-0002", now: start + 31 * 86_400, previous: first)
        try second.apply(.decideCleanupItem(id: first.cleanupItems[2].id, outcome: .sentUp, why: "", by: "Kommunalsjef"), now: start + 31 * 86_400)
        try second.apply(.decideCleanupItem(id: first.cleanupItems[1].id, outcome: .simplified, why: "kortere", by: "Bjørn Medlem"),
                         now: start + 31 * 86_400)
        try store.save(second)
        return home
    }

    /// RFC 4180: fields split on commas outside quotes, `""` a quote inside them, rows ended by CRLF.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" { if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false } }
                else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        return rows
    }

    @Test func theListSentUpAsCSVHasTheRowsAndNoNames() throws {
        let home = try Self.homeWithItems()
        let run = runTillit(["cleanup", "--waiting-on", "higher-up", "--format", "csv"], environment: home.environment())
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("\r\n") && !run.stdout.contains("\n\n"))
        let rows = Self.parseCSV(run.stdout)
        #expect(rows.first == ["team_or_person", "talk_kind", "item", "kind", "who_can_decide", "hours_per_month", "proposal", "reason", "status",
                               "sent_to", "sent_on", "added", "days_waited"])
        #expect(rows.count == 3, "\(rows)")
        #expect(rows.allSatisfy { $0.count == 13 })
        #expect(rows[1][0] == "Avdeling Solsiden" && rows[1][1] == "team" && rows[1][2] == "Kvartalsrapport, \"utvidet\" versjon" && rows[1][5] == "6")
        #expect(rows[2][2] == "Avviksskjema i to systemer" && rows[2][8] == "sent-up" && rows[2][9] == "Kommunalsjef"
                && rows[2][10] == "2026-11-26")
        for name in ["Åse", "Bjørn", "Facilitator", "Medlem"] { #expect(!run.stdout.contains(name), "\(name) named") }
        // Written to a file: only its owner can read it.
        let path = (home.path as NSString).appendingPathComponent("sendt-opp.csv")
        let written = runTillit(["cleanup", "--waiting-on", "higher-up", "--format", "csv", "-o", path], environment: home.environment())
        #expect(written.status == 0, "\(written.stderr)")
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == run.stdout)
    }

    @Test func theMarkdownPassesCmarkGfmWithATableForEachGroup() throws {
        let home = try Self.homeWithItems()
        let run = runTillit(["cleanup", "--team", "Avdeling Solsiden", "--format", "markdown"], environment: home.environment())
        #expect(run.status == 0, "\(run.stderr)")
        let html = runProgram("/usr/bin/cmark-gfm", ["-e", "table", "--validate-utf8"], environment: [:], stdin: run.stdout)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.components(separatedBy: "<table>").count - 1 == 3, "ours, higher up, outside:\n\(html.stdout)")
        #expect(html.stdout.contains("<h1>Clean-up list — Avdeling Solsiden</h1>"))
        #expect(html.stdout.contains("<td>Kvartalsrapport, &quot;utvidet&quot; versjon</td>"))
        for name in ["Åse", "Bjørn"] { #expect(!run.stdout.contains(name), "\(name) named") }
    }

    @Test(arguments: [(["--waiting-on", "boss"], "Unknown “who can decide”: “boss”. Choose one of: ours, leader, higher-up, outside."),
                      (["--kind", "memo"], "Unknown kind “memo”. Choose one of: goal, rule, form, report, meeting, system, other."),
                      (["--format", "pdf"], "Unknown format “pdf”. Choose text, markdown or csv.")])
    func unknownWordsOnTheCommandLineGetOneClearLine(arguments: [String], message: String) throws {
        let home = try Self.homeWithItems()
        let run = runTillit(["cleanup"] + arguments, environment: home.environment())
        #expect(run.status != 0)
        #expect(run.stderr == "tillit: " + message + "\n")
        #expect(run.stdout.isEmpty)
    }
}

/// A talk file from before the clean-up list (schema 1, no items) with the new binary.
@Suite(.serialized) struct CleanupOldFileEndToEndTests {
    static let oldFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TillitCoreTests/Fixtures/team-talk-before-typed-votes.json")
    static let id = "2026-12-02-1730-ab2a"

    @Test func anOldTalkOpensResumesAndExportsAsBefore() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        let original = try Data(contentsOf: Self.oldFile)
        let sessions = tmux.dataFolder.appendingPathComponent("sessions")
        try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
        let file = sessions.appendingPathComponent(Self.id + ".json")
        try original.write(to: file)
        let environment = ["TILLIT_HOME": tmux.dataFolder.path, "HOME": tmux.home.path, "LANG": "nb_NO.UTF-8"]

        let export = runTillit(["export", Self.id], environment: environment)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("# ") && !export.stdout.contains("Ryddelista"))
        let list = runTillit(["cleanup"], environment: environment)
        #expect(list.status != 0 && list.stderr.hasPrefix("tillit: Ingen ryddeliste ennå"), "\(list.stderr)")

        // Resumed and left without a change, the file is as it was, byte for byte.
        try tmux.launch(["resume", Self.id], environment: ["LANG": "nb_NO.UTF-8"])
        try tmux.waitFor("Solsiden")
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
        #expect(try Data(contentsOf: file) == original)
        #expect(runTillit(["export", Self.id], environment: environment).stdout == export.stdout, "exports as before")
    }
}
