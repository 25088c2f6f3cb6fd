import Foundation
import Testing
import TillitCore
@testable import TillitStore

/// How long talks are kept, on the command line, with the clock moved by `TILLIT_NOW`.
@Suite struct RetentionCLITests {
    /// Talks held 30, 400, 800 and 900 days before 1 December 2028.
    static let now = "2028-12-01T10:00:00Z"

    func homeWithTalksOfEveryAge() throws -> (TemporaryHome, SessionStore, [String: String]) {
        let home = try TemporaryHome()
        let store = SessionStore(home: TillitHome(path: home.path))
        let cards = (1...3).map { Card(id: "k\($0)", prompt: LocalizedText([.nb: "Spørsmål \($0)?"])) }
        let deck = Deck(id: "selvledelse", title: LocalizedText([.nb: "Selvledelse"]), cards: cards)
        let reference = try #require(ISO8601DateFormatter().date(from: Self.now))
        var ids: [String: String] = [:]
        for (name, days) in [("Åse", 30), ("Bjørn", 400), ("Cecilie", 800), ("Dag", 900)] {
            let people = [Participant(id: "p1", name: "Kari", role: .leader), Participant(id: "p2", name: name, role: .employee)]
            let id = "2026-01-01-0000-\(String(format: "%04d", days))"
            let talk = try Session.start(TalkSetup(kind: .oneOnOne, language: .nb, participants: people, deckIDs: [deck.id]),
                                         decks: [deck], id: id, now: reference - Double(days) * 86_400)
            try store.save(talk)
            ids[name] = id
        }
        return (home, store, ids)
    }

    func files(_ home: TemporaryHome) throws -> [String: Data] {
        let folder = (home.path as NSString).appendingPathComponent("sessions")
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name))
        }
        return files
    }

    @Test func sessionsOlderThanListsExactlyTheTalksHeldBefore() throws {
        let (home, _, ids) = try homeWithTalksOfEveryAge()
        let run = runTillit(["sessions", "--older-than", "24m", "--format", "json"],
                            environment: home.environment(["TILLIT_NOW": Self.now]))
        #expect(run.status == 0, "\(run.stderr)")
        let listed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(Set(listed.compactMap { $0["id"] as? String }) == [ids["Cecilie"]!, ids["Dag"]!])
        let year = runTillit(["sessions", "--older-than", "1y"], environment: home.environment(["TILLIT_NOW": Self.now]))
        #expect(year.stdout.contains("Bjørn") && !year.stdout.contains("Åse"))
    }

    @Test func deleteOlderThanRemovesThoseAndLeavesEveryOtherByteAsItWas() throws {
        let (home, store, ids) = try homeWithTalksOfEveryAge()
        try store.save(try store.load(id: ids["Dag"]!))
        let referat = try store.referatPath(for: ids["Dag"]!)
        try PrivateFile.write("# Referat\n", to: referat, overwrite: false)
        let before = try files(home)
        let run = runTillit(["delete", "--older-than", "24m", "--yes"], environment: home.environment(["TILLIT_NOW": Self.now]))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Cecilie") && run.stdout.contains("Dag") && !run.stdout.contains("Bjørn"),
                "it lists who the talks that go were with")
        var expected = before
        for name in ["Cecilie", "Dag"] { expected["\(ids[name]!).json"] = nil }
        expected[(referat as NSString).lastPathComponent] = nil
        #expect(try files(home) == expected, "only the older talks and their minutes are gone; nothing else changed")
    }

    @Test func deleteOlderThanAsksOnlyOnATerminalAndOtherwiseChangesNothing() throws {
        let (home, _, _) = try homeWithTalksOfEveryAge()
        let before = try files(home)
        let run = runTillit(["delete", "--older-than", "24m"], environment: home.environment(["TILLIT_NOW": Self.now]))
        #expect(run.status == 1)
        #expect(run.stderr.hasSuffix("add --yes to delete the talks listed\n"))
        #expect(try files(home) == before)
    }

    @Test(arguments: [
        (["sessions", "--older-than", "3x"], "'3x' is not an age"),
        (["delete", "--older-than", "3x", "--yes"], "'3x' is not an age"),
        (["settings", "retention", "-1"], "'-1' is not a number of months"),
        (["settings", "retention", "abc"], "'abc' is not a number of months"),
        (["settings", "retention", "10000"], "'10000' is not a number of months"),
        (["settings", "colour", "blue"], "there is no setting called 'colour'"),
    ])
    func badInputIsOneLineAndChangesNothing(arguments: [String], message: String) throws {
        let (home, _, _) = try homeWithTalksOfEveryAge()
        let before = try files(home)
        let run = runTillit(arguments, environment: home.environment(["TILLIT_NOW": Self.now]))
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("tillit: " + message) && run.stderr.filter { $0 == "\n" }.count == 1, "\(run.stderr)")
        #expect(try files(home) == before)
        #expect(!FileManager.default.fileExists(atPath: (home.path as NSString).appendingPathComponent("settings.json")))
    }

    @Test func theRetentionIsRememberedAndMovesWhatTheSheetSays() throws {
        let home = try TemporaryHome()
        let set = runTillit(["settings", "retention", "18"], environment: home.environment())
        #expect(set.status == 0 && set.stdout == "Talks are now kept for 18 months after they were held.\n")
        let shown = runTillit(["settings"], environment: home.environment())
        #expect(shown.stdout.contains("Talks kept: 18 months"))
        let sheet = runTillit(["privacy"], environment: home.environment())
        #expect(sheet.stdout.contains("kept for 18 months") && sheet.stdout.contains("--older-than 18m"))
        let mode = try FileManager.default.attributesOfItem(atPath: (home.path as NSString).appendingPathComponent("settings.json"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test(arguments: [("nb", "Hva som lagres", "Om samtalene våre"), ("en", "What is stored", "About our talks"),
                      ("da", "Hvad der gemmes", "Om vores samtaler")])
    func privacySheetsInEveryLanguageAndToAFile(lang: String, officerHeading: String, employeeTitle: String) throws {
        let home = try TemporaryHome()
        let officer = runTillit(["privacy", "--lang", lang], environment: home.environment())
        #expect(officer.status == 0 && officer.stdout.contains("## " + officerHeading) && officer.stdout.contains(home.path))
        let output = (home.path as NSString).appendingPathComponent("til-medarbeider.md")
        let employee = runTillit(["privacy", "--employee", "--lang", lang, "-o", output], environment: home.environment())
        #expect(employee.status == 0, "\(employee.stderr)")
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.hasPrefix("# " + employeeTitle))
        let again = runTillit(["privacy", "--employee", "--lang", lang, "-o", output], environment: home.environment())
        #expect(again.status == 1, "an existing file is not overwritten without --force")
    }
}

/// Private notes set to delete themselves go when tillit next starts after their time.
@Suite struct PrivateNotesExpiryCLITests {
    func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
    }

    @Test func expiredNotesAreGoneAfterTheNextStartAndNothingElseChanged() throws {
        let (home, store, ids) = try RetentionCLITests().homeWithTalksOfEveryAge()
        for id in ids.values {
            var talk = try store.load(id: id)
            talk.privateNotes = "Virker sliten, spør om turnus"
            talk.updatedAt = talk.createdAt
            try store.save(talk)
        }
        let set = runTillit(["settings", "private-notes-days", "90"], environment: home.environment())
        #expect(set.status == 0, "\(set.stderr)")
        let old = try store.path(for: ids["Bjørn"]!), recent = try store.path(for: ids["Åse"]!)
        let before = try json(old), recentBefore = try Data(contentsOf: URL(fileURLWithPath: recent))
        let run = runTillit(["sessions"], environment: home.environment(["TILLIT_NOW": RetentionCLITests.now]))
        #expect(run.status == 0)
        var after = try json(old)
        #expect(after["privateNotes"] as? String == "")
        #expect(after["privateNotesExpiredAt"] != nil)
        for key in ["privateNotes", "privateNotesExpiredAt"] { after[key] = nil }
        var expected = before
        expected["privateNotes"] = nil
        func canonical(_ object: [String: Any]) throws -> Data { try JSONSerialization.data(withJSONObject: object, options: .sortedKeys) }
        #expect(try canonical(after) == canonical(expected), "nothing else in the file changed")
        #expect(try Data(contentsOf: URL(fileURLWithPath: recent)) == recentBefore, "notes from 30 days ago stay (90 set)")
    }

    @Test func withTheSettingOffNothingIsTouched() throws {
        let (home, store, ids) = try RetentionCLITests().homeWithTalksOfEveryAge()
        var talk = try store.load(id: ids["Dag"]!)
        talk.privateNotes = "Notat"
        try store.save(talk)
        let before = try Data(contentsOf: URL(fileURLWithPath: try store.path(for: talk.id)))
        _ = runTillit(["sessions"], environment: home.environment(["TILLIT_NOW": RetentionCLITests.now]))
        #expect(try Data(contentsOf: URL(fileURLWithPath: try store.path(for: talk.id))) == before)
    }
}
