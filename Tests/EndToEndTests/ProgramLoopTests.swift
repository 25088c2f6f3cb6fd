import Foundation
import Testing
import TillitCore
@testable import TillitStore

/// The program loop performs every effect `update` asks for, on every path into
/// a talk: here the one a finished talk takes when `tillit resume` opens it.
@Suite struct ProgramLoopTests {
    /// A deck of one rating card in the user's own decks folder.
    static let deckYAML = """
        id: loop-check
        version: 1
        title: { en: Loop check, nb: Sløyfesjekk }
        audience: [team]
        cards:
          - id: si-fra
            prompt: { en: "How easy is it to speak up here?", nb: "Hvor lett er det å si fra her?" }
            answer:
              scale: { min: 1, max: 5 }
        """

    /// Two finished meetings of one team; the second averages 2 higher.
    static func twoMeetings(in dataFolder: URL) throws -> (earlier: String, later: String) {
        let decks = dataFolder.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try Data(deckYAML.utf8).write(to: decks.appendingPathComponent("loop-check.yaml"))
        let deck = try #require(DeckParser.parse(yaml: deckYAML, path: "loop-check.yaml").deck)
        let store = SessionStore(home: TillitHome(path: dataFolder.path))
        let day = Date(timeIntervalSince1970: 1_795_464_000)
        var ids: [String] = []
        for (offset, votes) in [(0, [2, 2, 2]), (7, [4, 4, 4])] {
            let when = day + Double(offset) * 86_400
            var talk = try Session.start(TalkSetup(kind: .team, title: "Team Nord", language: .en, deckIDs: [deck.id]),
                                         decks: [deck], id: "2026-11-2\(offset)-1000-000\(offset)", now: when)
            for vote in votes { try talk.apply(.addVote(value: vote, participant: nil), now: when) }
            try talk.apply(.finish, now: when)
            try store.save(talk)
            ids.append(talk.id)
        }
        return (ids[0], ids[1])
    }

    @Test func aFinishedTeamTalkResumedShowsHowTheAverageMovedSinceTheMeetingBefore() throws {
        let tmux = try TmuxSession()
        let (_, later) = try Self.twoMeetings(in: tmux.dataFolder)
        try tmux.launch(["resume", later, "--lang", "en"])
        let screen = try tmux.waitFor("4.0")
        // The summary asks for the meeting before; the loop must read it, or no change shows.
        let changed = try tmux.waitFor("+2.0", timeout: 5)
        #expect(screen.contains("Team Nord") || changed.contains("Team Nord"))
        #expect(changed.contains("since last"))
        try tmux.press("q")
        try tmux.waitForExit()
    }
}
