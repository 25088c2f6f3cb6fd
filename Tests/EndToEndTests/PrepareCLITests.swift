import Foundation
import Testing
import TillitCore

/// `tillit prepare`: a sheet for the next 1:1 with someone, from the real binary.
@Suite struct PrepareCLITests {
    @Test func theSheetCarriesTheLastTalksOpenActionAndBothRatings() throws {
        let home = try TemporaryHome()
        let talk = runTillit(["start", "--deck", "selvledelse", "--participant", "Åse Ødegård:leader", "--participant", "Bjørn Æsøy:employee",
                              "--plain", "--lang", "nb"], environment: home.environment(["LANG": "nb_NO.UTF-8"]),
                             stdin: ":card 4\n:rate 4\n:next-person\n:rate 2\n:action Bjørn lager ny ukeplan @Bjørn frist 15.12.2030\n:finish\n")
        #expect(talk.status == 0, "\(talk.stderr)")
        let sheet = runTillit(["prepare", "--deck", "selvledelse", "--participant", "Bjørn", "--lang", "nb"],
                              environment: home.environment(["LANG": "nb_NO.UTF-8"]))
        #expect(sheet.status == 0, "\(sheet.stderr)")
        #expect(sheet.stdout.hasPrefix("# Forberedelse: Selvledelse – Bjørn Æsøy\n"), "the name as the talk spells it")
        #expect(sheet.stdout.contains("- Bjørn lager ny ukeplan — Bjørn Æsøy, 15.12.2030"))
        #expect(sheet.stdout.contains("| 2 | 4 |"), "Bjørn's 2 and Åse's 4: \(sheet.stdout)")
        #expect(sheet.stdout.contains("Mine stikkord:"))

        let file = (home.path as NSString).appendingPathComponent("forberedelse.html")
        let html = runTillit(["prepare", "--deck", "selvledelse", "--participant", "Bjørn", "--format", "html", "-o", file, "--lang", "en"],
                             environment: home.environment())
        #expect(html.status == 0 && html.stdout.contains("Preparation sheet written to"))
        let page = try String(contentsOfFile: file, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("@page { size: A4") && !page.contains("<script"))
        #expect(page.contains("<td>2</td><td>4</td>"))

        let none = runTillit(["prepare", "--deck", "selvledelse"], environment: home.environment())
        #expect(none.status != 0 && none.stderr.contains("prepare needs --participant NAME"))
    }
}
