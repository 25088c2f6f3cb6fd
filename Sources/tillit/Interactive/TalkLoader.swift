import Foundation
import TillitCore
import TillitUI
import TillitStore

/// The effects that read from the data folder (or change what is in it): the
/// talk list, opening and starting talks, deleting one, trends, the meeting
/// before, the deck catalog and the remembered language.
final class TalkLoader {
    private let context: AppContext
    private let store: SessionStore
    /// Starts and opens talks and holds the open one's lock (shared with plain mode).
    let opener: TalkOpener
    private let saver: TalkSaver

    init(context: AppContext, store: SessionStore, catalog: DeckCatalog, saver: TalkSaver) {
        self.context = context
        self.store = store
        self.saver = saver
        opener = TalkOpener(store: store, catalog: catalog)
    }

    /// Opens `session` on screen; one opened for writing counts as saved as it is.
    func open(_ session: Session, path: String, readOnly: Bool = false, _ program: Program) {
        program.send(.talkOpened(session, path: path, readOnly: readOnly))
        if !readOnly { saver.opened(session) }
    }

    /// A new talk. With `writeNow` false its first write waits for the first frame
    /// (`tillit start`: its fsyncs, some 10–15 ms, would otherwise come before it).
    func start(_ setup: TalkSetup, writeNow: Bool = true, _ program: Program) throws {
        let (session, path) = try opener.start(setup, save: writeNow)
        open(session, path: path, program)
        if let people = setup.people { program.send(.peopleTakingPart(people)) }
        if !writeNow { saver.opened(nil) }
    }

    func openForWriting(id: String, _ program: Program) throws {
        let (session, path) = try opener.openForWriting(id: id)
        open(session, path: path, program)
    }

    func openReadOnly(id: String, _ program: Program) throws {
        open(try store.load(id: id), path: try store.path(for: id), readOnly: true, program)
    }

    /// Lets go of the open talk (its lock) after its last save.
    func close() {
        opener.release()
        saver.closed()
    }

    func loadSessions(_ program: Program) {
        program.send(.sessionsLoaded(sessionList()))
    }

    func delete(id: String, _ program: Program) {
        do { try store.delete(id: id) } catch { program.send(.failed(describe(error, program.state.text))) }
    }

    func loadTrends(deckID: String, team: String?, participant: String?, _ program: Program) {
        let state = program.state
        let loaded = TrendsReport.load(from: store, deckID: deckID, team: team, participant: participant,
                                       replacing: state.talk?.session, decks: state.config.decks,
                                       language: state.config.language)
        program.send(.trendsLoaded(loaded.report))
    }

    /// Every team's and person's clean-up list, the open talk as it is now in place of its file.
    func loadCleanup(_ program: Program) {
        var sessions = store.loadAll().sessions
        if let open = program.state.talk?.session { sessions = sessions.filter { $0.id != open.id } + [open] }
        let registers = CleanupRegister.scopes(in: sessions).map {
            CleanupRegister.build(talks: sessions, team: $0.team, participant: $0.participant)
        }
        program.send(.cleanupLoaded(registers))
    }

    func loadPreviousMeeting(of talk: Session, _ program: Program) {
        // Unreadable is as good as none here: the summary then shows no change.
        let previous = try? store.previousTalk(for: talk.continuityKey, excluding: talk.id, before: talk)
        program.send(.previousMeetingLoaded(previous ?? nil, talkID: talk.id))
    }

    /// Decks read from disk: all of them (`ids` nil), or only those named.
    func loadCatalog(onlyIDs ids: Set<String>?, _ program: Program) {
        let catalog = context.loadCatalog(onlyIDs: ids)
        opener.catalog = catalog
        program.send(.decksLoaded(catalog.decks, skipped: catalog.skippedFiles))
    }

    func rememberLanguage(_ language: Language, _ program: Program) {
        remember(program, failure: .languageNotSaved) { $0.language = language }
    }

    func rememberPrivateNotesDays(_ days: Int, _ program: Program) {
        remember(program, failure: .settingNotSaved) { $0.privateNotesDays = days }
    }

    /// Changes one thing in settings.json; a failure is said, the choice still holds for this run.
    private func remember(_ program: Program, failure: UIString, _ change: (inout Settings) -> Void) {
        var settings = Settings.load(from: context.home)
        change(&settings)
        do { try settings.save(to: context.home) } catch {
            program.send(.failed(program.state.text(failure, error.reason)))
        }
    }

    /// The sheet to prepare the next 1:1 with `person` (`PreparationSheet`), into the data folder.
    func writePreparation(deckID: String, person: String, _ program: Program) {
        let state = program.state
        guard let deck = state.config.decks.first(where: { $0.id == deckID }) else { return }
        let sheet = PreparationSheet(deck: deck, person: person, language: state.config.language, talks: store.loadAll().sessions)
        let path = (context.home.path as NSString).appendingPathComponent(PreparationSheet.fileName(person: sheet.person, now: Date()))
        do {
            try PrivateFile.write(sheet.markdown(), to: path, overwrite: true)
            program.send(.preparationWritten(path: path))
        } catch {
            program.send(.failed(describe(error, state.text)))
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
}
