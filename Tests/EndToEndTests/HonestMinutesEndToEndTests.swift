import Foundation
import Testing
import TillitCore
@testable import TillitStore

/// Answers kept out of the minutes (`u`) and minutes both confirm (`b`,
/// `tillit verify`), through the real binary in tmux and on the command line.
@Suite(.serialized) struct HonestMinutesEndToEndTests {
    static let oneOnOne = ["start", "--deck", "selvledelse", "--participant", "Kari Ødegård:leader",
                           "--participant", "Øyvind Å:employee", "--lang", "en"]
    static let secret = "Jeg vurderer å søke meg bort – æøå"

    /// Kari writes on card 1, Øyvind writes the secret and keeps it out with u; then q.
    static func talkWithAKeptOutAnswer(_ tmux: TmuxSession) throws {
        try tmux.launch(oneOnOne)
        try tmux.waitFor("1 / 14")
        try tmux.press("Enter")
        try tmux.type("We agreed on the rota.")
        try tmux.press("Escape", "Tab", "Enter")
        try tmux.type(secret)
        try tmux.press("Escape", "u")
        try tmux.waitFor("not in the minutes")
    }

    @Test func aKeptOutAnswerIsInTheFileAndInNoExportWhateverTheFlags() throws {
        let tmux = try TmuxSession(width: 120, height: 40)
        try Self.talkWithAKeptOutAnswer(tmux)
        try tmux.press("q")
        try tmux.waitForExit()
        let talk = try #require(try tmux.sessions().first)
        #expect(talk.cards[0].response(of: "p2")?.text == Self.secret)
        #expect(talk.cards[0].response(of: "p2")?.keptOut == true)
        let environment = ["TILLIT_HOME": tmux.dataFolder.path, "HOME": tmux.home.path, "LANG": "en_US.UTF-8"]
        for flags in [[], ["--include-private"]] {
            let markdown = runTillit(["export", talk.id] + flags, environment: environment)
            #expect(markdown.status == 0)
            #expect(!markdown.stdout.contains("søke meg bort"), "\(flags)")
            #expect(markdown.stdout.contains("We agreed on the rota."))
            #expect(markdown.stdout.contains("One answer is kept out of these minutes, as the person who gave it asked."))
            let json = runTillit(["export", talk.id, "--format", "json"] + flags, environment: environment)
            #expect(json.status == 0 && !json.stdout.contains("søke meg bort"))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect(object["keptOutOfMinutes"] as? Int == 1)
        }
    }

    @Test func bothConfirmVerifyAcceptsTheExportAndRejectsAChangedByteAndReopeningClears() throws {
        let tmux = try TmuxSession(width: 120, height: 40)
        try Self.talkWithAKeptOutAnswer(tmux)
        try tmux.press("f")
        try tmux.waitFor("Summary")
        try tmux.press("f")
        try tmux.waitFor("The talk is finished and saved.")
        try tmux.press("b")
        try tmux.waitFor("Kari Ødegård (leader): Enter confirms the minutes under your name")
        try tmux.press("Enter")
        try tmux.waitFor("Øyvind Å (employee): Enter confirms")
        try tmux.press("Enter")
        try tmux.waitFor("The minutes are confirmed.")
        try tmux.press("e")
        try tmux.waitFor(".html")  // the Markdown is written first, then the page
        try tmux.press("q")
        try tmux.waitForExit()

        let talk = try #require(try tmux.sessions().first)
        #expect(talk.minutesConfirmations.map(\.name) == ["Kari Ødegård", "Øyvind Å"])
        let fingerprint = try #require(talk.minutesFingerprint)
        let referat = tmux.dataFolder.appendingPathComponent("sessions").appendingPathComponent(talk.id + ".md")
        let written = try String(contentsOf: referat, encoding: .utf8)
        #expect(written.contains("**Confirmed by:** Kari Ødegård (leader), ") && written.contains("; Øyvind Å (employee), "))
        #expect(written.contains("**Fingerprint (SHA-256):** `\(fingerprint)`"))
        #expect(!written.contains("søke meg bort"))

        let environment = ["TILLIT_HOME": tmux.dataFolder.path, "HOME": tmux.home.path, "LANG": "en_US.UTF-8"]
        let exported = runTillit(["export", talk.id], environment: environment)
        #expect(exported.stdout == written, "tillit export writes the same confirmed minutes")
        let good = runTillit(["verify", referat.path], environment: environment)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("exactly the minutes Kari Ødegård · Øyvind Å confirmed"))
        // sha256sum agrees on the fingerprint of the text above the block.
        let body = try #require(written.range(of: "\n<!-- tillit-minutes")).lowerBound
        let bodyFile = tmux.home.appendingPathComponent("body.md")
        try String(written[..<body]).write(to: bodyFile, atomically: true, encoding: .utf8)
        let sum = runProgram("/usr/bin/sha256sum", [bodyFile.path], environment: [:])
        #expect(sum.stdout.hasPrefix(fingerprint))

        // One byte changed: rejected, in one line, non-zero.
        var bytes = Array(written.utf8)
        let index = try #require(bytes.firstIndex(of: UInt8(ascii: "r")))
        bytes[index] = UInt8(ascii: "R")
        let changed = tmux.home.appendingPathComponent("changed.md")
        try Data(bytes).write(to: changed)
        let bad = runTillit(["verify", changed.path], environment: environment)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("the text has changed since the minutes were confirmed"))
        #expect(bad.stderr.split(separator: "\n").count == 1)
        let never = runTillit(["verify", bodyFile.path], environment: environment)
        #expect(never.status != 0 && never.stderr.contains("these minutes were never confirmed"))

        // Reopening says first that the confirmations go, then clears them.
        try tmux.launch(["resume", talk.id, "--lang", "en"])
        try tmux.waitFor("The minutes are confirmed by Kari Ødegård, Øyvind Å.")
        try tmux.press("f")
        try tmux.waitFor("press f again to reopen it")
        try tmux.press("f")
        try tmux.waitFor("The talk is open again.")
        try tmux.press("q")
        try tmux.waitForExit()
        let reopened = try #require(try tmux.sessions().first)
        #expect(reopened.confirmations == nil && reopened.minutesFingerprint == nil && !reopened.isFinished)
        let after = runTillit(["verify", referat.path], environment: environment)
        #expect(after.status != 0 && after.stderr.contains("has not confirmed these minutes"))
    }

    /// Plain mode (screen readers, scripts): `:minutes` reads them out, `:confirm` confirms for each in turn.
    @Test func plainModeConfirmsTheMinutesAndVerifyAcceptsThem() throws {
        let home = try TemporaryHome()
        let environment = home.environment(["LANG": "nb_NO.UTF-8"])
        let held = runTillit(Self.oneOnOne + ["--plain"], environment: environment, stdin: "Vi ble enige om turnusen.\n:finish\n")
        #expect(held.status == 0, "\(held.stderr)")
        let run = runTillit(["resume", "last", "--plain", "--lang", "nb"], environment: environment,
                            stdin: ":minutes\n:confirm\n:confirm\n:confirm\n:quit\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("- **Kari Ødegård** (leader): Vi ble enige om turnusen."), "the minutes, in the talk's language: \(run.stdout)")
        #expect(run.stdout.contains("Kari Ødegård har bekreftet referatet.\nNeste som bekrefter referatet: Øyvind Å (:confirm)."))
        #expect(run.stdout.contains("Øyvind Å har bekreftet referatet.\nReferatet er bekreftet av Kari Ødegård, Øyvind Å."))
        #expect(run.stdout.components(separatedBy: "Referatet er bekreftet av Kari Ødegård, Øyvind Å.").count == 3,
                "a third :confirm has no one left to confirm, and says who did")
        let store = SessionStore(home: TillitHome(path: home.path))
        let talk = try store.load(id: try #require(store.list().summaries.first).id)
        #expect(talk.minutesConfirmations.map(\.name) == ["Kari Ødegård", "Øyvind Å"])
        let file = (home.path as NSString).appendingPathComponent("referat.md")
        #expect(runTillit(["export", talk.id, "-o", file], environment: environment).status == 0)
        let verified = runTillit(["verify", file], environment: environment)
        #expect(verified.status == 0, "\(verified.stderr)")
    }
}
