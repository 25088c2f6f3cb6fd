import Foundation
import Testing
import MinutesSeal
@testable import TillitCore
@testable import TillitStore

/// Minutes both confirm: who confirms, what a confirmation keeps, what clears
/// it, and the block the exported minutes end with.
@Suite("Minutes both confirm")
struct MinutesConfirmationTests {
    typealias F = SessionFixture

    static func finished() throws -> Session {
        var talk = try F.oneOnOne()
        try talk.run(.setText(participant: "p1", text: "Vi snakket om turnus."), .finish)
        return talk
    }

    static func minutes(_ talk: Session) -> String { MarkdownExporter.render(talk, includePrivate: false, timeZone: .gmt) }

    @Test func sha256IsTheStandardOne() {
        // FIPS 180-2's examples, and the empty text.
        #expect(MinutesFingerprint.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(MinutesFingerprint.sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(MinutesFingerprint.sha256("æøå").count == 64)
    }

    @Test func bothConfirmInTurnAndTheTalkKeepsNamesTimesAndTheFingerprint() throws {
        var talk = try Self.finished()
        let print = MinutesFingerprint.sha256(Self.minutes(talk))
        #expect(talk.nextMinutesConfirmer?.name == "Kari")
        try talk.apply(.confirmMinutes(participant: "p1", fingerprint: print), now: F.t0.addingTimeInterval(60))
        #expect(!talk.minutesConfirmed && talk.nextMinutesConfirmer?.name == "Ola")
        try talk.apply(.confirmMinutes(participant: "p2", fingerprint: print), now: F.t0.addingTimeInterval(120))
        #expect(talk.minutesConfirmed && talk.minutesConfirmed(as: print) && !talk.minutesConfirmed(as: String(repeating: "0", count: 64)))
        #expect(talk.minutesConfirmations.map(\.name) == ["Kari", "Ola"])
        #expect(talk.minutesConfirmations.map(\.confirmedAt) == [F.t0.addingTimeInterval(60), F.t0.addingTimeInterval(120)])
        let json = String(decoding: try SessionStore.encoder().encode(talk), as: UTF8.self)
        #expect(json.contains("\"minutesFingerprint\" : \"\(print)\""))
        let back = try SessionStore.decodeSession(Data(json.utf8), path: "x.json", id: talk.id)
        #expect(back.minutesConfirmed(as: print))
    }

    @Test func confirmedMinutesCannotChangeAndReopeningClearsTheConfirmations() throws {
        var talk = try F.oneOnOne()
        try talk.run(.addAction(id: "a1", text: "Ny ukeplan", owner: "Ola", due: nil, onCurrentCard: false), .finish)
        let print = MinutesFingerprint.sha256(Self.minutes(talk))
        try talk.run(.confirmMinutes(participant: "p1", fingerprint: print))
        try talk.run(.setActionDone(id: "a1", done: true), .setActionDone(id: "a1", done: false))
        try talk.run(.confirmMinutes(participant: "p2", fingerprint: print))
        #expect(throws: TalkError.minutesConfirmed) { try talk.apply(.setActionDone(id: "a1", done: true), now: F.t0) }
        try talk.run(.next, .previous)
        #expect(talk.minutesConfirmed, "moving about changes nothing")
        try talk.run(.reopen)
        #expect(!talk.minutesConfirmed && talk.confirmations == nil && talk.minutesFingerprint == nil)
        try talk.run(.finish)
        #expect(talk.nextMinutesConfirmer?.name == "Kari", "finished again, to be confirmed again")
    }

    @Test func otherMinutesStartTheConfirmationsOver() throws {
        var talk = try Self.finished()
        try talk.run(.confirmMinutes(participant: "p1", fingerprint: String(repeating: "a", count: 64)),
                     .confirmMinutes(participant: "p2", fingerprint: String(repeating: "b", count: 64)))
        #expect(talk.minutesConfirmations.map(\.name) == ["Ola"], "Kari confirmed other minutes")
        #expect(!talk.minutesConfirmed)
    }

    @Test func anUnfinishedTalkCannotBeConfirmedAndATeamsFacilitatorConfirmsAlone() throws {
        var open = try F.oneOnOne()
        #expect(throws: TalkError.notFinished) { try open.apply(.confirmMinutes(participant: "p1", fingerprint: "x"), now: F.t0) }
        var team = try F.team(anonymous: true)
        team.participants.insert(Participant(id: "p9", name: "Åse", role: .facilitator), at: 0)
        try team.run(.finish)
        #expect(team.minutesConfirmers.map(\.name) == ["Åse"])
        #expect(throws: TalkError.noSuchParticipant("p1")) { try team.apply(.confirmMinutes(participant: "p1", fingerprint: "x"), now: F.t0) }
        try team.run(.confirmMinutes(participant: "p9", fingerprint: "x"))
        #expect(team.minutesConfirmed)
    }

    @Test func theBlockNamesBothCarriesTheFingerprintAndIsReadBack() throws {
        var talk = try Self.finished()
        let minutes = Self.minutes(talk)
        let print = MinutesFingerprint.sha256(minutes)
        #expect(ConfirmedMinutes.text(minutes, fingerprint: print, of: talk, timeZone: .gmt) == minutes, "not confirmed: as it is")
        try talk.run(.confirmMinutes(participant: "p1", fingerprint: print), .confirmMinutes(participant: "p2", fingerprint: print))
        let file = ConfirmedMinutes.text(minutes, fingerprint: print, of: talk, timeZone: .gmt)
        #expect(file.hasPrefix(minutes))
        #expect(file.contains("**Bekreftet av:** Kari (leder), ") && file.contains("; Ola (medarbeider), "))
        #expect(file.contains("**Fingeravtrykk (SHA-256):** `\(print)`"))
        let parsed = try #require(ConfirmedMinutes.parse(file))
        #expect(parsed.minutes == minutes && parsed.fingerprint == print && parsed.talkID == talk.id)
        #expect(ConfirmedMinutes.parse(minutes) == nil)
    }

    @Test func cmarkReadsTheBlockAsAHiddenCommentAndVisibleNames() throws {
        var talk = try ExportFixture.oneOnOne(.en)
        let minutes = Self.minutes(talk)
        let print = MinutesFingerprint.sha256(minutes)
        try talk.run(.confirmMinutes(participant: "p1", fingerprint: print), .confirmMinutes(participant: "p2", fingerprint: print))
        let tree = try CommonMarkTree(ConfirmedMinutes.text(minutes, fingerprint: print, of: talk, timeZone: .gmt))
        #expect(tree.nodes("html_block").count == 1, "the marker line, which a reader does not see")
        let visible = tree.root.plainText
        #expect(!visible.contains("tillit-minutes") && !visible.contains(talk.id))
        #expect(visible.contains("Confirmed by: Kari (leader), ") && visible.contains("Ola Hansen (employee), "))
        #expect(visible.contains("Fingerprint (SHA-256): \(print)"))
    }
}
