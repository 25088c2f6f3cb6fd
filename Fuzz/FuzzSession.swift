// libFuzzer entry point for the session decoder: any bytes, as a talk file.
// Decoded with the store's JSONDecoder, then loaded through SessionStore.load
// from a real file (which also checks the schema and clamps the card index),
// and what loads is used the way tillit uses a talk it opens: every command of
// the engine, the screens (card, presentation, summary, transcript) with keys,
// a save and a load again, the listing, and the Markdown export. A talk that
// only JSONDecoder read (not the store, which checks its numbers) goes through
// the engine's commands alone: nothing in tillit shows, exports or counts a
// talk that the store did not load.
// Built by scripts/fuzz with -sanitize=fuzzer,address.
import Foundation
import TillitCore
import TillitUI

let fuzzHome: String = {
    let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("tillit-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(atPath: path + "/sessions", withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: (NSTemporaryDirectory() as NSString).appendingPathComponent("tillit-fuzz-\(getpid())")) }
    return path
}()

let fuzzID = "2026-11-23-1934-f022"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSession(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    if let decoded = try? SessionStore.decoder().decode(Session.self, from: bytes) {
        exercise(decoded, derived: false)
    }
    let store = SessionStore(home: TillitHome(path: fuzzHome))
    guard let path = try? store.path(for: fuzzID), (try? bytes.write(to: URL(fileURLWithPath: path))) != nil else { return 0 }
    _ = store.list()
    if let loaded = try? store.load(id: fuzzID) {
        exercise(loaded, derived: true)
        show(loaded)
        var changed = loaded
        changed.notes += "."
        if (try? store.save(changed)) != nil {
            let again = try? store.load(id: fuzzID)
            precondition(again?.notes == changed.notes, "a saved talk must load with what was saved")
        }
    }
    unlink(path)
    return 0
}

/// Everything the engine can be asked to do with a talk; with `derived`, also
/// what the screens, trends and the export compute from it, and the export.
func exercise(_ session: Session, derived: Bool) {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let participant = session.participants.first?.id ?? "p1"
    let value = session.currentCard?.scaleMin ?? 1
    let commands: [TalkCommand] = [
        .next, .previous, .jump(to: 0), .jump(to: session.cards.count - 1),
        .setText(participant: participant, text: "tekst æøå"), .setRating(participant: participant, rating: value),
        .addVote(value: value, participant: nil), .addVote(value: value, participant: participant),
        .removeVote(value: value), .skip, .park, .reopenCard,
        .addAction(id: "fuzz-a1", text: "gjøre", owner: "Ola", due: "2030-01-01", onCurrentCard: true),
        .editAction(id: "fuzz-a1", text: "gjøre mer", owner: "Kari", due: nil),
        .setActionDone(id: "fuzz-a1", done: true), .removeAction(id: "fuzz-a1"),
        .resolveCarried(id: session.carriedOver.first?.id ?? "x", outcome: .done),
        .setNotes("notat"), .setPrivateNotes("privat"), .checkpoint, .finish, .reopen,
    ]
    var copy = session
    for command in commands {
        let before = copy
        do { try copy.apply(command, now: now) } catch {
            precondition(copy == before, "a command that fails must leave the talk as it was")
        }
    }
    _ = try? SessionStore.encoder().encode(copy)
    guard derived else { return }
    _ = session.handledCount
    _ = session.answeredCount
    _ = session.actionsToCarryOn
    _ = session.continuityKey
    for card in session.cards {
        _ = card.ratingCounts
        _ = card.ratingMean
        _ = card.scaleRange
        _ = card.hasContent
    }
    _ = MarkdownExporter.render(session, includePrivate: true)
    _ = MarkdownExporter.render(copy, includePrivate: false)
}

/// The screens of an open talk, at two sizes, with the keys of a talk.
func show(_ session: Session) {
    let config = AppConfig(language: .nb, colorEnabled: true, decks: [], dataFolder: fuzzHome,
                           timeZone: TimeZone(identifier: "UTC")!)
    let keys: [Key] = [.right, .character("4"), .tab, .character("3"), .backspace, .character("h"), .character("p"),
                       .character(" "), .character("p"), .enter, .character("x"), .escape, .character("m"),
                       .character("s"), .character("f"), .down, .enter, .left, .character("?"), .escape]
    for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
        for readOnly in [false, true] {
            var state = AppState(config: config, size: size, now: Date(timeIntervalSince1970: 1_800_000_000))
            if readOnly { state.screen = .history }
            _ = update(&state, .talkOpened(session, path: fuzzHome + "/sessions/\(fuzzID).json", readOnly: readOnly))
            _ = view(state)
            for key in keys {
                _ = update(&state, .key(key))
                _ = view(state)
            }
            _ = update(&state, .tick(Date(timeIntervalSince1970: 1_800_000_100)))
            _ = view(state)
        }
    }
}
