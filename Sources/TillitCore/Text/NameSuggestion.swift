import Foundation

/// A name from earlier talks offered while one is typed: so "Since last time"
/// and the trends find the same person or team again, not a near twin.
package enum NameSuggestion: Hashable, Sendable {
    /// `typed` begins this earlier name: Tab completes it.
    case completion(String)
    /// `typed` is this earlier name but for case or one letter: "did you mean …?".
    case didYouMean(String)

    package var name: String {
        switch self {
        case .completion(let name), .didYouMean(let name): return name
        }
    }

    /// The suggestion for `typed` among `known` (newest first), if any. A name
    /// typed exactly as before needs none; a near twin counts only from four
    /// letters, so short names are not second-guessed.
    package static func suggest(for typed: String, among known: [String]) -> NameSuggestion? {
        let typed = typed.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty, !known.contains(typed) else { return nil }
        let lower = typed.lowercased()
        if let twin = known.first(where: { $0.lowercased() == lower }) { return .didYouMean(twin) }
        if let longer = known.first(where: { $0.lowercased().hasPrefix(lower) }) { return .completion(longer) }
        guard typed.count >= 4 else { return nil }
        if let near = known.first(where: { TextDistance.edits(lower, $0.lowercased()) == 1 }) { return .didYouMean(near) }
        return nil
    }
}
