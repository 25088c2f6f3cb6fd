import Foundation
import TillitCore
import TillitStore

/// Whether a talk runs in plain line mode: when asked for with `--plain`, and on
/// a terminal that says it cannot draw screens (`TERM=dumb`, and only that).
func wantsPlainMode(_ flag: Bool, _ context: AppContext) -> Bool {
    flag || context.environment["TERM"] == "dumb"
}

/// Opens a talk with `open` (start or resume) and holds it in plain line mode
/// on stdin and stdout. Needs no terminal: stdin may be a pipe or a file.
/// Returns the exit code.
func runPlain(_ context: AppContext, catalog: DeckCatalog, room: RoomSettings = RoomSettings(), openRoom: Bool = false,
              open: (TalkOpener) throws -> (Session, String)) throws -> Int32 {
    let store = SessionStore(home: context.home)
    let opener = TalkOpener(store: store, catalog: catalog)
    defer { opener.release() }
    let talk: (session: Session, path: String)
    do { talk = try open(opener) } catch { throw fail(describe(error, context)) }
    let runner = PlainRunner(store: store, catalog: catalog, language: context.language,
                             session: talk.session, path: talk.path, room: room)
    runner.openRoomAtStart = openRoom && talk.session.kind == .team
    return runner.run()
}
