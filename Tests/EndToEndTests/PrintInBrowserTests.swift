import Foundation
import Testing

/// Issue 26, item 9: `tillit print` of `\u{0600}<img src=x onerror=…\u{0600}>` ran the script in a browser
/// (the page title became "XSS"). The printed deck with the grapheme trick and the usual payloads, in Chromium.
@Suite struct PrintInBrowserTests {
    /// As YAML double-quoted text: `\u0600` is the prepended mark, `\"` a quote.
    static let payloads = [
        #"\u0600<img src=x onerror=document.title='XSS'\u0600>"#,
        #"\u0600<meta http-equiv=\"refresh\" content=\"0;url=https://example.invalid\">"#,
        #"\u0600<a href=\"https://example.invalid\">press\u0600</a>"#,
        #"<script>document.title='XSS'</script>"#,
    ]

    @Test func deckTextStaysTextInTheBrowser() throws {
        let home = try TemporaryHome()
        let cards = Self.payloads.enumerated().map { index, prompt in
            "  - id: card-\(index)\n    prompt: { nb: \"\(prompt)\", en: \"\(prompt)\" }\n"
        }.joined()
        try home.write("decks/hostile.yaml", "id: hostile\ntitle: { nb: \"Hostile\", en: \"Hostile\" }\ncards:\n" + cards)
        let output = home.path + "/cards.html"
        let printed = runTillit(["print", "hostile", "-o", output, "--lang", "en"], environment: home.environment())
        #expect(printed.status == 0, "\(printed.stderr)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/printed.py")
        let run = runProgram("/usr/bin/env", ["python3", script.path, output, "onerror=document.title='XSS'", "<script>"],
                             environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
                                           "HOME": home.path], timeout: 90)
        if run.status == 77 {
            print("SKIPPED: no headless Chromium here (\(run.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
    }
}
