import TillitCore

/// The names and team titles of earlier talks, newest first and each once,
/// that the form for a new talk offers (`NameSuggestion`). Made when the list
/// of talks is read, not on every key press: a long history has thousands.
package struct EarlierNames: Hashable, Sendable {
    package var leaders: [String] = []
    package var employees: [String] = []
    package var facilitators: [String] = []
    package var teams: [String] = []

    package init() {}

    package init(_ items: [TalkListItem]) {
        func names(_ role: Role) -> [String] { Self.unique(items.flatMap { $0.people.filter { $0.role == role }.map(\.name) }) }
        leaders = names(.leader)
        employees = names(.employee)
        facilitators = names(.facilitator)
        teams = Self.unique(items.filter { $0.kind == .team }.map(\.title))
    }

    /// Newest first, each once, blank ones left out.
    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.map { SafeText.line($0) }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
