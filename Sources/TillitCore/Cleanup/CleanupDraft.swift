import Foundation

/// Why a clean-up item (or a decision on one) was refused. Nothing is saved
/// when one of these is thrown: `Session.apply` leaves the talk as it was.
package enum CleanupError: Error, Equatable, CustomStringConvertible {
    case emptyText
    case hoursNotANumber(String)
    case hoursNegative
    /// More than `CleanupDraft.maximumHours` a month.
    case hoursTooMany
    case keepNeedsReason
    case unknownKind(String)
    case unknownDecider(String)
    case noSuchItem(String)
    case duplicateItem(String)
    /// Sent up, but to nobody.
    case sentUpToNobody

    package var description: String { message(Localizer(.en)) }

    package func message(_ t: Localizer) -> String {
        switch self {
        case .emptyText: return t(.cleanupNeedsText)
        case .hoursNotANumber(let typed): return t(.cleanupHoursNotANumber, SafeText.line(typed))
        case .hoursNegative: return t(.cleanupHoursNegative)
        case .hoursTooMany: return t(.cleanupHoursTooMany, Int(CleanupDraft.maximumHours))
        case .keepNeedsReason: return t(.cleanupKeepNeedsReason)
        case .unknownKind(let typed):
            return t(.cleanupUnknownKind, SafeText.line(typed), CleanupKind.allCases.map(\.rawValue).joined(separator: ", "))
        case .unknownDecider(let typed):
            return t(.cleanupUnknownDecider, SafeText.line(typed), CleanupDecider.allCases.map(\.rawValue).joined(separator: ", "))
        case .noSuchItem(let id): return t(.cleanupNoSuchItem, SafeText.line(id))
        case .duplicateItem(let id): return t(.cleanupNoSuchItem, SafeText.line(id))
        case .sentUpToNobody: return t(.cleanupSentUpToNobody)
        }
    }
}

/// A clean-up item as typed, before it is part of a talk. `checked()` is the
/// one place its rules live, for the card screen's form, plain mode and tests.
package struct CleanupDraft: Hashable, Sendable {
    /// More hours a month than any team spends on one thing (a full-time post is some 160).
    package static let maximumHours = 2000.0

    package var text: String
    package var kind: CleanupKind
    package var decider: CleanupDecider
    package var hoursPerMonth: Double?
    package var proposal: CleanupProposal
    package var reason: String

    package init(text: String, kind: CleanupKind = .other, decider: CleanupDecider = .ours, hoursPerMonth: Double? = nil,
                proposal: CleanupProposal = .drop, reason: String = "") {
        self.text = text
        self.kind = kind
        self.decider = decider
        self.hoursPerMonth = hoursPerMonth
        self.proposal = proposal
        self.reason = reason
    }

    /// The draft trimmed, or why it cannot be kept.
    package func checked() throws(CleanupError) -> CleanupDraft {
        var draft = self
        draft.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        draft.reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !draft.text.isEmpty else { throw .emptyText }
        if let hours = hoursPerMonth { try Self.check(hours) }
        if proposal == .keep, draft.reason.isEmpty { throw .keepNeedsReason }
        return draft
    }

    static func check(_ hours: Double) throws(CleanupError) {
        guard hours.isFinite else { throw .hoursNotANumber(String(hours)) }
        guard hours >= 0 else { throw .hoursNegative }
        guard hours <= maximumHours else { throw .hoursTooMany }
    }

    /// Hours as people type them: empty for none, `3`, `2,5` or `2.5`. Never
    /// `nan`, `inf`, a negative number or more than `maximumHours`.
    package static func hours(_ typed: String) throws(CleanupError) -> Double? {
        let trimmed = typed.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let normal = trimmed.replacingOccurrences(of: ",", with: ".")
        // Digits, one point and a leading minus only: Double("nan") and "1e9" are not hours anyone types.
        let allowed = normal.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "." || $0 == "-" }
        guard allowed, normal.filter({ $0 == "." }).count <= 1, let hours = Double(normal) else {
            throw .hoursNotANumber(trimmed)
        }
        try check(hours)
        return hours
    }

    package static func kind(_ typed: String) throws(CleanupError) -> CleanupKind {
        guard let kind = CleanupKind(rawValue: typed.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw .unknownKind(typed)
        }
        return kind
    }

    package static func decider(_ typed: String) throws(CleanupError) -> CleanupDecider {
        guard let decider = CleanupDecider(rawValue: typed.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw .unknownDecider(typed)
        }
        return decider
    }
}
