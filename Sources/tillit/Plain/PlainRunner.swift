import Foundation
import TillitCore

/// Plain line mode: a talk on stdin and stdout, one line at a time, with no
/// screen drawing at all, for screen readers, poor connections, `TERM=dumb` and
/// scripts. Every line goes through the same session engine as the screens and
/// the talk is saved after each one, to the same file in the same format. The
/// end of the input is the same as `:quit`.
final class PlainRunner {
    private let store: SessionStore
    private let catalog: DeckCatalog
    private let t: Localizer
    private var session: Session
    private let path: String
    /// The talk as last written, to tell whether a line changed it.
    private var saved: Session
    private var saveFailure: String?
    /// Who writes now in a 1:1: an index into `session.participants`.
    private var writer = 0
    private let showPrompt: Bool
    private let write: (String) -> Void
    /// The voting room (`:room`): votes from phones arrive between lines.
    private let room: RoomLink
    private var roomAddress: (url: String, code: String)?

    init(store: SessionStore, catalog: DeckCatalog, language: Language, session: Session, path: String,
         showPrompt: Bool = isatty(STDIN_FILENO) == 1, room: RoomSettings = RoomSettings(),
         write: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }) {
        self.store = store
        self.catalog = catalog
        self.t = Localizer(language)
        self.session = session
        self.saved = session
        self.path = path
        self.showPrompt = showPrompt
        self.write = write
        self.room = RoomLink(settings: room)
    }

    /// Reads lines until `:quit`, `:finish` or the end of the input. Returns the exit code.
    func run(readLine: () -> String? = { Swift.readLine(strippingNewline: true) }) -> Int32 {
        say(t(.plainWelcome))
        introduce()
        while true {
            if showPrompt { write(promptText) }
            guard let line = readLine() else {
                if showPrompt { write("\n") }
                break
            }
            let goOn = handle(PlainInput(line: line))
            hearFromRoom()
            save()
            if !goOn { break }
        }
        hearFromRoom()
        room.close()
        try? session.apply(.checkpoint, now: Date())
        save()
        return farewell()
    }

    // MARK: What is shown

    private func say(_ text: String) { write(text + "\n") }

    private var promptText: String {
        session.kind == .oneOnOne && !session.participants.isEmpty ? "\(currentWriter.name)> " : "> "
    }

    private func introduce() {
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
        if session.kind == .team { say(t(.plainTeamWriting)) }
        if session.isFinished { say(t(.plainIsFinished)) }
        showCard()
    }

    private func showCard() {
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
                say(t(.plainWrote, name))
                for line in SafeText.clean(response.text).split(separator: "\n", omittingEmptySubsequences: false) {
                    say("  " + line)
                }
            }
            if let rating = response.rating, session.kind == .oneOnOne { say(t(.plainRated, name, rating)) }
        }
        if session.kind == .team, record.isRating, record.ratingCount > 0 { say(votesText(record)) }
        for (index, action) in session.actions.enumerated() where action.fromCard == record.key {
            say(t(.actionsLabel) + ": \(index + 1). " + numberedText(action))
        }
        if session.kind == .oneOnOne, !session.participants.isEmpty {
            say(t(.plainNowWriting, SafeText.line(currentWriter.name)))
        }
    }

    private func scaleLegend(_ record: CardRecord, _ range: ClosedRange<Int>) -> String {
        let scale = catalog.deck(id: record.deck)?.card(id: record.card)?.answer.scale
        guard let scale, scale.values == range else { return t(.plainScaleRange, range.lowerBound, range.upperBound) }
        return t(.showScale, range.lowerBound, range.upperBound,
                 SafeText.line(scale.low.resolve(session.language)), SafeText.line(scale.high.resolve(session.language)))
    }

    /// `4 stemmer · snitt 3,8` where it may be shown; anonymous votes show
    /// their count until `:reveal`, and never a mean below the minimum.
    private func votesText(_ record: CardRecord) -> String {
        session.voteLine(record, t, revealHint: .plainRevealShort)
    }

    /// `:reveal`: the same rule as `r` on the screens.
    private func reveal() {
        let outcome: RevealOutcome
        do { outcome = try session.revealVotes(now: Date()) } catch { say(explain(error)); return }
        switch outcome {
        case .notARatingCard: say(t(.noRatingOnCard))
        case .shownLive: say(t(.votesShowLive))
        case .noVotes: say(t(.noVotesYet))
        case .tooFew(let minimum): say(t(.votesNeedMinimum, minimum) + ".")
        case .shown:
            if let card = session.currentCard { say(votesText(card) + ". " + t(.plainRevealedNote)) }
        }
    }

    private func actionText(_ action: Action) -> String {
        var parts = [SafeText.line(action.owner)].filter { !$0.isEmpty }
        if let due = action.due { parts.append(DueDate.display(due, language: t.language, today: Date())) }
        return SafeText.line(action.text) + (parts.isEmpty ? "" : " — " + parts.joined(separator: ", "))
    }

    private func outcomeText(_ outcome: CarryOverOutcome) -> String {
        switch outcome {
        case .pending: return t(.outcomePending)
        case .done: return t(.outcomeDone)
        case .kept: return t(.outcomeKept)
        case .dropped: return t(.outcomeDropped)
        }
    }

    private func showStatus() {
        let cards = session.cards
        let count = { (status: CardStatus) in cards.filter { $0.status == status }.count }
        let seconds = Int(cards.reduce(0) { $0 + $1.secondsSpent })
        say(t(.showCardNumber, session.currentIndex + 1, cards.count))
        say(t(.summaryCounts, count(.answered), count(.skipped), count(.parked), count(.open),
              seconds >= 3600 ? String(format: "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                  : String(format: "%02d:%02d", seconds / 60, seconds % 60)))
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

    // MARK: Lines

    /// Carries out one line. Returns false when the talk should end here.
    private func handle(_ input: PlainInput) -> Bool {
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
            reveal()
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
        case .status:
            showStatus()
        case .help:
            say(t(.plainHelp))
        case .finish:
            // The farewell says that it is finished and where it is kept.
            return !apply(.finish)
        case .reopen:
            if apply(.reopen) { say(t(.talkReopened)) }
        case .quit:
            return false
        case .room(let argument):
            roomCommand(argument)
        case .unknown(let word):
            say(t(.plainUnknownCommand, SafeText.line(word)))
        }
        return true
    }

    // MARK: The voting room

    private func roomCommand(_ argument: String) {
        switch argument.lowercased() {
        case "":
            guard session.kind == .team else { say(t(.roomOnlyTeam)); return }
            if room.isOpen, let roomAddress { say(t(.plainRoomOpen, roomAddress.url, roomAddress.code)); return }
            say(t(.roomOpening))
            if case .roomEnded(let reason)? = room.open(language: session.language) {
                say(t(.roomCouldNotOpen, reason ?? ""))
                return
            }
            take(room.waitUntilOpen(session, decks: catalog.decks))
        case "close":
            guard room.isOpen else { return }
            hearFromRoom()
            room.close()
            roomAddress = nil
            say(t(.roomClosed))
        default:
            say(t(.plainRoomUsage))
        }
    }

    /// Votes from phones since the last line go into the talk; the room is shown the current card.
    private func hearFromRoom() { take(room.exchange(session, showing: session.currentIndex, decks: catalog.decks)) }

    private func take(_ news: [RoomLink.News]) {
        for item in news {
            switch item {
            case .opened(let url, let code, _):
                roomAddress = (url, code)
                say(t(.plainRoomOpen, url, code))
            case .votes(let card, let counts):
                try? session.apply(.setPhoneVotes(card: card, counts: counts), now: Date())
            case .ended(let reason):
                roomAddress = nil
                say(reason.map { t(.roomCouldNotOpen, $0) } ?? t(.roomEnded))
            }
        }
    }

    /// Applies a command now; says why when the engine refuses it.
    @discardableResult
    private func apply(_ command: TalkCommand) -> Bool {
        do {
            try session.apply(command, now: Date())
            return true
        } catch {
            say(explain(error))
            return false
        }
    }

    private func explain(_ error: Error) -> String {
        switch error as? TalkError {
        case .ratingOutOfRange(_, let range)?: return t(.ratingRange, range.lowerBound, range.upperBound)
        case .notARatingCard?: return t(.noRatingOnCard)
        case .emptyAction?: return t(.plainActionUsage)
        case .finished?: return t(.plainIsFinished)
        case .noTextOnCard?:
            let range = session.currentCard?.scaleRange ?? 1...5
            return t(.plainScaleOnly, range.lowerBound, range.upperBound)
        default: return String(describing: error)
        }
    }

    /// Goes to another card; as on the screens, the first person writes first there.
    private func move(_ command: TalkCommand) {
        guard apply(command) else { return }
        writer = 0
        showCard()
    }

    private func hintText() -> String {
        guard let record = session.currentCard,
              let hint = catalog.deck(id: record.deck)?.card(id: record.card)?.hint else { return t(.noHint) }
        let text = SafeText.clean(hint.resolve(session.language))
        return text.isEmpty ? t(.noHint) : t(.showHint) + ": " + text
    }

    /// Skips or parks the card and moves on, as the screens do; on a card that
    /// is already skipped (or parked) the same command opens it again.
    private func setAside(_ status: CardStatus, done: String) {
        guard let record = session.currentCard else { return }
        if record.status == status {
            if apply(.reopenCard) { say(t(.plainCardReopened)) }
            return
        }
        guard apply(status == .skipped ? .skip : .park) else { return }
        say(done)
        if session.currentIndex < session.cards.count - 1 { move(.next) } else { say(t(.plainLastCard)) }
    }

    // MARK: Answers

    private var currentWriter: Participant { session.participants[min(writer, session.participants.count - 1)] }

    /// Whose answer a text line goes to: the current person in a 1:1; in a team
    /// the facilitator, who writes down what the group said.
    private var textOwner: Participant? {
        guard !session.participants.isEmpty else { return nil }
        if session.kind == .oneOnOne { return currentWriter }
        return session.participants.first { $0.role == .facilitator } ?? session.participants[0]
    }

    private func addText(_ words: String) {
        guard let owner = textOwner, let record = session.currentCard else { return }
        let before = record.response(of: owner.id)?.text ?? ""
        apply(.setText(participant: owner.id, text: before.isEmpty ? words : before + "\n" + words))
    }

    private func rate(_ argument: String) {
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
            let voter = session.anonymous ? nil : person
            guard apply(.addVote(value: value, participant: voter?.id)),
                  let card = session.currentCard else { return }
            say(t(.plainVoteAdded, value, votesText(card)))
        } else {
            let rater = person ?? currentWriter
            guard apply(.setRating(participant: rater.id, rating: value)) else { return }
            say(t(.plainRated, SafeText.line(rater.name), value))
        }
    }

    private func unvote(_ argument: String) {
        guard let record = session.currentCard else { return }
        guard let range = record.scaleRange else { say(t(.noRatingOnCard)); return }
        guard session.kind == .team else { say(t(.plainRateUsage, range.lowerBound, range.upperBound)); return }
        guard let value = Int(argument) else { say(t(.plainRateUsage, range.lowerBound, range.upperBound)); return }
        let before = record.ratingCount
        guard apply(.removeVote(value: value)), let card = session.currentCard else { return }
        say(card.ratingCount < before ? t(.plainVoteRemoved, value, votesText(card)) : t(.plainNoSuchVote, value))
    }

    private func who(_ name: String) {
        guard session.kind == .oneOnOne, !session.participants.isEmpty else { say(t(.plainWhoOneOnOne)); return }
        guard !name.isEmpty else { say(t(.plainWhoUsage, nameList)); return }
        guard let person = participant(named: name),
              let index = session.participants.firstIndex(of: person) else { return }
        writer = index
        say(t(.plainNowWriting, SafeText.line(person.name)))
    }

    private var nameList: String { session.participants.map { SafeText.line($0.name) }.joined(separator: ", ") }

    /// The participant `name` points to (`Session.participant(named:)`); says so when there is none.
    private func participant(named name: String) -> Participant? {
        if let person = session.participant(named: name) { return person }
        say(t(.plainNoSuchPerson, SafeText.line(name), nameList))
        return nil
    }

    // MARK: Actions

    private func addAction(_ argument: String) {
        let parsed = PlainActionText(SafeText.line(argument))
        guard !parsed.text.isEmpty else { say(t(.plainActionUsage)); return }
        var due: String?
        var unreadDate: String?
        if let typed = parsed.due {
            switch DueDate.parse(typed, today: Date()) {
            case .date(let day): due = day
            case .empty: due = nil
            // The words are kept; only the date is left out, and the line says so.
            case .invalid: unreadDate = typed
            }
        }
        let id = session.nextActionID()
        guard apply(.addAction(id: id, text: parsed.text, owner: ownerName(parsed.owner), due: due,
                               onCurrentCard: session.currentCard != nil)),
              let index = session.actions.firstIndex(where: { $0.id == id }) else { return }
        let line = actionText(session.actions[index])
        if let unreadDate {
            say(t(.plainActionAddedNoDate, index + 1, line, SafeText.line(unreadDate)))
        } else {
            say(t(.plainActionAdded, line))
        }
    }

    /// The owner as kept (`Session.ownerName`); an owner who is not in the talk
    /// is kept too, and the line says so, so a slip of the keyboard is seen.
    private func ownerName(_ typed: String) -> String {
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
    private func sayNumberedActions() {
        say(t(.actionsHeading) + ":")
        for (index, action) in session.actions.enumerated() { say("  \(index + 1). " + numberedText(action)) }
    }

    /// Last time's actions, numbered for `:done N`, `:keep N` and `:drop N`, with what became of them.
    private func sayCarriedActions() {
        for (index, item) in session.carriedOver.enumerated() {
            say("  \(index + 1). " + actionText(item.action) + " (" + outcomeText(item.outcome) + ")")
        }
    }

    /// `:actions`: this talk's actions, numbered for `:edit N` and the rest,
    /// then last time's, numbered for `:done N`, `:keep N` and `:drop N`.
    private func listActions() {
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
    private func actionIndex(_ argument: String) -> Int? {
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
    private func editAction(_ argument: String) {
        let parts = argument.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = parts.first, Int(first) != nil else {
            say(session.actions.isEmpty ? t(.plainNoActions) : t(.plainEditUsage))
            return
        }
        guard let index = actionIndex(first) else { return }
        let old = session.actions[index]
        let parsed = PlainActionText(SafeText.line(parts.count > 1 ? parts[1] : ""))
        guard !parsed.text.isEmpty || !parsed.owner.isEmpty || parsed.due != nil else { say(t(.plainEditUsage)); return }
        var due = old.due
        var unreadDate: String?
        if let typed = parsed.due {
            if typed == "-" { due = nil } else {
                switch DueDate.parse(typed, today: Date()) {
                case .date(let day): due = day
                case .empty: due = nil
                case .invalid: unreadDate = typed
                }
            }
        }
        let text = parsed.text.isEmpty ? old.text : parsed.text
        let owner = parsed.owner.isEmpty ? old.owner : ownerName(parsed.owner)
        guard apply(.editAction(id: old.id, text: text, owner: owner, due: due)) else { return }
        say(t(.plainActionChanged, index + 1, numberedText(session.actions[index])))
        if let unreadDate { say(t(.plainEditBadDate, SafeText.line(unreadDate))) }
    }

    private func setActionDone(_ done: Bool, _ argument: String) {
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
    private func removeAction(_ argument: String) {
        guard let index = actionIndex(argument) else { return }
        let action = session.actions[index]
        guard apply(.removeAction(id: action.id)) else { return }
        say(t(.plainActionRemoved, index + 1, numberedText(action)))
    }

    private func resolveCarried(_ outcome: CarryOverOutcome, _ argument: String) {
        let items = session.carriedOver
        guard !items.isEmpty else { say(t(.plainNoCarried)); return }
        guard let number = Int(argument), items.indices.contains(number - 1) else {
            say(t(.plainNoSuchCarried, SafeText.line(argument), items.count))
            return
        }
        let item = items[number - 1]
        if apply(.resolveCarried(id: item.id, outcome: outcome)) {
            say(t(.plainCarriedResolved, SafeText.line(item.action.text), outcomeText(outcome)))
        }
    }

    // MARK: Saving

    /// Writes the talk when a line changed it. A failed save is said on stderr
    /// and tried again after the next line; the words stay in memory.
    private func save() {
        guard session != saved else { return }
        do {
            try store.save(session)
            saved = session
            saveFailure = nil
        } catch {
            let message = t(.saveFailed, error.message(t))
            if message != saveFailure { printError("tillit: " + message) }
            saveFailure = message
        }
    }

    private func farewell() -> Int32 {
        if saveFailure != nil { return 1 }
        say("")
        say(session.isFinished ? t(.farewellFinished, path) : t(.farewellSaved, path, session.id))
        return 0
    }
}
