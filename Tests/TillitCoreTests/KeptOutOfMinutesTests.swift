import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore
@testable import TillitPlain

/// An answer its writer keeps out of the minutes (`u`, `:keep-out`): in the talk
/// file and on screen, in no export, whatever the flags; the minutes say how many.
@Suite("Kept out of the minutes")
struct KeptOutOfMinutesTests {
    typealias F = SessionFixture
    static let secret = "Jeg vurderer å søke meg bort"

    /// Ola's answer on card 0 kept out, Kari's in; Ola's rating on card 1 kept out.
    static func talk() throws -> Session {
        var talk = try F.oneOnOne()
        try talk.run(.setText(participant: "p1", text: "Vi snakket om turnus."),
                     .setText(participant: "p2", text: secret), .keepOut(participant: "p2", keptOut: true),
                     .jump(to: 1), .setRating(participant: "p1", rating: 4), .setRating(participant: "p2", rating: 1),
                     .keepOut(participant: "p2", keptOut: true), .finish)
        return talk
    }

    @Test func theMarkIsInTheFileOnlyWhenSet() throws {
        let talk = try Self.talk()
        let json = String(decoding: try SessionStore.encoder().encode(talk), as: UTF8.self)
        #expect(json.contains(Self.secret), "kept in the talk file")
        #expect(json.components(separatedBy: "\"keptOut\" : true").count - 1 == 2)
        #expect(!json.contains("\"keptOut\" : false"), "files without the mark read and write as before")
        let back = try SessionStore.decodeSession(Data(json.utf8), path: "x.json", id: talk.id)
        #expect(back.cards[0].response(of: "p2")?.keptOut == true && back.cards[0].response(of: "p1")?.keptOut == false)
    }

    @Test(arguments: [false, true])
    func noExportCarriesAKeptOutAnswerWhateverTheFlags(includePrivate: Bool) throws {
        let talk = try Self.talk()
        let markdown = MarkdownExporter.render(talk, includePrivate: includePrivate, timeZone: .gmt)
        #expect(!markdown.contains(Self.secret))
        #expect(markdown.contains("Vi snakket om turnus."))
        #expect(markdown.contains("2 svar er holdt utenfor referatet etter ønske fra dem som ga dem."))
        #expect(!markdown.contains("vurdering 1 av 5"), "the kept-out rating is out too")
        #expect(markdown.contains("vurdering 4 av 5"))
        let json = try talk.exportJSON(includePrivate: includePrivate)
        #expect(!json.contains(Self.secret))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["keptOutOfMinutes"] as? Int == 2)
        let cards = try #require(object["cards"] as? [[String: Any]])
        #expect((cards[1]["responses"] as? [[String: Any]])?.compactMap { $0["rating"] as? Int } == [4])
    }

    @Test func oneKeptOutIsSaidInTheSingularAndNoneIsNotSaid() throws {
        var talk = try Self.talk()
        try talk.run(.reopen, .jump(to: 1), .keepOut(participant: "p2", keptOut: false))
        #expect(MarkdownExporter.render(talk, includePrivate: false, timeZone: .gmt)
            .contains("Ett svar er holdt utenfor referatet etter ønske fra den som ga det."))
        try talk.run(.jump(to: 0), .keepOut(participant: "p2", keptOut: false))
        let markdown = MarkdownExporter.render(talk, includePrivate: false, timeZone: .gmt)
        #expect(markdown.contains(Self.secret) && !markdown.contains("utenfor referatet"))
        #expect(try !talk.exportJSON(includePrivate: false).contains("keptOutOfMinutes"))
    }

    @Test func aFieldCanBeMarkedBeforeAWordIsWrittenAndAFinishedTalkIsNotChanged() throws {
        var talk = try F.oneOnOne()
        try talk.run(.keepOut(participant: "p2", keptOut: true))
        #expect(talk.cards[0].response(of: "p2")?.keptOut == true)
        #expect(talk.cards[0].status == .open, "a mark alone is no answer")
        try talk.run(.setText(participant: "p2", text: Self.secret))
        #expect(talk.cards[0].response(of: "p2")?.keptOut == true)
        try talk.run(.finish)
        #expect(throws: TalkError.finished) { try talk.apply(.keepOut(participant: "p2", keptOut: false), now: F.t0) }
    }
}

/// `:keep-out` and `:keep-in` in plain mode: the answer of whoever writes now.
struct PlainKeepOutTests {
    @Test func keepOutMarksTheCurrentWritersAnswerAndKeepInTakesItBack() throws {
        let t = Localizer(.nb)
        var talk = PlainTalkTests.talk(try SessionFixture.oneOnOne())
        _ = talk.handle(PlainInput(line: ":next-person"), now: SessionFixture.t0)
        _ = talk.handle(PlainInput(line: KeptOutOfMinutesTests.secret), now: SessionFixture.t0)
        #expect(talk.handle(PlainInput(line: ":keep-out"), now: SessionFixture.t0).lines == [t(.plainKeptOut, "Ola")])
        #expect(talk.session.cards[0].response(of: "p2")?.keptOut == true)
        #expect(talk.session.cards[0].response(of: "p1") == nil, "Kari's answer is not touched")
        _ = talk.handle(PlainInput(line: ":next"), now: SessionFixture.t0)
        #expect(talk.handle(PlainInput(line: ":back"), now: SessionFixture.t0).lines.contains("Ola (ikke i referatet) har skrevet:"))
        _ = talk.handle(PlainInput(line: ":next-person"), now: SessionFixture.t0)  // a new card starts with the first person
        #expect(talk.handle(PlainInput(line: ":keep-in"), now: SessionFixture.t0).lines == [t(.plainKeptIn, "Ola")])
        #expect(talk.session.cards[0].response(of: "p2")?.keptOut == false)
        var team = PlainTalkTests.talk(try SessionFixture.team(anonymous: false))
        #expect(team.handle(PlainInput(line: ":keep-out"), now: SessionFixture.t0).lines == [t(.plainKeepOutOneOnOne)])
    }
}
