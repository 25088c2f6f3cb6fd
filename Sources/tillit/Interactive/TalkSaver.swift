import Foundation
import TillitCore
import TillitUI
import TillitStore

/// Writes the open talk whenever it differs from its file. A failed save is
/// shown and tried again on the next change; the words stay in memory.
final class TalkSaver {
    private let store: SessionStore
    /// The talk as last written to disk, to tell whether it changed; nil before
    /// a new talk's first write (and while no talk is open for writing).
    private(set) var savedSession: Session?
    private var policy = SavePolicy()

    init(store: SessionStore) { self.store = store }

    /// A talk was opened for writing; `onDisk` is what its file holds, nil when it is not written yet.
    func opened(_ onDisk: Session?) { savedSession = onDisk }

    /// The open talk was let go.
    func closed() { savedSession = nil }

    /// A new talk whose first write waits for its first frame (`tillit start`).
    var firstWriteIsDue: Bool { savedSession == nil }

    /// Saves when `policy` says so; while someone types, at most every `SavePolicy.typingInterval`.
    func saveIfNeeded(_ program: Program, typing: Bool, now: Date, force: Bool = false) {
        guard let talk = program.state.talk, !talk.readOnly else { return }
        let changed = talk.session != savedSession
        guard policy.shouldSave(changed: changed, typing: typing && !force, now: now) else { return }
        guard changed else { policy.saved(at: now); return }
        do {
            try store.save(talk.session)
            savedSession = talk.session
            policy.saved(at: now)
            program.send(.saved)
        } catch {
            program.send(.saveFailed(error.message(program.state.text)))
        }
    }
}
