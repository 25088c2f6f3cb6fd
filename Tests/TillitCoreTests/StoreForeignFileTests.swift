import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore

/// Files in the data folder that are not what they seem: a symbolic link
/// planted where a lock or a talk goes, a named pipe, a file far larger than
/// any talk. None is followed, waited on or read whole; each is named.
@Suite("Store: links, pipes and oversized files in the data folder")
struct StoreForeignFileTests {
    let id = "talk-1"

    /// A file outside the data folder that a planted link points at.
    func outsideFile(_ fixture: StoreFixture, _ text: String) throws -> String {
        try fixture.temp.write("outside.txt", text)
    }

    func plantLink(_ fixture: StoreFixture, named name: String, to target: String) throws -> String {
        try FileManager.default.createDirectory(atPath: fixture.store.folder, withIntermediateDirectories: true)
        let link = (fixture.store.folder as NSString).appendingPathComponent(name)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        return link
    }

    @Test func aLockPlantedAsALinkIsRefusedAndWhatItPointsAtIsLeftAlone() throws {
        let fixture = try StoreFixture()
        let outside = try outsideFile(fixture, "precious\n")
        let link = try plantLink(fixture, named: "\(id).lock", to: outside)
        let error = #expect(throws: StoreError.self) { try fixture.store.lock(id: id) }
        #expect(error?.description == "tillit neither follows nor changes \(link): it is a symbolic link, not an ordinary file")
        #expect(error?.message(Localizer(.nb)) == "tillit verken følger eller endrer \(link): det er en symbolsk lenke, ikke en vanlig fil")
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "precious\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == outside, "the link is left for a person to look at")
    }

    @Test func aTalkFileThatIsALinkIsNeitherReadNorSavedOver() throws {
        let fixture = try StoreFixture()
        // A real talk with the right id, elsewhere: it would load if the link were followed.
        let elsewhere = try StoreFixture()
        try elsewhere.store.save(try SessionFixture.oneOnOne(id: id))
        let before = try elsewhere.bytes(id)
        let link = try plantLink(fixture, named: "\(id).json", to: elsewhere.file(id))
        let refused = StoreError.notAFile(path: link, kind: .symbolicLink)
        #expect(throws: refused) { try fixture.store.load(id: id) }
        #expect(throws: StoreError.wontOverwrite(path: link, because: refused)) {
            try fixture.store.save(try SessionFixture.oneOnOne(id: id))
        }
        #expect(fixture.store.list().problems == [StoreProblem(path: link, error: refused)])
        #expect(fixture.store.list().summaries.isEmpty)
        #expect(try elsewhere.bytes(id) == before)
    }

    /// Before, `open` waited for a writer that never came, and `tillit sessions` hung.
    @Test(.timeLimit(.minutes(5)))
    func aNamedPipeIsSkippedWithALineWithoutWaitingForIt() throws {
        let fixture = try StoreFixture()
        try fixture.store.save(try SessionFixture.oneOnOne(id: id))
        let pipe = (fixture.store.folder as NSString).appendingPathComponent("x.json")
        #expect(mkfifo(pipe, 0o600) == 0)
        let store = fixture.store
        let result = resultWithin(seconds: 5, unblocking: pipe) { store.list() }
        #expect(result != nil, "listing waited on the pipe")
        #expect(result?.summaries.map(\.id) == [id])
        #expect(result?.problems == [StoreProblem(path: pipe, error: .notAFile(path: pipe, kind: .pipe))])
        #expect(StoreError.notAFile(path: pipe, kind: .pipe).description
            == "tillit neither follows nor changes \(pipe): it is a named pipe, not an ordinary file")
    }

    @Test func aTalkFileOverTheCapIsReportedNotRead() throws {
        let fixture = try StoreFixture()
        try fixture.store.save(try SessionFixture.oneOnOne(id: id))
        // Sparse: 65 MB in size, no disk used, and no tillit writes a talk that large.
        let path = fixture.file(id)
        #expect(truncate(path, 65_000_000) == 0)
        let tooLarge = StoreError.tooLarge(path: path, size: 65_000_000)
        #expect(throws: tooLarge) { try fixture.store.load(id: id) }
        #expect(fixture.store.list().problems == [StoreProblem(path: path, error: tooLarge)])
        #expect(tooLarge.description
            == "\(path) is 65.0 MB, more than a talk can be (64.0 MB). tillit does not read it and leaves it as it is")
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_size == 65_000_000, "left as it was")
    }

    /// The remembered language is read the same way: a link or a pipe there means nothing chosen.
    @Test(.timeLimit(.minutes(5)))
    func aSettingsFileThatIsALinkOrAPipeMeansNothingChosen() throws {
        let fixture = try StoreFixture()
        let home = fixture.store.home
        try FileManager.default.createDirectory(atPath: home.path, withIntermediateDirectories: true)
        let elsewhere = try fixture.temp.write("elsewhere.json", "{\"language\": \"da\"}")
        try FileManager.default.createSymbolicLink(atPath: Settings.path(in: home), withDestinationPath: elsewhere)
        #expect(Settings.load(from: home).language == nil, "the link is not followed")
        try FileManager.default.removeItem(atPath: Settings.path(in: home))
        #expect(mkfifo(Settings.path(in: home), 0o600) == 0)
        let settings = resultWithin(seconds: 5, unblocking: Settings.path(in: home)) { Settings.load(from: home) }
        #expect(settings == Settings(), "read without waiting on the pipe")
    }
}

/// What `work` returns, run on a thread of its own, if it ends within
/// `seconds`; else nil. A reader stuck on the named pipe `pipe` is then let
/// go: a writer that opens and closes it gives it end of file.
func resultWithin<Value: Sendable>(seconds: TimeInterval, unblocking pipe: String,
                                           _ work: @escaping @Sendable () -> Value) -> Value? {
    let outcome = Outcome<Value>()
    Thread.detachNewThread { outcome.set(work()) }
    let value = outcome.wait(seconds: seconds)
    if value == nil {
        let writer = open(pipe, O_WRONLY | O_NONBLOCK)
        if writer >= 0 { close(writer) }
        _ = outcome.wait(seconds: seconds)
    }
    return value
}

/// A value set once by another thread.
private final class Outcome<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?

    func set(_ value: Value) {
        condition.withLock {
            self.value = value
            condition.broadcast()
        }
    }

    func wait(seconds: TimeInterval) -> Value? {
        let deadline = Date() + seconds
        return condition.withLock {
            while value == nil, condition.wait(until: deadline) {}
            return value
        }
    }
}
