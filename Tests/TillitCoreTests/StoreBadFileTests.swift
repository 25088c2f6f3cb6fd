import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore

/// Files the store cannot use must be reported with their path and left byte for byte as they are.
@Suite("Store: damaged, foreign and newer files, and folders it cannot write")
struct StoreBadFileTests {
    let id = "2026-11-23-1934-a3f9"

    /// Saves a talk, then puts `text` in its place, as a crash of another program or a person might.
    func fixture(replacingWith text: String) throws -> StoreFixture {
        let fixture = try StoreFixture()
        try fixture.store.save(try SessionFixture.oneOnOne(id: id))
        try fixture.write(id, text)
        return fixture
    }

    /// Every way the store could touch the file refuses, and the bytes stay the same.
    func expectLeftAlone(_ fixture: StoreFixture, as expected: StoreError, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try fixture.bytes(id)
        #expect(throws: expected, sourceLocation: sourceLocation) { try fixture.store.load(id: id) }
        #expect(throws: StoreError.wontOverwrite(path: fixture.file(id), because: expected), sourceLocation: sourceLocation) {
            try fixture.store.save(try SessionFixture.oneOnOne(id: id))
        }
        #expect(throws: expected, sourceLocation: sourceLocation) { try fixture.store.delete(id: id) }
        let listing = fixture.store.list()
        #expect(listing.summaries.isEmpty, sourceLocation: sourceLocation)
        #expect(listing.problems == [StoreProblem(path: fixture.file(id), error: expected)], sourceLocation: sourceLocation)
        #expect(fixture.store.loadAll().problems.map(\.path) == [fixture.file(id)], sourceLocation: sourceLocation)
        #expect(try fixture.bytes(id) == before, "not overwritten, moved or deleted", sourceLocation: sourceLocation)
        #expect(try fixture.names().filter { $0.hasSuffix(".tmp") }.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func aFileCutOffInTheMiddleIsReportedAndKept() throws {
        let fixture = try StoreFixture()
        try fixture.store.save(try StoreFixture.fullTalk(id: id))
        let whole = try fixture.bytes(id)
        try fixture.write(id, String(decoding: whole.prefix(whole.count / 2), as: UTF8.self))
        try expectLeftAlone(fixture, as: .damaged(path: fixture.file(id)))
        #expect(StoreError.damaged(path: fixture.file(id)).description
            == "\(fixture.file(id)) is cut off or damaged (it is not complete JSON). tillit leaves it as it is")
    }

    @Test func anEmptyFileIsDamaged() throws {
        let fixture = try fixture(replacingWith: "")
        try expectLeftAlone(fixture, as: .damaged(path: fixture.file(id)))
    }

    @Test func jsonThatIsNotATalkSaysWhatIsWrong() throws {
        let fixture = try fixture(replacingWith: "{\"hello\": [1, 2, 3]}")
        try expectLeftAlone(fixture, as: .wrongShape(path: fixture.file(id), reason: "'schemaVersion' is missing"))
        let list = try self.fixture(replacingWith: "[1, 2]")
        try expectLeftAlone(list, as: .wrongShape(path: list.file(id), reason: "the top level is not an object"))
    }

    @Test func aTalkWithABadFieldNamesTheField() throws {
        let fixture = try StoreFixture()
        try fixture.store.save(try SessionFixture.oneOnOne(id: id))
        let text = String(decoding: try fixture.bytes(id), as: UTF8.self)
        let badStatus = text.replacingOccurrences(of: "\"status\" : \"open\"", with: "\"status\" : 7")
        try fixture.write(id, badStatus)
        try expectLeftAlone(fixture, as: .wrongShape(path: fixture.file(id), reason: "'cards[0].status' is not a text"))

        let badKind = text.replacingOccurrences(of: "\"kind\" : \"one-on-one\"", with: "\"kind\" : \"trio\"")
        try fixture.write(id, badKind)
        let error = #expect(throws: StoreError.self) { try fixture.store.load(id: id) }
        guard case .wrongShape(let path, let reason)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(path == fixture.file(id) && reason.hasPrefix("'kind': "))
    }

    @Test func aFileHoldingAnotherTalkIsNotTakenForThisOne() throws {
        let other = try SessionStore.encoder().encode(try SessionFixture.oneOnOne(id: "other-talk"))
        let fixture = try fixture(replacingWith: String(decoding: other, as: UTF8.self))
        try expectLeftAlone(fixture, as: .wrongShape(path: fixture.file(id), reason: "it holds talk 'other-talk', not '\(id)'"))
    }

    @Test func aFileFromANewerTillitIsNeverOverwritten() throws {
        let fixture = try StoreFixture()
        try fixture.store.save(try SessionFixture.oneOnOne(id: id))
        let text = String(decoding: try fixture.bytes(id), as: UTF8.self)
            .replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 3, \"mood\" : \"new\"")
        try fixture.write(id, text)
        try expectLeftAlone(fixture, as: .newerSchema(path: fixture.file(id), version: 3))
        #expect(StoreError.newerSchema(path: "/x.json", version: 3).description
            == "/x.json was saved by a newer tillit (format 3; this one knows up to 2). tillit leaves it as it is; update tillit to open it")
    }

    @Test func aNewerFileOfAnotherShapeIsStillCalledNewer() throws {
        let fixture = try fixture(replacingWith: "{\"schemaVersion\": 4, \"talk\": {\"cards\": []}}")
        try expectLeftAlone(fixture, as: .newerSchema(path: fixture.file(id), version: 4))
    }

    @Test func aHomeThatCannotBeCreatedIsAClearError() throws {
        let temp = try TempFolder()
        let blocker = try temp.write("not-a-folder", "I am a file")
        let store = SessionStore(home: TillitHome(path: blocker + "/tillit"))
        let error = #expect(throws: StoreError.self) { try store.save(try SessionFixture.oneOnOne(id: id)) }
        #expect(error == .folderFailed(path: blocker + "/tillit/sessions", reason: "Not a directory"))
        #expect(error?.description == "cannot create the folder \(blocker)/tillit/sessions: Not a directory")
        #expect(try String(contentsOfFile: blocker, encoding: .utf8) == "I am a file")
    }

    @Test(.enabled(if: geteuid() != 0, "root writes through read-only folders; EndToEndTests runs this as nobody"))
    func aReadOnlyHomeKeepsTheOldFileAndSaysWhy() throws {
        let fixture = try StoreFixture()
        var talk = try SessionFixture.oneOnOne(id: id)
        try fixture.store.save(talk)
        let before = try fixture.bytes(id)
        chmod(fixture.store.folder, 0o500)
        defer { chmod(fixture.store.folder, 0o700) }
        try talk.run(.setText(participant: "p1", text: "ny tekst"))
        let error = #expect(throws: StoreError.self) { try fixture.store.save(talk) }
        #expect(error == .writeFailed(path: fixture.file(id), reason: "Permission denied"))
        #expect(error?.description.hasSuffix("Permission denied. What was saved before is kept") == true)
        #expect(try fixture.bytes(id) == before)
        #expect(try fixture.store.load(id: id).cards[0].responses.isEmpty)
    }

    @Test(.enabled(if: geteuid() != 0, "root reads any file"))
    func aFileWeMayNotReadIsReportedAndKept() throws {
        let fixture = try StoreFixture()
        try fixture.store.save(try SessionFixture.oneOnOne(id: id))
        chmod(fixture.file(id), 0o000)
        defer { chmod(fixture.file(id), 0o600) }
        let expected = StoreError.unreadable(path: fixture.file(id), reason: "Permission denied")
        #expect(throws: expected) { try fixture.store.load(id: id) }
        #expect(throws: StoreError.wontOverwrite(path: fixture.file(id), because: expected)) {
            try fixture.store.save(try SessionFixture.oneOnOne(id: id))
        }
        #expect(fixture.store.list().problems == [StoreProblem(path: fixture.file(id), error: expected)])
    }
}
