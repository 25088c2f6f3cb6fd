import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore

/// A talk file written before records were typed (`answer` and the vote keys
/// were strings in the code) reads into the typed record and is written back
/// byte for byte as it was: the file format did not change.
struct TalkFileFormatTests {
    /// An anonymous team talk written by the tillit of 2 December 2026, with votes on two cards.
    static let oldFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/team-talk-before-typed-votes.json")

    @Test func anOldFileReadsIntoTypesAndIsWrittenBackUnchanged() throws {
        let data = try Data(contentsOf: Self.oldFile)
        let session = try SessionStore.decodeSession(data, path: Self.oldFile.path, id: "2026-12-02-1730-ab2a")
        #expect(session.cards[0].answer == .text)
        #expect(session.cards[1].answer == .scale)
        #expect(session.cards[1].anonymousVotes == [2: 1, 4: 2])
        #expect(session.cards[1].ratingCounts == [2: 1, 4: 2] && session.cards[1].ratingCount == 3)
        #expect(session.cards[2].anonymousVotes == [5: 1])
        let written = try SessionStore.encoder().encode(session)
        #expect(String(decoding: written, as: UTF8.self).trimmingCharacters(in: .newlines)
                == String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines))
    }

    @Test func votesAreWrittenWithTheValueAsTheKey() throws {
        var session = try SessionStore.decodeSession(Data(contentsOf: Self.oldFile), path: Self.oldFile.path, id: "2026-12-02-1730-ab2a")
        try session.apply(.jump(to: 1), now: session.createdAt)
        try session.apply(.addVote(value: 3, participant: nil), now: session.createdAt)
        try session.apply(.removeVote(value: 4), now: session.createdAt)
        let json = try JSONSerialization.jsonObject(with: SessionStore.encoder().encode(session)) as! [String: Any]
        let card = (json["cards"] as! [[String: Any]])[1]
        #expect(card["anonymousVotes"] as? [String: Int] == ["2": 1, "3": 1, "4": 1])
        #expect(card["answer"] as? String == "scale")
    }

    @Test func everyAnswerFormKeepsItsSpellingAndAStrangeOneReadsAsText() throws {
        for (form, spelling) in [(AnswerForm.text, "text"), (.scale, "scale"), (.textAndScale, "text+scale")] {
            #expect(String(decoding: try JSONEncoder().encode([form]), as: UTF8.self) == "[\"\(spelling)\"]")
            #expect(try JSONDecoder().decode([AnswerForm].self, from: Data("[\"\(spelling)\"]".utf8)) == [form])
        }
        #expect(try JSONDecoder().decode([AnswerForm].self, from: Data("[\"drawing\"]".utf8)) == [.text])
    }
}
