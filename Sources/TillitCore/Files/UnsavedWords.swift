/// What a person typed that is not in the file: when the last save failed
/// (a full disk) and the talk ends, these are said on the terminal so the
/// words can still be copied somewhere, instead of going with the process.
package enum UnsavedWords {
    /// The words, under a line that says what they are; nil when every word is saved.
    /// `saved` is nil when nothing of the talk was ever saved.
    package static func report(saved: Session?, current: Session, _ t: Localizer) -> String? {
        let lines = lines(saved: saved, current: current, t)
        guard !lines.isEmpty else { return nil }
        return ([t(.unsavedWordsHeader)] + lines.map { "  " + $0 }).joined(separator: "\n")
    }

    static func lines(saved: Session?, current: Session, _ t: Localizer) -> [String] {
        var lines: [String] = []
        for (index, card) in current.cards.enumerated() {
            let before = saved.flatMap { $0.cards.indices.contains(index) ? $0.cards[index] : nil }
            for response in card.responses where !response.text.isEmpty
                && before?.response(of: response.participant)?.text != response.text {
                let name = current.participants.first { $0.id == response.participant }?.name ?? response.participant
                lines.append(t(.unsavedAnswer, index + 1, SafeText.line(name), SafeText.clean(response.text)))
            }
        }
        let savedActions = Set(saved?.actions.map(\.text) ?? [])
        for action in current.actions where !savedActions.contains(action.text) {
            lines.append(t(.unsavedAction, SafeText.clean(action.text)))
        }
        if current.notes != saved?.notes, !current.notes.isEmpty { lines.append(t(.unsavedNotes, SafeText.clean(current.notes))) }
        if current.privateNotes != saved?.privateNotes, !current.privateNotes.isEmpty {
            lines.append(t(.unsavedPrivateNotes, SafeText.clean(current.privateNotes)))
        }
        return lines
    }
}
