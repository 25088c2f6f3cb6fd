import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore

@Suite("The clean-up list: items, their checks, carry-over and totals")
struct CleanupTests {
    let day: TimeInterval = 86_400

    static func draft(_ text: String, _ decider: CleanupDecider, hours: Double?, kind: CleanupKind = .report) -> CleanupDraft {
        CleanupDraft(text: text, kind: kind, decider: decider, hoursPerMonth: hours, proposal: .drop)
    }

    /// A team meeting that adds three items: one the team decides, one its leader, one outside.
    func firstMeeting() throws -> Session {
        var talk = try SessionFixture.team(id: "2026-10-01-1000-0001", anonymous: false)
        try talk.run(.addCleanupItem(id: talk.nextCleanupID, draft: Self.draft("Ukerapport om overtid", .ours, hours: 3), onCurrentCard: true))
        try talk.run(.addCleanupItem(id: talk.nextCleanupID, draft: Self.draft("Dobbel registrering i Gerica", .leader, hours: 5, kind: .system),
                                     onCurrentCard: false))
        try talk.run(.addCleanupItem(id: talk.nextCleanupID, draft: Self.draft("Statlig indikator", .outside, hours: 2.5, kind: .goal),
                                     onCurrentCard: false))
        try talk.run(.finish)
        return talk
    }

    @Test func itemsAreAddedWithIdsOfTheirTalkAndTheCardTheyCameFrom() throws {
        let talk = try firstMeeting()
        #expect(talk.cleanupItems.map(\.id) == ["2026-10-01-1000-0001-c1", "2026-10-01-1000-0001-c2", "2026-10-01-1000-0001-c3"])
        #expect(talk.cleanupItems[0].fromCard == "selvledelse/energi" && talk.cleanupItems[1].fromCard == nil)
        #expect(talk.cleanupItems.allSatisfy { $0.isOpen && $0.addedIn == talk.id })
        #expect(talk.schemaVersionToWrite == 2)
        #expect(try SessionFixture.team(anonymous: false).schemaVersionToWrite == 1, "no items: written as before")
    }

    @Test func openItemsComeBackInTheNextMeetingAndDecidedOnesStayBehind() throws {
        let first = try firstMeeting()
        var second = try SessionFixture.team(id: "2026-11-01-1000-0002", anonymous: false, now: SessionFixture.t0 + 30 * day, previous: first)
        #expect(second.pendingCleanup.map(\.text) == ["Ukerapport om overtid", "Dobbel registrering i Gerica", "Statlig indikator"])
        let now = SessionFixture.t0 + 30 * day
        try second.run(.decideCleanupItem(id: first.cleanupItems[0].id, outcome: .dropped, why: "ingen leser den", by: "teamet"), now: now)
        try second.run(.decideCleanupItem(id: first.cleanupItems[1].id, outcome: .waiting, why: "", by: ""), now: now)
        try second.run(.decideCleanupItem(id: first.cleanupItems[2].id, outcome: .sentUp, why: "", by: "Kommunedirektøren"), now: now)
        #expect(second.pendingCleanup.isEmpty)
        #expect(second.cleanupTouchedHere.count == 3)
        #expect(second.cleanupToCarryOn.map(\.text) == ["Dobbel registrering i Gerica", "Statlig indikator"])
        #expect(throws: CleanupError.sentUpToNobody) {
            try second.run(.decideCleanupItem(id: first.cleanupItems[2].id, outcome: .sentUp, why: "", by: " "))
        }
        #expect(throws: CleanupError.noSuchItem("x")) { try second.run(.decideCleanupItem(id: "x", outcome: .kept, why: "", by: "")) }

        let register = CleanupRegister.build(talks: [second, first], team: "team nord", participant: nil)
        #expect(register.items.count == 3)
        #expect(register.decided.map(\.text) == ["Ukerapport om overtid"])
        #expect(register.open.count == 2)
        #expect(register.hoursFreed == 3)
        #expect(register.hoursWaitingOnOthers == 2.5, "the leader's 5 hours are not others'")
        #expect(register.hoursOpenHere == 5)
        #expect(register.grouped(now: now).map(\.decider) == [.ours, .leader, .outside])
        #expect(register.items[0].daysWaited(now: now + 10 * day) == 30, "decided: it waited until then")
        #expect(register.items[2].daysWaited(now: now + 10 * day) == 40)
        #expect(register.items[2].sentUp?.by == "Kommunedirektøren")
        #expect(register.filtered(decider: .outside).items.count == 1)
        #expect(register.filtered(kind: .system).items.map(\.decider) == [.leader])
        #expect(register.sorted(.hours, now: now).map(\.hoursPerMonth) == [5, 2.5, 3], "open first, then most hours")
        #expect(CleanupRegister.build(talks: [second, first], team: "Team Sør", participant: nil).items.isEmpty)
        let t = Localizer(.nb)
        #expect(CleanupText.totals(register, t) == "2 åpne · 1 avgjort · 3 t/mnd frigjort · 2,5 t/mnd venter på andre")
    }

    @Test func badItemsAreRefusedWithAClearWordAndNothingIsSaved() throws {
        var talk = try SessionFixture.team(anonymous: false)
        let before = talk
        let cases: [(CleanupDraft, CleanupError)] = [
            (CleanupDraft(text: "  \n "), .emptyText),
            (Self.draft("Rapport", .ours, hours: -1), .hoursNegative),
            (Self.draft("Rapport", .ours, hours: .nan), .hoursNotANumber("nan")),
            (Self.draft("Rapport", .ours, hours: .infinity), .hoursNotANumber("inf")),
            (Self.draft("Rapport", .ours, hours: 2000.5), .hoursTooMany),
            (CleanupDraft(text: "Møtet", proposal: .keep), .keepNeedsReason),
        ]
        for (draft, error) in cases {
            #expect(throws: error) { try talk.apply(.addCleanupItem(id: "x-c1", draft: draft, onCurrentCard: false), now: SessionFixture.t0 + 5) }
            #expect(talk == before, "nothing saved half")
        }
        #expect(CleanupError.hoursTooMany.message(Localizer(.nb)).contains("2000"))
    }

    @Test func typedHoursKindsAndDecidersAreReadOrRefused() throws {
        #expect(try CleanupDraft.hours("") == nil)
        #expect(try CleanupDraft.hours(" 4 ") == 4)
        #expect(try CleanupDraft.hours("2,5") == 2.5)
        #expect(try CleanupDraft.hours("2000") == 2000)
        #expect(throws: CleanupError.hoursNegative) { try CleanupDraft.hours("-3") }
        #expect(throws: CleanupError.hoursTooMany) { try CleanupDraft.hours("2001") }
        for junk in ["nan", "inf", "1e9", "tre", "2,5,5", "0x10"] {
            #expect(throws: CleanupError.hoursNotANumber(junk)) { try CleanupDraft.hours(junk) }
        }
        #expect(try CleanupDraft.kind("Report") == .report)
        #expect(try CleanupDraft.decider("higher-up") == .higherUp)
        #expect(throws: CleanupError.unknownKind("memo")) { try CleanupDraft.kind("memo") }
        #expect(throws: CleanupError.unknownDecider("boss")) { try CleanupDraft.decider("boss") }
        #expect(CleanupError.unknownKind("memo").message(Localizer(.en))
            == "Unknown kind “memo”. Choose one of: goal, rule, form, report, meeting, system, other.")
    }

    @Test func aTalkWithItemsIsSavedAsVersionTwoAndReadBack() throws {
        let fixture = try StoreFixture()
        let talk = try firstMeeting()
        try fixture.store.save(talk)
        let text = String(decoding: try fixture.bytes(talk.id), as: UTF8.self)
        #expect(text.contains("\"schemaVersion\" : 2,"))
        #expect(text.contains("\"hoursPerMonth\" : 2.5"))
        let read = try fixture.store.load(id: talk.id)
        #expect(read.cleanupItems == talk.cleanupItems)
    }

    @Test func hoursOutOfBoundsInAFileAreReportedNotUsed() throws {
        let fixture = try StoreFixture()
        let talk = try firstMeeting()
        try fixture.store.save(talk)
        let text = String(decoding: try fixture.bytes(talk.id), as: UTF8.self)
            .replacingOccurrences(of: "\"hoursPerMonth\" : 2.5", with: "\"hoursPerMonth\" : -1e300")
        try fixture.write(talk.id, text)
        #expect(throws: StoreError.self) { try fixture.store.load(id: talk.id) }
    }

    /// A file of version 1 (before the clean-up list) reads as a talk without
    /// items, is written back byte for byte, and its minutes have no clean-up section.
    @Test func anOldFileWithoutItemsOpensResumesAndExportsAsBefore() throws {
        let data = try Data(contentsOf: TalkFileFormatTests.oldFile)
        var session = try SessionStore.decodeSession(data, path: TalkFileFormatTests.oldFile.path, id: "2026-12-02-1730-ab2a")
        #expect(session.schemaVersion == 1 && session.cleanupItems.isEmpty && session.cleanup == nil)
        #expect(session.schemaVersionToWrite == 1)
        let written = try SessionStore.encoder().encode(session)
        #expect(String(decoding: written, as: UTF8.self).trimmingCharacters(in: .newlines)
                == String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines))
        #expect(!MarkdownExporter.render(session, includePrivate: false).contains("## Ryddelista"))
        // Resumed, it can take an item and is then of the new version.
        try session.apply(.reopen, now: session.updatedAt)
        try session.apply(.addCleanupItem(id: session.nextCleanupID, draft: CleanupDraft(text: "Ukemøte"), onCurrentCard: false),
                          now: session.updatedAt)
        #expect(session.schemaVersionToWrite == 2)
    }

    @Test func aVersionOneFileWithACleanupKeyReadsItAsNone() throws {
        let data = try Data(contentsOf: TalkFileFormatTests.oldFile)
        var json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        json["cleanup"] = [["nonsense": true]]
        let session = try SessionStore.decodeSession(try JSONSerialization.data(withJSONObject: json),
                                                     path: "x", id: "2026-12-02-1730-ab2a")
        #expect(session.cleanupItems.isEmpty)
    }

    @Test func theMinutesListTheItemsAddedOrDecidedInTheTalk() throws {
        let first = try firstMeeting()
        let minutes = MarkdownExporter.render(first, includePrivate: false, timeZone: TimeZone(identifier: "UTC")!)
        #expect(minutes.contains("## Ryddelista\n\n| Hva | Type | Hvem bestemmer | Timer i mnd. | Forslag | Status |"))
        #expect(minutes.contains("| Statlig indikator | mål/indikator | utenfor: fylke, stat, lov eller avtale | 2,5 | stryke | åpent |"))
        let now = SessionFixture.t0 + 30 * day
        var second = try SessionFixture.team(id: "2026-11-01-1000-0002", anonymous: false, now: now, previous: first)
        try second.run(.decideCleanupItem(id: first.cleanupItems[0].id, outcome: .dropped, why: "ingen leser den", by: "teamet"), now: now)
        let next = MarkdownExporter.render(second, includePrivate: false, timeZone: TimeZone(identifier: "UTC")!)
        #expect(next.contains("| Ukerapport om overtid | rapport | vi selv | 3 | stryke | strøket: ingen leser den — teamet |"))
        #expect(!next.contains("Dobbel registrering"), "untouched in this talk: not in its minutes")
        let document = MarkdownDocument(next)
        #expect(document.problems.isEmpty, "\(document.problems)")
    }

    /// The printable minutes (`e`/`o`, `export --format html`) list the same items, escaped.
    /// A 1:1's list sent as CSV says it is a person's, not a team's.
    @Test func aPersonsListInCSVSaysWhoseItIs() throws {
        var talk = try SessionFixture.oneOnOne()
        try talk.run(.addCleanupItem(id: talk.nextCleanupID, draft: Self.draft("Dobbel timeliste", .leader, hours: 2), onCurrentCard: true))
        let register = CleanupRegister.build(talks: [talk], team: nil, participant: SessionFixture.ola.name)
        let lines = CleanupReport(register: register, language: .nb, now: SessionFixture.t0).csv().components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("team_or_person,talk_kind,item,"))
        #expect(lines[1].hasPrefix("\(SessionFixture.ola.name),one-on-one,Dobbel timeliste,"), "\(lines)")
    }

    @Test func thePrintableMinutesListTheItemsToo() throws {
        let utc = TimeZone(identifier: "UTC")!
        let page = HTMLMinutes.render(try firstMeeting(), includePrivate: false, timeZone: utc)
        #expect(page.contains("<h2>Ryddelista</h2>"))
        #expect(page.contains("<th>Hvem bestemmer</th><th>Timer i mnd.</th>"))
        #expect(page.contains("<td>Statlig indikator</td><td>mål/indikator</td><td>utenfor: fylke, stat, lov eller avtale</td><td>2,5</td><td>stryke</td><td>åpent</td>"))
        var talk = try SessionFixture.team(id: "2026-10-02-1000-0001", anonymous: false)
        #expect(!HTMLMinutes.render(talk, includePrivate: false, timeZone: utc).contains("Ryddelista"), "no items: no section")
        try talk.run(.addCleanupItem(id: talk.nextCleanupID, draft: Self.draft("Skjema <b>&</b> \"rapport\"", .ours, hours: 1), onCurrentCard: true))
        #expect(HTMLMinutes.render(talk, includePrivate: false, timeZone: utc).contains("<td>Skjema &lt;b&gt;&amp;&lt;/b&gt; &quot;rapport&quot;</td>"),
                "escaped as every cell is")
    }

    @Test func forgettingAPersonTakesTheirNameOutOfTheItemsAndDecisions() throws {
        let first = try firstMeeting()
        let now = SessionFixture.t0 + 30 * day
        var second = try SessionFixture.team(id: "2026-11-01-1000-0002", anonymous: false, now: now, previous: first)
        try second.run(.decideCleanupItem(id: first.cleanupItems[0].id, outcome: .kept, why: "Bo trenger den", by: "Bo"), now: now)
        #expect(PersonName("bo").isNamed(in: second))
        guard case .changed(let forgotten) = second.forgetting(PersonName("Bo"), placeholder: "[fjernet]") else {
            Issue.record("Bo is in the talk"); return
        }
        #expect(forgotten.cleanupItems[0].latest?.by == "" && forgotten.cleanupItems[0].latest?.why == "[fjernet] trenger den")
    }

    @Test func hoursFreedAddUpTalkByTalk() throws {
        let first = try firstMeeting()
        let month = SessionFixture.t0 + 30 * day
        var second = try SessionFixture.team(id: "2026-11-01-1000-0002", anonymous: false, now: month, previous: first)
        try second.run(.decideCleanupItem(id: first.cleanupItems[0].id, outcome: .dropped, why: "", by: ""), now: month)
        let later = month + 30 * day
        var third = try SessionFixture.team(id: "2026-12-01-1000-0003", anonymous: false, now: later, previous: second)
        try third.run(.decideCleanupItem(id: first.cleanupItems[1].id, outcome: .simplified, why: "", by: ""), now: later)
        try third.run(.decideCleanupItem(id: first.cleanupItems[2].id, outcome: .kept, why: "lov", by: ""), now: later)
        let register = CleanupRegister.build(talks: [first, second, third], team: "Team Nord", participant: nil)
        #expect(register.hoursFreedOverTime.map(\.hours) == [3, 8])
        #expect(register.hoursFreedOverTime.map(\.at) == [month, later])
        #expect(CleanupText.freedOverTime(register, Localizer(.nb)) == "Frigjort over tid: ▄█  (8 t/mnd nå)")
        #expect(CleanupText.freedOverTime(CleanupRegister.build(talks: [first], team: "Team Nord", participant: nil), Localizer(.nb)) == nil)
    }
}
