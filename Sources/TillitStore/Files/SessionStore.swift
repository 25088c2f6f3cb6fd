#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import TillitCore

/// The talks on disk: one JSON file per talk in `<home>/sessions/<id>.json`,
/// pretty-printed with sorted keys and ISO-8601 dates so a person can read and
/// diff it. Saving is atomic and durable; a file that cannot be read, or that a
/// newer tillit wrote, is reported with its path and never overwritten, moved
/// or deleted.
package struct SessionStore: Sendable {
    package let home: TillitHome
    /// The files this store saved, as they were right after: one still the
    /// same is known to be safe to replace without reading it again.
    private let saved = SavedFiles()

    package init(home: TillitHome) { self.home = home }

    package var folder: String { home.sessionsFolder }

    package static let maximumFileSize = Session.maximumFileSize

    /// `sessions/<id>.json`, once `id` is known to stay inside the folder.
    package func path(for id: String) throws(StoreError) -> String { try file(for: id, ending: ".json") }

    /// Where the summary screen writes a talk's Markdown referat: beside its file,
    /// so deleting the talk can delete the referat too.
    package func referatPath(for id: String) throws(StoreError) -> String { try file(for: id, ending: ".md") }

    /// The same minutes as a page to print (`e` writes both), beside the talk for the same reason.
    package func minutesPagePath(for id: String) throws(StoreError) -> String { try file(for: id, ending: ".html") }

    private func file(for id: String, ending: String) throws(StoreError) -> String {
        guard Self.isValidID(id) else { throw .invalidID(id) }
        return (folder as NSString).appendingPathComponent(id + ending)
    }

    /// `^[0-9a-z-]+$`, and short enough to be a file name.
    package static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 200
            && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D }
    }

    // MARK: Saving

    /// Writes `session` to its file, replacing the old one atomically: at every
    /// moment the file on disk is the old talk or the new one, complete. When it
    /// throws, the file saved before is unchanged. It refuses to replace a file
    /// it cannot read or one from a newer tillit.
    package func save(_ session: Session) throws(StoreError) {
        let path = try path(for: session.id)
        try makeFolder()
        try checkReplaceable(path, id: session.id)
        var record = session
        record.schemaVersion = record.schemaVersionToWrite
        var data: Data
        do { data = try Self.encoder().encode(record) } catch {
            throw .writeFailed(path: path, reason: String(describing: error))
        }
        data.append(0x0A)
        do {
            try POSIXFile.replace(path, with: data, tempPath: tempPath(for: session.id))
        } catch {
            throw .writeFailed(path: path, reason: error.reason)
        }
        saved.remember(path, POSIXFile.stamp(path))
    }

    /// A file that is there may be saved over only if it is a talk this tillit
    /// can read: the one this store saved last, unchanged since, or one that loads.
    private func checkReplaceable(_ path: String, id: String) throws(StoreError) {
        // Someone took away the write permission: that says "keep this as it is".
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IWUSR == 0 {
            throw .wontOverwrite(path: path, because: .readOnly(path: path))
        }
        if let stamp = POSIXFile.stamp(path), saved.isUnchanged(path, stamp) { return }
        do {
            _ = try Self.decodeSession(Self.read(path, id: id), path: path, id: id)
        } catch .notFound {
            return
        } catch {
            throw .wontOverwrite(path: path, because: error)
        }
    }

    /// `.<id>.json.<pid>.<random>.tmp`: hidden, in the same folder (so the
    /// rename is atomic), unique, and recognisably ours when left by a crash.
    private func tempPath(for id: String) -> String {
        let name = Self.tempPrefix(for: id) + "\(getpid()).\(UInt32.random(in: .min ... .max)).tmp"
        return (folder as NSString).appendingPathComponent(name)
    }

    private static func tempPrefix(for id: String) -> String { ".\(id).json." }

    private func makeFolder() throws(StoreError) {
        do { try POSIXFile.makeFolder(folder) } catch {
            throw .folderFailed(path: folder, reason: error.reason)
        }
    }

    /// The format of a talk file (`SessionCoding`).
    package static func encoder() -> JSONEncoder { SessionCoding.encoder() }

    /// Reads what `encoder()` writes.
    package static func decoder() -> JSONDecoder { SessionCoding.decoder() }

    // MARK: Loading

    package func load(id: String) throws(StoreError) -> Session {
        let path = try path(for: id)
        return try Self.decodeSession(Self.read(path, id: id), path: path, id: id)
    }

    private static func read(_ path: String, id: String) throws(StoreError) -> Data {
        var buffer: [UInt8] = []
        let count = try read(path, id: id, into: &buffer)
        return Data(buffer[..<count])
    }

    private static func read(_ path: String, id: String, into buffer: inout [UInt8]) throws(StoreError) -> Int {
        do { return try POSIXFile.readAll(path, limit: maximumFileSize, into: &buffer) } catch {
            throw error.storeError(path: path) { failure in
                failure.code == ENOENT ? .notFound(id: id, path: path) : .unreadable(path: path, reason: failure.reason)
            }
        }
    }

    static func decodeSession(_ data: Data, path: String, id: String,
                              decoder: JSONDecoder = decoder()) throws(StoreError) -> Session {
        if let problem = shapeProblem(data, numbers: false) { throw .malformed(path: path, problem: problem) }
        var session: Session
        do { session = try decoder.decode(Session.self, from: data) } catch {
            throw classify(error, data: data, path: path, decoder: decoder)
        }
        try check(schemaVersion: session.schemaVersion, fileID: session.id, path: path, id: id)
        if let problem = session.implausibility { throw .wrongShape(path: path, reason: problem) }
        // A file edited by hand may point past its cards.
        if !session.cards.indices.contains(session.currentIndex) {
            session.currentIndex = max(0, min(session.currentIndex, session.cards.count - 1))
        }
        return session
    }

    static func decodeSummary(_ data: Data, path: String, id: String, decoder: JSONDecoder) throws(StoreError) -> SessionSummary {
        let record: SummaryRecord
        do { record = try decoder.decode(SummaryRecord.self, from: data) } catch {
            throw classify(error, data: data, path: path, decoder: decoder)
        }
        try check(schemaVersion: record.schemaVersion, fileID: record.id, path: path, id: id)
        return record.summary(path: path)
    }

    private static func check(schemaVersion: Int, fileID: String, path: String, id: String) throws(StoreError) {
        if schemaVersion > Session.currentSchemaVersion { throw .newerSchema(path: path, version: schemaVersion) }
        if schemaVersion < 1 { throw .wrongShape(path: path, reason: "schemaVersion \(schemaVersion) is not a version") }
        if fileID != id { throw .wrongShape(path: path, reason: "it holds talk '\(SafeText.line(fileID))', not '\(id)'") }
    }

    /// Why a file would not decode: cut off or not JSON at all, written by a
    /// newer tillit (whose shape may differ), or JSON that is not a talk.
    private static func classify(_ error: Error, data: Data, path: String, decoder: JSONDecoder) -> StoreError {
        struct SchemaProbe: Decodable { var schemaVersion: Int? }
        // The decoder calls `1e308` in a whole-number field "not valid JSON".
        if let problem = shapeProblem(data, numbers: true) { return .malformed(path: path, problem: problem) }
        if (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) == nil {
            return .damaged(path: path)
        }
        if let version = (try? decoder.decode(SchemaProbe.self, from: data))?.schemaVersion,
           version > Session.currentSchemaVersion {
            return .newerSchema(path: path, version: version)
        }
        return .wrongShape(path: path, reason: describe(error))
    }

    private static func shapeProblem(_ data: Data, numbers: Bool) -> JSONShapeProblem? {
        data.withUnsafeBytes { JSONShapeProblem.first(in: $0.bindMemory(to: UInt8.self), numbers: numbers) }
    }

    /// `'cards[3].status' is missing`, in words a person can find in the file.
    private static func describe(_ error: Error) -> String {
        func place(_ path: [CodingKey]) -> String {
            let text = path.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
            return text.isEmpty ? "the top level" : "'\(text)'"
        }
        guard let error = error as? DecodingError else { return String(describing: error) }
        switch error {
        case .keyNotFound(let key, let context): return "\(place(context.codingPath + [key])) is missing"
        case .valueNotFound(_, let context): return "\(place(context.codingPath)) is empty"
        case .typeMismatch(let type, let context): return "\(place(context.codingPath)) is not \(kindName(type))"
        case .dataCorrupted(let context): return "\(place(context.codingPath)): \(context.debugDescription)"
        @unknown default: return String(describing: error)
        }
    }

    private static func kindName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a text"
        case is Int.Type, is Double.Type, is UInt64.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return name
        }
    }

    // MARK: Listing

    /// Every talk, newest first (by `createdAt`), from the few fields a list
    /// shows; files that cannot be read are in `problems`. `scanner: false`
    /// reads every file with JSONDecoder alone: `tillit-bench` measures both,
    /// which is what keeps `SummaryScanner` (see BENCHMARKS.md).
    package func list(scanner: Bool = true) -> SessionListing {
        let (summaries, problems) = scan { bytes, path, id, decoder throws(StoreError) in
            if scanner, let record = SummaryScanner.record(bytes) {
                try Self.check(schemaVersion: record.schemaVersion, fileID: record.id, path: path, id: id)
                return record.summary(path: path)
            }
            return try Self.decodeSummary(Data(bytes), path: path, id: id, decoder: decoder)
        }
        return SessionListing(summaries: summaries.sorted(by: Self.newestFirst), problems: problems)
    }

    /// Every talk in full, newest first, for carry-over and trends. Files that
    /// cannot be read are skipped and reported.
    package func loadAll() -> (sessions: [Session], problems: [StoreProblem]) {
        let (sessions, problems) = scan { bytes, path, id, decoder throws(StoreError) in
            try Self.decodeSession(Data(bytes), path: path, id: id, decoder: decoder)
        }
        return (sessions.sorted(by: Self.newestFirst), problems)
    }

    /// The newest talk that is not finished, if any: what `tillit resume` continues.
    package func latestUnfinished() throws(StoreError) -> Session? {
        guard let summary = list().summaries.first(where: { !$0.isFinished }) else { return nil }
        return try load(id: summary.id)
    }

    /// The newest earlier talk with the same people (1:1) or team: to carry
    /// its open actions over, or (`before` a talk) "the last meeting" the
    /// summary compares with. Reads summaries, then loads only that one talk.
    package func previousTalk(for continuityKey: String, excluding id: String? = nil,
                             before talk: Session? = nil) throws(StoreError) -> Session? {
        guard let summary = list().summaries.first(where: { summary in
            summary.continuityKey == continuityKey && summary.id != id && (talk.map { Self.newestFirst($0, summary) } ?? true)
        }) else { return nil }
        return try load(id: summary.id)
    }

    private static func newestFirst(_ a: some TalkDated, _ b: some TalkDated) -> Bool {
        a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id > b.id
    }

    /// Reads every `<id>.json` in the folder, two or more at a time, and decodes
    /// each with `decode(bytes, path, id, decoder)`. A missing folder is an empty list.
    private func scan<T: Sendable>(
        _ decode: @escaping @Sendable (UnsafeBufferPointer<UInt8>, String, String, JSONDecoder) throws(StoreError) -> T
    ) -> ([T], [StoreProblem]) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            if !FileManager.default.fileExists(atPath: folder) { return ([], []) }
            return ([], [StoreProblem(path: folder, error: .unreadable(path: folder, reason: Self.reason(error)))])
        }
        let files = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        let folder = self.folder
        let chunkSize = 64
        let chunkCount = (files.count + chunkSize - 1) / chunkSize
        let results = ScanResults<T>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let decoder = Self.decoder()
            var buffer: [UInt8] = []
            var items: [T] = []
            var problems: [StoreProblem] = []
            for name in files[(chunk * chunkSize)..<min(files.count, (chunk + 1) * chunkSize)] {
                let path = (folder as NSString).appendingPathComponent(name)
                let id = String(name.dropLast(".json".count))
                do throws(StoreError) {
                    guard Self.isValidID(id) else { throw StoreError.invalidID(id) }
                    let count = try Self.read(path, id: id, into: &buffer)
                    items.append(try buffer.withUnsafeBufferPointer { bytes throws(StoreError) in
                        try decode(UnsafeBufferPointer(rebasing: bytes[..<count]), path, id, decoder)
                    })
                } catch .notFound {
                    continue // deleted while we listed
                } catch {
                    problems.append(StoreProblem(path: path, error: error))
                }
            }
            results.set(chunk, items, problems)
        }
        return results.joined()
    }

    private static func reason(_ error: Error) -> String {
        ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription ?? error.localizedDescription
    }

    // MARK: Locking and deleting

    /// Opens the talk for writing: only one tillit at a time may hold it. Throws
    /// `StoreError.locked(pid:)` when another process has it. Temp files that a
    /// crashed writer of this talk left behind are removed.
    package func lock(id: String) throws(StoreError) -> SessionLock {
        _ = try path(for: id)
        try makeFolder()
        let lock = try SessionLock(id: id, path: lockPath(for: id))
        removeLeftoverTempFiles(of: id)
        return lock
    }

    private func lockPath(for id: String) -> String {
        (folder as NSString).appendingPathComponent(id + ".lock")
    }

    private func removeLeftoverTempFiles(of id: String) {
        let prefix = Self.tempPrefix(for: id)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            unlink((folder as NSString).appendingPathComponent(name))
        }
    }

    /// Deletes a talk for good. Refuses when another tillit has it open, and
    /// when the file cannot be read or is newer (it is left for a person to look at).
    package func delete(id: String) throws(StoreError) {
        let path = try path(for: id)
        // Checked first, so an unknown id leaves no lock file behind.
        if access(path, F_OK) != 0 { throw .notFound(id: id, path: path) }
        let lock = try lock(id: id)
        defer { lock.release() }
        _ = try load(id: id)
        if unlink(path) != 0 { throw .deleteFailed(path: path, reason: SystemCallError().reason) }
        // The referat holds the same words; a talk deleted for good takes it along.
        unlink(try referatPath(for: id))
        unlink(try minutesPagePath(for: id))
        unlink(lock.path)
        try? POSIXFile.syncFolder(of: path)
    }
}

/// What `newestFirst` sorts on.
protocol TalkDated {
    var id: String { get }
    var createdAt: Date { get }
}

extension Session: TalkDated {}
extension SessionSummary: TalkDated {}

/// What `SessionStore.save` last wrote to each file, shared by copies of the store.
private final class SavedFiles: @unchecked Sendable {
    private var stamps: [String: POSIXFile.Stamp] = [:]
    private let lock = NSLock()

    func remember(_ path: String, _ stamp: POSIXFile.Stamp?) {
        lock.withLock { stamps[path] = stamp }
    }

    func isUnchanged(_ path: String, _ stamp: POSIXFile.Stamp) -> Bool {
        lock.withLock { stamps[path] == stamp }
    }
}

/// One slot per chunk of a concurrent scan, each written once by its own worker.
private final class ScanResults<T: Sendable>: @unchecked Sendable {
    private var slots: [(items: [T], problems: [StoreProblem])]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: ([], []), count: count) }

    func set(_ index: Int, _ items: [T], _ problems: [StoreProblem]) {
        lock.withLock { slots[index] = (items, problems) }
    }

    func joined() -> ([T], [StoreProblem]) {
        lock.withLock { (slots.flatMap(\.items), slots.flatMap(\.problems)) }
    }
}
