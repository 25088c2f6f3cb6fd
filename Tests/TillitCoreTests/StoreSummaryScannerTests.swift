import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore

/// The listing's fast path must read exactly what `JSONDecoder` reads, or step aside.
@Suite("Store: the listing's summary scanner agrees with JSONDecoder")
struct StoreSummaryScannerTests {
    func scanned(_ data: Data) -> SessionSummary? {
        data.withUnsafeBytes { raw in SummaryScanner.record(raw.bindMemory(to: UInt8.self))?.summary(path: "p") }
    }

    func decoded(_ data: Data) -> SessionSummary? {
        (try? SessionStore.decoder().decode(SummaryRecord.self, from: data))?.summary(path: "p")
    }

    func file(_ talk: Session) throws -> Data { try SessionStore.encoder().encode(talk) }

    /// Text with what JSON must escape, what it may leave, and what needs two UTF-16 units.
    static let awkward = ["Kari «æøå»", "\"sitat\" \\ / \u{7}\u{1F}\u{7F}", "linje\nlinje\r\n\tfane", "😀 👩🏽‍💼 𝄞", "\u{2028}\u{200F}", "", " "]

    @Test func everyFileTheStoreWritesTakesTheFastPathAndReadsTheSame() throws {
        var random = SeededGenerator(seed: 2026)
        for round in 0..<60 {
            var talk = round % 2 == 0
                ? try SessionFixture.oneOnOne(id: "talk-\(round)", now: SessionFixture.t0 + Double(round) * 3_600)
                : try SessionFixture.team(id: "team-\(round)", title: Self.awkward.randomElement(using: &random)!,
                                          anonymous: round % 4 == 1)
            talk.participants = talk.participants.map {
                Participant(id: $0.id, name: Self.awkward.randomElement(using: &random)! + $0.name, role: Role.allCases.randomElement(using: &random)!)
            }
            for index in talk.cards.indices where Bool.random(using: &random) {
                try talk.apply(.jump(to: index), now: SessionFixture.t0)
                if talk.cards[index].answer.takesText, !talk.participants.isEmpty {
                    try talk.apply(.setText(participant: talk.participants[0].id, text: Self.awkward.randomElement(using: &random)!), now: SessionFixture.t0)
                }
                if Bool.random(using: &random) { try talk.apply(.park, now: SessionFixture.t0) }
            }
            try talk.apply(.setNotes(Self.awkward.joined()), now: SessionFixture.t0)
            if round % 3 == 0 { try talk.apply(.finish, now: SessionFixture.t0 + 1_000_000) }
            let data = try file(talk)
            let fast = try #require(scanned(data), "round \(round): our own file must take the fast path")
            #expect(fast == decoded(data), "round \(round)")
            #expect(fast.participants == talk.participants && fast.title == talk.title)
            #expect(fast.handledCount == talk.handledCount && fast.finishedAt == talk.finishedAt)
        }
    }

    @Test func handWrittenJSONReadsTheSameOrStepsAside() throws {
        let compact = """
            {"updatedAt":"2026-11-23T20:00:00Z","id":"x","schemaVersion":1,"kind":"team","title":"T\\u00e6am \\ud83d\\ude00 \\/ \\"n\\"",\
            "language":"da","participants":[],"decks":[{"title":"?","id":"d","version":2}],"extra":{"a":[1,-2.5e3,true,null]},\
            "cards":[{"status":"parked"},{"status":"open","responses":[]}],"createdAt":"2000-02-29T23:59:59Z","finishedAt":null}
            """
        let fast = try #require(scanned(Data(compact.utf8)))
        #expect(fast == decoded(Data(compact.utf8)))
        #expect(fast.title == "Tæam 😀 / \"n\"" && fast.handledCount == 1 && fast.cardCount == 2 && fast.finishedAt == nil)
        #expect(fast.createdAt == Date(timeIntervalSince1970: 951_868_799))

        // Forms the fast path leaves to JSONDecoder, whatever it makes of them.
        for unusual in [
            compact.replacingOccurrences(of: "\"2000-02-29T23:59:59Z\"", with: "\"2000-02-29T23:59:59.5Z\""),
            compact.replacingOccurrences(of: "\"2000-02-29T23:59:59Z\"", with: "\"2000-02-29T23:59:59+01:00\""),
            compact.replacingOccurrences(of: "\"2000-02-29T23:59:59Z\"", with: "\"2001-02-29T23:59:59Z\""),
            compact.replacingOccurrences(of: "\"schemaVersion\":1", with: "\"schemaVersion\":1.0"),
            compact.replacingOccurrences(of: "\\ud83d\\ude00", with: "\\ud83d"),
            compact.replacingOccurrences(of: "\"status\":\"parked\"", with: "\"status\":\"lost\""),
            compact.replacingOccurrences(of: "\"kind\":\"team\",", with: ""),
            compact + " x",
            compact.replacingOccurrences(of: "\"id\":\"x\",", with: "\"id\":\"x\",\"id\":\"y\","),
            compact.replacingOccurrences(of: "{\"status\":\"parked\"}", with: "{\"status\":\"parked\",\"status\":\"open\"}"),
        ] {
            #expect(scanned(Data(unusual.utf8)) == nil, "\(unusual)")
        }
    }

    @Test func everyCutOffFileIsLeftToTheDecoder() throws {
        let data = try file(try SessionFixture.oneOnOne())
        for length in 0..<data.count {
            let prefix = data.prefix(length)
            if scanned(prefix) != nil || decoded(prefix) != nil {
                Issue.record("a file cut at \(length) of \(data.count) bytes was read as a talk")
                return
            }
        }
        #expect(scanned(data) != nil)
    }

    @Test func aDamagedByteIsNeverReadDifferentlyFromTheDecoder() throws {
        var talk = try StoreFixture.fullTalk()
        talk.title = "«Team» 😀"
        let original = try file(talk)
        var random = SeededGenerator(seed: 99)
        var fastPaths = 0
        for _ in 0..<3_000 {
            var data = original
            for _ in 0...Int.random(in: 0...2, using: &random) {
                let position = Int.random(in: 0..<data.count, using: &random)
                let bytes: [UInt8] = [0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0x30, 0x61, 0x20, 0x0A, 0xC3, 0xFF, 0x00]
                data[position] = Bool.random(using: &random) ? bytes.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            }
            guard let fast = scanned(data) else { continue }
            fastPaths += 1
            let reference = decoded(data)
            if fast != reference {
                Issue.record("fast path \(fast) but JSONDecoder \(String(describing: reference)) for \(String(decoding: data, as: UTF8.self))")
                return
            }
        }
        #expect(fastPaths > 200, "many damaged files still hit the fast path and were compared")
    }
}
