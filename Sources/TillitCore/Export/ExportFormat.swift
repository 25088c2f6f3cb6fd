import Foundation

/// Numbers, dates and durations the way a referat or a trend shows them in a
/// language: `3,6` and `19.11.2026 13:00` in Norwegian and Danish, `3.6` and
/// `19 Nov 2026 13:00` in English.
package enum ExportFormat {
    /// A mean with one decimal.
    package static func mean(_ value: Double, _ language: Language) -> String {
        decimalComma(String(format: "%.1f", value), language)
    }

    /// A change with its sign: `+0,6`, `−0,3` (a real minus sign), `±0`.
    package static func change(_ value: Double, _ language: Language) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == 0 { return "±0" }
        let text = decimalComma(String(format: "%.1f", abs(rounded)), language)
        return (rounded > 0 ? "+" : "−") + text
    }

    /// A date and time of day in `timeZone`.
    package static func dateTime(_ date: Date, _ language: Language, timeZone: TimeZone) -> String {
        let c = components(date, timeZone)
        let time = String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
        return day(c, language) + " " + time
    }

    /// A calendar day in `timeZone`: `19.11.2026` or `19 Nov 2026`.
    package static func date(_ date: Date, _ language: Language, timeZone: TimeZone) -> String {
        day(components(date, timeZone), language)
    }

    /// `2026-11-19` in `timeZone`, for files and spreadsheets.
    package static func isoDay(_ date: Date, timeZone: TimeZone) -> String {
        let c = components(date, timeZone)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// A stored due day (`2026-12-15`) with its year, the local way.
    package static func due(_ stored: String, _ language: Language) -> String {
        DueDate.display(stored, language: language, today: .distantPast, calendar: Calendar(identifier: .gregorian))
    }

    /// Time spent: `under a minute`, `42 min`, `1 h 5 min`.
    package static func duration(seconds: Double, _ t: Localizer) -> String {
        let minutes = Int((seconds / 60).rounded())
        if seconds < 30 { return t(.referatUnderAMinute) }
        if minutes < 60 { return t(.minutes, minutes) }
        return t(.referatHoursMinutes, minutes / 60, minutes % 60)
    }

    private static func decimalComma(_ text: String, _ language: Language) -> String {
        language == .en ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    private static func components(_ date: Date, _ timeZone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    }

    private static func day(_ c: DateComponents, _ language: Language) -> String {
        let (year, month, day) = (c.year ?? 0, c.month ?? 0, c.day ?? 0)
        if language == .en { return "\(day) \(monthName(month)) \(year)" }
        return String(format: "%02d.%02d.%d", day, month, year)
    }

    /// An English month as dates are written here: `Nov`; `?` for no month.
    static func monthName(_ month: Int) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return names.indices.contains(month - 1) ? names[month - 1] : "?"
    }
}
