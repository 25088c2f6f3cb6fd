import Foundation
import TillitCore

extension SessionStore {
    /// Deletes the private notes whose time is up (`PrivateNotesExpiry`) in
    /// every talk that no other tillit has open; returns the ids of the talks
    /// changed. Only the notes go: the rest of each file is as it was.
    package func expirePrivateNotes(_ expiry: PrivateNotesExpiry, now: Date) -> [String] {
        guard expiry.isOn else { return [] }
        var changed: [String] = []
        for talk in loadAll().sessions {
            guard let due = expiry.due(talk), now >= due, let lock = try? lock(id: talk.id) else { continue }
            defer { lock.release() }
            // Read again under the lock: the file may have changed since.
            guard var current = try? load(id: talk.id), expiry.apply(to: &current, now: now) else { continue }
            if (try? save(current)) != nil { changed.append(current.id) }
        }
        return changed
    }
}
