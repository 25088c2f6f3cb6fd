import Foundation
import PropertyBased
import Testing
@testable import TillitCore
@testable import TillitStore

/// Random sequences of moves and edits, generated and shrunk by PropertyBased.
/// After every step the talk is written as the store writes it and read back:
/// the round trip must give the talk in memory, no saved word or rating may go
/// missing unless a command took it away, a command that fails changes
/// nothing, and status and counts agree with each other.
@Suite("Session engine, property-based")
struct SessionPropertyTests {
    /// Whole seconds, so dates survive ISO-8601 in the file unchanged.
    static let t0 = Date(timeIntervalSince1970: 1_795_464_000)
    static let texts = ["", "Ja", "Vi må snakke om turnusen – æøå", "Mer tid med brukerne 🙂", "  mellomrom  ",
                        "linje 1\nlinje 2", "\u{1B}[2J rått", String(repeating: "ord ", count: 60)]
    static let scale = Scale(min: 1, max: 5, low: LocalizedText([.nb: "lite", .en: "little"]),
                             high: LocalizedText([.nb: "mye", .en: "much"]))
    static let deck = Deck(id: "egenskap", title: LocalizedText([.nb: "Egenskap", .en: "Property"]), cards: [
        Card(id: "tekst", prompt: LocalizedText([.nb: "Hva?", .en: "What?"])),
        Card(id: "skala", prompt: LocalizedText([.nb: "Hvor mye?", .en: "How much?"]), answer: .scale(scale)),
        Card(id: "begge", prompt: LocalizedText([.nb: "Hvor mye, og hvorfor?", .en: "How much, and why?"]),
             answer: .textAndScale(Scale(min: 0, max: 9, low: LocalizedText([:]), high: LocalizedText([:])))),
        Card(id: "mer-tekst", prompt: LocalizedText([.nb: "Og så?", .en: "And then?"])),
    ])

    /// One of three kinds of talk, from the first number of a case.
    static func talk(_ kind: Int) throws -> Session {
        let setup: TalkSetup
        switch kind % 3 {
        case 0:
            setup = TalkSetup(kind: .oneOnOne, language: .nb,
                              participants: [Participant(id: "p1", name: "Kari", role: .leader),
                                             Participant(id: "p2", name: "Ola Ødegård", role: .employee)],
                              deckIDs: ["egenskap"])
        case 1:
            setup = TalkSetup(kind: .team, title: "Solsiden", language: .nb,
                              participants: [Participant(id: "p1", name: "Laget", role: .facilitator),
                                             Participant(id: "p2", name: "Åse", role: .member),
                                             Participant(id: "p3", name: "Bjørn", role: .member)],
                              deckIDs: ["egenskap"])
        default:
            setup = TalkSetup(kind: .team, title: "Anonyme", language: .en,
                              participants: [Participant(id: "p1", name: "Facilitator", role: .facilitator)],
                              deckIDs: ["egenskap"], shuffle: true, seed: 7, anonymous: true, timerSeconds: 120)
        }
        return try Session.start(setup, decks: [deck], id: "2026-11-23-1934-0e0e", now: t0)
    }

    /// A command from a number: the low digits choose the kind, the rest its
    /// arguments, so shrinking a number simplifies the command too. Some are
    /// out of range on purpose (card -1, participant p9, rating 11).
    static func command(_ n: Int, cards: Int) -> TalkCommand {
        let kind = n % 19, rest = n / 19
        let participant = ["p1", "p2", "p3", "p9"][rest % 4]
        let rating = (rest / 4) % 13 - 1
        let text = texts[(rest / 4) % texts.count]
        let actionID = "a\(rest % 3)"
        switch kind {
        case 0, 1: return .next
        case 2: return .previous
        case 3: return .jump(to: rest % (cards + 2) - 1)
        case 4, 5, 6: return .setText(participant: participant, text: text)
        case 7: return .setRating(participant: participant, rating: rest % 7 == 0 ? nil : rating)
        case 8: return .addVote(value: rating, participant: rest % 2 == 0 ? nil : participant)
        case 9: return .removeVote(value: rating)
        case 10: return .skip
        case 11: return .park
        case 12: return .reopenCard
        case 13: return .addAction(id: actionID, text: text, owner: participant, due: rest % 2 == 0 ? nil : "2030-12-15",
                                   onCurrentCard: rest % 3 != 0)
        case 14: return [.editAction(id: actionID, text: text, owner: "Ola", due: nil),
                         .setActionDone(id: actionID, done: rest % 2 == 0), .removeAction(id: actionID)][rest % 3]
        case 15: return rest % 2 == 0 ? .setNotes(text) : .setPrivateNotes(text)
        case 16: return .finish
        case 17: return .reopen
        default: return .checkpoint
        }
    }

    /// What the words and ratings should be, kept beside the engine by the
    /// plain rules: a text or rating changes only by a command that sets it.
    struct Model {
        var texts: [String: String] = [:]    // "card/participant" → text
        var ratings: [String: Int] = [:]

        mutating func record(_ command: TalkCommand, before: Session, after: Session) {
            let card = before.currentIndex
            switch command {
            case .setText(let participant, let text):
                texts["\(card)/\(participant)"] = text.isEmpty ? nil : text
            case .setRating(let participant, let rating):
                ratings["\(card)/\(participant)"] = rating
            case .addVote(let value, let participant?) where !before.anonymous:
                ratings["\(card)/\(participant)"] = value
            case .removeVote(let value):
                // A named vote is taken back only when no anonymous one of that value was there.
                if (before.cards[card].anonymousVotes?[value] ?? 0) == 0,
                   let response = before.cards[card].responses.last(where: { $0.rating == value }) {
                    ratings["\(card)/\(response.participant)"] = nil
                }
            default:
                break
            }
        }

        func check(_ session: Session, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
            for (index, card) in session.cards.enumerated() {
                for response in card.responses {
                    #expect(texts["\(index)/\(response.participant)"] ?? "" == response.text,
                            "card \(index), \(response.participant): text; \(context)", sourceLocation: sourceLocation)
                    #expect(ratings["\(index)/\(response.participant)"] == response.rating,
                            "card \(index), \(response.participant): rating; \(context)", sourceLocation: sourceLocation)
                }
            }
            for (key, text) in texts {
                let parts = key.split(separator: "/")
                let response = session.cards[Int(parts[0])!].response(of: String(parts[1]))
                #expect(response?.text == text, "\(key) lost its text; \(context)", sourceLocation: sourceLocation)
            }
            for (key, rating) in ratings {
                let parts = key.split(separator: "/")
                let response = session.cards[Int(parts[0])!].response(of: String(parts[1]))
                #expect(response?.rating == rating, "\(key) lost its rating; \(context)", sourceLocation: sourceLocation)
            }
        }
    }

    /// Status and counts that must agree whatever happened.
    static func checkConsistent(_ session: Session, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(session.cards.indices.contains(session.currentIndex), "current card; \(context)", sourceLocation: sourceLocation)
        let statuses = Dictionary(grouping: session.cards, by: \.status).mapValues(\.count)
        #expect(session.handledCount == session.cards.count - (statuses[.open] ?? 0), "\(context)", sourceLocation: sourceLocation)
        #expect(session.answeredCount == statuses[.answered] ?? 0, "\(context)", sourceLocation: sourceLocation)
        for (index, card) in session.cards.enumerated() {
            if card.status == .answered {
                #expect(card.hasContent, "card \(index) is answered with nothing on it; \(context)", sourceLocation: sourceLocation)
            }
            if card.hasContent {
                #expect(card.status != .open, "card \(index) has content but is open; \(context)", sourceLocation: sourceLocation)
            }
            #expect(!card.responses.contains { $0.isEmpty }, "an empty response is kept; \(context)", sourceLocation: sourceLocation)
            #expect(Set(card.responses.map(\.participant)).count == card.responses.count,
                    "two responses from one person; \(context)", sourceLocation: sourceLocation)
            #expect(card.responses.allSatisfy { session.participant(id: $0.participant) != nil }, "\(context)", sourceLocation: sourceLocation)
            if let range = card.scaleRange {
                #expect(card.ratingCounts.keys.allSatisfy(range.contains), "a rating off the scale; \(context)", sourceLocation: sourceLocation)
            } else {
                #expect(card.ratingCount == 0, "a rating on a text card; \(context)", sourceLocation: sourceLocation)
            }
            if session.anonymous { #expect(card.responses.allSatisfy { $0.rating == nil }, "\(context)", sourceLocation: sourceLocation) }
        }
        #expect(Set(session.actions.map(\.id)).count == session.actions.count, "duplicate action ids; \(context)", sourceLocation: sourceLocation)
        #expect(session.actions.allSatisfy { !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }, "\(context)",
                sourceLocation: sourceLocation)
    }

    /// The file's round trip, as `SessionStore.save` and `load` do it.
    static func roundTrip(_ session: Session) throws -> Session {
        var data = try SessionStore.encoder().encode(session)
        data.append(0x0A)
        var loaded = try SessionStore.decodeSession(data, path: "memory", id: session.id)
        // Not in the file on purpose: time away from the talk is not time on a card.
        loaded.timingSince = session.timingSince
        return loaded
    }

    @Test func randomMovesAndEditsNeverLoseASavedResponse() async throws {
        await propertyCheck(count: 150, input: Gen.int(in: 0...2), Gen.int(in: 0...100_000).array(of: 1...60)) { kind, steps in
            var session = try Self.talk(kind)
            var model = Model()
            for (step, number) in steps.enumerated() {
                let now = Self.t0.addingTimeInterval(Double(step + 1) * 7)
                let command = Self.command(number, cards: session.cards.count)
                let context = "kind \(kind), step \(step): \(command)"
                let before = session
                do {
                    try session.apply(command, now: now)
                    model.record(command, before: before, after: session)
                } catch {
                    #expect(session == before, "a failed command changed the talk; \(context)")
                }
                let loaded = try Self.roundTrip(session)
                #expect(loaded == session, "the file does not hold the talk in memory; \(context)")
                model.check(loaded, context)
                Self.checkConsistent(loaded, context)
            }
        }
    }

    /// The real store at the end of each sequence: a save, a load, and the
    /// listing's summary agree with the talk in memory.
    @Test func theStoreKeepsWhatTheEngineDid() async throws {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("tillit-property-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = SessionStore(home: TillitHome(path: folder))
        await propertyCheck(count: 40, input: Gen.int(in: 0...2), Gen.int(in: 0...100_000).array(of: 1...40)) { kind, steps in
            var session = try Self.talk(kind)
            for (step, number) in steps.enumerated() {
                try? session.apply(Self.command(number, cards: session.cards.count), now: Self.t0.addingTimeInterval(Double(step)))
                if step % 10 == 9 { try store.save(session) }
            }
            try store.save(session)
            var loaded = try store.load(id: session.id)
            loaded.timingSince = session.timingSince
            #expect(loaded == session)
            let summary = try #require(store.list().summaries.first { $0.id == session.id })
            #expect(summary.handledCount == session.handledCount)
            #expect(summary.cardCount == session.cards.count)
            #expect(summary.isFinished == session.isFinished)
        }
    }
}
