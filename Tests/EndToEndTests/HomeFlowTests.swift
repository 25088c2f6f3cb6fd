import Foundation
import Testing
import TillitCore

/// Talks opened from the home screen go back there on q, saved; only q on the home screen leaves.
@Suite(.serialized) struct HomeFlowTests {
    @Test func qInATalkFromHomeGoesBackHomeWithEverythingSaved() throws {
        let tmux = try TmuxSession()
        try tmux.launch(["--lang", "en"])
        try tmux.waitFor("New 1:1 talk")
        try tmux.press("n")
        try tmux.waitFor("Leader")
        try tmux.type("Kari")
        try tmux.press("Tab")
        try tmux.type("Ola")
        for _ in 0..<12 { try tmux.press("Down") }
        try tmux.press("Enter")
        try tmux.waitFor("1 / 14")
        try tmux.type("written before q")
        try tmux.press("Escape")
        try tmux.waitFor("written before q")
        try tmux.press("PageDown", "PageDown", "PageDown")
        try tmux.waitFor("4 / 14")
        try tmux.press("Escape", "q")
        try tmux.waitFor("Continue: Self-leadership · Kari and Ola · card 4 of 14")
        #expect(try tmux.isRunning())
        let saved = try #require(try tmux.sessions().first)
        #expect(saved.cards[0].response(of: "p1")?.text == "written before q")
        #expect(saved.currentIndex == 3)

        // The talk can be opened again (its lock was let go), and q leaves home for good.
        try tmux.press("c")
        let again = try tmux.waitFor("4 / 14")
        #expect(!again.contains("Continue:"))
        try tmux.press("Escape", "q")
        try tmux.waitFor("Continue:")
        try tmux.press("q")
        try tmux.waitForExit()
    }

    @Test func theLanguageChosenOnTheHomeScreenIsRememberedAndLangStillWins() throws {
        let tmux = try TmuxSession()
        try tmux.launch([], environment: ["LANG": "C.UTF-8"])
        try tmux.waitFor("Språk: norsk bokmål")
        try tmux.press("l")
        try tmux.waitFor("Language: English")
        try tmux.waitFor("New 1:1 talk")
        try tmux.press("q")
        try tmux.waitForExit()
        let settings = tmux.dataFolder.appendingPathComponent("settings.json").path
        #expect(try String(contentsOfFile: settings, encoding: .utf8).contains("\"language\" : \"en\""))
        let mode = (try FileManager.default.attributesOfItem(atPath: settings)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        try tmux.launch([], environment: ["LANG": "C.UTF-8"])
        try tmux.waitFor("Language: English")
        try tmux.press("q")
        try tmux.waitForExit()
        try tmux.launch(["--lang", "da"], environment: ["LANG": "C.UTF-8"])
        try tmux.waitFor("Sprog: dansk")
        try tmux.press("q")
        try tmux.waitForExit()
    }

    @Test func qAfterTillitResumeStillLeavesTheProgram() throws {
        let tmux = try TmuxSession()
        try tmux.launch(["start", "--deck", "selvledelse", "--lang", "en"])
        try tmux.waitFor("1 / 14")
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
        try tmux.launch(["resume", "--lang", "en"])
        try tmux.waitFor("1 / 14")
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
    }
}
