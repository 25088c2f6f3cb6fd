import Foundation
import MinutesSeal
import TillitCore
import TillitStore
import TillitPlain

/// Plain line mode on stdin and stdout: reads a line, hands it to the talk's
/// rules (`PlainTalk`), prints what they say, and saves the talk after each
/// line, to the same file in the same format as the screens. Between lines it
/// brings in the voting room's votes. The end of the input is the same as `:quit`.
final class PlainRunner {
    private let store: SessionStore
    private let catalog: DeckCatalog
    private let t: Localizer
    private var talk: PlainTalk
    /// The talk as last written, to tell whether a line changed it.
    private var saved: Session
    private var saveFailure: String?
    private let showPrompt: Bool
    private let write: (String) -> Void
    /// The voting room (`:room`): votes from phones arrive between lines.
    private let room: RoomLink
    private var roomAddress: (url: String, code: String)?
    /// Set for `tillit start --plain --room` (`TalkSetup.votesFromPhones`).
    var openRoomAtStart = false
    /// Written answers in on each card (by index), as the room last counted them.
    private var answersIn: [Int: Int] = [:]
    /// Answers revealed since `:reveal` asked for them, in the room's random order.
    private var answersRevealed: [String] = []
    /// The card whose typed votes were last said to keep it from the phones.
    private var heldBackSaid: Int?

    init(store: SessionStore, catalog: DeckCatalog, language: Language, session: Session, path: String,
         showPrompt: Bool = isatty(STDIN_FILENO) == 1, room: RoomSettings = RoomSettings(),
         write: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }) {
        self.store = store
        self.catalog = catalog
        self.t = Localizer(language)
        self.talk = PlainTalk(session: session, path: path, decks: catalog.decks, language: language)
        self.saved = session
        self.showPrompt = showPrompt
        self.write = write
        self.room = RoomLink(settings: room)
    }

    private var session: Session { talk.session }

    /// Reads lines until `:quit`, `:finish` or the end of the input. Returns the exit code.
    func run(readLine: () -> String? = { Swift.readLine(strippingNewline: true) }) -> Int32 {
        talk.opening(now: Date()).forEach(say)
        // `tillit start --plain --room`: the room opens with the first card, as on the screens.
        if openRoomAtStart { roomCommand("") }
        while true {
            if showPrompt { write(talk.prompt) }
            guard let line = readLine() else {
                if showPrompt { write("\n") }
                break
            }
            talk.roomOpen = room.isOpen
            let reply = talk.handle(PlainInput(line: line), now: Date())
            reply.lines.forEach(say)
            if let argument = reply.room { roomCommand(argument) }
            if let written = reply.written { writtenCommand(written) }
            if let minutes = reply.minutesToConfirm {
                talk.confirmMinutes(fingerprint: MinutesFingerprint.sha256(minutes), now: Date()).forEach(say)
            }
            hearFromRoom()
            save()
            if reply.ends { break }
        }
        hearFromRoom()
        room.close()
        try? talk.session.apply(.checkpoint, now: Date())
        save()
        return farewell()
    }

    /// Every line plain mode writes: the room's address and reasons come from another process.
    private func say(_ text: String) { write(SafeText.clean(text) + "\n") }

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
        case "replace":
            // As y on the screens: the typed votes go, and the phones vote on the card.
            guard room.isOpen, let step = RoomVoteRules.replaceTyped(in: session) else { return }
            try? talk.session.apply(step, now: Date())
            heldBackSaid = nil
            say(t(.roomTypedVotesReplaced))
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
    /// A card with typed votes is held back from the phones until `:room replace`, as on the screens.
    private func hearFromRoom() {
        take(room.exchange(session, showing: session.currentIndex, holdingBackTyped: true, decks: catalog.decks))
        if room.isOpen, let card = session.currentCard, RoomVoteRules.holdsBack(card), !card.votesRevealed {
            if heldBackSaid != session.currentIndex { say(t(.plainRoomReplaceTyped, card.typedVoteCount)) }
            heldBackSaid = session.currentIndex
        } else {
            heldBackSaid = nil
        }
    }

    /// `:answers` says how many written answers are in; `:reveal` (on a text card) shows them and
    /// keeps them as the group's words on the card: the same rule as r on the screens (`WrittenAnswers`).
    private func writtenCommand(_ request: PlainTalk.WrittenRequest) {
        hearFromRoom()
        guard room.isOpen, session.currentCard?.answer.roomAsks == .writing, session.kind == .team else {
            say(t(.roomAnswersNotHere))
            return
        }
        let count = answersIn[session.currentIndex] ?? 0
        if request == .count {
            say(count == 1 ? t(.roomAnswerInOne) : t(.roomAnswersIn, count))
            return
        }
        switch WrittenAnswers.canReveal(count: count, in: session) {
        case .notAWritingCard: say(t(.roomAnswersNotHere))
        case .noWriter: say(t(.roomAnswersNoWriter))
        case .tooFew(let count, let minimum): say(t(.roomAnswersTooFew, minimum, count))
        case .ready:
            answersRevealed = []
            room.revealAnswers()
            // The room sends them at once; a few seconds at most, for a busy machine.
            for _ in 0..<300 where answersRevealed.count < count && room.isOpen {
                usleep(10_000)
                take(room.exchange(session, showing: session.currentIndex, holdingBackTyped: true, decks: catalog.decks))
            }
            guard !answersRevealed.isEmpty else { say(t(.plainAnswersWaiting)); return }
            say(t(.plainAnswersRevealedHeading))
            answersRevealed.forEach { say("  – " + $0) }
        }
    }

    private func take(_ news: [RoomLink.News]) {
        for item in news {
            switch item {
            case .opened(let url, let code, _):
                roomAddress = (url, code)
                say(t(.plainRoomOpen, url, code))
            case .votes(let card, let counts):
                try? talk.session.apply(.setPhoneVotes(card: card, counts: counts), now: Date())
            case .answers(let card, let count):
                answersIn[card] = count
            case .answer(let card, let text):
                guard card == session.currentIndex, let step = WrittenAnswers.keep(text, in: session) else { continue }
                try? talk.session.apply(step, now: Date())
                answersIn[card] = 0
                answersRevealed.append(SafeText.line(text))
            case .ended(let reason):
                roomAddress = nil
                say(reason.map { t(.roomCouldNotOpen, $0) } ?? t(.roomEnded))
            case .misbehaved(let problem):
                roomAddress = nil
                say(t(.roomMisbehaved, problem))
            case .invited, .rated:
                // Plain mode opens a team's room only (`roomOnlyTeam`).
                break
            }
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
        if saveFailure != nil {
            if let words = UnsavedWords.report(saved: saved, current: session, t) { printError(words) }
            return 1
        }
        say("")
        say(session.isFinished ? t(.farewellFinished, talk.path) : t(.farewellSaved, talk.path, session.id))
        return 0
    }
}
