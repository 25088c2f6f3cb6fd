import Foundation
import Testing
import TillitCore

/// Issue 22, item 2: tillit takes from a 1:1's room a rating only for one of the
/// talk's two people, on the card's scale. A stand-in for `tillit-room` (a short
/// Python script beside a copy of tillit, as in `FakeRoomTests`) reads the
/// invitation and the card, gives both links, then says `after`.
@Suite(.serialized) struct PersonalFakeRoomTests {
    static let oneOnOne = RatingsTogetherEndToEndTests.oneOnOne + ["--lang", "en"]

    static func tillitBesideFakeRoom(_ after: String) throws -> (folder: URL, tillit: String) {
        let script = """
        #!/usr/bin/env python3
        import re, sys
        def out(line):
            sys.stdout.write(line + "\\n"); sys.stdout.flush()
        invite = sys.stdin.readline()
        show = sys.stdin.readline()
        key = re.search(r'"key":"([^"]*)"', show).group(1)
        out('{"ready":{"url":"http://127.0.0.1:9/x/","code":"ABCD","qr":["101","010","101"]}}')
        for person in ["p1", "p2"]:
            out('{"invited":{"person":"%s","url":"http://127.0.0.1:9/x/%s/","qr":["101","010","101"]}}' % (person, person))
        try:
            \(after)
            for _ in sys.stdin: pass
        except BrokenPipeError:
            pass

        """
        return try FakeRoomTests.tillitBeside(room: script)
    }

    /// The 1:1 on its rating card (4) with the stand-in room opened by `v`; the screen once `text` shows.
    static func run(_ after: String, until text: String) throws -> (String, Session?) {
        let (folder, tillit) = try tillitBesideFakeRoom(after)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try TmuxSession(width: 150, height: 30)
        // `sh -c 'exec COPY "$@"' ORIGINAL ARGS…`: the copy beside the stand-in runs with the talk's arguments.
        try tmux.launch(oneOnOne, environment: ["LANG": "en_US.UTF-8"], wrapper: ["/bin/sh", "-c", "exec \(tillit) \"$@\""])
        try tmux.waitFor("1 / 14")
        try tmux.press("PageDown", "PageDown", "PageDown")
        try tmux.waitFor("4 / 14")
        try tmux.press("Escape", "v")
        let screen = try tmux.waitFor(text)
        try tmux.press("q")
        try tmux.waitForExit()
        return (screen, try tmux.sessions().first)
    }

    /// The stand-in works: a fair rating for Øyvind is his, hidden until Kari rates.
    @Test func aFairRatingIsThePersonsOwn() throws {
        let (screen, talk) = try Self.run(#"out('{"rated":{"card":"%s","person":"p2","value":3}}' % key)"#, until: "Øyvind Å has rated")
        #expect(screen.contains("✓") && !screen.contains("[3]"), "\(screen)")
        #expect(talk?.cards[3].response(of: "p2")?.rating == 3)
    }

    @Test(arguments: [
        ("someone not in the talk", #"out('{"rated":{"card":"%s","person":"p3","value":3}}' % key)"#, "for someone not in the talk"),
        ("a value off the scale", #"out('{"rated":{"card":"%s","person":"p2","value":9}}' % key)"#, "not on the scale 1–5"),
        ("a card never shown", #"out('{"rated":{"card":"selvledelse/nowhere","person":"p2","value":3}}')"#, "a card that was not shown"),
        ("anonymous votes", #"out('{"count":{"card":"%s","votes":1,"counts":{"4":1}}}' % key)"#, "anonymous votes in a 1:1"),
        ("a link for someone not in the talk", #"out('{"invited":{"person":"p7","url":"http://127.0.0.1:9/x/p7/","qr":[]}}')"#, "for someone not in the talk"),
    ])
    func anythingElseClosesTheRoomAndChangesNoRating(name: String, after: String, problem: String) throws {
        let (screen, talk) = try Self.run(after, until: "The voting room sent something tillit cannot use")
        #expect(screen.contains(problem) && screen.contains("so it was closed"), "\(name): \(screen)")
        #expect(talk.map { $0.cards.allSatisfy { $0.responses.allSatisfy { $0.rating == nil } } } ?? true, "\(name)")
    }
}
