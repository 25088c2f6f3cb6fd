import Foundation
import TillitCore

extension DeckCatalog {
    /// The deck files that were not loaded (broken, or their id already taken),
    /// in the order of `problems`, each with the problem that says why: its first
    /// error, else its last warning (the one that skipped it). A deck with only
    /// warnings is loaded, so it is not among them.
    package var skippedFiles: [Diagnostic] {
        let loaded = Set(entries.map(\.origin.path))
        var order: [String] = []
        var byPath: [String: [Diagnostic]] = [:]
        for problem in problems where !loaded.contains(problem.path) {
            if byPath[problem.path] == nil { order.append(problem.path) }
            byPath[problem.path, default: []].append(problem)
        }
        return order.compactMap { path in
            byPath[path].flatMap { found in found.first { $0.severity == .error } ?? found.last }
        }
    }
}
