import Foundation

extension Session {
    /// The clean-up items of this talk, none when the file has none.
    package var cleanupItems: [CleanupItem] {
        get { cleanup ?? [] }
        set { cleanup = newValue.isEmpty ? nil : newValue }
    }

    /// A talk without clean-up items is written as version 1, as before them,
    /// so an older tillit still opens it; one with items needs a tillit that
    /// knows them (an older one would drop them when it saved).
    package var schemaVersionToWrite: Int {
        cleanupItems.isEmpty ? Self.schemaVersionWithoutCleanup : Self.currentSchemaVersion
    }

    /// Items brought in from an earlier talk that this talk has not yet looked at.
    package var pendingCleanup: [CleanupItem] {
        cleanupItems.filter { $0.addedIn != id && $0.decision(in: id) == nil && $0.isOpen }
    }

    /// Items brought in from earlier talks (whatever this talk made of them).
    package var carriedCleanup: [CleanupItem] { cleanupItems.filter { $0.addedIn != id } }

    /// Items added, or decided, waiting or sent up in this talk: what its minutes list.
    package var cleanupTouchedHere: [CleanupItem] {
        cleanupItems.filter { $0.addedIn == id || $0.decision(in: id) != nil }
    }

    /// What the next talk with the same people brings in first: every item still open.
    package var cleanupToCarryOn: [CleanupItem] { cleanupItems.filter(\.isOpen) }

    /// The id a new item of this talk gets: `<talk id>-c<n>`, one more than any before.
    package var nextCleanupID: String {
        let prefix = id + "-c"
        let used = cleanupItems.compactMap { $0.id.hasPrefix(prefix) ? Int($0.id.dropFirst(prefix.count)) : nil }
        return prefix + String((used.max() ?? 0) + 1)
    }

    mutating func addCleanupItem(id itemID: String, draft: CleanupDraft, onCurrentCard: Bool, now: Date) throws {
        let checked = try draft.checked()
        guard !cleanupItems.contains(where: { $0.id == itemID }) else { throw CleanupError.duplicateItem(itemID) }
        cleanupItems.append(CleanupItem(id: itemID, text: checked.text, kind: checked.kind, decider: checked.decider,
                                        hoursPerMonth: checked.hoursPerMonth, proposal: checked.proposal,
                                        reason: checked.reason, fromCard: onCurrentCard ? currentCard?.key : nil,
                                        addedIn: id, addedAt: now))
    }

    /// Records what this talk made of item `itemID`; a second mark in the same talk replaces the first.
    mutating func decideCleanupItem(id itemID: String, outcome: CleanupOutcome, why: String, by: String, now: Date) throws {
        guard let index = cleanupItems.firstIndex(where: { $0.id == itemID }) else { throw CleanupError.noSuchItem(itemID) }
        let by = by.trimmingCharacters(in: .whitespacesAndNewlines)
        if outcome == .sentUp, by.isEmpty { throw CleanupError.sentUpToNobody }
        var item = cleanupItems[index]
        item.decisions.removeAll { $0.session == id }
        item.decisions.append(CleanupDecision(outcome: outcome, why: why.trimmingCharacters(in: .whitespacesAndNewlines),
                                              by: by, session: id, at: now))
        cleanupItems[index] = item
    }

    mutating func removeCleanupItem(id itemID: String) throws {
        // Only an item added in this talk can go; one from before is decided, not removed.
        guard cleanupItems.contains(where: { $0.id == itemID && $0.addedIn == id }) else { throw CleanupError.noSuchItem(itemID) }
        cleanupItems.removeAll { $0.id == itemID }
    }
}
