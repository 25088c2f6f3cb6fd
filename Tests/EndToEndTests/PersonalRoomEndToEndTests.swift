import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TillitCore

/// Issue 22, item 2, end to end: in a 1:1, `v` opens a room with a link for each
/// of the two; a rating given on a phone (a real HTTP client on loopback) is that
/// person's, hidden on the shared screen until the other has rated, and saved under their name.
@Suite(.serialized) struct PersonalRoomEndToEndTests {
    static let oneOnOne = RatingsTogetherEndToEndTests.oneOnOne + ["--room-address", "127.0.0.1"]

    /// The two links the panel shows, in the talk's order of people.
    static func links(on screen: String) -> [URL] {
        screen.matches(of: /http:\/\/127\.0\.0\.1:[0-9]+\/[a-z0-9]+\/[a-z0-9]+\//).compactMap { URL(string: String($0.output)) }
    }

    /// On card 4 (a rating card) with the room open; the two links.
    static func openOnTheRatingCard(_ tmux: TmuxSession) throws -> [URL] {
        try tmux.launch(oneOnOne, environment: ["LANG": "nb_NO.UTF-8"])
        try tmux.waitFor("1 / 14")
        try tmux.press("PageDown", "PageDown", "PageDown")
        try tmux.waitFor("4 / 14")
        try tmux.press("Escape", "v")
        let screen = try tmux.waitFor("Romkode")
        return links(on: screen)
    }

    /// The saved talk's rating of `person` on card 4, once `done` holds for it.
    static func rating(_ tmux: TmuxSession, _ person: String, until done: @escaping (Int?) -> Bool) throws -> Int? {
        try VotingRoomTests.saved(tmux) { done($0.cards[3].response(of: person)?.rating) }.cards[3].response(of: person)?.rating
    }

    @Test func aRatingFromAPhoneIsHiddenUntilTheOtherRatesThenBothShow() async throws {
        // Wide enough for the links on one line each, too low for the QR codes.
        let tmux = try TmuxSession(width: 150, height: 24)
        let links = try Self.openOnTheRatingCard(tmux)
        let panel = try tmux.screen()
        try #require(links.count == 2, "\(panel)")
        let kari = PersonalPhone(link: links[0]), oyvind = PersonalPhone(link: links[1])
        let kariPage = try await kari.open()
        #expect(kariPage.body.contains("Kari Ødegård, hva er din vurdering?") && !kariPage.body.contains("Øyvind"))

        #expect(try await kari.rate(kariPage, "4") == 303)
        #expect(try Self.rating(tmux, "p1") { $0 == 4 } == 4)
        try tmux.waitFor("Kari Ødegård har vurdert")
        let afterFour = try RatingsTogetherEndToEndTests.screenWithoutClock(tmux)
        #expect(try await kari.rate(kariPage, "2") == 303)
        #expect(try Self.rating(tmux, "p1") { $0 == 2 } == 2)
        try await Task.sleep(for: .milliseconds(500))
        let afterTwo = try RatingsTogetherEndToEndTests.screenWithoutClock(tmux)
        #expect(afterFour == afterTwo, "nothing on screen depends on the hidden value:\n\(afterFour)\n---\n\(afterTwo)")
        #expect(afterTwo.contains("✓") && afterTwo.contains("vises når begge har vurdert"))

        let oyvindPage = try await oyvind.open()
        #expect(oyvindPage.body.contains("Øyvind Å, hva er din vurdering?") && !oyvindPage.body.contains("Du har gitt"))
        #expect(try await oyvind.rate(oyvindPage, "3") == 303)
        let shown = try tmux.waitFor("1 fra hverandre")
        #expect(shown.contains("[2]") && shown.contains("[3]"), "\(shown)")
        let talk = try VotingRoomTests.saved(tmux) { $0.cards[3].response(of: "p2")?.rating == 3 }
        #expect(talk.participant(id: "p1")?.name == "Kari Ødegård" && talk.cards[3].response(of: "p1")?.rating == 2)
        #expect(talk.participant(id: "p2")?.name == "Øyvind Å" && talk.cards[3].response(of: "p2")?.rating == 3)
        #expect(talk.cards[3].phoneVotes == nil && talk.cards[3].anonymousVotes == nil, "not counted as anonymous votes")

        // Taken back from the phone: Øyvind's 3 is hidden again, as after ⌫ on the keyboard.
        #expect(try await kari.rate(kariPage, "none") == 303)
        #expect(try Self.rating(tmux, "p1") { $0 == nil } == nil)
        let takenBack = try tmux.waitFor("Vurderingen til Kari Ødegård er fjernet")
        #expect(!takenBack.contains("[3]") && !takenBack.contains("fra hverandre"), "\(takenBack)")

        // A third link, and the room's own address: 404.
        let room = links[0].deletingLastPathComponent()
        for unknown in [room.appendingPathComponent("abcdefghjkmnpqrst"), room] {
            #expect(try await LoopbackHTTP.exchange("GET", unknown, from: LoopbackHTTP.nextAddress()).status == 404, "\(unknown)")
        }
        try tmux.press("q")
        try tmux.waitForExit()
        #expect(try VotingRoomTests.roomProcesses(of: tmux).isEmpty)
    }

    /// At 200x60 the two QR codes stand side by side, each person's name above their own.
    @Test func theTwoCodesStandSideBySideWithTheNamesAbove() async throws {
        let tmux = try TmuxSession(width: 200, height: 60)
        _ = try Self.openOnTheRatingCard(tmux)
        let screen = try tmux.waitFor("Skann din egen kode")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let scan = try #require(lines.firstIndex { $0.contains("Skann din egen kode") })
        let names = lines[scan + 1]
        let kari = try #require(names.range(of: "Kari Ødegård"), "\(screen)"), oyvind = try #require(names.range(of: "Øyvind Å"))
        // Each name over its own code: blocks of a code in the columns under each name, row after row.
        let left = names.distance(from: names.startIndex, to: kari.lowerBound)
        let right = names.distance(from: names.startIndex, to: oyvind.lowerBound)
        #expect(right - left > 30, "side by side: \(names)")
        func codeRows(from column: Int) -> Int {
            lines[(scan + 2)..<min(lines.count, scan + 30)].filter { line in
                Array(line).dropFirst(column).prefix(30).contains { "█▀▄".contains($0) }
            }.count
        }
        #expect(codeRows(from: left - 1) > 12 && codeRows(from: right - 1) > 12, "\(screen)")
        // The addresses under the codes, for a phone that cannot scan.
        #expect(screen.contains("http://127.0.0.1:") && screen.contains("Romkode"))
        try tmux.press("q")
        try tmux.waitForExit()
    }
}

/// One person's phone on their own link: a cookie, and the page's card and form values.
struct PersonalPhone: Sendable {
    let link: URL
    let address = LoopbackHTTP.nextAddress()

    struct Page: Sendable {
        let cookie: String
        let serial: String?
        let form: String?
        let body: String
    }

    func open() async throws -> Page {
        let answer = try await LoopbackHTTP.exchange("GET", link, from: address)
        let cookie = (answer.header("Set-Cookie") ?? "").split(separator: ";").first.map(String.init) ?? ""
        return Page(cookie: cookie, serial: Phone.hidden("card", in: answer.body), form: Phone.hidden("form", in: answer.body), body: answer.body)
    }

    /// Submits `page`'s form with `value` (`none` takes the rating back), as a browser does (with its Origin).
    func rate(_ page: Page, _ value: String) async throws -> Int {
        let answer = try await LoopbackHTTP.exchange(
            "POST", link.appendingPathComponent("vote"), from: address,
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": page.cookie,
                      "Origin": "http://\(link.host ?? ""):\(link.port ?? 0)"],
            body: "card=\(page.serial ?? "")&form=\(page.form ?? "")&value=\(value)")
        return answer.status
    }
}
