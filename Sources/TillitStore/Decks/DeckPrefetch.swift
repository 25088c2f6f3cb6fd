import Foundation
import TillitCore

/// Deck files parsed ahead, on another core, while the command line is still
/// being read (swift-argument-parser takes a few milliseconds): `DeckCatalog.load`
/// takes a file's result from here instead of parsing the file again. Each
/// result is taken once; one that no load asks for was only wasted work.
package enum DeckPrefetch {
    private final class Store: @unchecked Sendable {
        let condition = NSCondition()
        var pending: Set<String> = []
        var results: [String: DeckParser.Result] = [:]
    }

    private static let store = Store()

    /// Starts parsing, in the background, the files that
    /// `DeckCatalog.load(shippedFolder:ownFolder:onlyIDs:)` would parse for the
    /// folders `folders` gives (worked out in the background as well).
    package static func start(onlyIDs ids: Set<String>, folders: @escaping @Sendable () -> (shipped: String?, own: String?)) {
        store.condition.withLock { store.pending.insert(pendingFolders) }
        DispatchQueue.global(qos: .userInitiated).async {
            let (shipped, own) = folders()
            let paths = DeckCatalog.files(shippedFolder: shipped, ownFolder: own, onlyIDs: ids).map(\.path)
            store.condition.withLock {
                store.pending.formUnion(paths)
                store.pending.remove(pendingFolders)
                store.condition.broadcast()
            }
            for path in paths {
                let result = DeckParser.parse(fileAt: path)
                store.condition.withLock {
                    store.results[path] = result
                    store.pending.remove(path)
                    store.condition.broadcast()
                }
            }
        }
    }

    /// Stands for the file list while it is being made: until then any path may be coming.
    private static let pendingFolders = "\u{0}folders"

    /// The prefetched result for the file at `path`, once it is ready; nil when
    /// it was not prefetched (or has been taken already).
    static func take(_ path: String) -> DeckParser.Result? {
        store.condition.withLock {
            while store.pending.contains(pendingFolders) || store.pending.contains(path) { store.condition.wait() }
            return store.results.removeValue(forKey: path)
        }
    }
}
