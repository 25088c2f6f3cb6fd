import Foundation

/// An age as people write it after `--older-than`: `24m` (months), `90d`
/// (days) or `2y` (years). Months and years count in the calendar, so
/// "24m" on 31 March reaches back to 31 March two years before.
package struct TalkAge: Equatable, Sendable {
    package enum Unit: String, Sendable { case days = "d", months = "m", years = "y" }
    package var count: Int
    package var unit: Unit

    package init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// Longest age the command line takes: a hundred years.
    static let maximumDays = 36_525

    /// Nil for anything that is not a whole number from 1 followed by d, m or y
    /// (and not over a hundred years): `3x`, `-1m`, `m`, `1e9d`.
    package init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = trimmed.last, let unit = Unit(rawValue: String(last)) else { return nil }
        let digits = trimmed.dropLast()
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let count = Int(digits), count > 0 else { return nil }
        let days = unit == .days ? count : unit == .months ? count * 31 : count * 366
        guard days <= Self.maximumDays + 400 else { return nil }
        self.init(count: count, unit: unit)
    }

    /// As typed: `24m`.
    package var text: String { "\(count)\(unit.rawValue)" }

    /// The moment `self` before `now`: talks created before it are older.
    package func cutoff(before now: Date, calendar: Calendar = .current) -> Date {
        let component: Calendar.Component = unit == .days ? .day : unit == .months ? .month : .year
        return calendar.date(byAdding: component, value: -count, to: now) ?? .distantPast
    }
}

/// How long talks are kept: a number of months after a talk was held, or
/// (`months` 0) until someone deletes them. Talks are personal data, so the
/// default keeps them two years, the span people most often choose for notes
/// of performance and development talks, and the home screen says when some
/// are older.
package struct RetentionPolicy: Equatable, Sendable {
    package static let defaultMonths = 24
    /// Up to twenty years; more is no retention period anyone would choose.
    package static let allowedMonths = 0...240
    package var months: Int

    package init(months: Int?) { self.months = months ?? Self.defaultMonths }

    /// False when talks are kept until deleted.
    package var limitsAge: Bool { months > 0 }

    /// The age past which a talk is kept longer than the policy says, or nil with no limit.
    package var age: TalkAge? { limitsAge ? TalkAge(count: months, unit: .months) : nil }

    /// Reads a retention as typed in `tillit settings retention N`: nil unless a whole number in `allowedMonths`.
    package static func months(from text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 4, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }),
              let months = Int(trimmed), allowedMonths.contains(months) else { return nil }
        return months
    }

    /// The talks held before `age` ago, oldest first.
    package static func older(_ talks: [SessionSummary], than age: TalkAge, now: Date,
                             calendar: Calendar = .current) -> [SessionSummary] {
        let cutoff = age.cutoff(before: now, calendar: calendar)
        return talks.filter { $0.createdAt < cutoff }.sorted { $0.createdAt < $1.createdAt }
    }
}

/// The leader's private notes are working notes, not the record: they may be
/// set to delete themselves `days` after the talk was last worked on (off
/// when 0). tillit checks when it starts; the talk then says when they went.
package struct PrivateNotesExpiry: Equatable, Sendable {
    /// Up to ten years.
    package static let allowedDays = 0...3_650
    package var days: Int

    package init(days: Int?) { self.days = days.flatMap { Self.allowedDays.contains($0) ? $0 : nil } ?? 0 }

    package var isOn: Bool { days > 0 }

    /// Reads `tillit settings private-notes-days N`: nil unless a whole number in `allowedDays`.
    package static func days(from text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 5, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }),
              let days = Int(trimmed), allowedDays.contains(days) else { return nil }
        return days
    }

    /// When `session`'s private notes are due to go: `days` after it was last
    /// changed (a talk still going on keeps them as long as it is worked on).
    package func due(_ session: Session) -> Date? {
        guard isOn, !session.privateNotes.isEmpty else { return nil }
        return session.updatedAt.addingTimeInterval(Double(days) * 86_400)
    }

    /// Deletes the private notes when their time is up; true when it did.
    /// Nothing else in the talk changes, `updatedAt` included.
    package func apply(to session: inout Session, now: Date) -> Bool {
        guard let due = due(session), now >= due else { return false }
        session.privateNotes = ""
        session.privateNotesExpiredAt = now
        return true
    }
}
