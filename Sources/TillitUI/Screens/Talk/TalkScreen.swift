import Foundation
import TillitCore

/// Keys of an open talk: since-last-time, the cards, and the summary.
enum TalkScreen {
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let talk = state.talk else { state.screen = .home; return [] }
        var context = TalkContext(state: state)
        defer { state = context.state }
        let now = state.now
        let table = TalkKeys.table(talk)
        // "Which vote?" is answered by the next key, whichever it is (`VoteRemovalKeys`).
        context.talk.choosingVoteToRemove = false
        let onAForm = talk.actionForm != nil || talk.confirmRemove != nil || talk.notesEditor != nil
        if key != .character("f") && !onAForm { context.talk.askedToFinishWithParked = false }
        if let effects = table.handle(key, &context) { return effects }
        if case .character = key, CardKeys.typingStartsWriting(context) { CardMoves.startWriting(&context) }
        if context.writing { typeInField(key, &context.talk, now: now) }
        return []
    }

    /// The key bar of the current card or summary, read off its key table.
    static func keyBar(_ state: AppState, _ talk: TalkState) -> [(String, String)] {
        TalkKeys.table(talk).bar(TalkContext(state: state))
    }

    /// The `?` help of the current card or summary, read off its key table.
    static func help(_ state: AppState, _ talk: TalkState) -> [(String, UIString)] {
        TalkKeys.table(talk).help(TalkContext(state: state))
    }

    // MARK: Writing

    /// Every key that is not one of the writing bindings is text.
    private static func typeInField(_ key: Key, _ talk: inout TalkState, now: Date) {
        guard var editor = talk.editor, editor.handle(key) else { return }
        talk.editor = editor
        storeEditedText(&talk, now: now)
    }

    /// The text of the focused field as saved in the session.
    static func currentText(_ talk: TalkState) -> String? {
        guard case .text(let participant) = talk.focusedField else { return nil }
        return talk.card?.response(of: participant)?.text
    }

    /// Writes the editor's text into the session, which the run loop then saves.
    static func storeEditedText(_ talk: inout TalkState, now: Date) {
        guard let editor = talk.editor, case .text(let participant) = talk.focusedField,
              editor.text != currentText(talk) ?? "" else { return }
        try? talk.session.apply(.setText(participant: participant, text: editor.text), now: now)
    }

    // MARK: Summary

    static func parkedIndices(_ session: Session) -> [Int] {
        session.cards.indices.filter { session.cards[$0].status == .parked }
    }

    /// q: back to the home screen when tillit started there (the run loop saves
    /// first), else out of the program, as after `tillit start` or `tillit resume`.
    static func leave(_ state: AppState) -> [Effect] {
        state.hasHome ? [.closeTalk] : [.quit]
    }
}

extension AppState {
    /// Called as the program leaves (`q`, Ctrl-C, SIGTERM, SIGHUP) so that an
    /// action form with words in it is saved, not lost: a new action is added,
    /// a change is made. A due date that cannot be read is kept in the text.
    /// Returns the line to print once the screen is closed, or nil when there
    /// was nothing to keep.
    package mutating func keepDrafts() -> String? {
        if talk?.cleanupForm != nil { return keepCleanupDraft() }
        guard var talk, !talk.readOnly, let form = talk.actionForm else { return nil }
        talk.actionForm = nil
        defer { self.talk = talk }
        let t = text
        var words = form.text.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !words.isEmpty else { return nil }
        let typed = DueDate.Typed(form.due.text, today: now)
        let unreadDate = typed.unreadable.map(SafeText.line)
        if let unreadDate { words += " (" + t(.draftDateInText, unreadDate) + ")" }
        var session = talk.session
        let id: String
        do {
            id = try session.apply(TalkFlow.keepingFinished(talk.saving(form, text: words, due: typed.due(keeping: nil)), in: session), now: now)
        } catch {
            return t(.draftNotSaved, SafeText.line(words))
        }
        // Typing may already have put the words in the talk; then it is still worth saying they are kept.
        let typedIn = form.createdByTyping || form.original.map { talk.action(id: $0.id) != $0 } == true
        guard session.actions != talk.session.actions || typedIn else { return nil }
        talk.session = session
        let line = talk.action(id: id).map { TalkText.actionLine($0, t, now: now) } ?? words
        var message = t(form.isNew ? .draftSaved : .draftChangeSaved, line)
        if let unreadDate { message += " " + t(.draftBadDate, unreadDate) }
        return message
    }
}
