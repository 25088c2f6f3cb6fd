import Foundation
import Testing
import TillitCore
@testable import TillitStore

/// `:cleanup` in plain line mode: items added, refused with one clear line, listed, and marked in the next talk.
@Suite("Plain line mode: the clean-up list")
struct CleanupPlainModeTests {
    static let meeting = ["start", "--deck", "rydd-opp", "--title", "Avdeling Solsiden", "--plain"]

    @Test func itemsAreAddedListedRefusedAndMarkedNextTime() throws {
        let home = try TemporaryHome()
        let first = runTillit(Self.meeting, environment: home.environment(["LANG": "nb_NO.UTF-8"]), stdin: """
            :cleanup add Ukerapport om overtid | report | higher-up | 3 | drop
            :cleanup add Møtet | memo | ours
            :cleanup add Møtet | meeting | ours | -3
            :cleanup add Møtet | meeting | ours | nan
            :cleanup add Fagmøtet | meeting | ours | 2,5 | keep
            :cleanup add Fagmøtet | meeting | ours | 2,5 | keep | vi lærer av hverandre
            :cleanup
            :quit
            """)
        #expect(first.status == 0, "\(first.stderr)")
        let out = first.stdout
        #expect(out.contains("Lagt på ryddelista: Ukerapport om overtid — rapport · 3 t/mnd · stryke"), "\(out)")
        #expect(out.contains("Ukjent type «memo». Velg en av disse: goal, rule, form, report, meeting, system, other."))
        #expect(out.contains("Timene kan ikke være færre enn null."))
        #expect(out.contains("«nan» er ikke et antall timer."))
        #expect(out.contains("Skriv hvorfor det må beholdes."))
        #expect(out.contains("2. Fagmøtet — møte · 2,5 t/mnd · beholde: vi lærer av hverandre — vi selv — åpent"))
        let store = SessionStore(home: TillitHome(path: home.path))
        let talk = try store.load(id: try #require(store.list().summaries.first).id)
        #expect(talk.cleanupItems.map(\.text) == ["Ukerapport om overtid", "Fagmøtet"], "nothing refused is saved")

        let second = runTillit(Self.meeting, environment: home.environment(["LANG": "nb_NO.UTF-8"]), stdin: """
            :cleanup 1 sent-up Kommunalsjefen
            :cleanup 2 kept vi lærer av hverandre | teamet
            :cleanup 3 dropped
            :quit
            """)
        #expect(second.stdout.contains("Ryddelista:\n1. Ukerapport om overtid"), "open items said at the start:\n\(second.stdout)")
        #expect(second.stdout.contains("Ryddelista: Ukerapport om overtid — sendt videre til Kommunalsjefen"))
        #expect(second.stdout.contains("Ryddelista: Fagmøtet — beholdt"))
        #expect(second.stdout.contains("Det finnes ikke noe punkt «3» på ryddelista."))
        let latest = try #require(store.loadAll().sessions.first { $0.id != talk.id }, "the second talk")
        #expect(latest.cleanupItems.map { $0.latest?.outcome } == [.sentUp, .kept])
        #expect(latest.cleanupItems[1].latest?.by == "teamet")
    }
}
