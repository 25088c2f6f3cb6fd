import Foundation
import Testing
import TillitCore

/// Issue 27, items 2 and 3 end to end: how many take part ("5 of 7 voted", more votes
/// than people said plainly, `n` for a new round), and typed votes that a phone round
/// replaces only when the facilitator says so.
@Suite(.serialized) struct TeamRoomPeopleTests {
    @Test func moreVotesThanPeopleIsSaidPlainlyAndANewRoundStartsAgain() async throws {
        let tmux = try TmuxSession(width: 160, height: 45)
        try tmux.launch(VotingRoomTests.team + ["--room", "--room-address", "127.0.0.1", "--people", "2"])
        let room = try VotingRoomTests.roomAddress(on: try tmux.waitFor("Room code"))
        try VotingRoomTests.toTheFirstRatingCard(tmux, counting: "0 of 2 voted")
        #expect(try await Phone(room: room, value: 4).vote() == 303)
        _ = try tmux.waitFor("1 of 2 voted")
        #expect(try await Phone(room: room, value: 5).vote() == 303)
        _ = try tmux.waitFor("All 2 have voted — r shows the result")
        #expect(try await Phone(room: room, value: 1).vote() == 303)
        var screen = try tmux.waitFor("3 votes from 2 people")
        #expect(screen.contains("someone voted"), "\(screen)")
        #expect(screen.contains("n: a new round on this card"))
        let before = try await Phone(room: room, value: 2).open()
        try tmux.press("n")
        screen = try tmux.waitFor("0 of 2 voted")
        #expect(screen.contains("A new round"))
        var saved = try VotingRoomTests.saved(tmux) { $0.cards.allSatisfy { $0.phoneVotes == nil } }
        #expect(saved.cards.allSatisfy { $0.anonymousVotes == nil }, "the dropped round is in no file")
        // The room forgot its phones: a form from before the new round does not count.
        try await Task.sleep(for: .milliseconds(600))
        #expect(try await Phone(room: room, value: 2).send(before) == 409)
        for value in [3, 3] { #expect(try await Phone(room: room, value: value).vote() == 303) }
        _ = try tmux.waitFor("All 2 have voted")
        saved = try VotingRoomTests.saved(tmux) { $0.cards.contains { $0.phoneVotes == [3: 2] } }
        #expect(saved.cards.contains { $0.anonymousVotes == [3: 2] })
        // + and - change how many take part.
        try tmux.press("+")
        _ = try tmux.waitFor("2 of 3 voted")
        try tmux.press("q")
        try tmux.waitForExit()
    }

    @Test func peopleIsCheckedOnTheCommandLine() throws {
        let home = try TemporaryHome()
        for (args, words) in [(["--deck", "psykologisk-trygghet", "--people", "0"], "--people takes a number from 1 to 999, not 0"),
                              (["--deck", "psykologisk-trygghet", "--people", "1000"], "--people takes a number from 1 to 999, not 1000"),
                              (["--deck", "selvledelse", "--people", "2"], "--people is for team meetings only")] {
            let run = runTillit(["start", "--plain", "--lang", "en"] + args, environment: home.environment(), stdin: "")
            #expect(run.status == 1)
            #expect(run.stderr.contains(words), "\(run.stderr)")
        }
    }

    /// Typed votes on a card: the room holds the card back from the phones and asks;
    /// y drops the typed votes and the phones vote.
    @Test func aCardWithTypedVotesAsksBeforeAPhoneRoundReplacesThem() async throws {
        let tmux = try TmuxSession(width: 160, height: 45)
        try tmux.launch(VotingRoomTests.team + ["--room-address", "127.0.0.1"])
        try Self.toTheFirstRatingCard(tmux)
        try tmux.press("2")
        try tmux.press("4")
        _ = try tmux.waitFor("2 votes")
        try tmux.press("v")
        var screen = try tmux.waitFor("This card has 2 votes typed here")
        let room = try VotingRoomTests.roomAddress(on: screen)
        #expect(try await Phone(room: room, value: 5).open().serial == nil, "the phones see no buttons while the card is held back")
        try tmux.press("y")
        screen = try tmux.waitFor("The typed votes are dropped")
        try await Task.sleep(for: .milliseconds(600))
        for value in [1, 5] { #expect(try await Phone(room: room, value: value).vote() == 303) }
        _ = try tmux.waitFor("2 votes in from phones")
        let saved = try VotingRoomTests.saved(tmux) { $0.cards.contains { $0.phoneVotes == [1: 1, 5: 1] } }
        #expect(saved.cards.contains { $0.anonymousVotes == [1: 1, 5: 1] }, "only the phones' votes: the typed ones were replaced")
        try tmux.press("q")
        try tmux.waitForExit()
    }

    /// As `VotingRoomTests.toTheFirstRatingCard`, without a room to wait for.
    static func toTheFirstRatingCard(_ tmux: TmuxSession) throws {
        for _ in 0..<14 where !(try tmux.screen().contains("1 = ")) { try tmux.press("PageDown"); Thread.sleep(forTimeInterval: 0.2) }
    }
}
