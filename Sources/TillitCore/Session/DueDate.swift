import Foundation

/// Due dates as people type them (`15.12`, `15.12.2026`, `2026-12-15`), stored
/// as `YYYY-MM-DD`. A day and month without a year means the next such day.
package enum DueDate {
    package enum Parsed: Equatable, Sendable { case empty, date(String), invalid }

    package static func parse(_ text: String, today: Date, calendar: Calendar = .current) -> Parsed {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .empty }
        let parts = trimmed.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "/" }).map(String.init)
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, (2...3).contains(numbers.count) else { return .invalid }
        let todayParts = calendar.dateComponents([.year, .month, .day], from: today)
        var year: Int, month: Int, day: Int
        if parts[0].count == 4 {
            guard numbers.count == 3 else { return .invalid }
            (year, month, day) = (numbers[0], numbers[1], numbers[2])
        } else {
            (day, month) = (numbers[0], numbers[1])
            if numbers.count == 3 {
                year = numbers[2] < 100 ? 2000 + numbers[2] : numbers[2]
            } else {
                year = todayParts.year ?? 2000
                if (month, day) < (todayParts.month ?? 1, todayParts.day ?? 1) { year += 1 }
            }
        }
        guard (1...12).contains(month), (2000...2200).contains(year) else { return .invalid }
        var firstOfMonth = DateComponents()
        (firstOfMonth.year, firstOfMonth.month, firstOfMonth.day) = (year, month, 1)
        guard let first = calendar.date(from: firstOfMonth),
              let days = calendar.range(of: .day, in: .month, for: first), days.contains(day) else { return .invalid }
        return .date(String(format: "%04d-%02d-%02d", year, month, day))
    }

    /// `2026-12-15` shown the local way: `15.12` this year, `15.12.2027` otherwise.
    package static func display(_ stored: String, language: Language, today: Date, calendar: Calendar = .current) -> String {
        let parts = stored.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return stored }
        let thisYear = calendar.component(.year, from: today)
        switch language {
        case .en:
            return parts[0] == thisYear ? "\(parts[2]) \(ExportFormat.monthName(parts[1]))"
                : "\(parts[2]) \(ExportFormat.monthName(parts[1])) \(parts[0])"
        case .nb, .da:
            return parts[0] == thisYear ? String(format: "%d.%d.", parts[2], parts[1])
                : String(format: "%d.%d.%d", parts[2], parts[1], parts[0])
        }
    }
}
