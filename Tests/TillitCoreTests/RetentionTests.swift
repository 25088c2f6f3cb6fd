import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore

@Suite struct RetentionTests {
    static let oslo: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Oslo")!
        return calendar
    }()

    @Test(arguments: [("24m", 24, TalkAge.Unit.months), ("90d", 90, .days), ("2y", 2, .years), (" 6M ", 6, .months)])
    func agesAsPeopleWriteThem(text: String, count: Int, unit: TalkAge.Unit) {
        #expect(TalkAge(text) == TalkAge(count: count, unit: unit))
    }

    @Test(arguments: ["3x", "-1m", "m", "0m", "1e9d", "24", "", "1.5m", "٣m", "9999999d", "200y"])
    func anythingElseIsNoAge(text: String) {
        #expect(TalkAge(text) == nil)
    }

    @Test func monthsCountInTheCalendar() throws {
        let now = try #require(Self.oslo.date(from: DateComponents(year: 2028, month: 3, day: 31, hour: 12)))
        let cutoff = TalkAge(count: 24, unit: .months).cutoff(before: now, calendar: Self.oslo)
        let parts = Self.oslo.dateComponents([.year, .month, .day, .hour], from: cutoff)
        #expect((parts.year, parts.month, parts.day, parts.hour) == (2026, 3, 31, 12))
    }

    @Test(arguments: [("24", 24), ("0", 0), ("240", 240), (" 12 ", 12)])
    func retentionsThatAreAllowed(text: String, months: Int) {
        #expect(RetentionPolicy.months(from: text) == months)
    }

    @Test(arguments: ["-1", "abc", "10000", "241", "", "12.5", "1_0"])
    func retentionsThatAreNot(text: String) {
        #expect(RetentionPolicy.months(from: text) == nil)
    }

    @Test func theDefaultKeepsTwoYearsAndZeroKeepsUntilDeleted() {
        #expect(RetentionPolicy(months: nil).age == TalkAge(count: 24, unit: .months))
        #expect(RetentionPolicy(months: 0).age == nil)
        #expect(Settings(retentionMonths: 5000).retention.months == RetentionPolicy.defaultMonths,
                "a hand-edited value out of range counts as the default")
    }

    @Test func onlyTalksHeldBeforeTheCutoffAreOlder() throws {
        let now = try #require(Self.oslo.date(from: DateComponents(year: 2028, month: 12, day: 1, hour: 10)))
        func talk(_ id: String, daysAgo: Double) -> SessionSummary {
            SessionSummary(id: id, path: id, kind: .oneOnOne, title: id, language: .nb, participants: [], deckIDs: ["d"],
                           cardCount: 1, handledCount: 0, createdAt: now - daysAgo * 86_400, updatedAt: now - daysAgo * 86_400,
                           finishedAt: nil, continuityKey: id)
        }
        let talks = [talk("new", daysAgo: 10), talk("edge", daysAgo: 365), talk("old", daysAgo: 800), talk("older", daysAgo: 900)]
        let older = RetentionPolicy.older(talks, than: TalkAge(count: 24, unit: .months), now: now, calendar: Self.oslo)
        #expect(older.map(\.id) == ["older", "old"], "oldest first, and nothing held within the period")
    }
}

@Suite struct PrivacySheetTests {
    @Test(arguments: Language.allCases)
    func bothSheetsAreWholeInEveryLanguage(language: Language) {
        let t = Localizer(language)
        let sheet = PrivacySheet(dataFolder: "/home/kari/.local/share/tillit", retention: RetentionPolicy(months: 18))
        let officer = sheet.forDataProtectionOfficer(t)
        let employee = sheet.forEmployee(t)
        #expect(officer.hasPrefix("# ") && employee.hasPrefix("# "))
        #expect(officer.contains("/home/kari/.local/share/tillit"))
        #expect(officer.contains("0700") && officer.contains("0600"))
        #expect(officer.contains("18") && employee.contains("18"), "the retention in force is named")
        #expect(officer.components(separatedBy: "\n## ").count == 7, "six sections")
        #expect(employee.components(separatedBy: "\n## ").count == 5, "four sections")
        for text in [officer, employee] {
            #expect(!text.contains("privacy"), "no string key shows instead of its words")
            #expect(!text.contains("{"), "every placeholder is filled")
        }
    }

    @Test func withoutARetentionTheSheetSaysTalksStayUntilDeleted() {
        let t = Localizer(.en)
        let officer = PrivacySheet(dataFolder: "/d", retention: RetentionPolicy(months: 0)).forDataProtectionOfficer(t)
        #expect(officer.contains("No retention period is set"))
        #expect(!PrivacySheet(dataFolder: "/d", retention: RetentionPolicy(months: 12)).forDataProtectionOfficer(t)
            .contains("No retention period is set"))
    }
}

@Suite struct PrivateNotesExpiryTests {
    func talk(notes: String, changed: Date) throws -> Session {
        let deck = Deck(id: "d", title: LocalizedText([.nb: "D"]), cards: [Card(id: "k", prompt: LocalizedText([.nb: "?"]))])
        var session = try Session.start(TalkSetup(kind: .oneOnOne, language: .nb,
                                                  participants: [Participant(id: "p1", name: "Kari", role: .leader)],
                                                  deckIDs: ["d"]), decks: [deck], id: "t", now: changed)
        session.privateNotes = notes
        session.updatedAt = changed
        return session
    }

    @Test func notesGoOnlyWhenTheirTimeIsUpAndNothingElseChanges() throws {
        let changed = Date(timeIntervalSince1970: 1_800_000_000)
        let expiry = PrivateNotesExpiry(days: 30)
        var session = try talk(notes: "Sliten", changed: changed)
        #expect(!expiry.apply(to: &session, now: changed + 29 * 86_400))
        #expect(session.privateNotes == "Sliten")
        let before = session
        #expect(expiry.apply(to: &session, now: changed + 30 * 86_400))
        #expect(session.privateNotes == "" && session.privateNotesExpiredAt == changed + 30 * 86_400)
        var restored = session
        restored.privateNotes = before.privateNotes
        restored.privateNotesExpiredAt = nil
        #expect(restored == before)
    }

    @Test func offByDefaultAndOutOfRangeIsOff() throws {
        var session = try talk(notes: "Sliten", changed: .distantPast)
        #expect(!PrivateNotesExpiry(days: nil).apply(to: &session, now: Date()))
        #expect(!PrivateNotesExpiry(days: -3).isOn && !PrivateNotesExpiry(days: 100_000).isOn)
        #expect(PrivateNotesExpiry.days(from: "abc") == nil && PrivateNotesExpiry.days(from: "30") == 30)
    }

    @Test func aTalkFileWithoutTheFieldReadsAndWritesAsBefore() throws {
        let session = try talk(notes: "", changed: Date(timeIntervalSince1970: 1_800_000_000))
        let data = try SessionStore.encoder().encode(session)
        #expect(!String(decoding: data, as: UTF8.self).contains("privateNotesExpiredAt"))
    }
}
