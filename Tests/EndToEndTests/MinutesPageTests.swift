import Foundation
import Testing
import TillitCore

/// Minutes you can hand over (issue 25, item 5): `e` on the summary writes the
/// minutes as a page to print beside the Markdown, the screen says where, `o`
/// hands it to the desktop's browser, and no table cell is cut short.
@Suite(.serialized) struct MinutesPageTests {
    static let hostile = "<img src=x onerror=document.title='XSS'> & \"Kari\" <b>fet</b>"
    static let longPrompt = "Hva er det viktigste medarbeideren skal få til de neste månedene?"

    /// A folder with an `xdg-open` that only writes down what it was asked to open.
    static func fakeOpener(in tmux: TmuxSession) throws -> (folder: String, log: String) {
        let folder = tmux.home.appendingPathComponent("bin").path
        let log = tmux.home.appendingPathComponent("opened.txt").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = folder + "/xdg-open"
        try "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '\(log)'\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        return (folder, log)
    }

    /// A 1:1 with an answer full of markup and an action on the first card, taken to the summary.
    static func talkOnTheSummary(_ tmux: TmuxSession, environment: [String: String]) throws {
        try tmux.launch(NewcomerTests.oneOnOne + ["--lang", "nb"], environment: environment)
        try tmux.waitFor("1 / 14")
        try tmux.type(hostile)
        try tmux.press("Escape", "a")
        try tmux.waitFor("Ny avtale")
        try tmux.type("Prøve ny turnus")
        try tmux.press("Enter", "Enter", "Enter")
        try tmux.waitFor("Avtalen er lagret")
        try tmux.press("f")
        try tmux.waitFor("Avtaler")
    }

    @Test func eWritesAPageToPrintAndOOpensItOnADesktop() throws {
        let tmux = try TmuxSession(width: 200, height: 50)
        let opener = try Self.fakeOpener(in: tmux)
        try Self.talkOnTheSummary(tmux, environment: ["DISPLAY": ":99", "PATH": opener.folder + ":/usr/bin:/bin"])
        try tmux.press("e")
        let id = try #require(try tmux.waitForSessions().first?.id)
        let page = tmux.dataFolder.appendingPathComponent("sessions/\(id).html").path
        let shown = try tmux.waitFor("Referatet til utskrift: " + page)
        #expect(shown.contains("o åpner det"))
        try tmux.press("o")
        try tmux.waitFor("Åpner referatet i nettleseren")
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: opener.log), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(try String(contentsOfFile: opener.log, encoding: .utf8) == page + "\n")
        try tmux.press("q")
        try tmux.waitForExit()

        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("@page { size: A4; margin: 0; }"))
        #expect(html.contains("&lt;img src=x onerror=document.title=&#39;XSS&#39;&gt; &amp; &quot;Kari&quot; &lt;b&gt;fet&lt;/b&gt;"))
        #expect(!html.contains("<img") && !html.contains("<b>") && !html.contains("://"), "nothing to fetch, no markup from the talk")
        #expect(html.contains("<td>1. \(Self.longPrompt)</td>"), "the card an action came from, whole")
        let attributes = try FileManager.default.attributesOfItem(atPath: page)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        // The Markdown beside it: the same column whole, not ending in "…".
        let markdown = try String(contentsOfFile: tmux.dataFolder.appendingPathComponent("sessions/\(id).md").path, encoding: .utf8)
        #expect(markdown.contains("| 1. \(Self.longPrompt) |"), "\(markdown)")
        #expect(!markdown.contains("…"))

        // In a real browser: the answer shows as written, nothing from it ran or loaded.
        let browser = runProgram("/usr/bin/env", ["python3", PrintInBrowserTests.script.path, page, Self.hostile, "Prøve ny turnus",
                                                  "1. " + Self.longPrompt],
                                 environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                                               "HOME": tmux.home.path], timeout: 90)
        #expect(browser.status == 0 || browser.status == 77, "\(browser.stdout)\n\(browser.stderr)")
    }

    /// Without a desktop `o` says calmly where the page is; the key bar offers `o` only after `e`.
    @Test func withoutADesktopOSaysWhereThePageIs() throws {
        let tmux = try TmuxSession(width: 200, height: 50)
        try Self.talkOnTheSummary(tmux, environment: [:])
        #expect(!(try tmux.screen()).contains("o åpne"))
        try tmux.press("e")
        let id = try #require(try tmux.waitForSessions().first?.id)
        let page = tmux.dataFolder.appendingPathComponent("sessions/\(id).html").path
        let shown = try tmux.waitFor("Referatet til utskrift: " + page)
        #expect(!shown.contains("o åpner det"))
        #expect(shown.contains("o åpne"))
        try tmux.press("o")
        try tmux.waitFor("Her er det ingen skjerm å åpne siden på. Åpne " + page + " i en nettleser.")
        try tmux.press("q")
        try tmux.waitForExit()
    }

    /// `tillit export --format html`: the same page, to a file or to the screen; a deleted talk takes its page along.
    @Test func exportFormatHTMLWritesThePage() throws {
        let (home, store, talks) = try ExportCLITests.home()
        let oneOnOne = try #require(talks.last)
        let output = home.path + "/minutes.html"
        let written = runTillit(["export", oneOnOne.id, "--format", "html", "-o", output], environment: home.environment(ExportCLITests.english))
        #expect(written.status == 0 && written.stdout == "Minutes to print written to \(output)\n", "\(written.stderr)")
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("Good | tired") && !html.contains("Ola seemed tired"))
        let shown = runTillit(["export", oneOnOne.id, "--format", "html"], environment: home.environment(ExportCLITests.english))
        #expect(shown.stdout == html)

        let page = try store.minutesPagePath(for: oneOnOne.id)
        try html.write(toFile: page, atomically: true, encoding: .utf8)
        let deleted = runTillit(["delete", oneOnOne.id, "--yes"], environment: home.environment(ExportCLITests.english))
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(!FileManager.default.fileExists(atPath: page))
    }
}
