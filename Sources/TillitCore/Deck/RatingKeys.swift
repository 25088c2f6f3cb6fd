/// A rating is typed as one digit, so a scale has at most ten values; on a
/// scale that ends at 10 and has no 0, the key 0 stands for 10.
package enum RatingKeys {
    package static let maximumValues = 10

    package static func value(forDigit digit: Int, on range: ClosedRange<Int>) -> Int {
        digit == 0 && range.upperBound == 10 && !range.contains(0) ? 10 : digit
    }

    /// The keys to press, as the key bar shows them: `1–5`, or `1–9, 0 = 10`.
    package static func label(for range: ClosedRange<Int>) -> String {
        range.upperBound == 10 && !range.contains(0)
            ? "\(range.lowerBound)–9, 0 = 10" : "\(range.lowerBound)–\(range.upperBound)"
    }
}
