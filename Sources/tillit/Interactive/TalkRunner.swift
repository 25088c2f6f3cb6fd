import Foundation
import MinutesSeal
import TillitCore
import TillitTerminal
import TillitUI

/// Runs the screens: reads keys, sends them through `update`, carries out the
/// effects, saves the open talk whenever it changed, and draws. One thread owns
/// the terminal; the timer is the read timeout of the same loop.
final class TalkRunner {
    private let context: AppContext
    private let store: SessionStore
    private var state: AppState
    /// Starts and opens talks and holds the open one's lock (shared with plain mode).
    private let opener: TalkOpener
    /// The talk as last written to disk, to tell whether it changed.
    private var savedSession: Session?
    private var savePolicy = SavePolicy()
    /// Set when the runner was given only the decks of the talk it opens; the
    /// whole catalog is read right after the first frame, before any key.
    private var catalogIsPartial: Bool
    /// The voting room, a child process while one is open (`v`, `--room`).
    private let room: RoomLink
    /// Open the voting room as soon as the first card is on screen (`TalkSetup.votesFromPhones`:
    /// `tillit start --room`, or the setup form's "Votes from phones").
    private var roomAtStart = false
    /// When the clock last moved on (`Msg.tick`).
    private var lastTick = Date()

    init(context: AppContext, catalog: DeckCatalog, store: SessionStore, catalogIsPartial: Bool = false,
         room: RoomSettings = RoomSettings(), bell: Bool = false) {
        self.context = context
        self.room = RoomLink(settings: room)
        self.store = store
        self.catalogIsPartial = catalogIsPartial
        opener = TalkOpener(store: store, catalog: catalog)
        var config = AppConfig(language: context.language, colorEnabled: context.colorEnabled,
                               decks: catalog.decks, dataFolder: context.home.path)
        config.skippedDecks = catalog.skippedFiles
        config.bell = bell
        state = AppState(config: config, size: Size(width: 80, height: 24), now: Date())
    }

    // MARK: Before the screen opens

    /// Starts a talk for `tillit start`; errors are for the command line to print.
    func prepareStart(_ setup: TalkSetup) throws {
        // Written by `run` as soon as the first card is on screen: its fsyncs
        // (some 10–15 ms) would otherwise come before the first frame.
        let (session, path) = try opener.start(setup, save: false)
        open(session, path: path)
        savedSession = nil
        roomAtStart = setup.votesFromPhones
    }

    /// Opens a talk for `tillit resume`.
    func prepareResume(id: String) throws {
        let (session, path) = try opener.openForWriting(id: id)
        open(session, path: path)
    }

    private func open(_ session: Session, path: String, readOnly: Bool = false) {
        _ = update(&state, .talkOpened(session, path: path, readOnly: readOnly))
        if !readOnly { savedSession = session }
    }

    // MARK: The loop

    /// Runs until the user leaves. Returns the process exit code.
    func run() throws -> Int32 {
        let terminal = try Terminal(colorEnabled: context.colorEnabled, environment: context.environment)
        defer { terminal.close() }
        _ = update(&state, .resize(terminal.size))
        lastTick = Date()
        let onHome = state.screen == .home
        for effect in update(&state, .started(onHome: onHome)) { perform(effect) }
        // The home screen's first frame names no deck but those of the talk it offers to continue.
        if onHome, catalogIsPartial { loadCatalog(onlyIDs: Set(state.latestUnfinished?.deckIDs ?? [])) }
        while true {
            terminal.draw(view(state))
            if savedSession == nil { saveIfNeeded(typing: false, now: Date(), force: true) }
            if catalogIsPartial { loadWholeCatalog() }
            // The room opens right after the first frame, never before it.
            if roomAtStart {
                roomAtStart = false
                for effect in update(&state, .openRoomAtStart) { perform(effect) }
            }
            let input = terminal.read()
            let now = Date()
            var effects: [Effect] = []
            var typing = false
            switch input {
            case .key(let key):
                typing = state.isCapturingText
                effects = tick(now) + update(&state, .key(key))
            case .paste(let text):
                effects = tick(now) + update(&state, .paste(text))
            case .resize(let size):
                effects = update(&state, .resize(size))
                terminal.invalidate()
            case .timeout:
                break
            }
            if now.timeIntervalSince(lastTick) >= 0.25 || input.isTimeout { effects += tick(now) }
            for message in room.exchange(state) { effects += update(&state, message) }
            if TerminalRestorer.stopSignal != 0 { effects.append(.quit) }
            saveIfNeeded(typing: typing, now: now)
            for effect in effects {
                if effect == .quit {
                    // An action form still open holds words that are in no file yet.
                    _ = update(&state, .leaving(now: Date()))
                    saveIfNeeded(typing: false, now: Date(), force: true)
                    room.close()
                    terminal.close()
                    if let draft = state.keptDraft { print(draft) }
                    farewell()
                    return state.saveFailure == nil ? 0 : 1
                }
                if effect == .bell { terminal.bell(); continue }
                perform(effect)
            }
        }
    }

    /// The clock moved on: input came, or a quarter of a second passed.
    private func tick(_ now: Date) -> [Effect] {
        lastTick = now
        return update(&state, .tick(now))
    }

    /// Every deck, for the screens after the first (decks, a new talk's form).
    private func loadWholeCatalog() {
        loadCatalog(onlyIDs: nil)
        catalogIsPartial = false
    }

    private func loadCatalog(onlyIDs ids: Set<String>?) {
        let catalog = context.loadCatalog(onlyIDs: ids)
        opener.catalog = catalog
        _ = update(&state, .decksLoaded(catalog.decks, skipped: catalog.skippedFiles))
    }

    /// Writes the open talk when it differs from the file. A failed save is
    /// shown and tried again on the next change; the words stay in memory.
    private func saveIfNeeded(typing: Bool, now: Date, force: Bool = false) {
        guard let talk = state.talk, !talk.readOnly else { return }
        let changed = talk.session != savedSession
        guard savePolicy.shouldSave(changed: changed, typing: typing && !force, now: now) else { return }
        guard changed else { savePolicy.saved(at: now); return }
        do {
            try store.save(talk.session)
            savedSession = talk.session
            savePolicy.saved(at: now)
            _ = update(&state, .saved)
        } catch {
            _ = update(&state, .saveFailed(error.message(state.text)))
        }
    }

    private func farewell() {
        guard let talk = state.talk, !talk.readOnly else { return }
        let t = state.text
        if let failure = state.saveFailure {
            FileHandle.standardError.write(Data((t(.saveFailed, failure) + "\n").utf8))
        } else if talk.session.isFinished {
            print(t(.farewellFinished, talk.path))
        } else {
            print(t(.farewellSaved, talk.path, talk.session.id))
        }
    }

    // MARK: Effects

    private func perform(_ effect: Effect) {
        switch effect {
        case .loadSessions:
            _ = update(&state, .sessionsLoaded(sessionList()))
        case .startTalk(let setup):
            do {
                let (session, path) = try opener.start(setup)
                open(session, path: path)
                // As with `tillit start --room`: the room opens right after the card's first frame.
                roomAtStart = setup.votesFromPhones
            } catch {
                _ = update(&state, .failed(describe(error)))
            }
        case .openTalk(let id, let readOnly):
            do {
                if readOnly {
                    open(try store.load(id: id), path: try store.path(for: id), readOnly: true)
                } else {
                    let (session, path) = try opener.openForWriting(id: id)
                    open(session, path: path)
                }
            } catch {
                _ = update(&state, .failed(describe(error)))
            }
        case .exportTalk(let id):
            do {
                let path = try exportMarkdown(id: id)
                _ = update(&state, .exported(path: path))
            } catch {
                _ = update(&state, .failed(describe(error)))
            }
        case .deleteTalk(let id):
            do { try store.delete(id: id) } catch { _ = update(&state, .failed(describe(error))) }
        case .loadTrends(let deckID, let team, let participant):
            let loaded = TrendsReport.load(from: store, deckID: deckID, team: team, participant: participant,
                                           replacing: state.talk?.session, decks: state.config.decks, language: state.config.language)
            _ = update(&state, .trendsLoaded(loaded.report))
        case .closeTalk:
            saveIfNeeded(typing: false, now: Date(), force: true)
            // A failed save keeps the talk open, its words on screen and the failure shown.
            guard state.saveFailure == nil else { return }
            opener.release()
            savedSession = nil
            for effect in update(&state, .talkClosed) { perform(effect) }
        case .openRoom:
            if let failure = room.open(language: state.talk?.session.language ?? state.config.language) {
                for effect in update(&state, failure) { perform(effect) }
            }
        case .closeRoom:
            room.close()
        case .loadPreviousMeeting(let talk):
            // Unreadable is as good as none here: the summary then shows no change.
            let previous = try? store.previousTalk(for: talk.continuityKey, excluding: talk.id, before: talk)
            _ = update(&state, .previousMeetingLoaded(previous ?? nil, talkID: talk.id))
        case .rememberLanguage(let language):
            var settings = Settings.load(from: context.home)
            settings.language = language
            do { try settings.save(to: context.home) } catch {
                _ = update(&state, .failed(state.text(.languageNotSaved, error.reason)))
            }
        case .writePreparation(let deckID, let person):
            guard let deck = state.config.decks.first(where: { $0.id == deckID }) else { return }
            let sheet = PreparationSheet(deck: deck, person: person, language: state.config.language, talks: store.loadAll().sessions)
            let path = (context.home.path as NSString).appendingPathComponent(PreparationSheet.fileName(person: sheet.person, now: Date()))
            do {
                try PrivateFile.write(sheet.markdown(), to: path, overwrite: true)
                state.flash = state.text(.prepareWritten, path)
            } catch {
                _ = update(&state, .failed(describe(error)))
            }
        case .fingerprintMinutes(let text):
            _ = update(&state, .minutesFingerprinted(MinutesFingerprint.sha256(text), text: text))
        case .quit, .bell:
            // Both need the terminal: the loop in `run` handles them.
            break
        }
    }

    private func sessionList() -> SessionList {
        let listing = store.list()
        let items = listing.summaries.map { summary in
            var item = TalkListItem(id: summary.id, title: summary.title, kind: summary.kind,
                                    participants: summary.participants.map(\.name).joined(separator: ", "),
                                    createdAt: summary.createdAt, handled: summary.handledCount, cardCount: summary.cardCount,
                                    finished: summary.isFinished)
            item.deckIDs = summary.deckIDs
            item.currentIndex = summary.currentIndex
            item.people = summary.participants
            return item
        }
        return SessionList(items: items, problems: listing.problems)
    }

    private func exportMarkdown(id: String) throws -> String {
        let session = try store.load(id: id)
        let markdown = MinutesFile.markdown(session, includePrivate: false)
        let path = try store.referatPath(for: id)
        try PrivateFile.write(markdown, to: path, overwrite: true)
        return path
    }

    private func describe(_ error: Error) -> String {
        if let storeError = error as? StoreError { return storeError.message(state.text) }
        return String(describing: error)
    }
}

extension Terminal.Input {
    var isTimeout: Bool { if case .timeout = self { return true } else { return false } }
}
