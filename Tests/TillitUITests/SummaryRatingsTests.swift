import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// The summary shows what was rated; a team's summary asks once for the last
/// meeting to show how the averages moved.
@Suite("The summary's ratings, in update and view")
struct SummaryRatingsTests {
    static func teamAtSummary(votes: [Int]) throws -> (AppState, [Effect]) {
        var session = Fixtures.team()
        for vote in votes { try session.apply(.addVote(value: vote, participant: nil), now: Fixtures.start) }
        try session.apply(.revealVotes, now: Fixtures.start)
        var state = Fixtures.talkState(session, size: Size(width: 100, height: 30))
        let effects = Fixtures.press([.escape, .character("f")], &state)
        return (state, effects)
    }

    @Test func aTeamsSummaryAsksForTheLastMeetingOnce() throws {
        var (state, effects) = try Self.teamAtSummary(votes: [4, 2, 5])
        #expect(effects == [.loadPreviousMeeting(of: state.talk!.session)])
        #expect(Fixtures.press([.down, .up], &state).isEmpty, "asked once, not on every key")
        _ = update(&state, .previousMeetingLoaded(nil, talkID: state.talk!.session.id))
        #expect(state.talk?.previousMeeting == TalkState.PreviousMeeting.none)
        #expect(Fixtures.press([.left, .character("f")], &state).isEmpty, "back to the cards and again: still once")
    }

    /// A long name is cut on a laptop's screen and shown whole where the screen has room.
    @Test(arguments: [(Size(width: 80, height: 24), "Bjørn Øde…"), (Size(width: 200, height: 60), "Bjørn Ødegård")])
    func aOneOnOnesRatingColumnsShowNamesWholeWhereThereIsRoom(size: Size, shown: String) throws {
        var session = Fixtures.oneOnOne()
        session.participants[1].name = "Bjørn Ødegård"
        try session.apply(.next, now: Fixtures.start)
        try session.apply(.setRating(participant: "p2", rating: 2), now: Fixtures.start)
        var state = Fixtures.talkState(session, size: size)
        Fixtures.press([.escape, .character("f")], &state)
        let screen = view(state).text
        #expect(screen.contains("Kari  " + shown), "the leader first, as on the cards: \(screen)")
    }

    @Test func aOneOnOneHasNoMeetingBeforeToAskFor() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        #expect(Fixtures.press([.escape, .character("f")], &state).isEmpty)
    }

    @Test func anAnswerForAnotherTalkIsIgnored() throws {
        var (state, _) = try Self.teamAtSummary(votes: [4, 2, 5])
        _ = update(&state, .previousMeetingLoaded(Fixtures.team(), talkID: "someone-else"))
        #expect(state.talk?.previousMeeting == .asked)
    }

    @Test func theChangeSinceTheLastMeetingShowsOnceItIsRead() throws {
        var (state, _) = try Self.teamAtSummary(votes: [4, 2, 5, 4, 4])
        var screen = view(state).text
        #expect(screen.contains("Hvor lett er det å si fra") && screen.contains("3,8"), "\(screen)")
        #expect(!screen.contains("siden sist"), "no column before there is a change to show: \(screen)")
        var earlier = Fixtures.team()
        earlier.id = "2026-11-05-1300-0000"
        for vote in [2, 3, 3] { try earlier.apply(.addVote(value: vote, participant: nil), now: Fixtures.start) }
        _ = update(&state, .previousMeetingLoaded(earlier, talkID: state.talk!.session.id))
        screen = view(state).text
        #expect(screen.contains("siden sist") && screen.contains("+1,1"), "\(screen)")
    }

    @Test func votesNotYetRevealedStayACountInTheSummary() {
        var session = Fixtures.team()
        for vote in [4, 2, 5, 1] { try! session.apply(.addVote(value: vote, participant: nil), now: Fixtures.start) }
        var state = Fixtures.talkState(session, size: Size(width: 100, height: 30))
        Fixtures.press([.escape, .character("f")], &state)
        let screen = view(state).text
        #expect(screen.contains("4 stemmer · ikke vist ennå"), "\(screen)")
        #expect(!screen.contains("snitt") && !screen.contains("3,0"), "\(screen)")
    }

    @Test func aOneOnOneMarksRatingsFarApart() throws {
        var session = Fixtures.oneOnOne()
        try session.apply(.next, now: Fixtures.start)
        try session.apply(.setRating(participant: "p2", rating: 2), now: Fixtures.start)
        try session.apply(.setRating(participant: "p1", rating: 4), now: Fixtures.start)
        var state = Fixtures.talkState(session)
        Fixtures.press([.escape, .character("f")], &state)
        var screen = view(state).text
        #expect(screen.contains("◆ verdt å snakke om"), "\(screen)")
        let row = try #require(screen.split(separator: "\n").first { $0.contains("2. Hvor mye energi") })
        #expect(row.contains(/4\s+2/), "Kari's 4 and Ola's 2 side by side, the leader first: \(row)")
        Fixtures.press([.left], &state)
        try state.talk!.session.apply(.setRating(participant: "p1", rating: 3), now: Fixtures.start)
        Fixtures.press([.escape, .character("f")], &state)
        screen = view(state).text
        #expect(!screen.contains("verdt å snakke om"), "one apart is not marked: \(screen)")
    }
}

/// `--bell`: the bell rings once when a card's time runs out, never unasked.
@Suite("The bell when time runs out, with an injected clock")
struct TimeUpBellTests {
    static func state(bell: Bool) -> AppState {
        var state = Fixtures.talkState(Fixtures.team())  // 300 s a card
        state.config.bell = bell
        return state
    }

    static func tick(_ seconds: TimeInterval, _ state: inout AppState) -> [Effect] {
        update(&state, .tick(Fixtures.start.addingTimeInterval(seconds)))
    }

    @Test func itRingsOnceWhenTheTimeRunsOutAndAgainOnTheNextCard() {
        var state = Self.state(bell: true)
        #expect(Self.tick(299, &state).isEmpty)
        #expect(Self.tick(300, &state) == [.bell])
        #expect(Self.tick(301, &state).isEmpty && Self.tick(900, &state).isEmpty, "once, not on every tick")
        Fixtures.press([.right], &state)
        #expect(Self.tick(1_100, &state).isEmpty, "the next card's own 300 s")
        #expect(Self.tick(1_200, &state) == [.bell])
    }

    @Test func withoutBellItNeverRings() {
        var state = Self.state(bell: false)
        #expect(Self.tick(300, &state).isEmpty && Self.tick(10_000, &state).isEmpty)
        #expect(view(state).text.contains("tiden er ute"), "the calm time-up state still shows")
    }

    @Test func aFinishedTalkOrTheSummaryDoesNotRing() {
        var state = Self.state(bell: true)
        Fixtures.press([.escape, .character("f")], &state)
        #expect(Self.tick(400, &state).filter { $0 == .bell }.isEmpty)
    }
}
