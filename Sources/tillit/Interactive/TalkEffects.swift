import Foundation
import MinutesSeal
import TillitCore
import TillitUI
import TillitStore

/// Performs every effect the screens ask for, each through its handler:
/// saving (`TalkSaver`), loading (`TalkLoader`), export (`TalkExporter`) and
/// the voting room (`RoomLink`). Quitting and the bell need the terminal, so
/// they are left for the loop (`TalkRunner`) to take up after the message.
final class TalkEffects: EffectPerformer {
    let saver: TalkSaver
    let loader: TalkLoader
    let exporter: TalkExporter
    let room: RoomLink
    /// Set by `.quit`; the loop leaves once the message is through.
    private(set) var quitRequested = false
    /// Set by `.bell`; the loop rings and clears it.
    var bellRequested = false
    /// Open the voting room as soon as the first card is on screen (`TalkSetup.votesFromPhones`:
    /// `tillit start --room`, or the setup form's "Votes from phones").
    var roomAtStart = false

    init(context: AppContext, store: SessionStore, catalog: DeckCatalog, room: RoomSettings) {
        saver = TalkSaver(store: store)
        loader = TalkLoader(context: context, store: store, catalog: catalog, saver: saver)
        exporter = TalkExporter(store: store)
        self.room = RoomLink(settings: room)
    }

    func perform(_ effect: Effect, in program: Program) {
        switch effect {
        case .loadSessions:
            loader.loadSessions(program)
        case .startTalk(let setup):
            do {
                try loader.start(setup, program)
                // As with `tillit start --room`: the room opens right after the card's first frame.
                roomAtStart = setup.votesFromPhones
            } catch {
                program.send(.failed(describe(error, program.state.text)))
            }
        case .openTalk(let id, let readOnly):
            do {
                if readOnly { try loader.openReadOnly(id: id, program) } else { try loader.openForWriting(id: id, program) }
            } catch {
                program.send(.failed(describe(error, program.state.text)))
            }
        case .exportTalk(let id):
            exporter.export(id: id, program)
        case .deleteTalk(let id):
            loader.delete(id: id, program)
        case .loadTrends(let deckID, let team, let participant):
            loader.loadTrends(deckID: deckID, team: team, participant: participant, program)
        case .loadCleanup:
            loader.loadCleanup(program)
        case .closeTalk:
            saver.saveIfNeeded(program, typing: false, now: Date(), force: true)
            // A failed save keeps the talk open, its words on screen and the failure shown.
            guard program.state.saveFailure == nil else { return }
            loader.close()
            program.send(.talkClosed)
        case .openRoom:
            if let failure = room.open(language: program.state.talk?.session.language ?? program.state.config.language,
                                       invitation: program.state.talk.flatMap { RoomInvitation(for: $0.session) }) {
                program.send(failure)
            }
        case .closeRoom:
            room.close()
        case .revealRoomAnswers:
            room.revealAnswers()
        case .loadPreviousMeeting(let talk):
            loader.loadPreviousMeeting(of: talk, program)
        case .rememberLanguage(let language):
            loader.rememberLanguage(language, program)
        case .rememberPrivateNotesDays(let days):
            loader.rememberPrivateNotesDays(days, program)
        case .writePreparation(let deckID, let person):
            loader.writePreparation(deckID: deckID, person: person, program)
        case .fingerprintMinutes(let text):
            program.send(.minutesFingerprinted(MinutesFingerprint.sha256(text), text: text))
        case .openPage(let path):
            if !PageOpener.open(path) { program.send(.pageNotOpened(path: path)) }
        case .bell:
            bellRequested = true
        case .quit:
            quitRequested = true
        }
    }
}
