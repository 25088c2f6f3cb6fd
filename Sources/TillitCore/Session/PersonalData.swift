import Foundation

/// One person's data across talks, for the rights a person has over it:
/// to see everything kept about them (innsyn, `tillit export --participant`)
/// and to be removed (`tillit forget`). A person is found by name as it was
/// typed, whatever its case and surrounding spaces.
package struct PersonName: Sendable, Equatable {
    package let typed: String
    private let folded: String

    package init(_ typed: String) {
        self.typed = typed
        folded = Self.fold(typed)
    }

    static func fold(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).folding(options: .caseInsensitive, locale: nil)
    }

    package var isEmpty: Bool { folded.isEmpty }

    package func matches(_ name: String) -> Bool { !isEmpty && Self.fold(name) == folded }

    /// Whether `session` names this person: as a participant, or as the owner of an action.
    package func isNamed(in session: Session) -> Bool {
        session.participants.contains { matches($0.name) }
            || session.actions.contains { matches($0.owner) }
            || session.carriedOver.contains { matches($0.action.owner) }
            || session.cleanupItems.contains { $0.decisions.contains { matches($0.by) } }
    }

    /// `text` with every occurrence of the name, in any case, replaced by `placeholder`.
    func removed(from text: String, placeholder: String) -> String {
        let name = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return text }
        return text.replacingOccurrences(of: name, with: placeholder, options: [.caseInsensitive])
    }
}

/// What `tillit forget` does to one talk.
package enum ForgetOutcome: Equatable, Sendable {
    /// The person is not in it.
    case untouched
    /// A 1:1 with the person: it goes whole.
    case delete
    /// A team talk: the person's name, named answers and ownership are gone; the rest stays.
    case changed(Session)
}

extension Session {
    /// This talk without `person`. A 1:1 they took part in is deleted whole;
    /// in a team talk they leave the participants with the answers given under
    /// their name, the actions they owned belong to nobody, and their name is
    /// taken out of every text (titles, answers, notes, actions). Anonymous
    /// counts were never theirs to identify, so they stay and trends for
    /// everyone else are unchanged.
    package func forgetting(_ person: PersonName, placeholder: String) -> ForgetOutcome {
        guard !person.isEmpty else { return .untouched }
        let takesPart = participants.contains { person.matches($0.name) }
        if kind == .oneOnOne && takesPart { return .delete }
        var copy = self
        let ids = Set(participants.filter { person.matches($0.name) }.map(\.id))
        copy.participants.removeAll { ids.contains($0.id) }
        let scrub = { (text: String) in person.removed(from: text, placeholder: placeholder) }
        for index in copy.cards.indices {
            copy.cards[index].responses.removeAll { ids.contains($0.participant) }
            for response in copy.cards[index].responses.indices {
                copy.cards[index].responses[response].text = scrub(copy.cards[index].responses[response].text)
            }
        }
        func forget(_ action: inout Action) {
            if person.matches(action.owner) { action.owner = "" }
            action.text = scrub(action.text)
            action.owner = scrub(action.owner)
        }
        for index in copy.actions.indices { forget(&copy.actions[index]) }
        for index in copy.carriedOver.indices { forget(&copy.carriedOver[index].action) }
        // Clean-up items: who decided, and the name in any of their words.
        copy.cleanupItems = copy.cleanupItems.map { item in
            var item = item
            item.text = scrub(item.text)
            item.reason = scrub(item.reason)
            item.decisions = item.decisions.map { decision in
                var decision = decision
                decision.by = person.matches(decision.by) ? "" : scrub(decision.by)
                decision.why = scrub(decision.why)
                return decision
            }
            return item
        }
        copy.title = scrub(copy.title)
        copy.notes = scrub(copy.notes)
        copy.privateNotes = scrub(copy.privateNotes)
        return copy == self ? .untouched : .changed(copy)
    }
}
