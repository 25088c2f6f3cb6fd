import Foundation
import Testing
import TillitCore
@testable import TillitStore

/// A 1:1's ratings shown together, through the real binary: in tmux (the card
/// screen) and in plain mode, checked on screen and in the JSON it wrote.
@Suite(.serialized) struct RatingsTogetherEndToEndTests {
    static let oneOnOne = ["start", "--deck", "selvledelse", "--participant", "Kari Ødegård:leader",
                           "--participant", "Øyvind Å:employee"]

    /// The screen with its colours, the clock in the header masked (it moves on its own).
    static func screenWithoutClock(_ tmux: TmuxSession) throws -> String {
        var lines = try tmux.screen(escapes: true).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[0] = lines[0].replacing(#/\d\d:\d\d/#, with: "--:--")
        return lines.joined(separator: "\n")
    }

    /// Kari rates `value` on the rating card (card 4, handlingsrom-skala); the screen after.
    static func screenAfterKariRates(_ value: String, width: Int, height: Int) throws -> (String, [Session]) {
        let tmux = try TmuxSession(width: width, height: height)
        try tmux.launch(oneOnOne, environment: ["LANG": "nb_NO.UTF-8"])
        try tmux.waitFor("1 / 14")
        try tmux.press("PageDown", "PageDown", "PageDown")
        try tmux.waitFor("4 / 14")
        // The card opens ready to write; after Esc a number rates.
        try tmux.press("Escape", value)
        try tmux.waitFor("Kari Ødegård har vurdert")
        let screen = try screenWithoutClock(tmux)
        try tmux.press("q")
        try tmux.waitForExit()
        return (screen, try tmux.sessions())
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func theScreenAfterAFourIsTheScreenAfterATwo(size: (Int, Int)) throws {
        let (four, fourTalks) = try Self.screenAfterKariRates("4", width: size.0, height: size.1)
        let (two, twoTalks) = try Self.screenAfterKariRates("2", width: size.0, height: size.1)
        #expect(four == two, "nothing on screen depends on the hidden value:\n\(four)\n---\n\(two)")
        #expect(four.contains("✓") && four.contains("vises når begge har vurdert"))
        #expect(fourTalks.first?.cards[3].response(of: "p1")?.rating == 4, "the value is in the file")
        #expect(twoTalks.first?.cards[3].response(of: "p1")?.rating == 2)
        #expect(fourTalks.first?.ratings == .together)
    }

    @Test func whenTheSecondRatesBothShowAndTheFileSaysSo() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.launch(Self.oneOnOne, environment: ["LANG": "nb_NO.UTF-8"])
        try tmux.waitFor("1 / 14")
        try tmux.press("PageDown", "PageDown", "PageDown")
        try tmux.waitFor("4 / 14")
        try tmux.press("Escape", "4")
        try tmux.waitFor("vises når begge har vurdert")
        try tmux.press("Tab", "2")
        let screen = try tmux.waitFor("2 fra hverandre — verdt å snakke om")
        #expect(screen.contains("[4]") && screen.contains("[2]"))
        try tmux.press("p")
        try tmux.waitFor("Kari Ødegård 4 · Øyvind Å 2 · 2 fra hverandre — verdt å snakke om")
        // Back from the shared screen the card is ready to write again: Ctrl-C leaves from anywhere.
        try tmux.press("p", "C-c")
        try tmux.waitForExit()
        let data = try Data(contentsOf: tmux.dataFolder.appendingPathComponent("sessions")
            .appendingPathComponent(try #require(try tmux.sessions().first?.id) + ".json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["ratings"] as? String == "together")
        let card = try #require((json["cards"] as? [[String: Any]])?[3])
        #expect((card["responses"] as? [[String: Any]])?.compactMap { $0["rating"] as? Int } == [4, 2])
    }

    @Test func openRatingsShowEachAsItComes() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.launch(Self.oneOnOne + ["--open-ratings", "--lang", "en"])
        try tmux.waitFor("1 / 14")
        try tmux.press("PageDown", "PageDown", "PageDown")
        try tmux.waitFor("4 / 14")
        try tmux.press("Escape", "4")
        let screen = try tmux.waitFor("[4]")
        #expect(!screen.contains("shown when both have rated"))
        try tmux.press("q")
        try tmux.waitForExit()
        #expect(try tmux.sessions().first?.ratings == .open)
    }

    @Test func openRatingsIsRefusedForATeam() throws {
        let home = try TemporaryHome()
        let run = runTillit(["start", "--deck", "psykologisk-trygghet", "--open-ratings", "--plain", "--lang", "en"],
                            environment: home.environment([:]), stdin: "")
        #expect(run.status != 0)
        #expect(run.stderr.contains("--open-ratings is for a 1:1"))
    }

    /// Plain mode says the same whatever the hidden value, then both at once.
    @Test func plainModeSaysNothingOfAHiddenValue() throws {
        func run(_ value: Int) throws -> (String, Session) {
            let home = try TemporaryHome()
            let script = ":card 4\n:rate \(value)\n:status\n:next\n:back\n:quit\n"
            let run = runTillit(Self.oneOnOne + ["--plain", "--lang", "en"], environment: home.environment([:]), stdin: script)
            #expect(run.status == 0)
            let store = SessionStore(home: TillitHome(path: home.path))
            let talk = try store.load(id: try #require(store.list().summaries.first).id)
            // The clock of `:status` moves on its own (a slow machine passes a second between lines).
            let said = run.stdout.replacingOccurrences(of: talk.id, with: "ID").replacingOccurrences(of: home.path, with: "HOME")
                .replacing(#/time \d\d:\d\d/#, with: "time --:--")
            return (said, talk)
        }
        let (four, fourTalk) = try run(4), (two, twoTalk) = try run(2)
        #expect(four == two, "\(four)\n---\n\(two)")
        #expect(four.contains("Kari Ødegård has rated. The numbers show when both have rated."))
        #expect(four.contains("Kari Ødegård ✓ · Øyvind Å – · shown when both have rated"), "the card shown again: \(four)")
        #expect(fourTalk.cards[3].response(of: "p1")?.rating == 4 && twoTalk.cards[3].response(of: "p1")?.rating == 2)

        let home = try TemporaryHome()
        let both = runTillit(Self.oneOnOne + ["--plain", "--lang", "en"], environment: home.environment([:]),
                             stdin: ":card 4\n:rate 4\n:next-person\n:rate 2\n:quit\n")
        #expect(both.stdout.contains("Kari Ødegård 4 · Øyvind Å 2 · 2 apart — worth talking about"), "\(both.stdout)")
    }
}
