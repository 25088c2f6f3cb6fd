import Foundation
import TillitCore

/// Keys of an open talk: since-last-time, the cards, and the summary.
enum TalkScreen {
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let talk = state.talk else { state.screen = .home; return [] }
        var context = TalkContext(state: state)
        defer { state = context.state }
        let now = state.now
        switch talk.mode {
        case .actionForm: return handleActionForm(key, &context)
        case .cleanupForm, .cleanupDecision: return CleanupFormKeys.handle(key, &context)
        case .confirmRemove: confirmRemoval(key, &context); return []
        case .notes: handleNotes(key, &context.talk, now: now); return []
        case .choosingVoteToRemove:
            context.talk.choosingVoteToRemove = false
            if case .character(let c) = key, c.isASCII, c.isNumber {
                CardMoves.removeVote(digit: Int(String(c))!, &context)
                return []
            }
            // Any other key keeps the votes and does what it always does.
        case .browsing, .writing, .reviewingMinutes:
            break
        }
        if key != .character("f") { context.talk.askedToFinishWithParked = false }
        if let effects = TalkKeys.table(context.talk).handle(key, &context) { return effects }
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

    // MARK: Actions

    private static func handleActionForm(_ key: Key, _ c: inout TalkContext) -> [Effect] {
        guard var form = c.talk.actionForm else { return [] }
        switch key {
        case .escape:
            // Nothing typed in a cancelled form stays: a new action goes, a changed one is as it was.
            if form.createdByTyping, let id = form.editing {
                try? c.talk.session.apply(.removeAction(id: id), now: c.state.now)
            } else if let original = form.original, c.talk.action(id: original.id) != nil {
                try? c.talk.session.apply(.editAction(id: original.id, text: original.text, owner: original.owner, due: original.due),
                                        now: c.state.now)
            }
            c.talk.actionForm = nil
            return []
        case .tab, .down:
            form.focus = TalkState.ActionForm.Field(rawValue: (form.focus.rawValue + 1) % 3)!
        case .backTab, .up:
            form.focus = TalkState.ActionForm.Field(rawValue: (form.focus.rawValue + 2) % 3)!
        case .enter:
            if form.focus != .due {
                form.focus = TalkState.ActionForm.Field(rawValue: form.focus.rawValue + 1)!
                break
            }
            let typed = DueDate.Typed(form.due.text, today: c.state.now)
            guard typed.unreadable == nil else {
                form.error = c.state.text(.badDueDate)
                c.talk.actionForm = form
                return []
            }
            do {
                try c.talk.session.apply(c.talk.saving(form, text: form.text.text, due: typed.due(keeping: nil)), now: c.state.now)
                c.state.flash = c.state.text(form.isNew ? .actionAdded : .actionChanged)
                c.talk.actionForm = nil
                return []
            } catch {
                form.error = TalkText.refusal(error, c.state.text, card: c.talk.card)
                form.focus = .text
            }
        default:
            var editor = form.editor
            editor.handle(key)
            form.editor = editor
            form.error = nil
            let now = c.state.now
            followTyping(&form, &c.talk, now: now)
        }
        c.talk.actionForm = form
        return []
    }

    /// Puts what the form holds into the talk as it is typed, once it has words:
    /// a date is taken when it reads as one, else the action keeps the one it has.
    private static func followTyping(_ form: inout TalkState.ActionForm, _ talk: inout TalkState, now: Date) {
        let words = form.text.text
        guard !words.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        let due = DueDate.Typed(form.due.text, today: now).due(keeping: form.editing.flatMap { talk.action(id: $0)?.due })
        guard let id = try? talk.session.apply(talk.saving(form, text: words, due: due), now: now) else { return }
        if id != form.editing, talk.action(id: id) != nil {
            form.editing = id
            form.createdByTyping = true
        }
    }

    /// The answer to "remove the action?": j or y removes it, any other key keeps it.
    private static func confirmRemoval(_ key: Key, _ c: inout TalkContext) {
        guard let id = c.talk.confirmRemove else { return }
        c.talk.confirmRemove = nil
        guard key == .character("j") || key == .character("y") || key == .character("J") || key == .character("Y") else {
            c.state.flash = c.state.text(.actionKept)
            return
        }
        do {
            try c.talk.session.apply(.removeAction(id: id), now: c.state.now)
            c.state.flash = c.state.text(.actionRemoved)
        } catch {
            c.state.flash = TalkText.refusal(error, c.state.text, card: c.talk.card)
        }
        // Keep the focus (card) or the selection (summary) on something that is still there.
        c.talk.focus = min(c.talk.focus, max(0, c.talk.fields.count - 1))
        let summaryCount = parkedIndices(c.talk.session).count + c.talk.session.actions.count
        c.talk.listSelection = min(c.talk.listSelection, max(0, summaryCount - 1))
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

    /// The notes editor; in a 1:1, Tab switches between the shared notes and
    /// the leader's private ones. Every key is saved as it is typed.
    private static func handleNotes(_ key: Key, _ talk: inout TalkState, now: Date) {
        guard var editor = talk.notesEditor else { return }
        if key == .escape { talk.notesEditor = nil; return }
        if key == .tab || key == .backTab {
            guard talk.hasPrivateNotes else { return }
            talk.notesArePrivate.toggle()
            talk.notesEditor = TextEditor(talk.notesArePrivate ? talk.session.privateNotes : talk.session.notes)
            return
        }
        guard editor.handle(key) else { return }
        talk.notesEditor = editor
        try? talk.session.apply(talk.notesArePrivate ? .setPrivateNotes(editor.text) : .setNotes(editor.text), now: now)
    }

}

extension AppState {
    /// Called as the program leaves (`q`, Ctrl-C, SIGTERM, SIGHUP) so that an
    /// action form with words in it is saved, not lost: a new action is added,
    /// a change is made. A due date that cannot be read is kept in the text.
    /// Returns the line to print once the screen is closed, or nil when there
    /// was nothing to keep.
    public mutating func keepDrafts() -> String? {
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
