import Foundation
import TillitCore

/// What the action form's keys do (`ActionFormKeys`).
enum ActionFormMoves {
    /// Nothing typed in a cancelled form stays: a new action goes, a changed one is as it was.
    static func cancel(_ c: inout TalkContext) {
        guard let form = c.talk.actionForm else { return }
        if form.createdByTyping, let id = form.editing {
            try? c.talk.session.apply(.removeAction(id: id), now: c.state.now)
        } else if let original = form.original, c.talk.action(id: original.id) != nil {
            try? c.talk.session.apply(.editAction(id: original.id, text: original.text, owner: original.owner, due: original.due),
                                      now: c.state.now)
        }
        c.talk.actionForm = nil
    }

    /// Tab (+1) and Shift-Tab (+2, once round the three fields less one).
    static func focus(by step: Int, _ c: inout TalkContext) {
        guard var form = c.talk.actionForm else { return }
        form.focus = TalkState.ActionForm.Field(rawValue: (form.focus.rawValue + step) % 3)!
        c.talk.actionForm = form
    }

    /// Enter moves to the next field, and on the date saves the action.
    static func enter(_ c: inout TalkContext) {
        guard var form = c.talk.actionForm else { return }
        defer { if c.talk.actionForm != nil { c.talk.actionForm = form } }
        if form.focus != .due {
            form.focus = TalkState.ActionForm.Field(rawValue: form.focus.rawValue + 1)!
            return
        }
        let typed = DueDate.Typed(form.due.text, today: c.state.now)
        guard typed.unreadable == nil else {
            form.error = c.state.text(.badDueDate)
            return
        }
        do {
            try c.talk.session.apply(c.talk.saving(form, text: form.text.text, due: typed.due(keeping: nil)), now: c.state.now)
            c.state.flash = c.state.text(form.isNew ? .actionAdded : .actionChanged)
            c.talk.actionForm = nil
        } catch {
            form.error = TalkText.refusal(error, c.state.text, card: c.talk.card)
            form.focus = .text
        }
    }

    /// Every other key is text in the focused field.
    static func type(_ key: Key, _ c: inout TalkContext) {
        guard var form = c.talk.actionForm else { return }
        var editor = form.editor
        editor.handle(key)
        form.editor = editor
        form.error = nil
        followTyping(&form, &c.talk, now: c.state.now)
        c.talk.actionForm = form
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
}

/// The answer to "remove the action?" (`RemovalKeys`).
enum RemovalMoves {
    static func keep(_ c: inout TalkContext) {
        c.talk.confirmRemove = nil
        c.state.flash = c.state.text(.actionKept)
    }

    static func remove(_ c: inout TalkContext) {
        guard let id = c.talk.confirmRemove else { return }
        c.talk.confirmRemove = nil
        do {
            try c.talk.session.apply(.removeAction(id: id), now: c.state.now)
            c.state.flash = c.state.text(.actionRemoved)
        } catch {
            c.state.flash = TalkText.refusal(error, c.state.text, card: c.talk.card)
        }
        // Keep the focus (card) or the selection (summary) on something that is still there.
        c.talk.focus = min(c.talk.focus, max(0, c.talk.fields.count - 1))
        let summaryCount = TalkScreen.parkedIndices(c.talk.session).count + c.talk.session.actions.count
        c.talk.listSelection = min(c.talk.listSelection, max(0, summaryCount - 1))
    }
}

/// The notes editor (`NotesKeys`); every key is saved as it is typed.
enum NotesMoves {
    /// In a 1:1, between the shared notes and the leader's private ones.
    static func switchNotes(_ talk: inout TalkState) {
        talk.notesArePrivate.toggle()
        talk.notesEditor = TextEditor(talk.notesArePrivate ? talk.session.privateNotes : talk.session.notes)
    }

    static func type(_ key: Key, _ c: inout TalkContext) {
        guard var editor = c.talk.notesEditor, editor.handle(key) else { return }
        c.talk.notesEditor = editor
        try? c.talk.session.apply(c.talk.notesArePrivate ? .setPrivateNotes(editor.text) : .setNotes(editor.text), now: c.state.now)
    }
}
