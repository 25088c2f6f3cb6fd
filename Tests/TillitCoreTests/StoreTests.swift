import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore

/// A store in a fresh temp folder; `home` does not exist until the store makes it.
struct StoreFixture {
    let temp: TempFolder
    let store: SessionStore

    init() throws {
        temp = try TempFolder()
        store = SessionStore(home: TillitHome(path: temp.path("data/tillit")))
    }

    func file(_ id: String) -> String { (store.folder as NSString).appendingPathComponent(id + ".json") }
    func bytes(_ id: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: file(id))) }
    /// Puts `text` in the file of talk `id`.
    func write(_ id: String, _ text: String) throws { try put(id + ".json", text) }

    /// Puts `text` in the file `name` of the sessions folder.
    func put(_ name: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: store.folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: (store.folder as NSString).appendingPathComponent(name)))
    }
    func names() throws -> Set<String> { Set(try FileManager.default.contentsOfDirectory(atPath: store.folder)) }

    /// A talk with something of everything in it, dated `now`.
    static func fullTalk(id: String = "2026-11-23-1934-a3f9", now: Date = SessionFixture.t0) throws -> Session {
        var talk = try SessionFixture.oneOnOne(id: id, now: now, shuffle: true, seed: .max)
        let text = "Kari sa: «æøå» 😀 \"sitat\" \\ og / skråstrek\nny linje\tfane"
        try talk.run(.setText(participant: "p1", text: text), .setText(participant: "p2", text: "Ola svarer"), now: now)
        try talk.run(.next, .skip, .next, .park, now: now)
        let rating = try #require(talk.cards.firstIndex { $0.card == "handlingsrom" })
        try talk.run(.jump(to: rating), .setRating(participant: "p2", rating: 3), now: now)
        try talk.run(.addAction(id: "\(id)-a1", text: "Ukeplan", owner: "Ola", due: "2026-12-15", onCurrentCard: true), now: now)
        try talk.run(.setNotes("Felles"), .setPrivateNotes("Privat"), now: now)
        talk.carriedOver = [CarriedAction(action: Action(id: "old-a1", text: "Kurs", owner: "Kari", createdAt: now - 86_400),
                                          fromSession: "2026-10-01-0900-0001", outcome: .kept)]
        try talk.apply(.finish, now: now + 90)
        return talk
    }
}

extension Session {
    /// The talk as it comes back from disk: the timing clock is not saved.
    var asStored: Session {
        var copy = self
        copy.timingSince = nil
        // Written as the oldest version that holds it: 1 without clean-up items.
        copy.schemaVersion = schemaVersionToWrite
        return copy
    }
}

@Suite("Store: saving and loading talks")
struct StoreTests {
    @Test func aSavedTalkLoadsBackUnchanged() throws {
        let fixture = try StoreFixture()
        let talk = try StoreFixture.fullTalk()
        try fixture.store.save(talk)
        let loaded = try fixture.store.load(id: talk.id)
        #expect(loaded == talk.asStored)
        #expect(loaded.shuffleSeed == .max, "a 64-bit seed survives JSON")
        #expect(loaded.cards[0].response(of: "p1")?.text.contains("«æøå» 😀") == true)
    }

    @Test func savingAgainReplacesTheTalk() throws {
        let fixture = try StoreFixture()
        var talk = try SessionFixture.oneOnOne()
        try fixture.store.save(talk)
        try talk.run(.setText(participant: "p1", text: "andre gang"))
        try fixture.store.save(talk)
        #expect(try fixture.store.load(id: talk.id).cards[0].response(of: "p1")?.text == "andre gang")
        #expect(try fixture.names() == [talk.id + ".json"], "no temp file left behind")
    }

    @Test func theMissingHomeIsCreatedWithPrivateFoldersAndFiles() throws {
        let fixture = try StoreFixture()
        #expect(!FileManager.default.fileExists(atPath: fixture.store.home.path))
        try fixture.store.save(try SessionFixture.oneOnOne())
        func mode(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
        }
        #expect(try mode(fixture.temp.path("data")) == 0o700)
        #expect(try mode(fixture.store.home.path) == 0o700)
        #expect(try mode(fixture.store.folder) == 0o700)
        #expect(try mode(fixture.file("2026-11-23-1934-a3f9")) == 0o600)
        let lock = try fixture.store.lock(id: "2026-11-23-1934-a3f9")
        #expect(try mode(lock.path) == 0o600)
    }

    @Test func theFileIsPrettySortedJSONAPersonCanRead() throws {
        let fixture = try StoreFixture()
        let talk = try StoreFixture.fullTalk()
        try fixture.store.save(talk)
        let text = String(decoding: try fixture.bytes(talk.id), as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"actions\" : ["))
        #expect(text.contains("\n  \"schemaVersion\" : 1,\n"))
        #expect(text.contains("\"createdAt\" : \"2026-11-23T20:00:00Z\""), "ISO-8601 dates")
        #expect(text.contains("\"fromCard\" : \"selvledelse/handlingsrom\""), "slashes are not escaped")
        #expect(text.contains("\"text\" : \"Kari sa: «æøå» 😀 \\\"sitat\\\" \\\\ og / skråstrek\\nny linje\\tfane\""))
        #expect(text.hasSuffix("}\n"))
        let topKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }
            .map { $0.dropFirst(3).prefix { $0 != "\"" } }.map(String.init)
        #expect(topKeys == topKeys.sorted(), "keys in sorted order")
        #expect(topKeys.contains("privateNotes") && !topKeys.contains("timingSince"))
    }

    @Test func anUnknownIdIsAClearError() throws {
        let fixture = try StoreFixture()
        let error = #expect(throws: StoreError.self) { try fixture.store.load(id: "2026-01-01-0000-0000") }
        #expect(error == .notFound(id: "2026-01-01-0000-0000", path: fixture.file("2026-01-01-0000-0000")))
        #expect(error?.description == "there is no talk '2026-01-01-0000-0000' (\(fixture.file("2026-01-01-0000-0000")) does not exist)")
        #expect(throws: StoreError.notFound(id: "nope", path: fixture.file("nope"))) { try fixture.store.delete(id: "nope") }
    }

    @Test(arguments: ["../../etc/passwd", "a/b", "ABC", "", ".", "x.json", "tab\t", "æøå", String(repeating: "a", count: 300)])
    func anIdThatCouldLeaveTheFolderIsRefused(id: String) throws {
        let fixture = try StoreFixture()
        var talk = try SessionFixture.oneOnOne()
        talk.id = id
        #expect(throws: StoreError.invalidID(id)) { try fixture.store.save(talk) }
        #expect(throws: StoreError.invalidID(id)) { try fixture.store.load(id: id) }
        #expect(throws: StoreError.invalidID(id)) { try fixture.store.lock(id: id) }
        #expect(throws: StoreError.invalidID(id)) { try fixture.store.delete(id: id) }
        #expect(!FileManager.default.fileExists(atPath: fixture.store.home.path), "nothing was created anywhere")
    }

    @Test func aTalkWhoseCurrentCardIsPastTheEndLoadsOnItsLastCard() throws {
        let fixture = try StoreFixture()
        var talk = try SessionFixture.oneOnOne()
        talk.currentIndex = 40
        try fixture.store.save(talk)
        #expect(try fixture.store.load(id: talk.id).currentIndex == talk.cards.count - 1)
    }
}

@Suite("Store: one writer per talk")
struct StoreLockTests {
    @Test func aSecondLockOnTheSameTalkNamesTheProcessThatHasIt() throws {
        let fixture = try StoreFixture()
        let first = try fixture.store.lock(id: "talk-1")
        let error = #expect(throws: StoreError.self) { try fixture.store.lock(id: "talk-1") }
        #expect(error == .locked(pid: getpid()))
        #expect(error?.description == "this talk is open in another tillit (process \(getpid()))")
        #expect(error?.message(Localizer(.nb)) == "denne samtalen er åpen i en annen tillit (prosess \(getpid()))")
        let other = try fixture.store.lock(id: "talk-2")
        #expect(other.isHeld, "another talk is not blocked")
        first.release()
        #expect(!first.isHeld)
        #expect(try fixture.store.lock(id: "talk-1").isHeld, "free again once released")
    }

    @Test func theLockIsLetGoWhenItsOwnerGoesAway() throws {
        let fixture = try StoreFixture()
        do { _ = try fixture.store.lock(id: "talk-1") }
        #expect(try fixture.store.lock(id: "talk-1").isHeld)
    }

    @Test func aStaleLockFileFromADeadProcessIsTakenOver() throws {
        let fixture = try StoreFixture()
        try FileManager.default.createDirectory(atPath: fixture.store.folder, withIntermediateDirectories: true)
        let lockFile = (fixture.store.folder as NSString).appendingPathComponent("talk-1.lock")
        try Data("999999\n".utf8).write(to: URL(fileURLWithPath: lockFile))
        let lock = try fixture.store.lock(id: "talk-1")
        #expect(lock.isHeld)
        #expect(try String(contentsOfFile: lockFile, encoding: .utf8) == "\(getpid())\n", "our pid, for the next one to name")
    }

    @Test func takingTheLockClearsTempFilesACrashedWriterLeft() throws {
        let fixture = try StoreFixture()
        try fixture.store.save(try SessionFixture.oneOnOne(id: "talk-1"))
        try fixture.put(".talk-1.json.4242.17.tmp", "{ half")
        try fixture.put(".talk-10.json.4242.18.tmp", "{ another talk's")
        let lock = try fixture.store.lock(id: "talk-1")
        #expect(try fixture.names() == ["talk-1.json", "talk-1.lock", ".talk-10.json.4242.18.tmp"])
        lock.release()
    }

    @Test func lettingGoRemovesTheLockFileAndNoTwoHoldersEverMeet() throws {
        let fixture = try StoreFixture()
        try fixture.store.save(try SessionFixture.oneOnOne(id: "talk-1"))
        let first = try fixture.store.lock(id: "talk-1")
        let lockFile = first.path
        // Someone who opened the file while it was held, to wait for it.
        let waiting = open(lockFile, O_RDWR)
        defer { close(waiting) }
        #expect(throws: StoreError.self) { try fixture.store.lock(id: "talk-1") }
        first.release()
        #expect(!FileManager.default.fileExists(atPath: lockFile), "held only while the talk is open")
        // The old file is gone: locking it now holds nothing, and the next tillit takes a new one.
        #expect(flock(waiting, LOCK_EX | LOCK_NB) == 0)
        let second = try fixture.store.lock(id: "talk-1")
        #expect(second.isHeld && FileManager.default.fileExists(atPath: lockFile))
        #expect(throws: StoreError.self) { try fixture.store.lock(id: "talk-1") }
        second.release()
        #expect(try fixture.names() == ["talk-1.json"])
    }

    @Test func deleteRemovesTheTalkButNotOneThatIsOpenElsewhere() throws {
        let fixture = try StoreFixture()
        try fixture.store.save(try SessionFixture.oneOnOne(id: "talk-1"))
        try fixture.store.save(try SessionFixture.oneOnOne(id: "talk-2"))
        var held: SessionLock? = try fixture.store.lock(id: "talk-2")
        #expect(throws: StoreError.locked(pid: getpid())) { try fixture.store.delete(id: "talk-2") }
        try fixture.store.delete(id: "talk-1")
        #expect(throws: StoreError.notFound(id: "talk-1", path: fixture.file("talk-1"))) { try fixture.store.load(id: "talk-1") }
        held = nil
        try fixture.store.delete(id: "talk-2")
        #expect(held == nil && fixture.store.list().summaries.isEmpty)
        #expect(try fixture.names().isEmpty, "lock files go with their talk")
    }

    @Test func deleteTakesTheTalksReferatAlongButNoOtherTalks() throws {
        let fixture = try StoreFixture()
        try fixture.store.save(try SessionFixture.oneOnOne(id: "talk-1"))
        try fixture.store.save(try SessionFixture.oneOnOne(id: "talk-10"))
        try fixture.put("talk-1.md", "# Referat\n")
        try fixture.put("talk-10.md", "# Referat\n")
        #expect(try fixture.store.referatPath(for: "talk-1") == fixture.store.folder + "/talk-1.md")
        try fixture.store.delete(id: "talk-1")
        #expect(try fixture.names() == ["talk-10.json", "talk-10.md"])
    }
}

@Suite("Store: listing talks")
struct StoreListTests {
    @Test func talksAreListedNewestFirstWithWhatTheListShows() throws {
        let fixture = try StoreFixture()
        let day: TimeInterval = 86_400
        let old = try SessionFixture.oneOnOne(id: "2026-01-01-0900-0001", now: SessionFixture.t0 - 10 * day)
        let full = try StoreFixture.fullTalk(id: "2026-06-01-0900-0002")
        let team = try SessionFixture.team(id: "2026-03-01-1000-0003", title: "Team Nord", anonymous: true,
                                           now: SessionFixture.t0 - day)
        for talk in [team, old, full] { try fixture.store.save(talk) }
        let listing = fixture.store.list()
        #expect(listing.problems.isEmpty)
        #expect(listing.summaries.map(\.id) == [full.id, team.id, old.id])
        let summary = listing.summaries[0]
        #expect(summary.path == fixture.file(full.id))
        #expect(summary.kind == .oneOnOne && summary.title == "Selvledelse" && summary.language == .nb)
        #expect(summary.participants == [SessionFixture.kari, SessionFixture.ola])
        #expect(summary.cardCount == 6 && summary.handledCount == full.handledCount && summary.handledCount >= 3)
        #expect(summary.isFinished && summary.finishedAt == full.finishedAt)
        #expect(summary.createdAt == full.createdAt && summary.updatedAt == full.updatedAt)
        #expect(summary.deckIDs == ["selvledelse"])
        #expect(summary.continuityKey == full.continuityKey)
        #expect(listing.summaries[1].kind == .team && !listing.summaries[1].isFinished)
    }

    @Test func anEmptyOrMissingFolderListsNothing() throws {
        let fixture = try StoreFixture()
        #expect(fixture.store.list().summaries.isEmpty && fixture.store.list().problems.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fixture.store.home.path), "listing creates nothing")
        #expect(try fixture.store.latestUnfinished() == nil)
    }

    @Test func otherFilesInTheFolderAreIgnoredAndOddNamesReported() throws {
        let fixture = try StoreFixture()
        try fixture.store.save(try SessionFixture.oneOnOne(id: "talk-1"))
        _ = try fixture.store.lock(id: "talk-1")
        try fixture.put(".talk-1.json.1.2.tmp", "{")
        try fixture.put("talk-1.md", "# Referat")
        try fixture.write("Min Samtale", "{}")
        let listing = fixture.store.list()
        #expect(listing.summaries.map(\.id) == ["talk-1"])
        #expect(listing.problems == [StoreProblem(path: fixture.file("Min Samtale"), error: .invalidID("Min Samtale"))])
    }

    @Test func latestUnfinishedAndPreviousTalkLoadOnlyTheOneTheyNeed() throws {
        let fixture = try StoreFixture()
        let day: TimeInterval = 86_400
        var finished = try SessionFixture.oneOnOne(id: "2026-11-20-0900-0003", now: SessionFixture.t0 - day)
        try finished.run(.addAction(id: "f-a1", text: "Ukeplan", owner: "Ola", due: nil, onCurrentCard: false), .finish)
        let older = try SessionFixture.oneOnOne(id: "2026-11-10-0900-0002", now: SessionFixture.t0 - 10 * day)
        let team = try SessionFixture.team(id: "2026-11-01-0900-0001", anonymous: false, now: SessionFixture.t0 - 20 * day)
        for talk in [finished, older, team] { try fixture.store.save(talk) }
        #expect(try fixture.store.latestUnfinished()?.id == older.id)
        let previous = try fixture.store.previousTalk(for: finished.continuityKey)
        #expect(previous == finished.asStored)
        #expect(try fixture.store.previousTalk(for: finished.continuityKey, excluding: finished.id)?.id == older.id)
        #expect(try fixture.store.previousTalk(for: "team:ingen") == nil)
        let next = try SessionFixture.oneOnOne(id: "2026-11-23-0900-0004", previous: previous)
        #expect(next.carriedOver.map(\.id) == ["f-a1"])
    }

    @Test func loadAllReadsEveryTalkAndReportsTheRest() throws {
        let fixture = try StoreFixture()
        try fixture.store.save(try SessionFixture.oneOnOne(id: "talk-1", now: SessionFixture.t0))
        try fixture.store.save(try SessionFixture.oneOnOne(id: "talk-2", now: SessionFixture.t0 + 60))
        try fixture.write("talk-3", "{\"schemaVersion\": 1,")
        let all = fixture.store.loadAll()
        #expect(all.sessions.map(\.id) == ["talk-2", "talk-1"])
        #expect(all.problems.map(\.path) == [fixture.file("talk-3")])
    }

    @Test func listingReadsAHundredTalksConcurrentlyInOrder() throws {
        let fixture = try StoreFixture()
        for index in 0..<150 {
            try fixture.store.save(try SessionFixture.oneOnOne(id: String(format: "talk-%03d", index),
                                                               now: SessionFixture.t0 + Double(index)))
        }
        try fixture.write("talk-bad", "")
        let listing = fixture.store.list()
        #expect(listing.summaries.map(\.id) == (0..<150).reversed().map { String(format: "talk-%03d", $0) })
        #expect(listing.problems.map(\.path) == [fixture.file("talk-bad")])
    }
}

@Suite("Settings: the remembered language")
struct SettingsTests {
    @Test func savedSettingsLoadBackAndOnlyTheOwnerMayReadThem() throws {
        let folder = NSTemporaryDirectory() + "tillit-settings-\(UUID().uuidString)/data"
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        let home = TillitHome(path: folder)
        #expect(Settings.load(from: home) == Settings())
        try Settings(language: .da).save(to: home)
        #expect(Settings.load(from: home).language == .da)
        let file = try FileManager.default.attributesOfItem(atPath: Settings.path(in: home))
        #expect((file[.posixPermissions] as? Int) == 0o600)
        let dir = try FileManager.default.attributesOfItem(atPath: folder)
        #expect((dir[.posixPermissions] as? Int) == 0o700)
        try Settings(language: .en).save(to: home)
        #expect(Settings.load(from: home).language == .en)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["settings.json"])
    }

    @Test func aBrokenSettingsFileMeansNothingChosen() throws {
        let folder = NSTemporaryDirectory() + "tillit-settings-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let home = TillitHome(path: folder)
        for text in ["{", "{\"language\": \"xx\"}", "[]", ""] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: Settings.path(in: home)))
            #expect(Settings.load(from: home) == Settings(), "\(text)")
        }
    }
}
