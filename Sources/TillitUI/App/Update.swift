import Foundation
import TillitCore

/// The one place where messages change the state. Pure: no terminal, no disk;
/// anything outside is asked for as an `Effect`.
package func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    let effects = route(msg, &state)
    return effects + askForPreviousMeeting(&state)
}

/// A team talk's summary shows how each average moved since the meeting
/// before: that talk is read once, when the summary first shows.
private func askForPreviousMeeting(_ state: inout AppState) -> [Effect] {
    guard state.screen == .talk, var talk = state.talk, talk.phase == .summary, talk.session.kind == .team,
          talk.previousMeeting == .notAsked else { return [] }
    talk.previousMeeting = .asked
    state.talk = talk
    return [.loadPreviousMeeting(of: talk.session)]
}

/// With `--bell`, the bell rings once when the card on screen runs out of time.
private func ringIfTimeRanOut(_ state: inout AppState) -> [Effect] {
    guard state.config.bell, state.screen == .talk, var talk = state.talk, !talk.readOnly, talk.phase == .cards,
          !talk.session.isFinished, let left = talk.secondsLeft(now: state.now), left <= 0,
          talk.bellRangOnCard != talk.session.currentIndex else { return [] }
    talk.bellRangOnCard = talk.session.currentIndex
    state.talk = talk
    return [.bell]
}

private func route(_ msg: Msg, _ state: inout AppState) -> [Effect] {
    switch msg {
    case .resize(let size):
        state.size = size
        guard !state.isTooSmall, !state.waitingInput.isEmpty else { return [] }
        // The window is large enough again: what was typed meanwhile takes effect now, in order.
        let waiting = state.waitingInput
        state.waitingInput = []
        return waiting.flatMap { update(&state, $0) }
    case .tick(let now):
        state.now = now
        // Count time on the card every 15 s so a crash loses little of it.
        if var talk = state.talk, !talk.readOnly, !talk.session.isFinished,
           let since = talk.session.timingSince, now.timeIntervalSince(since) >= 15 {
            try? talk.session.apply(.checkpoint, now: now)
            state.talk = talk
        }
        return ringIfTimeRanOut(&state)
    case .sessionsLoaded(let list):
        state.sessions = list
        state.historySelection = min(state.historySelection, max(0, state.historyItems.count - 1))
        return []
    case .started(let onHome):
        state.hasHome = onHome
        return onHome ? [.loadSessions] : []
    case .talkOpened(let session, let path, let readOnly):
        state.talk = TalkState(session: session, path: path, readOnly: readOnly)
        state.screen = readOnly ? .transcript : .talk
        state.scroll = 0
        state.flash = nil
        return []
    case .talkClosed:
        state.talk = nil
        state.screen = .home
        state.scroll = 0
        return [.loadSessions]
    case .failed(let message):
        state.flash = message
        return []
    case .saved:
        // A save that works again takes the failure off the screen.
        if state.saveFailure != nil {
            state.saveFailure = nil
            state.flash = nil
        }
        return []
    case .saveFailed(let message):
        state.saveFailure = message
        state.flash = state.text(.saveFailed, message)
        return []
    case .peopleTakingPart(let people):
        state.talk?.people = RoomTurnout.people.contains(people) ? people : nil
        return []
    case .openRoomAtStart:
        guard state.talk?.session.kind == .team else { return [] }
        state.talk?.room = VotingRoom()
        return [.openRoom]
    case .stopSignalled:
        return [.quit]
    case .leaving(let now):
        state.now = now
        state.keptDraft = state.keepDrafts()
        return []
    case .roomOpened(let url, let code, let qr):
        RoomMoves.opened(url: url, code: code, qr: qr, &state)
        return []
    case .roomVotes(let card, let counts):
        RoomMoves.votes(card: card, counts: counts, &state)
        return []
    case .roomAnswers(let card, let count):
        RoomAnswerMoves.count(card: card, count: count, &state)
        return []
    case .roomAnswer(let card, let text):
        RoomAnswerMoves.revealed(card: card, text: text, &state)
        return []
    case .roomEnded(let reason):
        RoomMoves.ended(reason: reason, &state)
        return []
    case .roomMisbehaved(let problem):
        RoomMoves.misbehaved(problem: problem, &state)
        return []
    case .roomInvited(let person, let url, let qr):
        PersonalRoomMoves.invited(person: person, url: url, qr: qr, &state)
        return []
    case .roomRated(let card, let person, let value):
        PersonalRoomMoves.rated(card: card, person: person, value: value, &state)
        return []
    case .previousMeetingLoaded(let previous, let talkID):
        if state.talk?.session.id == talkID { state.talk?.previousMeeting = previous.map { .loaded($0) } ?? .none }
        return []
    case .minutesFingerprinted(let fingerprint, let text):
        // For the minutes still on screen only: the review may have been left, or the talk changed.
        if var review = state.talk?.minutesReview, review.text == text {
            review.fingerprint = fingerprint
            state.talk?.minutesReview = review
        }
        return []
    case .trendsLoaded(let report):
        TrendsScreen.loaded(report, &state)
        return []
    case .cleanupLoaded(let registers):
        CleanupScreen.loaded(registers, &state)
        return []
    case .decksLoaded(let decks, let skipped):
        state.config.decks = decks
        state.config.skippedDecks = skipped
        // The form for a new talk offers the decks; it is made anew, so it
        // holds the same defaults as one made with every deck from the start.
        state.setup = SetupState(kind: state.setup.kind, decks: decks)
        return []
    case .preparationWritten(let path):
        state.flash = state.text(.prepareWritten, path)
        return []
    case .exported(let talkID, let page):
        state.exportedPage = ExportedPage(talkID: talkID, path: page)
        state.flash = state.text(state.config.canOpenPages ? .exportedPageOpenable : .exportedPage, page)
        return []
    case .pageNotOpened(let path):
        state.flash = state.text(.pageOpenFailed, path)
        return []
    case .paste(let text):
        if state.isTooSmall { return wait(msg, &state) }
        return paste(text, into: &state)
    case .key(let key):
        // Nothing acts on a screen no one can see; Ctrl-C still leaves at once.
        if state.isTooSmall && key != .control("c") { return wait(msg, &state) }
        return handle(key, in: &state)
    }
}

/// Keeps a key or paste while the window is too small (the screen says so), so no word is lost.
private func wait(_ msg: Msg, _ state: inout AppState) -> [Effect] {
    if state.waitingInput.count < AppState.maximumWaitingInput { state.waitingInput.append(msg) }
    return []
}

private func handle(_ key: Key, in state: inout AppState) -> [Effect] {
    if state.helpVisible { return HelpKeys.table.handle(key, &state) ?? [] }
    if key == .control("c") { return [.quit] }
    state.flash = nil
    if key == .character("?"), !state.isCapturingText {
        state.helpVisible = true
        return []
    }
    switch state.screen {
    case .home: return HomeScreen.handle(key, &state)
    case .setup: return SetupScreen.handle(key, &state)
    case .talk: return TalkScreen.handle(key, &state)
    case .history: return HistoryScreen.handle(key, &state)
    case .transcript: return TranscriptScreen.handle(key, &state)
    case .decks: return DecksScreen.handle(key, &state)
    case .deckPreview: return DecksScreen.handlePreview(key, &state)
    case .trends: return TrendsScreen.handle(key, &state)
    case .cleanup: return CleanupScreen.handle(key, &state)
    }
}

private func paste(_ text: String, into state: inout AppState) -> [Effect] {
    switch state.screen {
    case .setup:
        let field = state.setup.focus
        if var editor = state.setup.editor(for: field) {
            editor.insert(text)
            state.setup.setEditor(editor, for: field)
        }
    case .talk:
        guard var talk = state.talk else { return [] }
        if var form = talk.actionForm {
            form.editor.insert(text)
            talk.actionForm = form
        } else if var form = talk.cleanupForm {
            if var editor = form.editor { editor.insert(SafeText.line(text)); form.editor = editor }
            talk.mode = .cleanupForm(form)
        } else if var form = talk.cleanupDecision {
            form.editor.insert(SafeText.line(text))
            talk.mode = .cleanupDecision(form)
        } else if var editor = talk.editor {
            editor.insert(text)
            talk.editor = editor
            TalkScreen.storeEditedText(&talk, now: state.now)
        } else if case .text = talk.focusedField, !talk.readOnly {
            // Pasting into a focused field starts writing there, as people expect.
            var editor = TextEditor(TalkScreen.currentText(talk) ?? "")
            editor.insert(text)
            talk.editor = editor
            TalkScreen.storeEditedText(&talk, now: state.now)
        }
        state.talk = talk
    default:
        break
    }
    return []
}

extension AppState {
    /// True while keys are text: then `?` and `q` are letters, not commands.
    package var isCapturingText: Bool {
        switch screen {
        case .setup: return setup.editor(for: setup.focus) != nil
        case .talk: return talk?.editor != nil || talk?.actionForm != nil || talk?.notesEditor != nil
            || talk?.cleanupForm != nil || talk?.cleanupDecision != nil
        default: return false
        }
    }
}

/// Moves a list selection with the keys every list understands.
func moveSelection(_ selection: inout Int, count: Int, key: Key, page: Int = 10) -> Bool {
    guard count > 0 else { return false }
    switch key {
    case .up: selection = max(0, selection - 1)
    case .down: selection = min(count - 1, selection + 1)
    case .pageUp: selection = max(0, selection - page)
    case .pageDown: selection = min(count - 1, selection + page)
    case .home: selection = 0
    case .end: selection = count - 1
    default: return false
    }
    return true
}
