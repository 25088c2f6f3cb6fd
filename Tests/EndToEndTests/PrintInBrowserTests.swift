import Foundation
import Testing

/// Issue 26, item 9: `tillit print` of `\u{0600}<img src=x onerror=…\u{0600}>` ran the script in a browser
/// (the page title became "XSS"), and a prompt put a raw <meta> and a working link on the phone page. The
/// grapheme trick and the usual payloads in a deck, printed and on the phone page, in Chromium.
@Suite(.serialized) struct PrintInBrowserTests {
    /// As YAML double-quoted text: `\u0600` is the prepended mark, `\"` a quote.
    static let payloads = [
        #"\u0600<img src=x onerror=document.title='XSS'\u0600>"#,
        #"\u0600<meta http-equiv=\"refresh\" content=\"0;url=https://example.invalid\">"#,
        #"\u0600<a href=\"https://example.invalid\">press\u0600</a>"#,
        #"<script>document.title='XSS'</script>"#,
    ]

    /// The deck of the payloads, one rating card each, as a file for the decks folder.
    static var hostileDeck: String {
        let cards = payloads.enumerated().map { index, prompt in
            "  - id: card-\(index)\n    prompt: { nb: \"\(prompt)\", en: \"\(prompt)\" }\n"
                + "    answer: { scale: { min: 1, max: 3, low: { nb: \"\(prompt)\", en: \"\(prompt)\" }, high: { nb: h, en: h } } }\n"
        }.joined()
        return "id: hostile\ntitle: { nb: \"Hostile\", en: \"Hostile\" }\naudience: [team]\ncards:\n" + cards
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/printed.py")

    /// Runs Browser/printed.py on `target` (a file or the room's address); false when no Chromium is here.
    static func checkInChromium(_ target: String, home: String) -> Bool {
        let run = runProgram("/usr/bin/env", ["python3", script.path, target, "onerror=document.title='XSS'"],
                             environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
                                           "HOME": home], timeout: 90)
        if run.status == 77 {
            print("SKIPPED: no headless Chromium here (\(run.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return false
        }
        #expect(run.status == 0, "\(target)\n\(run.stdout)\n\(run.stderr)")
        return true
    }

    @Test func thePrintedDeckKeepsDeckTextAsText() throws {
        let home = try TemporaryHome()
        try home.write("decks/hostile.yaml", Self.hostileDeck)
        let output = home.path + "/cards.html"
        let printed = runTillit(["print", "hostile", "-o", output, "--lang", "en"], environment: home.environment())
        #expect(printed.status == 0, "\(printed.stderr)")
        _ = Self.checkInChromium(output, home: home.path)
    }

    @Test func thePhonePageKeepsDeckTextAsText() throws {
        let tmux = try TmuxSession()
        try FileManager.default.createDirectory(at: tmux.dataFolder.appendingPathComponent("decks"), withIntermediateDirectories: true)
        try Self.hostileDeck.write(to: tmux.dataFolder.appendingPathComponent("decks/hostile.yaml"), atomically: true, encoding: .utf8)
        try tmux.launch(["start", "--deck", "hostile", "--kind", "team", "--anonymous", "--lang", "en",
                         "--room", "--room-address", "127.0.0.1"])
        let room = try VotingRoomTests.roomAddress(on: try tmux.waitFor("Room code"))
        _ = Self.checkInChromium(room.absoluteString, home: tmux.home.path)
        try tmux.press("q")
    }
}
