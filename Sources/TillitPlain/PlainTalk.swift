import Foundation
import TillitCore

/// Plain line mode's talk: what each typed line does and what it says back,
/// for screen readers, poor connections, `TERM=dumb` and scripts. The rules
/// are the card screen's (`TalkFlow`, `TalkText`, `Session.writers`); the
/// runner only reads a line, calls `handle`, prints the reply, and keeps the
/// file and the voting room. Pure: no terminal, no disk, no clock of its own.
package struct PlainTalk: Sendable {
    /// What a line came to: the lines to print, and what the runner does next.
    package struct Reply: Hashable, Sendable {
        package var lines: [String] = []
        /// `:quit`, or a `:finish` that worked: the talk ends here.
        package var ends = false
        /// `:room` and its argument: the runner opens, names or closes the voting room.
        package var room: String?
        /// `:confirm`: the minutes to fingerprint; the runner hands the SHA-256 to `confirmMinutes`.
        package var minutesToConfirm: String?
        /// `:answers` and `:reveal` on a card the phones write on: the runner asks the room.
        package var written: WrittenRequest?
    }

    /// What the runner asks the voting room about the phones' written answers.
    package enum WrittenRequest: Hashable, Sendable { case count, reveal }

    /// The voting room is open (the runner says so before each line): a rating card then
    /// takes its votes from the phones only (`RoomVoteRules`).
    package var roomOpen = false

    /// The talk; the runner also puts the voting room's votes in.
    package var session: Session
    /// Where the talk is kept, for `:status`.
    package let path: String
    /// The decks the talk may use, by id (the card's scale and hint).
    private let decks: [Deck]
    private let t: Localizer
    /// Who writes now in a 1:1: an index into `session.participants`.
    private var writer = 0
    private var reply = Reply()
    private var now = Date.distantPast

    private func deck(id: String) -> Deck? { decks.first { $0.id == id } }

    package init(session: Session, path: String, decks: [Deck], language: Language) {
        self.session = session
        self.path = path
        self.decks = decks
        self.t = Localizer(language)
    }

    /// The welcome, the talk's heading, last time's actions and the first card.
    package mutating func opening(now: Date) -> [String] {
        self.now = now
        say(t(.plainWelcome))
        introduce()
        return take().lines
    }

    /// Carries out one line at `now`.
    package mutating func handle(_ input: PlainInput, now: Date) -> Reply {
        self.now = now
        reply.ends = !perform(input)
        return take()
    }

    /// Before each line, when a person can be asked: `Kari> `.
    package var prompt: String {
        session.kind == .oneOnOne && !session.participants.isEmpty ? "\(currentWriter.name)> " : "> "
    }

    private mutating func take() -> Reply {
        defer { reply = Reply() }
        return reply
    }

    private mutating func say(_ text: String) { reply.lines.append(text) }

    private mutating func introduce() {
        var heading = SafeText.line(session.title)
        if session.kind == .oneOnOne, !session.participants.isEmpty {
            heading += " · " + session.participants.map { SafeText.line($0.name) }.joined(separator: ", ")
        }
        say(heading)
        if !session.carriedOver.isEmpty {
            say("")
            say(t(.sinceLastTime) + ". " + t(.sinceLastTimeIntro))
            sayCarriedActions()
            say(t(.plainCarriedHowTo))
        }
        if !session.pendingCleanup.isEmpty {
            say("")
            PlainCleanup.list(session, t).forEach { say($0) }
        }
        if session.kind == .team { say(t(session.writers.isEmpty ? .plainNoTeamWriter : .plainTeamWriting)) }
        if session.isFinished { say(t(.plainIsFinished)) }
        showCard()
    }

    private mutating func showCard() {
        guard let record = session.currentCard else { return }
        say("")
        let deckTitle = session.decks.first { $0.id == record.deck }?.title ?? record.deck
        say(t(.showCardNumber, session.currentIndex + 1, session.cards.count) + " · " + SafeText.line(deckTitle))
        say(SafeText.clean(record.prompt))
        if let range = record.scaleRange { say(scaleLegend(record, range)) }
        if record.status == .skipped { say("[" + t(.statusSkipped) + "]") }
        if record.status == .parked { say("[" + t(.statusParked) + "]") }
        for response in record.responses {
            let name = SafeText.line(session.participant(id: response.participant)?.name ?? response.participant)
            if !response.text.isEmpty {
                // Kept out of the minutes (`:keep-out`): said with the name, as the screens say it on the border.
                say(t(.plainWrote, response.keptOut ? name + " (" + t(.keptOutMark) + ")" : name))
                for line in SafeText.clean(response.text).split(separator: "\n", omittingEmptySubsequences: false) {
                    say("  " + line)
                }
            }
        }
        if session.kind == .oneOnOne, let ratings = TalkText.ratingsLine(session, record, t) { say(ratings) }
        if session.kind == .team, record.isRating, record.ratingCount > 0 { say(votesText(record)) }
        for (index, action) in session.actions.enumerated() where action.fromCard == record.key {
            say(t(.actionsLabel) + ": \(index + 1). " + numberedText(action))
        }
        if session.kind == .oneOnOne, !session.participants.isEmpty {
            say(t(.plainNowWriting, SafeText.line(currentWriter.name)))
        }
    }

    private func scaleLegend(_ record: CardRecord, _ range: ClosedRange<Int>) -> String {
        let scale = deck(id: record.deck)?.card(id: record.card)?.answer.scale
        guard let scale, scale.values == range else { return t(.plainScaleRange, range.lowerBound, range.upperBound) }
        return t(.showScale, range.lowerBound, range.upperBound,
                 SafeText.line(scale.low.resolve(session.language)), SafeText.line(scale.high.resolve(session.language)))
    }

    /// `4 stemmer · snitt 3,8` where it may be shown; anonymous votes show
    /// their count until `:reveal`, and never a mean below the minimum.
    private func votesText(_ record: CardRecord) -> String {
        TalkText.voteLine(session, record, t, revealHint: .plainRevealShort)
    }

    /// `:reveal`: the same rule as `r` on the screens.
    private mutating func reveal() {
        let outcome: RevealOutcome
        do { outcome = try session.revealVotes(now: now) } catch { say(explain(error)); return }
        switch outcome {
        case .notARatingCard: say(t(.noRatingOnCard))
        case .shownLive: say(t(.votesShowLive))
        case .noVotes: say(t(.noVotesYet))
        case .tooFew(let minimum): say(t(.votesNeedMinimum, minimum) + ".")
        case .shown:
            if let card = session.currentCard { say(votesText(card) + ". " + t(.plainRevealedNote)) }
        }
    }

    private func actionText(_ action: Action) -> String { TalkText.actionLine(action, t, now: now, markDone: false) }

    private mutating func showStatus() {
        let cards = session.cards
        let count = { (status: CardStatus) in cards.filter { $0.status == status }.count }
        say(t(.showCardNumber, session.currentIndex + 1, cards.count))
        say(t(.summaryCounts, count(.answered), count(.skipped), count(.parked), count(.open), TalkText.timeSpent(session)))
        let parked = cards.indices.filter { cards[$0].status == .parked }.map { String($0 + 1) }
        if !parked.isEmpty { say(t(.plainParkedList, parked.joined(separator: ", "))) }
        if session.kind == .oneOnOne, !session.participants.isEmpty {
            say(t(.plainNowWriting, SafeText.line(currentWriter.name)))
        }
        if !session.actions.isEmpty {
            sayNumberedActions()
        }
        say(session.isFinished ? t(.plainIsFinished) : t(.savedIn, path))
    }

    /// Carries out one line. Returns false when the talk should end here.
    private mutating func perform(_ input: PlainInput) -> Bool {
        switch input {
        case .empty:
            break
        case .text(let words):
            addText(SafeText.clean(words))
        case .next:
            if session.currentIndex >= session.cards.count - 1 { say(t(.plainLastCard)) } else { move(.next) }
        case .back:
            if session.currentIndex == 0 { say(t(.plainFirstCard)) } else { move(.previous) }
        case .card(let argument):
            guard let number = Int(argument), session.cards.indices.contains(number - 1) else {
                say(t(.plainNoSuchCard, SafeText.line(argument), session.cards.count))
                break
            }
            move(.jump(to: number - 1))
        case .hint:
            say(hintText())
        case .skip:
            setAside(.skipped, done: t(.plainSkipped))
        case .park:
            setAside(.parked, done: t(.plainParked, session.currentIndex + 1))
        case .rate(let argument):
            rate(argument)
        case .unvote(let argument):
            unvote(argument)
        case .reveal:
            // A text card with the room open: the phones' written answers, which the runner fetches.
            if roomOpen, session.currentCard?.answer.roomAsks == .writing { reply.written = .reveal } else { reveal() }
        case .answers:
            reply.written = .count
        case .who(let name):
            who(name)
        case .nextPerson:
            guard session.kind == .oneOnOne, !session.participants.isEmpty else { say(t(.plainWhoOneOnOne)); break }
            writer = (writer + 1) % session.participants.count
            say(t(.plainNowWriting, SafeText.line(currentWriter.name)))
        case .action(let argument):
            addAction(argument)
        case .note(let text):
            guard let notes = Self.appending(text, to: session.notes) else { say(t(.plainNoteUsage)); break }
            if apply(.setNotes(notes)) { say(t(.plainNoteAdded)) }
        case .carried(let outcome, let argument):
            resolveCarried(outcome, argument)
        case .actions:
            listActions()
        case .editAction(let argument):
            editAction(argument)
        case .setActionDone(let done, let argument):
            setActionDone(done, argument)
        case .removeAction(let argument):
            removeAction(argument)
        case .privateNote(let text):
            guard session.kind == .oneOnOne else { say(t(.plainPrivateOneOnOne)); break }
            guard let notes = Self.appending(text, to: session.privateNotes) else { say(t(.plainPrivateUsage)); break }
            if apply(.setPrivateNotes(notes)) { say(t(.plainPrivateAdded)) }
        case .keepOut(let keptOut):
            // As u on the screens: the answer of whoever writes now, in a 1:1.
            guard session.kind == .oneOnOne, !session.participants.isEmpty else { say(t(.plainKeepOutOneOnOne)); break }
            let person = currentWriter
            if apply(.keepOut(participant: person.id, keptOut: keptOut)) {
                say(t(keptOut ? .plainKeptOut : .plainKeptIn, SafeText.line(person.name)))
            }
        case .minutes:
            guard session.isFinished else { say(t(.talkNotFinishedRefusal)); break }
            MarkdownExporter.render(session, includePrivate: false).split(separator: "\n", omittingEmptySubsequences: false)
                .forEach { say(String($0)) }
        case .confirmMinutes:
            guard session.isFinished else { say(t(.talkNotFinishedRefusal)); break }
            guard session.nextMinutesConfirmer != nil else {
                say(t(.minutesConfirmedNote, session.minutesConfirmations.map { SafeText.line($0.name) }.joined(separator: ", ")))
                break
            }
            reply.minutesToConfirm = MarkdownExporter.render(session, includePrivate: false)
        case .status:
            showStatus()
        case .help:
            say(PlainCommands.help(t))
        case .finish:
            // The farewell says that it is finished and where it is kept.
            return !apply(.finish)
        case .reopen:
            if apply(.reopen) { say(t(.talkReopened)) }
        case .quit:
            return false
        case .room(let argument):
            reply.room = argument
        case .cleanup(let argument):
            PlainCleanup.run(argument, &session, t, now: now).forEach { say($0) }
        case .unknown(let word):
            say(t(.plainUnknownCommand, SafeText.line(word)))
        }
        return true
    }

    /// `:confirm`, once the runner has the minutes' fingerprint: the next person
    /// confirms under their own name, as with Enter after `b` on the screens.
    package mutating func confirmMinutes(fingerprint: String, now: Date) -> [String] {
        self.now = now
        guard let person = session.nextMinutesConfirmer else { return [] }
        guard apply(.confirmMinutes(participant: person.id, fingerprint: fingerprint)) else { return take().lines }
        say(t(.minutesConfirmedFlash, SafeText.line(person.name)))
        if let next = session.nextMinutesConfirmer {
            say(t(.plainConfirmNext, SafeText.line(next.name)))
        } else {
            say(t(.minutesConfirmedNote, session.minutesConfirmations.map { SafeText.line($0.name) }.joined(separator: ", ")))
        }
        return take().lines
    }

    /// Applies a command now; says why when the engine refuses it.
    @discardableResult
    private mutating func apply(_ command: TalkCommand) -> Bool { apply(TalkStep([command], ())) != nil }

    /// Applies a step now and returns its outcome; says why when the engine refuses it.
    private mutating func apply<Outcome>(_ step: TalkStep<Outcome>) -> Outcome? {
        do {
            return try session.apply(step, now: now)
        } catch {
            say(explain(error))
            return nil
        }
    }

    private func explain(_ error: Error) -> String { TalkText.refusal(error, t, card: session.currentCard, lines: true) }

    /// Goes to another card.
    private mutating func move(_ command: TalkCommand) {
        guard apply(command) else { return }
        cardChanged()
    }

    /// As on the screens, the first person writes first on a new card.
    private mutating func cardChanged() {
        writer = 0
        showCard()
    }

    private func hintText() -> String {
        guard let record = session.currentCard,
              let hint = deck(id: record.deck)?.card(id: record.card)?.hint else { return t(.noHint) }
        let text = SafeText.clean(hint.resolve(session.language))
        return text.isEmpty ? t(.noHint) : t(.showHint) + ": " + text
    }

    /// Skips or parks the card and moves on, as the screens do (`TalkFlow.setAside`);
    /// on a card that is already skipped (or parked) the same command opens it again.
    private mutating func setAside(_ status: CardStatus, done: String) {
        guard session.currentCard != nil else { return }
        do {
            switch try session.apply(TalkFlow.setAside(status, in: session), now: now) {
            case .reopened: say(t(.plainCardReopened))
            case .movedOn: say(done); cardChanged()
            case .onLastCard: say(done); say(t(.plainLastCard))
            }
        } catch {
            say(explain(error))
        }
    }

    // MARK: Answers

    var currentWriter: Participant { session.participants[min(writer, session.participants.count - 1)] }

    /// Whose answer a text line goes to: the current person in a 1:1; in a team
    /// the one who writes down what the group said (`Session.writers`), as on the screens.
    private var textOwner: Participant? {
        guard session.kind == .oneOnOne else { return session.writers.first }
        return session.writers.isEmpty ? nil : currentWriter
    }

    private mutating func addText(_ words: String) {
        guard let record = session.currentCard else { return }
        guard let owner = textOwner else {
            if session.kind == .team { say(t(.plainNoTeamWriter)) }
            return
        }
        let before = record.response(of: owner.id)?.text ?? ""
        apply(.setText(participant: owner.id, text: before.isEmpty ? words : before + "\n" + words))
    }

    private mutating func rate(_ argument: String) {
        guard let record = session.currentCard else { return }
        guard let range = record.scaleRange else { say(t(.noRatingOnCard)); return }
        let parts = argument.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = parts.first, let value = Int(first) else {
            say(t(.plainRateUsage, range.lowerBound, range.upperBound))
            return
        }
        var person: Participant?
        if parts.count > 1 {
            guard let named = participant(named: parts[1]) else { return }
            person = named
        }
        if session.kind == .team {
            guard RoomVoteRules.takesTypedVote(on: record, roomOpen: roomOpen) else { say(t(.votesComeFromPhones)); return }
            let voter = session.anonymous ? nil : person
            guard apply(.addVote(value: value, participant: voter?.id)),
                  let card = session.currentCard else { return }
            say(t(.plainVoteAdded, value, votesText(card)))
        } else {
            let rater = person ?? currentWriter
            let wasHidden = session.ratingsHidden(on: record)
            guard apply(.setRating(participant: rater.id, rating: value)), let card = session.currentCard else { return }
            if session.ratingsHidden(on: card) {
                // The same words whatever the value: nothing said depends on a hidden rating.
                say(t(.ratingGivenHidden, SafeText.line(rater.name)))
            } else if wasHidden, let ratings = TalkText.ratingsLine(session, card, t) {
                say(ratings)
            } else {
                say(t(.plainRated, SafeText.line(rater.name), value))
            }
        }
    }

    private mutating func unvote(_ argument: String) {
        guard let record = session.currentCard else { return }
        guard let range = record.scaleRange else { say(t(.noRatingOnCard)); return }
        guard session.kind == .team else { say(t(.plainRateUsage, range.lowerBound, range.upperBound)); return }
        guard let value = Int(argument) else { say(t(.plainRateUsage, range.lowerBound, range.upperBound)); return }
        let before = record.ratingCount
        guard apply(.removeVote(value: value)), let card = session.currentCard else { return }
        say(card.ratingCount < before ? t(.plainVoteRemoved, value, votesText(card)) : t(.plainNoSuchVote, value))
    }

    private mutating func who(_ name: String) {
        guard session.kind == .oneOnOne, !session.participants.isEmpty else { say(t(.plainWhoOneOnOne)); return }
        guard !name.isEmpty else { say(t(.plainWhoUsage, nameList)); return }
        guard let person = participant(named: name),
              let index = session.participants.firstIndex(of: person) else { return }
        writer = index
        say(t(.plainNowWriting, SafeText.line(person.name)))
    }

    private var nameList: String { session.participants.map { SafeText.line($0.name) }.joined(separator: ", ") }

    /// The participant `name` points to (`Session.participant(named:)`); says so when there is none.
    private mutating func participant(named name: String) -> Participant? {
        if let person = session.participant(named: name) { return person }
        say(t(.plainNoSuchPerson, SafeText.line(name), nameList))
        return nil
    }

    // MARK: Actions

    private mutating func addAction(_ argument: String) {
        let parsed = PlainActionText(SafeText.line(argument))
        guard !parsed.text.isEmpty else { say(t(.plainActionUsage)); return }
        // The words are kept; a date that cannot be read is left out, and the line says so.
        let typed = parsed.due.map { DueDate.Typed($0, today: now) } ?? .none
        let unreadDate = typed.unreadable
        let step = TalkFlow.saveAction(.init(editing: nil, text: parsed.text, owner: ownerName(parsed.owner),
                                             due: typed.due(keeping: nil), onCard: session.currentCard != nil), in: session)
        guard let id = apply(step), let index = session.actions.firstIndex(where: { $0.id == id }) else { return }
        let line = actionText(session.actions[index])
        if let unreadDate {
            say(t(.plainActionAddedNoDate, index + 1, line, SafeText.line(unreadDate)))
        } else {
            say(t(.plainActionAdded, line))
        }
    }

    /// The owner as kept (`Session.ownerName`); an owner who is not in the talk
    /// is kept too, and the line says so, so a slip of the keyboard is seen.
    private mutating func ownerName(_ typed: String) -> String {
        let owner = session.ownerName(typed)
        if !owner.isEmpty, session.participant(named: typed) == nil, session.kind == .oneOnOne || session.participants.contains(where: { $0.role == .member }) {
            say(t(.plainOwnerOutsideTalk, SafeText.line(owner), nameList))
        }
        return owner
    }

    /// Notes with one more line; nil when the line has no words.
    private static func appending(_ line: String, to notes: String) -> String? {
        let note = SafeText.clean(line).trimmingSpacesAndTabs()
        guard !note.isEmpty else { return nil }
        return notes.isEmpty ? note : notes + "\n" + note
    }

    /// This talk's actions under their heading, numbered for `:edit N`, `:remove N` and the rest.
    private mutating func sayNumberedActions() {
        say(t(.actionsHeading) + ":")
        for (index, action) in session.actions.enumerated() { say("  \(index + 1). " + numberedText(action)) }
    }

    /// Last time's actions, numbered for `:done N`, `:keep N` and `:drop N`, with what became of them.
    private mutating func sayCarriedActions() {
        for (index, item) in session.carriedOver.enumerated() {
            say("  \(index + 1). " + actionText(item.action) + " (" + TalkText.outcome(item.outcome, t) + ")")
        }
    }

    /// `:actions`: this talk's actions, numbered for `:edit N` and the rest,
    /// then last time's, numbered for `:done N`, `:keep N` and `:drop N`.
    private mutating func listActions() {
        if session.actions.isEmpty {
            say(t(.plainNoActions))
        } else {
            sayNumberedActions()
            say(t(.plainActionsHowTo))
        }
        if !session.carriedOver.isEmpty {
            say(t(.plainCarriedHeading))
            sayCarriedActions()
        }
    }

    /// An action of this talk as a line, with "done" in words, not only a mark.
    private func numberedText(_ action: Action) -> String {
        actionText(action) + (action.done ? " [" + t(.outcomeDone) + "]" : "")
    }

    /// The index of this talk's action `argument` (counted from 1); says why when there is none.
    private mutating func actionIndex(_ argument: String) -> Int? {
        guard !session.actions.isEmpty else { say(t(.plainNoActions)); return nil }
        guard let number = Int(argument), session.actions.indices.contains(number - 1) else {
            say(t(.plainNoSuchAction, SafeText.line(argument), session.actions.count))
            return nil
        }
        return number - 1
    }

    /// `:edit N [TEXT] [@name] [due DATE]`: what is given replaces what was
    /// there; `due -` takes the date away. A date that cannot be read leaves
    /// the date as it was, and the rest is still changed.
    private mutating func editAction(_ argument: String) {
        let parts = argument.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = parts.first, Int(first) != nil else {
            say(session.actions.isEmpty ? t(.plainNoActions) : t(.plainEditUsage))
            return
        }
        guard let index = actionIndex(first) else { return }
        let old = session.actions[index]
        let parsed = PlainActionText(SafeText.line(parts.count > 1 ? parts[1] : ""))
        guard !parsed.text.isEmpty || !parsed.owner.isEmpty || parsed.due != nil else { say(t(.plainEditUsage)); return }
        // `due -` takes the date away; a date that cannot be read keeps the one there was.
        let typed = parsed.due.map { $0 == "-" ? .none : DueDate.Typed($0, today: now) }
        let unreadDate = typed?.unreadable
        let text = parsed.text.isEmpty ? old.text : parsed.text
        let owner = parsed.owner.isEmpty ? old.owner : ownerName(parsed.owner)
        let step = TalkFlow.saveAction(.init(editing: old.id, text: text, owner: owner, due: typed.map { $0.due(keeping: old.due) } ?? old.due,
                                             onCard: false), in: session)
        guard apply(step) != nil else { return }
        say(t(.plainActionChanged, index + 1, numberedText(session.actions[index])))
        if let unreadDate { say(t(.plainEditBadDate, SafeText.line(unreadDate))) }
    }

    private mutating func setActionDone(_ done: Bool, _ argument: String) {
        guard let index = actionIndex(argument) else { return }
        let action = session.actions[index]
        guard action.done != done else {
            say(t(done ? .plainActionAlreadyDone : .plainActionAlreadyOpen, index + 1))
            return
        }
        guard apply(.setActionDone(id: action.id, done: done)) else { return }
        say(t(done ? .plainActionDone : .plainActionReopened, index + 1, actionText(session.actions[index])))
    }

    /// Removes at once (a line cannot wait for a yes), and says what it was, so the words are still there to read.
    private mutating func removeAction(_ argument: String) {
        guard let index = actionIndex(argument) else { return }
        let action = session.actions[index]
        guard apply(.removeAction(id: action.id)) else { return }
        say(t(.plainActionRemoved, index + 1, numberedText(action)))
    }

    private mutating func resolveCarried(_ outcome: CarryOverOutcome, _ argument: String) {
        let items = session.carriedOver
        guard !items.isEmpty else { say(t(.plainNoCarried)); return }
        guard let number = Int(argument), items.indices.contains(number - 1) else {
            say(t(.plainNoSuchCarried, SafeText.line(argument), items.count))
            return
        }
        let item = items[number - 1]
        if apply(.resolveCarried(id: item.id, outcome: outcome)) {
            say(t(.plainCarriedResolved, SafeText.line(item.action.text), TalkText.outcome(outcome, t)))
        }
    }
}
