import Foundation

/// When the run loop writes the open talk to disk. Every change is saved; while
/// someone is typing, saves are at most `typingInterval` apart, so a crash loses
/// at most the keystrokes of the last half second and typing never waits on fsync.
struct SavePolicy {
    var typingInterval: TimeInterval = 0.4
    private(set) var lastSave: Date = .distantPast
    private(set) var pending = false

    /// Whether to save now, after a change (or none) at `now`.
    mutating func shouldSave(changed: Bool, typing: Bool, now: Date) -> Bool {
        if changed { pending = true }
        guard pending else { return false }
        if typing && now.timeIntervalSince(lastSave) < typingInterval { return false }
        return true
    }

    mutating func saved(at now: Date) {
        lastSave = now
        pending = false
    }
}
