import Foundation
import TillitCore

/// The form for a new clean-up item (`c` on a card): what it is, its kind,
/// who can decide it, the hours a month, and what the team proposes.
package struct CleanupForm: Hashable, Sendable {
    package enum Field: Int, CaseIterable, Sendable { case text, kind, decider, hours, proposal, reason }
    package var text = TextEditor("", multiline: false)
    package var kind: CleanupKind = .report
    package var decider: CleanupDecider = .ours
    package var hours = TextEditor("", multiline: false)
    package var proposal: CleanupProposal = .drop
    package var reason = TextEditor("", multiline: false)
    package var focus: Field = .text
    package var error: String?
    /// The item this form has put into the talk while it was typed (`CleanupMoves.followTyping`).
    package var savedID: String?

    package init() {}

    /// The field being typed in, when the focus is on one that takes text.
    package var editor: TextEditor? {
        get {
            switch focus {
            case .text: return text
            case .hours: return hours
            case .reason: return reason
            case .kind, .decider, .proposal: return nil
            }
        }
        set {
            guard let newValue else { return }
            switch focus {
            case .text: text = newValue
            case .hours: hours = newValue
            case .reason: reason = newValue
            case .kind, .decider, .proposal: break
            }
        }
    }

    /// The focused choice one step on (`step` 1) or back (-1); nothing on a text field.
    mutating func choose(_ step: Int) {
        func next<T: CaseIterable & Equatable>(_ value: T) -> T {
            let all = Array(T.allCases)
            return all[(all.firstIndex(of: value)! + step + all.count) % all.count]
        }
        switch focus {
        case .kind: kind = next(kind)
        case .decider: decider = next(decider)
        case .proposal: proposal = next(proposal)
        case .text, .hours, .reason: break
        }
    }

    /// The item as typed, or why it cannot be kept (`CleanupDraft.checked` says the rest).
    func draft() throws(CleanupError) -> CleanupDraft {
        CleanupDraft(text: text.text, kind: kind, decider: decider, hoursPerMonth: try CleanupDraft.hours(hours.text),
                     proposal: proposal, reason: reason.text)
    }
}

/// What "since last time" asks when a clean-up item is marked decided or sent
/// up: a line of why and who decided, or to whom it was sent.
package struct CleanupDecisionForm: Hashable, Sendable {
    package var itemID: String
    package var outcome: CleanupOutcome
    package var why = TextEditor("", multiline: false)
    package var by = TextEditor("", multiline: false)
    /// 0: why (for sent up: to whom), 1: the other.
    package var focus = 0
    package var error: String?

    package init(itemID: String, outcome: CleanupOutcome) {
        self.itemID = itemID
        self.outcome = outcome
    }

    /// Sent up asks to whom first: it is the one thing it needs.
    var fields: [WritableKeyPath<CleanupDecisionForm, TextEditor>] { outcome == .sentUp ? [\.by, \.why] : [\.why, \.by] }

    package var editor: TextEditor {
        get { self[keyPath: fields[focus]] }
        set { self[keyPath: fields[focus]] = newValue }
    }
}

/// What the clean-up forms' keys do; the keys themselves are in `CleanupFormKeys`.
enum CleanupMoves {
    static func open(_ c: inout TalkContext) {
        guard !c.talk.readOnly else { return }
        guard !c.finished else { c.flash(.talkIsFinished); return }
        c.talk.editor = nil
        c.talk.mode = .cleanupForm(CleanupForm())
    }

    /// Saves the form into the talk, or says on the form why not; nothing is saved half.
    static func save(_ c: inout TalkContext) {
        guard var form = c.talk.cleanupForm else { return }
        do {
            let draft = try form.draft()
            c.talk.session = try replacing(form.savedID, with: draft, in: c.talk.session, onCard: c.talk.phase == .cards, now: c.state.now).0
            c.talk.mode = .browsing
            c.state.flash = c.ui(.cleanupAdded, SafeText.line(draft.text.trimmingCharacters(in: .whitespacesAndNewlines)))
        } catch {
            form.error = TalkText.refusal(error, c.ui, card: c.talk.card)
            // To the field the message is about.
            switch error as? CleanupError {
            case .emptyText?: form.focus = .text
            case .keepNeedsReason?: form.focus = .reason
            case .hoursNegative?, .hoursTooMany?, .hoursNotANumber?: form.focus = .hours
            default: break
            }
            c.talk.mode = .cleanupForm(form)
        }
    }

    /// The talk with the form's item in it: the one typing saved (`id`) replaced, or a new one.
    /// Throws, leaving `session` as it was, when the draft is not an item yet.
    static func replacing(_ id: String?, with draft: CleanupDraft, in session: Session, onCard: Bool,
                          now: Date) throws -> (Session, String) {
        var session = session
        if let id { try? session.apply(.removeCleanupItem(id: id), now: now) }
        let itemID = id ?? session.nextCleanupID
        try session.apply(.addCleanupItem(id: itemID, draft: draft, onCurrentCard: onCard), now: now)
        return (session, itemID)
    }

    /// Puts the item into the talk as it is typed, once it reads as one, so a
    /// crash (`kill -9`, a power cut) loses at most the last keys, as the
    /// action form does; each change replaces it, Esc takes it out again.
    /// Hours are taken when the focus leaves their field, so "25" on the way to
    /// "250" is never an item's hours.
    private static func followTyping(_ form: inout CleanupForm, _ c: inout TalkContext) {
        guard form.focus != .hours, let draft = try? form.draft(),
              let (session, id) = try? replacing(form.savedID, with: draft, in: c.talk.session,
                                                 onCard: c.talk.phase == .cards, now: c.state.now) else { return }
        c.talk.session = session
        form.savedID = id
    }

    /// Esc: nothing typed in a cancelled form stays in the talk.
    static func cancel(_ c: inout TalkContext) {
        if let id = c.talk.cleanupForm?.savedID { try? c.talk.session.apply(.removeCleanupItem(id: id), now: c.state.now) }
        c.talk.mode = .browsing
    }

    static func focus(by step: Int, _ c: inout TalkContext) {
        guard var form = c.talk.cleanupForm else { return }
        let count = CleanupForm.Field.allCases.count
        form.focus = CleanupForm.Field(rawValue: (form.focus.rawValue + step + count) % count)!
        followTyping(&form, &c)
        c.talk.mode = .cleanupForm(form)
    }

    static func enter(_ c: inout TalkContext) {
        guard let form = c.talk.cleanupForm else { return }
        if form.focus == .reason { save(&c) } else { focus(by: 1, &c) }
    }

    static func choose(_ step: Int, _ c: inout TalkContext) {
        guard var form = c.talk.cleanupForm else { return }
        form.choose(step)
        form.error = nil
        followTyping(&form, &c)
        c.talk.mode = .cleanupForm(form)
    }

    /// Any other key: text in the focused field, if it takes text.
    static func type(_ key: Key, _ c: inout TalkContext) {
        guard var form = c.talk.cleanupForm, var editor = form.editor, editor.handle(key) else { return }
        form.editor = editor
        form.error = nil
        followTyping(&form, &c)
        c.talk.mode = .cleanupForm(form)
    }

    // MARK: Since last time

    /// The item chosen in "since last time", when the selection is on one (after the actions).
    static func chosenCarried(_ talk: TalkState) -> CleanupItem? {
        let index = talk.listSelection - talk.session.carriedOver.count
        let items = talk.session.carriedCleanup
        return items.indices.contains(index) ? items[index] : nil
    }

    /// Still waiting needs no words; the rest ask for a line first.
    static func mark(_ outcome: CleanupOutcome, _ c: inout TalkContext) {
        guard let item = chosenCarried(c.talk) else { return }
        if outcome == .waiting {
            record(item.id, .waiting, why: "", by: "", &c)
            return
        }
        c.talk.mode = .cleanupDecision(CleanupDecisionForm(itemID: item.id, outcome: outcome))
    }

    static func saveDecision(_ c: inout TalkContext) {
        guard var form = c.talk.cleanupDecision else { return }
        if form.focus < 1 { form.focus += 1; c.talk.mode = .cleanupDecision(form); return }
        do {
            try c.talk.session.apply(.decideCleanupItem(id: form.itemID, outcome: form.outcome, why: form.why.text, by: form.by.text),
                                     now: c.state.now)
            c.talk.mode = .browsing
            afterMarking(form.itemID, form.outcome, &c)
        } catch {
            form.error = TalkText.refusal(error, c.ui, card: c.talk.card)
            form.focus = 0
            c.talk.mode = .cleanupDecision(form)
        }
    }

    private static func record(_ id: String, _ outcome: CleanupOutcome, why: String, by: String, _ c: inout TalkContext) {
        do {
            try c.talk.session.apply(.decideCleanupItem(id: id, outcome: outcome, why: why, by: by), now: c.state.now)
            afterMarking(id, outcome, &c)
        } catch {
            c.refused(error)
        }
    }

    /// Says what was marked and moves to the next row.
    private static func afterMarking(_ id: String, _ outcome: CleanupOutcome, _ c: inout TalkContext) {
        let text = c.talk.session.cleanupItems.first { $0.id == id }?.text ?? ""
        c.state.flash = c.ui(.cleanupMarked, SafeText.line(text), CleanupText.outcome(outcome, c.ui))
        let rows = c.talk.session.carriedOver.count + c.talk.session.carriedCleanup.count
        c.talk.listSelection = min(c.talk.listSelection + 1, max(0, rows - 1))
    }

    static func decisionFocus(_ c: inout TalkContext) {
        guard var form = c.talk.cleanupDecision else { return }
        form.focus = 1 - form.focus
        c.talk.mode = .cleanupDecision(form)
    }

    static func typeDecision(_ key: Key, _ c: inout TalkContext) {
        guard var form = c.talk.cleanupDecision else { return }
        var editor = form.editor
        guard editor.handle(key) else { return }
        form.editor = editor
        form.error = nil
        c.talk.mode = .cleanupDecision(form)
    }
}

extension AppState {
    /// Leaving (`q` is a letter in the form, so Ctrl-C or a signal) with the
    /// clean-up form open: an item with words is saved, or the line printed
    /// after the screen says why not and repeats the words, so none is lost.
    mutating func keepCleanupDraft() -> String? {
        guard var talk, !talk.readOnly, let form = talk.cleanupForm else { return nil }
        talk.mode = .browsing
        defer { self.talk = talk }
        let words = form.text.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !words.isEmpty else { return nil }
        do {
            let draft = try form.draft()
            let (session, id) = try CleanupMoves.replacing(form.savedID, with: draft, in: talk.session, onCard: talk.phase == .cards, now: now)
            talk.session = session
            return text(.cleanupDraftSaved, CleanupText.line(session.cleanupItems.first { $0.id == id }!, text))
        } catch {
            // What typing saved last stays in the talk; the line says what was left out.
            if form.savedID != nil {
                return text(.cleanupDraftKeptWithout, TalkText.refusal(error, text, card: talk.card), SafeText.line(words))
            }
            return text(.cleanupDraftNotSaved, TalkText.refusal(error, text, card: talk.card), SafeText.line(words))
        }
    }
}
