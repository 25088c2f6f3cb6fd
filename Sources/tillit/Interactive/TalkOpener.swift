import Foundation
import TillitCore
import TillitStore

/// The steps every way of holding a talk shares, the screens and plain line
/// mode alike: dealing a new talk (with the open actions of the last talk with
/// the same people), opening an existing one for writing, and holding its lock.
final class TalkOpener {
    let store: SessionStore
    var catalog: DeckCatalog
    /// The lock of the talk that is open for writing, if any.
    private(set) var lock: SessionLock?

    init(store: SessionStore, catalog: DeckCatalog) {
        self.store = store
        self.catalog = catalog
    }

    /// Deals a new talk, brings in open actions from the last talk with the same
    /// people, saves it (unless `save` is false: then the caller must) and takes
    /// its lock. Returns the talk and its file.
    func start(_ setup: TalkSetup, now: Date = Date(), save: Bool = true) throws -> (Session, String) {
        var generator = SystemRandomNumberGenerator()
        let probe = try Session.start(setup, decks: catalog.decks, id: "probe", now: now)
        let previous = try store.previousTalk(for: probe.continuityKey)
        let id = Session.makeID(now: now, random: generator.next())
        let session = try Session.start(setup, decks: catalog.decks, id: id, now: now, previous: previous,
                                        randomSeed: generator.next())
        let newLock = try store.lock(id: id)
        if save { try store.save(session) }
        hold(newLock)
        return (session, try store.path(for: id))
    }

    /// Takes the lock of a saved talk and loads it for writing.
    func openForWriting(id: String, now: Date = Date()) throws -> (Session, String) {
        let newLock = try store.lock(id: id)
        var session = try store.load(id: id)
        // Time away from the talk is not time on the card.
        session.timingSince = now
        hold(newLock)
        return (session, try store.path(for: id))
    }

    /// Lets go of the open talk.
    func release() {
        lock?.release()
        lock = nil
    }

    private func hold(_ newLock: SessionLock) {
        lock?.release()
        lock = newLock
    }
}
