// libFuzzer entry point for the session decoder: any bytes, as a talk file.
// Decoded with the store's JSONDecoder, then loaded through SessionStore.load
// from a real file (which also checks the schema and clamps the card index),
// and what loads is used the way tillit uses a talk it opens: every command of
// the engine, a save and a load again, the listing, and the Markdown export.
// Built by scripts/fuzz with -sanitize=fuzzer,address.
import Foundation
import TillitCore

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
        exercise(decoded)
    }
    let store = SessionStore(home: TillitHome(path: fuzzHome))
    guard let path = try? store.path(for: fuzzID), (try? bytes.write(to: URL(fileURLWithPath: path))) != nil else { return 0 }
    _ = store.list()
    if let loaded = try? store.load(id: fuzzID) {
        exercise(loaded)
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

/// Everything the engine and the export can be asked to do with a talk.
func exercise(_ session: Session) {
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
    _ = MarkdownExporter.render(session, includePrivate: true)
    _ = MarkdownExporter.render(copy, includePrivate: false)
    _ = try? SessionStore.encoder().encode(copy)
}
