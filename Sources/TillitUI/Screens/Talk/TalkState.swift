import Foundation
import TillitCore

/// The open talk on screen: the session (the truth) plus what only the screen
/// needs, such as which field has focus and where the cursor is.
package struct TalkState: Sendable {
    package enum Phase: Hashable, Sendable {
        /// Open actions from earlier talks, each to be marked done, kept or dropped.
        case sinceLastTime
        case cards
        case summary
    }

    package enum Field: Hashable, Sendable {
        case text(participant: String)
        case rating(participant: String)
        /// Team votes counted without names.
        case votes
        /// An action agreed on this card, listed under the answers: Enter
        /// changes it, `d`/Space marks it done, `x`/Delete removes it.
        case action(id: String)
    }

    /// The form for a new action (`a`), or for changing one (`editing`).
    package struct ActionForm: Hashable, Sendable {
        package enum Field: Int, CaseIterable, Sendable { case text, owner, due }
        package var text = TextEditor("", multiline: false)
        package var owner = TextEditor("", multiline: false)
        package var due = TextEditor("", multiline: false)
        package var focus: Field = .text
        package var error: String?
        /// The id of the action being changed; nil for a new one until its
        /// first words are typed (see `createdByTyping`).
        package var editing: String?
        /// A new action becomes part of the talk with its first typed words and
        /// follows every key after, as answers do, so autosave keeps it even
        /// through `kill -9`; Esc takes it away again.
        package var createdByTyping = false
        /// The action as it was before this form changed it, for Esc to put back.
        package var original: Action?
        /// A form for an action that did not exist when it opened.
        package var isNew: Bool { editing == nil || createdByTyping }

        package init() {}

        /// The form filled in with `action`, its date written the way people type it.
        package init(editing action: Action) {
            text = TextEditor(action.text, multiline: false)
            owner = TextEditor(action.owner, multiline: false)
            due = TextEditor(action.due.map(Self.typedDate) ?? "", multiline: false)
            editing = action.id
            original = action
        }

        /// `2026-12-15` as `15.12.2026`, which the date field reads back.
        static func typedDate(_ stored: String) -> String {
            let parts = stored.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { return stored }
            return "\(parts[2]).\(parts[1]).\(parts[0])"
        }

        package var editor: TextEditor {
            get { [text, owner, due][focus.rawValue] }
            set {
                switch focus {
                case .text: text = newValue
                case .owner: owner = newValue
                case .due: due = newValue
                }
            }
        }
    }

    /// What the keys do now. One mode at a time, so writing in a field and an
    /// open action form (say) can never be on together.
    package enum Mode: Hashable, Sendable {
        case browsing
        /// Writing in the focused text field, with its cursor.
        case writing(TextEditor)
        /// Writing the talk's notes (summary, `n`).
        case notes(TextEditor)
        case actionForm(ActionForm)
        /// An action waiting for "remove it? j/y" to be answered.
        case confirmRemove(actionID: String)
        /// Backspace found votes whose order is not known (given before a resume):
        /// the next digit names the value to take away.
        case choosingVoteToRemove
        /// The summary's `b`: the minutes as they will read, for each person to confirm in turn.
        case reviewingMinutes(MinutesReview)
        /// The form for a new clean-up item (`c`).
        case cleanupForm(CleanupForm)
        /// The line a clean-up item's decision asks for in "since last time".
        case cleanupDecision(CleanupDecisionForm)
        /// Choosing a revealed written answer to hide (`x`), then "hide it?" (`confirming`).
        case hidingAnswer(chosen: Int, confirming: Bool)
    }

    /// The minutes shown for confirming, and their fingerprint once the
    /// program has made it (`Effect.fingerprintMinutes`); Enter waits for it.
    package struct MinutesReview: Hashable, Sendable {
        package var text: String
        package var fingerprint: String?
        package var scroll = 0

        package init(text: String) { self.text = text }
    }

    package var session: Session
    package var path: String
    package var readOnly: Bool
    package var phase: Phase
    package var mode: Mode = .browsing
    /// The shared-screen view of the cards (`p`): a way of showing, on top of the mode.
    package var presenting = false
    /// The voting room for this talk's phones (`v`), while it is open or just ended.
    package var room: VotingRoom?
    /// How many take part in a team meeting (`--people`, the form's row, `+`/`-`), for "5 of 7 voted"; nil: not said.
    package var people: Int?
    package var focus = 0
    package var hintVisible = false
    package var listSelection = 0
    /// The team votes given on this card since it was opened, newest last, so
    /// Backspace can take them back in order.
    package var recentVotes: [Int] = []
    /// `f` on a talk whose minutes were confirmed has said once that reopening clears the confirmations.
    package var reopenWarned = false
    /// In a 1:1, whether the notes editor holds the leader's private notes (Tab switches).
    package var notesArePrivate = false
    /// The team's meeting before this one, for the summary's change since last
    /// time: asked for once, when a team talk's summary first shows.
    package var previousMeeting: PreviousMeeting = .notAsked

    package enum PreviousMeeting: Hashable, Sendable {
        case notAsked, asked
        /// There is none, or it could not be read: the summary shows no change.
        case none
        case loaded(Session)

        package var session: Session? { if case .loaded(let session) = self { return session } else { return nil } }
    }

    // Each mode's data, read and set through `mode`: setting one leaves any
    // other mode; setting nil (or false) leaves that mode only if it is on.

    /// The field being written in, with its cursor; nil when not writing.
    package var editor: TextEditor? {
        get { if case .writing(let editor) = mode { return editor } else { return nil } }
        set { set(newValue.map(Mode.writing), leaving: editor != nil) }
    }

    /// The talk's notes being written (summary, `n`).
    package var notesEditor: TextEditor? {
        get { if case .notes(let editor) = mode { return editor } else { return nil } }
        set { set(newValue.map(Mode.notes), leaving: notesEditor != nil) }
    }

    package var actionForm: ActionForm? {
        get { if case .actionForm(let form) = mode { return form } else { return nil } }
        set { set(newValue.map(Mode.actionForm), leaving: actionForm != nil) }
    }

    /// The id of the action waiting for "remove it? j/y".
    package var confirmRemove: String? {
        get { if case .confirmRemove(let id) = mode { return id } else { return nil } }
        set { set(newValue.map { Mode.confirmRemove(actionID: $0) }, leaving: confirmRemove != nil) }
    }

    package var minutesReview: MinutesReview? {
        get { if case .reviewingMinutes(let review) = mode { return review } else { return nil } }
        set { set(newValue.map(Mode.reviewingMinutes), leaving: minutesReview != nil) }
    }

    package var cleanupForm: CleanupForm? {
        if case .cleanupForm(let form) = mode { return form } else { return nil }
    }

    package var cleanupDecision: CleanupDecisionForm? {
        if case .cleanupDecision(let form) = mode { return form } else { return nil }
    }

    package var choosingVoteToRemove: Bool {
        get { mode == .choosingVoteToRemove }
        set { set(newValue ? .choosingVoteToRemove : nil, leaving: choosingVoteToRemove) }
    }

    private mutating func set(_ newMode: Mode?, leaving isOn: Bool) {
        if let newMode { mode = newMode } else if isOn { mode = .browsing }
    }

    package init(session: Session, path: String, readOnly: Bool = false) {
        self.session = session
        self.path = path
        self.readOnly = readOnly
        let pending = session.carriedOver.contains { $0.outcome == .pending } || !session.pendingCleanup.isEmpty
        phase = readOnly ? .summary : (pending ? .sinceLastTime : (session.isFinished ? .summary : .cards))
        openReadyToWrite()
    }

    /// People type before they read a key bar: a card that takes text opens
    /// with writing on in its first field (the first person's in a 1:1, the
    /// group's in a team), so what is typed lands there and no letter is taken
    /// as a command. Not on the shared screen, nor where nothing can be saved.
    package mutating func openReadyToWrite() {
        guard phase == .cards, !presenting, mode == .browsing, canWriteOnCard, let index = firstTextField else { return }
        focus = index
        editor = TextEditor(TalkScreen.currentText(self) ?? "")
    }

    /// To the cards (from "since last time", the summary or the shared screen), ready to write as on arriving.
    package mutating func backToCards() {
        phase = .cards
        presenting = false
        openReadyToWrite()
    }

    /// Whether the card has a field to write in, and writing there could be saved.
    package var canWriteOnCard: Bool { !readOnly && !session.isFinished && firstTextField != nil }

    /// Where the card's first text field is in `fields`.
    var firstTextField: Int? { fields.firstIndex { if case .text = $0 { return true } else { return false } } }

    package var card: CardRecord? { session.currentCard }

    /// The presentation view shows a team's votes (a count, or the spread); of a
    /// 1:1's ratings it shows the line plain mode says (`TalkText.ratingsLine`).
    package var showsVotesWhenPresenting: Bool { session.kind == .team }

    /// The fields of the current card, in Tab order: ratings first (a number is
    /// quick to give), then the written answers.
    package var fields: [Field] {
        guard let card else { return [] }
        var fields: [Field] = []
        if card.isRating {
            if session.kind == .team {
                let members = session.participants.filter { $0.role == .member }
                if session.anonymous || members.isEmpty { fields.append(.votes) }
                else { fields += members.map { .rating(participant: $0.id) } }
            } else {
                fields += session.participants.map { .rating(participant: $0.id) }
            }
        }
        if card.answer.takesText {
            fields += session.writers.map { .text(participant: $0.id) }
        }
        fields += actionsOnCard.map { .action(id: $0.id) }
        return fields
    }

    /// The action with `id` in this talk.
    package func action(id: String) -> Action? { session.actions.first { $0.id == id } }

    /// What puts `form` into the talk (`TalkFlow.saveAction`): a change to the
    /// action it edits, while that still exists, else a new action (on this
    /// card, when on a card). The outcome is the action's id.
    func saving(_ form: ActionForm, text: String, due: String?) -> TalkStep<String> {
        TalkFlow.saveAction(TalkFlow.ActionDraft(editing: form.editing, text: text, owner: session.ownerName(form.owner.text), due: due,
                                                 onCard: phase == .cards), in: session)
    }

    /// The focused action on the card, or the chosen one in the summary's list.
    package var chosenAction: Action? {
        switch phase {
        case .cards:
            if case .action(let id) = focusedField { return action(id: id) }
            return nil
        case .summary:
            let index = listSelection - TalkScreen.parkedIndices(session).count
            return session.actions.indices.contains(index) ? session.actions[index] : nil
        case .sinceLastTime:
            return nil
        }
    }

    /// Private notes belong to the leader of a 1:1.
    package var hasPrivateNotes: Bool { session.kind == .oneOnOne }

    /// Whether a number given now rates the focused field: a rating, the
    /// votes, or a person's text beside that person's rating.
    var focusedFieldHasRating: Bool {
        switch focusedField {
        case .rating?, .votes?: return true
        case .text(let participant)?: return fields.contains(.rating(participant: participant))
        case .action?, nil: return false
        }
    }

    package var focusedField: Field? {
        let fields = fields
        return fields.isEmpty ? nil : fields[min(focus, fields.count - 1)]
    }

    /// f in the summary asked about the parked cards; the question holds for the next key only.
    package var askedToFinishWithParked = false

    /// The card whose running out of time has rung the bell, so it rings once a card.
    package var bellRangOnCard: Int?

    /// Seconds left on the current card when the talk has a timer per card
    /// (zero or less once time is up); nil without a timer.
    package func secondsLeft(now: Date) -> Int? {
        session.timerSeconds.map { $0 - secondsOnCard(now: now) }
    }

    /// Seconds on every card of the talk so far, the current one's running time included.
    package func secondsInTalk(now: Date) -> Int {
        let running = session.timingSince.map { max(0, now.timeIntervalSince($0)) } ?? 0
        return Int(session.cards.reduce(0) { $0 + $1.secondsSpent } + running)
    }

    /// Seconds on the current card, counting the time since it was last timed.
    package func secondsOnCard(now: Date) -> Int {
        guard let card else { return 0 }
        let running = session.timingSince.map { max(0, now.timeIntervalSince($0)) } ?? 0
        return Int(card.secondsSpent + running)
    }

    package var actionsOnCard: [Action] {
        guard let key = card?.key else { return [] }
        return session.actions.filter { $0.fromCard == key }
    }
}
