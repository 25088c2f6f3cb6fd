import Foundation
import TillitCore
import TillitTerminal
import TillitUI
import TillitStore

/// The screens' loop: reads the terminal, sends what it read through the
/// program, lets the handlers save the open talk when it changed, and draws.
/// One thread owns the terminal; the timer is the read timeout of the same loop.
final class TalkRunner {
    private let context: AppContext
    private let effects: TalkEffects
    private let program: Program
    /// Set when the runner was given only the decks of the talk it opens; the
    /// whole catalog is read right after the first frame, before any key.
    private var catalogIsPartial: Bool
    /// When the clock last moved on (`Msg.tick`).
    private var lastTick = Date()

    init(context: AppContext, catalog: DeckCatalog, store: SessionStore, catalogIsPartial: Bool = false,
         room: RoomSettings = RoomSettings(), bell: Bool = false) {
        self.context = context
        self.catalogIsPartial = catalogIsPartial
        effects = TalkEffects(context: context, store: store, catalog: catalog, room: room)
        var config = AppConfig(language: context.language, colorEnabled: context.colorEnabled,
                               decks: catalog.decks, dataFolder: context.home.path)
        config.skippedDecks = catalog.skippedFiles
        config.bell = bell
        config.retention = context.settings.retention
        config.privateNotesDays = context.settings.privateNotesExpiry.days
        config.canOpenPages = PageOpener.hasDesktop(context.environment)
        program = Program(AppState(config: config, size: Size(width: 80, height: 24), now: Date()), performer: effects)
    }

    private var state: AppState { program.state }

    // MARK: Before the screen opens

    /// Starts a talk for `tillit start`; errors are for the command line to print.
    func prepareStart(_ setup: TalkSetup) throws {
        // Written by `run` as soon as the first card is on screen.
        try effects.loader.start(setup, writeNow: false, program)
        effects.roomAtStart = setup.votesFromPhones
    }

    /// Opens a talk for `tillit resume`.
    func prepareResume(id: String) throws {
        try effects.loader.openForWriting(id: id, program)
    }

    // MARK: The loop

    /// Runs until the user leaves. Returns the process exit code.
    func run() throws -> Int32 {
        let terminal = try Terminal(colorEnabled: context.colorEnabled, environment: context.environment)
        defer { terminal.close() }
        program.send(.resize(terminal.size))
        lastTick = Date()
        let onHome = state.screen == .home
        program.send(.started(onHome: onHome))
        // The home screen's first frame names no deck but those of the talk it offers to continue.
        if onHome, catalogIsPartial {
            effects.loader.loadCatalog(onlyIDs: Set(state.latestUnfinished?.deckIDs ?? []), program)
        }
        while true {
            terminal.draw(view(state))
            if effects.saver.firstWriteIsDue { effects.saver.saveIfNeeded(program, typing: false, now: Date(), force: true) }
            if catalogIsPartial {
                effects.loader.loadCatalog(onlyIDs: nil, program)
                catalogIsPartial = false
            }
            // The room opens right after the first frame, never before it.
            if effects.roomAtStart {
                effects.roomAtStart = false
                program.send(.openRoomAtStart)
            }
            let input = terminal.read()
            let now = Date()
            var typing = false
            switch input {
            case .key(let key):
                typing = state.isCapturingText
                tick(now)
                program.send(.key(key))
            case .paste(let text):
                tick(now)
                program.send(.paste(text))
            case .resize(let size):
                program.send(.resize(size))
                terminal.invalidate()
            case .timeout:
                break
            }
            if now.timeIntervalSince(lastTick) >= 0.25 || input.isTimeout { tick(now) }
            for message in effects.room.exchange(state) { program.send(message) }
            if TerminalRestorer.stopSignal != 0 { program.send(.stopSignalled) }
            effects.saver.saveIfNeeded(program, typing: typing, now: now)
            if effects.bellRequested {
                effects.bellRequested = false
                terminal.bell()
            }
            if effects.quitRequested { return leave(terminal) }
        }
    }

    /// The clock moved on: input came, or a quarter of a second passed.
    private func tick(_ now: Date) {
        lastTick = now
        program.send(.tick(now))
    }

    /// Keeps what is still open, saves, and closes the room and the screen.
    private func leave(_ terminal: Terminal) -> Int32 {
        // An action form still open holds words that are in no file yet.
        program.send(.leaving(now: Date()))
        effects.saver.saveIfNeeded(program, typing: false, now: Date(), force: true)
        effects.room.close()
        terminal.close()
        if let draft = state.keptDraft { print(draft) }
        farewell()
        return state.saveFailure == nil ? 0 : 1
    }

    private func farewell() {
        guard let talk = state.talk, !talk.readOnly else { return }
        let t = state.text
        if let failure = state.saveFailure {
            FileHandle.standardError.write(Data((t(.saveFailed, failure) + "\n").utf8))
            if let words = UnsavedWords.report(saved: effects.saver.savedSession, current: talk.session, t) {
                FileHandle.standardError.write(Data((words + "\n").utf8))
            }
        } else if talk.session.isFinished {
            print(t(.farewellFinished, talk.path))
        } else {
            print(t(.farewellSaved, talk.path, talk.session.id))
        }
    }
}

extension Terminal.Input {
    var isTimeout: Bool { if case .timeout = self { return true } else { return false } }
}
