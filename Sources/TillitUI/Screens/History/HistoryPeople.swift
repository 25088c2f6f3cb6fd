import TillitCore

/// `p` in the history: the talks with one person at a time, as `tillit sessions
/// --participant` lists them; after the last person, everyone again.
enum HistoryPeople {
    /// One person whatever the case and spacing it was typed with.
    static func key(_ name: String) -> String {
        SafeText.line(name).split(separator: " ").joined(separator: " ").lowercased()
    }

    /// Everyone named in the talks, each once, as first written, in alphabetical order.
    static func names(_ state: AppState) -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        for person in state.sessions.items.flatMap(\.people) {
            let name = SafeText.line(person.name)
            if !key(name).isEmpty, seen.insert(key(name)).inserted { names.append(name) }
        }
        return names.sorted { $0.localizedCaseInsensitiveCompare($1) == .orderedAscending }
    }

    static func next(_ state: inout AppState) {
        let names = names(state)
        let index = state.historyPerson.flatMap { current in names.firstIndex { key($0) == current } }
        let following = index.map { $0 + 1 } ?? 0
        state.historySelection = 0
        guard names.indices.contains(following) else {
            state.historyPerson = nil
            state.flash = state.text(.historyEveryone)
            return
        }
        state.historyPerson = key(names[following])
        state.flash = state.text(.historyWithPerson, names[following])
    }

    /// The history's header: `Historikk · Kari` while narrowed to a person.
    static func title(_ state: AppState, _ title: String) -> String {
        guard let person = state.historyPerson,
              let name = names(state).first(where: { key($0) == person }) else { return title }
        return title + " · " + name
    }
}
