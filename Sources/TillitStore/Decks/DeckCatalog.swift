import Foundation
import TillitCore

/// Where a deck came from.
package enum DeckOrigin: Hashable, Sendable {
    case shipped(path: String)
    case own(path: String)

    package var path: String {
        switch self {
        case .shipped(let path), .own(let path): return path
        }
    }

    package var isOwn: Bool { if case .own = self { return true } else { return false } }
}

package struct CatalogEntry: Hashable, Sendable {
    package var deck: Deck
    package var origin: DeckOrigin
    /// An own deck with the id of a shipped one replaces it; this is the path it replaced.
    package var replacesShippedPath: String?
}

/// All decks a user can choose from: the shipped ones, then the user's own in
/// `$TILLIT_HOME/decks/`, where an own deck replaces a shipped one of the same id.
/// A deck that does not load is reported in `problems` and skipped.
package struct DeckCatalog: Sendable {
    package var entries: [CatalogEntry]
    package var problems: [Diagnostic]

    package init(entries: [CatalogEntry], problems: [Diagnostic]) {
        self.entries = entries
        self.problems = problems
    }

    package static func load(shippedFolder: String?, ownFolder: String?) -> DeckCatalog {
        load(shippedFolder: shippedFolder, ownFolder: ownFolder, onlyIDs: nil)
    }

    /// The entries of the decks `ids`, the same as `load` gives them (an own deck
    /// still replaces a shipped one), without parsing the files that cannot hold
    /// them: `tillit start` needs only its own decks before the first card shows.
    /// `problems` covers only the files that were parsed.
    package static func load(shippedFolder: String?, ownFolder: String?, onlyIDs ids: Set<String>?) -> DeckCatalog {
        var byID: [String: CatalogEntry] = [:]
        var order: [String] = []
        var problems: [Diagnostic] = []
        let files = files(shippedFolder: shippedFolder, ownFolder: ownFolder, onlyIDs: ids)
        let results = parseAll(files.map(\.path))
        for ((path, isOwn), result) in zip(files, results) {
            problems += result.diagnostics.filter { $0.severity == .error || isOwn }
            guard let deck = result.deck, result.isValid else { continue }
            let origin: DeckOrigin = isOwn ? .own(path: path) : .shipped(path: path)
            var entry = CatalogEntry(deck: deck, origin: origin, replacesShippedPath: nil)
            if let existing = byID[deck.id] {
                if isOwn, !existing.origin.isOwn {
                    entry.replacesShippedPath = existing.origin.path
                } else {
                    problems.append(Diagnostic(path: path, severity: .warning, key: .deckIDTwice,
                                               arguments: [.text(deck.id), .text(existing.origin.path)]))
                    continue
                }
            } else {
                order.append(deck.id)
            }
            byID[deck.id] = entry
        }
        if let ids { order.removeAll { !ids.contains($0) } }
        return DeckCatalog(entries: order.compactMap { byID[$0] }, problems: problems)
    }

    /// The deck files `load` parses: the shipped ones, then the own ones.
    static func files(shippedFolder: String?, ownFolder: String?, onlyIDs ids: Set<String>?) -> [(path: String, isOwn: Bool)] {
        [(shippedFolder, false), (ownFolder, true)].flatMap { folder, isOwn in
            folder.map { deckFiles(in: $0).map { (path: $0, isOwn: isOwn) } } ?? []
        }.filter { file in ids.map { mayDefine(anyOf: $0, fileAt: file.path) } ?? true }
    }

    /// False only when the file cannot define a deck with one of `ids`. An id is
    /// made of a–z, 0–9 and '-', so YAML can spell it only as those very bytes,
    /// or with an escape in a double-quoted string: `\x`, `\u`, `\U`, or a
    /// backslash that joins two lines. A file that is too large or cannot be read
    /// is left to the parser to report.
    static func mayDefine(anyOf ids: Set<String>, fileAt path: String) -> Bool {
        var buffer: [UInt8] = []
        guard let count = try? POSIXFile.readAll(path, limit: DeckParser.maximumFileSize, followingLinks: true, into: &buffer)
        else { return true }
        return buffer[..<count].withUnsafeBytes { bytes in
            guard let start = bytes.baseAddress else { return false }
            let escapes: [UInt8] = Array("xuU\n\r".utf8)
            var offset = 0
            while offset < bytes.count, let hit = memchr(start + offset, Int32(UInt8(ascii: "\\")), bytes.count - offset) {
                let index = start.distance(to: UnsafeRawPointer(hit))
                if index + 1 < bytes.count, escapes.contains(bytes[index + 1]) { return true }
                offset = index + 1
            }
            return ids.contains { id in
                id.utf8.withContiguousStorageIfAvailable { contains($0, in: bytes) } ?? true
            }
        }
    }

    private static func contains(_ needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard let first = needle.first, let start = bytes.baseAddress, bytes.count >= needle.count else { return false }
        let lastStart = bytes.count - needle.count
        var offset = 0
        while offset <= lastStart, let hit = memchr(start + offset, Int32(first), lastStart - offset + 1) {
            if memcmp(hit, needle.baseAddress!, needle.count) == 0 { return true }
            offset = start.distance(to: UnsafeRawPointer(hit)) + 1
        }
        return false
    }

    /// Parses the files side by side (every deck is most of the home screen's
    /// start-up time, and a machine has more than one core), results in the
    /// same order.
    static func parseAll(_ paths: [String]) -> [DeckParser.Result] {
        final class Slots: @unchecked Sendable {
            var results: [DeckParser.Result?]
            let lock = NSLock()
            init(_ count: Int) { results = Array(repeating: nil, count: count) }
        }
        guard paths.count > 1 else { return paths.map(parse) }
        let slots = Slots(paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let result = parse(paths[index])
            slots.lock.withLock { slots.results[index] = result }
        }
        return slots.results.map { $0! }
    }

    /// A file's result from `DeckPrefetch` when it was parsed ahead, else parsed now.
    private static func parse(_ path: String) -> DeckParser.Result {
        DeckPrefetch.take(path) ?? DeckParser.parse(fileAt: path)
    }

    /// `*.yaml` and `*.yml` files of a folder, sorted by name; a missing folder has none.
    package static func deckFiles(in folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }
            .sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    package func entry(id: String) -> CatalogEntry? { entries.first { $0.deck.id == id } }
    package func deck(id: String) -> Deck? { entry(id: id)?.deck }
    package var decks: [Deck] { entries.map(\.deck) }
}

/// Finds the folder of shipped decks for a binary at `executablePath`.
package enum ShippedDecks {
    /// Tried in order: `TILLIT_CARDS`; `PREFIX/share/tillit/Cards` beside an
    /// installed binary; `Cards/` in the source tree the binary was built from,
    /// which is what makes `swift run tillit` work from any folder.
    package static func folder(executablePath: String, environment: [String: String]) -> String? {
        var candidates: [String] = []
        if let override = environment["TILLIT_CARDS"], !override.isEmpty { candidates.append(override) }
        let binFolder = (executablePath as NSString).deletingLastPathComponent
        candidates.append((binFolder as NSString).appendingPathComponent("../share/tillit/Cards"))
        candidates.append(sourceTreeCards)
        return candidates.first { isFolder($0) }.map { ($0 as NSString).standardizingPath }
    }

    /// `Cards/` at the root of the package this file was compiled from.
    static var sourceTreeCards: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Deck, TillitCore, Sources, file
        return url.appendingPathComponent("Cards").path
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
