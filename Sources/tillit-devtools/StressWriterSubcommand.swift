import ArgumentParser
import Foundation
import TillitCore
import TillitStore

/// A writer for the store's fault tests: it opens (or starts) a talk, then
/// writes an answer and saves, over and over, printing `saved N` after each
/// save that returned. The tests kill it with SIGKILL at random moments and
/// check that every reported save is still on disk.
struct StressWriterSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress-writer", abstract: "Save a talk over and over (for the store's fault tests).")

    static let cardCount = 20

    @OptionGroup var options: DevOptions
    @Option(help: "The talk to write.") var id: String
    @Option(help: "Stop after this many saves (default: never).") var count: Int?
    @Option(help: "Limit the size of files this process may write (setrlimit RLIMIT_FSIZE), in bytes.")
    var fileSizeLimit: Int?

    func run() throws {
        let store = SessionStore(home: options.tillitHome)
        let lock: SessionLock
        do { lock = try store.lock(id: id) } catch { throw fail(error.description) }
        defer { lock.release() }
        var session: Session
        do {
            session = try store.load(id: id)
        } catch .notFound {
            session = try Self.newTalk(id: id)
        } catch {
            throw fail(error.description)
        }
        if let fileSizeLimit {
            var limit = rlimit(rlim_cur: rlim_t(fileSizeLimit), rlim_max: rlim_t(fileSizeLimit))
            guard setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0 else { throw fail("setrlimit failed") }
        }
        var number = Int(session.notes) ?? 0
        var saves = 0
        while count.map({ saves < $0 }) ?? true {
            number += 1
            let now = Date()
            try session.apply(.jump(to: number % session.cards.count), now: now)
            try session.apply(.setText(participant: "p1", text: Self.answer(number)), now: now)
            try session.apply(.setNotes(String(number)), now: now)
            do { try store.save(session) } catch { throw fail(error.description) }
            saves += 1
            FileHandle.standardOutput.write(Data("saved \(number)\n".utf8))
        }
    }

    /// The answer the writer leaves on card `number % cardCount` with save `number`.
    static func answer(_ number: Int) -> String { "svar \(number): æøå — \(String(repeating: "ord ", count: 20))" }

    static func newTalk(id: String) throws -> Session {
        let cards = (1...cardCount).map { Card(id: "kort-\($0)", prompt: LocalizedText([.nb: "Spørsmål \($0)?"])) }
        let deck = Deck(id: "stress", title: LocalizedText([.nb: "Stress"]), cards: cards)
        let setup = TalkSetup(kind: .oneOnOne, language: .nb,
                              participants: [Participant(id: "p1", name: "Kari", role: .leader),
                                             Participant(id: "p2", name: "Ola", role: .employee)],
                              deckIDs: ["stress"])
        return try Session.start(setup, decks: [deck], id: id, now: Date())
    }
}
