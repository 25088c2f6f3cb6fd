import Foundation
import TillitCore

/// Keys of an open talk: since-last-time, the cards, and the summary.
enum TalkScreen {
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var talk = state.talk else { state.screen = .home; return [] }
        defer { state.talk = talk }
        if talk.actionForm != nil { return handleActionForm(key, &talk, state: &state) }
        if talk.confirmRemove != nil { confirmRemoval(key, &talk, state: &state); return [] }
        if talk.editor != nil { handleEditing(key, &talk, now: state.now); return [] }
        if talk.notesEditor != nil { handleNotes(key, &talk, now: state.now); return [] }
        switch talk.phase {
        case .sinceLastTime: return handleSinceLastTime(key, &talk, state: &state)
        case .cards: return handleCard(key, &talk, state: &state)
        case .summary: return handleSummary(key, &talk, state: &state)
        }
    }

    // MARK: Cards

    private static func handleCard(_ key: Key, _ talk: inout TalkState, state: inout AppState) -> [Effect] {
        let now = state.now
        func apply(_ command: TalkCommand) {
            do { try talk.session.apply(command, now: now) } catch { state.flash = describe(error, state.text) }
        }
        if talk.choosingVoteToRemove {
            talk.choosingVoteToRemove = false
            if case .character(let c) = key, c.isASCII, c.isNumber {
                removeVote(digit: Int(String(c))!, &talk, state: &state)
                return []
            }
            // Any other key keeps the votes and does what it always does.
        }
        if !talk.presenting, let action = talk.chosenAction, handleChosenAction(key, action, &talk, state: &state) { return [] }
        switch key {
        case .right, .pageDown:
            advance(&talk, now: now)
        case .character(" ") where talk.presenting:
            advance(&talk, now: now)
        case .left, .pageUp:
            apply(.previous)
            cardChanged(&talk)
        case .tab, .down:
            if !talk.fields.isEmpty { talk.focus = (talk.focus + 1) % talk.fields.count }
        case .backTab, .up:
            if !talk.fields.isEmpty { talk.focus = (talk.focus + talk.fields.count - 1) % talk.fields.count }
        case .enter where talk.presenting:
            // The shared screen shows no fields: writing starts only after p (or Esc).
            state.flash = state.text(.presentationNoWriting)
        case .character("a") where talk.presenting:
            // Nothing changes unseen: the action form and a 1:1's ratings are on the card, not on the shared screen.
            state.flash = state.text(.presentationNoEditing)
        case .character(let c) where talk.presenting && !talk.showsVotesWhenPresenting && c.isASCII && c.isNumber:
            state.flash = state.text(.presentationNoEditing)
        case .backspace where talk.presenting && !talk.showsVotesWhenPresenting,
             .delete where talk.presenting && !talk.showsVotesWhenPresenting:
            state.flash = state.text(.presentationNoEditing)
        case .enter:
            if case .text = talk.focusedField {
                talk.editor = TextEditor(currentText(talk) ?? "")
            } else if case .rating(let participant) = talk.focusedField,
                      let index = talk.fields.firstIndex(of: .text(participant: participant)) {
                // On a person's rating row, Enter writes in that person's field.
                talk.focus = index
                talk.editor = TextEditor(currentText(talk) ?? "")
            } else if let index = talk.fields.firstIndex(where: { if case .text = $0 { return true } else { return false } }) {
                talk.focus = index
                talk.editor = TextEditor(currentText(talk) ?? "")
            }
        case .character(let c) where c.isASCII && c.isNumber:
            rate(digit: Int(String(c))!, &talk, state: &state)
        case .backspace, .delete:
            if talk.focusedField == .votes {
                takeBackVote(&talk, state: &state)
            } else if case .rating(let participant) = talk.focusedField, talk.card?.response(of: participant)?.rating != nil {
                apply(.setRating(participant: participant, rating: nil))
                if state.flash == nil {
                    state.flash = state.text(.ratingRemoved, talk.session.participant(id: participant)?.name ?? participant)
                }
            }
        case .character("s"):
            apply(talk.card?.status == .skipped ? .reopenCard : .skip)
            if talk.card?.status == .skipped {
                state.flash = state.text(.cardSkipped)
                advance(&talk, now: now)
            } else if state.flash == nil { state.flash = state.text(.cardOpenAgain) }
        case .character("m"):
            apply(talk.card?.status == .parked ? .reopenCard : .park)
            if talk.card?.status == .parked {
                state.flash = state.text(.cardParked)
                advance(&talk, now: now)
            } else if state.flash == nil { state.flash = state.text(.cardOpenAgain) }
        case .character("h"):
            talk.hintVisible.toggle()
        case .character("p"):
            talk.presenting.toggle()
        case .character("a"):
            openActionForm(TalkState.ActionForm(), &talk, state: &state)
        case .character("f"), .end:
            talk.phase = .summary
            talk.listSelection = 0
        case .home:
            apply(.jump(to: 0))
            cardChanged(&talk)
        case .character("q"):
            return leave(state)
        case .escape:
            talk.presenting = false
        default:
            break
        }
        return []
    }

    /// Moves on after skipping or parking, or to the summary after the last card.
    private static func advance(_ talk: inout TalkState, now: Date) {
        if talk.session.currentIndex >= talk.session.cards.count - 1 {
            talk.phase = .summary
            talk.listSelection = 0
        } else {
            try? talk.session.apply(.next, now: now)
            cardChanged(&talk)
        }
    }

    private static func cardChanged(_ talk: inout TalkState) {
        talk.focus = 0
        talk.hintVisible = false
        talk.recentVotes = []
        talk.choosingVoteToRemove = false
    }

    /// Backspace on team votes: the newest vote given on this visit, else the
    /// only value there is, else (the order of earlier votes is not kept) the
    /// value the next digit names.
    private static func takeBackVote(_ talk: inout TalkState, state: inout AppState) {
        guard let record = talk.card, let range = record.scaleRange else { return }
        let counts = record.ratingCounts.filter { $0.value > 0 }
        while let last = talk.recentVotes.last, counts[last] == nil { talk.recentVotes.removeLast() }
        if counts.isEmpty {
            state.flash = state.text(.noVotesToRemove)
        } else if let last = talk.recentVotes.popLast() {
            remove(value: last, &talk, state: &state)
        } else if counts.count == 1, let only = counts.keys.first {
            remove(value: only, &talk, state: &state)
        } else {
            talk.choosingVoteToRemove = true
            state.flash = state.text(.whichVoteToRemove, range.lowerBound, range.upperBound)
        }
    }

    private static func removeVote(digit: Int, _ talk: inout TalkState, state: inout AppState) {
        guard let range = talk.card?.scaleRange else { return }
        let value = RatingKeys.value(forDigit: digit, on: range)
        if (talk.card?.ratingCounts[value] ?? 0) > 0 {
            remove(value: value, &talk, state: &state)
        } else {
            state.flash = state.text(.noVoteForValue, value)
        }
    }

    private static func remove(value: Int, _ talk: inout TalkState, state: inout AppState) {
        do {
            try talk.session.apply(.removeVote(value: value), now: state.now)
            state.flash = state.text(.voteRemoved, value, talk.card?.ratingCount ?? 0)
        } catch {
            state.flash = describe(error, state.text)
        }
    }

    private static func rate(digit: Int, _ talk: inout TalkState, state: inout AppState) {
        guard let card = talk.card, let range = card.scaleRange else {
            state.flash = state.text(.noRatingOnCard)
            return
        }
        let value = RatingKeys.value(forDigit: digit, on: range)
        guard range.contains(value) else {
            state.flash = state.text(.ratingRange, range.lowerBound, range.upperBound)
            return
        }
        // With an action focused, the number goes to the first rating (or the
        // team's votes), which takes the focus, rather than nowhere.
        if case .action? = talk.focusedField, let index = talk.fields.firstIndex(where: {
            if case .text = $0 { return false }
            if case .action = $0 { return false }
            return true
        }) {
            talk.focus = index
        }
        do {
            switch talk.focusedField {
            case .votes:
                try talk.session.apply(.addVote(value: value, participant: nil), now: state.now)
                talk.recentVotes.append(value)
            case .rating(let participant), .text(let participant):
                let current = talk.card?.response(of: participant)?.rating
                try talk.session.apply(.setRating(participant: participant, rating: current == value ? nil : value), now: state.now)
            case .action?, nil:
                break
            }
        } catch {
            state.flash = describe(error, state.text)
        }
    }

    // MARK: Writing

    private static func handleEditing(_ key: Key, _ talk: inout TalkState, now: Date) {
        guard var editor = talk.editor else { return }
        switch key {
        case .escape:
            talk.editor = nil
        case .tab, .backTab:
            talk.editor = nil
            let count = talk.fields.count
            if count > 0 { talk.focus = (talk.focus + (key == .tab ? 1 : count - 1)) % count }
            if case .text = talk.focusedField { talk.editor = TextEditor(currentText(talk) ?? "") }
        default:
            guard editor.handle(key) else { return }
            talk.editor = editor
            storeEditedText(&talk, now: now)
        }
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

    private static func handleActionForm(_ key: Key, _ talk: inout TalkState, state: inout AppState) -> [Effect] {
        guard var form = talk.actionForm else { return [] }
        switch key {
        case .escape:
            // Nothing typed in a cancelled form stays: a new action goes, a changed one is as it was.
            if form.createdByTyping, let id = form.editing {
                try? talk.session.apply(.removeAction(id: id), now: state.now)
            } else if let original = form.original, talk.action(id: original.id) != nil {
                try? talk.session.apply(.editAction(id: original.id, text: original.text, owner: original.owner, due: original.due),
                                        now: state.now)
            }
            talk.actionForm = nil
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
            let due: String?
            switch DueDate.parse(form.due.text, today: state.now) {
            case .empty: due = nil
            case .date(let day): due = day
            case .invalid:
                form.error = state.text(.badDueDate)
                talk.actionForm = form
                return []
            }
            do {
                try talk.session.apply(talk.command(saving: form, text: form.text.text, due: due).command, now: state.now)
                state.flash = state.text(form.isNew ? .actionAdded : .actionChanged)
                talk.actionForm = nil
                return []
            } catch {
                form.error = describe(error, state.text)
                form.focus = .text
            }
        default:
            var editor = form.editor
            editor.handle(key)
            form.editor = editor
            form.error = nil
            followTyping(&form, &talk, now: state.now)
        }
        talk.actionForm = form
        return []
    }

    /// Puts what the form holds into the talk as it is typed, once it has words:
    /// a date is taken when it reads as one, else the action keeps the one it has.
    private static func followTyping(_ form: inout TalkState.ActionForm, _ talk: inout TalkState, now: Date) {
        let words = form.text.text
        guard !words.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        var due = form.editing.flatMap { talk.action(id: $0)?.due }
        switch DueDate.parse(form.due.text, today: now) {
        case .empty: due = nil
        case .date(let day): due = day
        case .invalid: break
        }
        let save = talk.command(saving: form, text: words, due: due)
        try? talk.session.apply(save.command, now: now)
        if save.id != form.editing, talk.action(id: save.id) != nil {
            form.editing = save.id
            form.createdByTyping = true
        }
    }

    /// Opens the action form, unless the talk is finished: then nothing typed
    /// could be saved, so it says how to reopen the talk instead.
    private static func openActionForm(_ form: TalkState.ActionForm, _ talk: inout TalkState, state: inout AppState) {
        guard !talk.session.isFinished else { state.flash = state.text(.talkIsFinished); return }
        talk.actionForm = form
    }

    /// Enter, `d`/Space and `x`/Delete on the focused (card) or chosen
    /// (summary) action. Returns false for every other key.
    private static func handleChosenAction(_ key: Key, _ action: Action, _ talk: inout TalkState, state: inout AppState) -> Bool {
        switch key {
        case .enter:
            openActionForm(TalkState.ActionForm(editing: action), &talk, state: &state)
        case .character("d"), .character(" "):
            do {
                try talk.session.apply(.setActionDone(id: action.id, done: !action.done), now: state.now)
                state.flash = state.text(action.done ? .actionReopened : .actionMarkedDone)
            } catch {
                state.flash = describe(error, state.text)
            }
        case .character("x"), .delete, .backspace:
            guard !talk.session.isFinished else { state.flash = state.text(.talkIsFinished); return true }
            talk.confirmRemove = action.id
        default:
            return false
        }
        return true
    }

    /// The answer to "remove the action?": j or y removes it, any other key keeps it.
    private static func confirmRemoval(_ key: Key, _ talk: inout TalkState, state: inout AppState) {
        guard let id = talk.confirmRemove else { return }
        talk.confirmRemove = nil
        guard key == .character("j") || key == .character("y") || key == .character("J") || key == .character("Y") else {
            state.flash = state.text(.actionKept)
            return
        }
        do {
            try talk.session.apply(.removeAction(id: id), now: state.now)
            state.flash = state.text(.actionRemoved)
        } catch {
            state.flash = describe(error, state.text)
        }
        // Keep the focus (card) or the selection (summary) on something that is still there.
        talk.focus = min(talk.focus, max(0, talk.fields.count - 1))
        let summaryCount = parkedIndices(talk.session).count + talk.session.actions.count
        talk.listSelection = min(talk.listSelection, max(0, summaryCount - 1))
    }

    // MARK: Since last time

    private static func handleSinceLastTime(_ key: Key, _ talk: inout TalkState, state: inout AppState) -> [Effect] {
        let items = talk.session.carriedOver
        if moveSelection(&talk.listSelection, count: items.count, key: key) { return [] }
        func resolve(_ outcome: CarryOverOutcome) {
            guard items.indices.contains(talk.listSelection) else { return }
            try? talk.session.apply(.resolveCarried(id: items[talk.listSelection].id, outcome: outcome), now: state.now)
            talk.listSelection = min(talk.listSelection + 1, items.count - 1)
        }
        switch key {
        case .character("d"): resolve(.done)
        case .character("k"): resolve(.kept)
        case .character("x"): resolve(.dropped)
        case .enter, .right, .tab:
            talk.phase = .cards
        case .character("q"):
            return leave(state)
        default: break
        }
        return []
    }

    // MARK: Summary

    static func parkedIndices(_ session: Session) -> [Int] {
        session.cards.indices.filter { session.cards[$0].status == .parked }
    }

    private static func handleSummary(_ key: Key, _ talk: inout TalkState, state: inout AppState) -> [Effect] {
        let parked = parkedIndices(talk.session)
        let finished = talk.session.isFinished
        // One list to move in: the parked cards, then the agreed actions. A finished talk is
        // read-only until f reopens it; only ticking an action off still works there.
        if moveSelection(&talk.listSelection, count: parked.count + talk.session.actions.count, key: key) { return [] }
        if let action = talk.chosenAction, handleChosenAction(key, action, &talk, state: &state) { return [] }
        switch key {
        case .enter where finished, .character("n") where finished, .character("a") where finished:
            state.flash = state.text(.talkIsFinished)
        case .enter:
            if parked.indices.contains(talk.listSelection) {
                try? talk.session.apply(.jump(to: parked[talk.listSelection]), now: state.now)
                talk.phase = .cards
                cardChanged(&talk)
            }
        case .left, .pageUp, .escape:
            if talk.session.isFinished { break }
            talk.phase = .cards
        case .character("f"):
            try? talk.session.apply(talk.session.isFinished ? .reopen : .finish, now: state.now)
            state.flash = state.text(talk.session.isFinished ? .talkFinished : .talkReopened)
        case .character("e"):
            return [.exportTalk(id: talk.session.id)]
        case .character("t"):
            let session = talk.session
            return TrendsScreen.open(kind: session.kind, title: session.title, participants: session.participants,
                                     deckIDs: session.decks.map(\.id), &state)
        case .character("n"):
            talk.notesArePrivate = false
            talk.notesEditor = TextEditor(talk.session.notes)
        case .character("a"):
            openActionForm(TalkState.ActionForm(), &talk, state: &state)
        case .character("q"):
            return leave(state)
        default:
            break
        }
        return []
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

    static func describe(_ error: Error, _ t: Localizer) -> String {
        switch error as? TalkError {
        case .ratingOutOfRange(_, let range)?: return t(.ratingRange, range.lowerBound, range.upperBound)
        case .notARatingCard?: return t(.noRatingOnCard)
        case .emptyAction?: return t(.actionNeedsText)
        case .finished?: return t(.talkIsFinished)
        default: return String(describing: error)
        }
    }
}

extension AppState {
    /// Called as the program leaves (`q`, Ctrl-C, SIGTERM, SIGHUP) so that an
    /// action form with words in it is saved, not lost: a new action is added,
    /// a change is made. A due date that cannot be read is kept in the text.
    /// Returns the line to print once the screen is closed, or nil when there
    /// was nothing to keep.
    public mutating func keepDrafts() -> String? {
        guard var talk, !talk.readOnly, let form = talk.actionForm else { return nil }
        talk.actionForm = nil
        defer { self.talk = talk }
        let t = text
        var words = form.text.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !words.isEmpty else { return nil }
        var due: String?
        var unreadDate: String?
        switch DueDate.parse(form.due.text, today: now) {
        case .empty: due = nil
        case .date(let day): due = day
        case .invalid:
            let typed = SafeText.line(form.due.text.trimmingCharacters(in: .whitespaces))
            unreadDate = typed
            words += " (" + t(.draftDateInText, typed) + ")"
        }
        let save = talk.command(saving: form, text: words, due: due)
        var session = talk.session
        let wasFinished = session.isFinished
        do {
            if wasFinished { try session.apply(.reopen, now: now) }
            try session.apply(save.command, now: now)
            if wasFinished { try session.apply(.finish, now: now) }
        } catch {
            return t(.draftNotSaved, SafeText.line(words))
        }
        // Typing may already have put the words in the talk; then it is still worth saying they are kept.
        let typedIn = form.createdByTyping || form.original.map { talk.action(id: $0.id) != $0 } == true
        guard session.actions != talk.session.actions || typedIn else { return nil }
        talk.session = session
        let line = talk.action(id: save.id).map { TalkView.actionLine($0, t, now: now) } ?? words
        var message = t(form.isNew ? .draftSaved : .draftChangeSaved, line)
        if let unreadDate { message += " " + t(.draftBadDate, unreadDate) }
        return message
    }
}
