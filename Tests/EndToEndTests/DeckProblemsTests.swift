import Foundation
import Testing
import TillitCore

/// `tillit decks` says "(skipped)" only for decks it skipped, and the decks screen names them.
struct DeckProblemsTests {
    static let deck = """
        id: warned
        title: { nb: "Varslet", en: "Warned" }
        colour: blue
        cards:
          - id: one
            prompt: { nb: "Hva er viktigst?", en: "What matters most?" }

        """

    @Test func aDeckWithOnlyWarningsIsListedAndNotCalledSkipped() throws {
        let home = try TemporaryHome()
        let warned = try home.write("decks/warned.yaml", Self.deck)
        let broken = try home.write("decks/broken.yaml", "id: broken\ntitle: { nb: Ødelagt, en: Broken\ncards: []\n")
        let run = runTillit(["decks", "--lang", "en"], environment: home.environment())
        #expect(run.status == 0)
        let errors = run.stderr.split(separator: "\n").map(String.init)
        let warning = try #require(errors.first { $0.hasPrefix(warned) }, "\(run.stderr)")
        #expect(warning.contains("warning: unknown key 'colour'"))
        #expect(!warning.contains("(skipped)"), "\(warning)")
        #expect(errors.first { $0.hasPrefix(broken) }?.hasSuffix("(skipped)") == true, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").contains { $0.hasPrefix("warned ") })
    }

    @Test func theDecksScreenNamesADeckThatCouldNotBeLoaded() throws {
        let tmux = try TmuxSession()
        try FileManager.default.createDirectory(at: tmux.dataFolder.appendingPathComponent("decks"), withIntermediateDirectories: true)
        try "id: broken\ntitle: { nb: Ødelagt, en: Broken\ncards: []\n"
            .write(to: tmux.dataFolder.appendingPathComponent("decks/broken.yaml"), atomically: true, encoding: .utf8)
        try tmux.launch(["--lang", "en"])
        try tmux.waitFor("Card decks")
        try tmux.press("d")
        let screen = try tmux.waitFor("Not loaded: broken.yaml, line 3")
        #expect(screen.contains("tillit lint"), "\(screen)")
        try tmux.press("C-c")
        try tmux.waitForExit()
    }
}
