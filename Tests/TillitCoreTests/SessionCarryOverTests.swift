import Foundation
import Testing
@testable import TillitCore

@Suite("Session engine: actions carried over from the last talk")
struct SessionCarryOverTests {
    let day: TimeInterval = 86_400

    /// A first 1:1 with one action done and two still open.
    func firstTalk() throws -> Session {
        var talk = try SessionFixture.oneOnOne(id: "2026-10-01-0900-0001")
        try talk.run(
            .addAction(id: "t1-a1", text: "Ukeplan", owner: "Ola", due: nil, onCurrentCard: true),
            .addAction(id: "t1-a2", text: "Kurs", owner: "Kari", due: "2026-11-01", onCurrentCard: false),
            .addAction(id: "t1-a3", text: "Ferdig alt", owner: "Ola", due: nil, onCurrentCard: false),
            .setActionDone(id: "t1-a3", done: true), .finish)
        return talk
    }

    @Test func openActionsComeFirstInTheNextTalkWithTheSamePeople() throws {
        let first = try firstTalk()
        let second = try SessionFixture.oneOnOne(id: "2026-11-01-0900-0002", now: SessionFixture.t0 + day, previous: first)
        #expect(second.carriedOver.map(\.id) == ["t1-a1", "t1-a2"], "the done one stays behind")
        #expect(second.carriedOver.allSatisfy { $0.outcome == .pending && $0.fromSession == first.id })
        #expect(second.carriedOver[1].action.due == "2026-11-01")
        #expect(second.actions.isEmpty, "carried actions are not this talk's own")
    }

    /// Kept, an action is on this talk's list (marked with the talk it came
    /// from) and open until done; marked otherwise again, it leaves the list.
    @Test func aKeptActionIsOnThisTalksListOnceAndLeavesItWhenMarkedOtherwise() throws {
        let first = try firstTalk()
        var second = try SessionFixture.oneOnOne(id: "2026-11-01-0900-0002", now: SessionFixture.t0 + day, previous: first)
        try second.run(.resolveCarried(id: "t1-a1", outcome: .kept))
        #expect(second.actions.map(\.id) == ["t1-a1"])
        #expect(second.actions.first?.carriedFrom == first.id && second.actions.first?.done == false)
        #expect(second.actionsToCarryOn.map(\.action.id) == ["t1-a2", "t1-a1"], "pending and kept, each once")
        #expect(second.actionsToCarryOn.last?.fromSession == first.id)
        try second.run(.resolveCarried(id: "t1-a1", outcome: .kept))
        #expect(second.actions.count == 1, "kept twice is listed once")
        try second.run(.setActionDone(id: "t1-a1", done: true))
        #expect(!second.actionsToCarryOn.contains { $0.action.id == "t1-a1" }, "done in this talk, it stops")
        try second.run(.resolveCarried(id: "t1-a1", outcome: .dropped))
        #expect(second.actions.isEmpty)
    }

    @Test func keptActionsTravelOnAndDoneOrDroppedOnesStop() throws {
        let first = try firstTalk()
        var second = try SessionFixture.oneOnOne(id: "2026-11-01-0900-0002", now: SessionFixture.t0 + day, previous: first)
        try second.run(.resolveCarried(id: "t1-a1", outcome: .kept), .resolveCarried(id: "t1-a2", outcome: .dropped))
        try second.run(.addAction(id: "t2-a1", text: "Ny avtale", owner: "Kari", due: nil, onCurrentCard: false), .finish)
        #expect(second.carriedOver.map(\.outcome) == [.kept, .dropped], "the new talk records what became of them")

        var third = try SessionFixture.oneOnOne(id: "2026-12-01-0900-0003", now: SessionFixture.t0 + 2 * day, previous: second)
        #expect(third.carriedOver.map(\.id) == ["t1-a1", "t2-a1"])
        #expect(third.carriedOver.map(\.fromSession) == [first.id, second.id], "each keeps the talk it was agreed in")
        try third.run(.resolveCarried(id: "t1-a1", outcome: .done))
        #expect(third.carriedOver[0].action.done)
        #expect(third.actionsToCarryOn.map(\.action.id) == ["t2-a1"], "done: it travels no further")
        #expect(throws: TalkError.noSuchAction("t9")) { try third.run(.resolveCarried(id: "t9", outcome: .kept)) }
    }

    @Test func unresolvedCarriedActionsAreStillOpenNextTime() throws {
        let second = try SessionFixture.oneOnOne(id: "2026-11-01-0900-0002", previous: try firstTalk())
        let third = try SessionFixture.oneOnOne(id: "2026-12-01-0900-0003", previous: second)
        #expect(third.carriedOver.map(\.id) == ["t1-a1", "t1-a2"], "nobody looked at them: nothing is lost")
    }

    @Test func theSamePeopleMeansTheSameNamesForA1on1AndTheSameTitleForATeam() throws {
        let first = try firstTalk()
        let otherPair = try SessionFixture.oneOnOne(id: "2026-10-02-0900-0004", now: SessionFixture.t0 + day,
                                                   participants: [SessionFixture.kari, Participant(id: "p2", name: "Per", role: .employee)])
        let swapped = try SessionFixture.oneOnOne(id: "2026-10-03-0900-0005", now: SessionFixture.t0 + 2 * day,
                                                  participants: [Participant(id: "p1", name: " ola", role: .employee),
                                                                 Participant(id: "p2", name: "KARI", role: .leader)])
        #expect(swapped.continuityKey == first.continuityKey, "order, case and spaces do not matter")
        #expect(otherPair.continuityKey != first.continuityKey)

        let nord = try SessionFixture.team(id: "2026-10-01-1000-0006", title: "Team Nord", anonymous: false)
        let nordAgain = try SessionFixture.team(id: "2026-10-08-1000-0007", title: "team nord ", anonymous: true,
                                                now: SessionFixture.t0 + day)
        let sor = try SessionFixture.team(id: "2026-10-09-1000-0008", title: "Team Sør", anonymous: false)
        #expect(nord.continuityKey == nordAgain.continuityKey && nord.continuityKey != sor.continuityKey)

        let all = [first, otherPair, swapped, nord, nordAgain, sor]
        #expect(Session.previousTalk(for: first.continuityKey, among: all)?.id == swapped.id, "the newest with those people")
        #expect(Session.previousTalk(for: first.continuityKey, among: all, excluding: swapped.id)?.id == first.id)
        #expect(Session.previousTalk(for: nord.continuityKey, among: all, excluding: nordAgain.id)?.id == nord.id)
        #expect(Session.previousTalk(for: "team:ingen", among: all) == nil)
    }
}
