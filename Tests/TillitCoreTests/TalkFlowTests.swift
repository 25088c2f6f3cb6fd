import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore
@testable import TillitPlain

/// The rules above a single command that the card screen and plain mode share
/// (`TalkFlow`), the words both use (`TalkText`), and plain mode's lines (`PlainTalk`).
struct TalkFlowTests {
    let t = Localizer(.nb)

    @Test func skippingMovesOnReopensAndStopsAtTheLastCard() throws {
        var session = try SessionFixture.oneOnOne()
        let skip = TalkFlow.setAside(.skipped, in: session)
        #expect(skip.commands == [.skip, .next] && skip.outcome == .movedOn)
        #expect(try session.apply(skip, now: SessionFixture.t0) == .movedOn)
        #expect(session.cards[0].status == .skipped && session.currentIndex == 1)

        try session.run(.previous)
        #expect(TalkFlow.setAside(.skipped, in: session).commands == [.reopenCard], "pressed again, the card is open again")
        #expect(TalkFlow.setAside(.parked, in: session).commands == [.park, .next], "a skipped card can still be parked")
        #expect(try session.apply(TalkFlow.setAside(.skipped, in: session), now: SessionFixture.t0) == .reopened)
        #expect(session.cards[0].status == .open && session.currentIndex == 0)

        try session.run(.jump(to: session.cards.count - 1))
        let last = TalkFlow.setAside(.parked, in: session)
        #expect(last.commands == [.park] && last.outcome == .onLastCard)
    }

    @Test func aStepIsAppliedWholeOrNotAtAll() throws {
        var session = try SessionFixture.oneOnOne()
        try session.run(.finish)
        let before = session
        #expect(throws: TalkError.finished) { try session.apply(TalkFlow.setAside(.skipped, in: session), now: SessionFixture.t0) }
        #expect(session == before)
    }

    @Test func savingAnActionAddsOrChangesIt() throws {
        var session = try SessionFixture.oneOnOne()
        let draft = TalkFlow.ActionDraft(editing: nil, text: "Ny ukeplan", owner: "Ola", due: "2026-12-15", onCard: true)
        let add = TalkFlow.saveAction(draft, in: session)
        let id = session.nextActionID()
        #expect(add.commands == [.addAction(id: id, text: "Ny ukeplan", owner: "Ola", due: "2026-12-15", onCurrentCard: true)])
        #expect(try session.apply(add, now: SessionFixture.t0) == id)

        var change = draft
        change.editing = id
        change.text = "Ny ukeplan fra januar"
        #expect(TalkFlow.saveAction(change, in: session).commands
                == [.editAction(id: id, text: "Ny ukeplan fra januar", owner: "Ola", due: "2026-12-15")])
        change.editing = "gone"
        #expect(TalkFlow.saveAction(change, in: session).outcome == session.nextActionID(), "an action that is gone is made anew")
    }

    @Test func wordsKeptInAFinishedTalkLeaveItFinished() throws {
        var session = try SessionFixture.oneOnOne()
        try session.run(.finish)
        let save = TalkFlow.saveAction(.init(editing: nil, text: "Ringe Ola", owner: "", due: nil, onCard: false), in: session)
        #expect(throws: TalkError.finished) { try session.apply(save, now: SessionFixture.t0) }
        let kept = TalkFlow.keepingFinished(save, in: session)
        #expect(kept.commands.first == .reopen && kept.commands.last == .finish)
        try session.apply(kept, now: SessionFixture.t0)
        #expect(session.isFinished && session.actions.map(\.text) == ["Ringe Ola"])
        #expect(TalkFlow.keepingFinished(save, in: try SessionFixture.oneOnOne()).commands == save.commands)
    }

    @Test func aTypedDueDateIsReadOnce() {
        let today = SessionFixture.t0
        #expect(DueDate.Typed("  ", today: today) == .none)
        #expect(DueDate.Typed("15.12.2026", today: today) == .day("2026-12-15"))
        #expect(DueDate.Typed(" 1.13 ", today: today) == .unreadable("1.13"))
        #expect(DueDate.Typed("1.13", today: today).due(keeping: "2026-01-02") == "2026-01-02")
        #expect(DueDate.Typed("", today: today).due(keeping: "2026-01-02") == nil)
        #expect(DueDate.Typed("15.12.2026", today: today).unreadable == nil)
    }

    /// The team-writer rule, decided once: both people in a 1:1; the facilitator
    /// of a team; a team without one has no writer (never a member's name).
    @Test func whoWritesIsDecidedInOnePlace() throws {
        #expect(try SessionFixture.oneOnOne().writers.map(\.id) == ["p1", "p2"])
        #expect(try SessionFixture.team(anonymous: false).writers.isEmpty)
        var withFacilitator = try SessionFixture.team(anonymous: true)
        withFacilitator.participants.append(Participant(id: "p9", name: "Åse", role: .facilitator))
        #expect(withFacilitator.writers.map(\.id) == ["p9"])
    }

    @Test func theWordsOfATalk() {
        #expect(TalkText.clock(252) == "04:12" && TalkText.clock(3852) == "1:04:12" && TalkText.clock(-75) == "+01:15")
        #expect(TalkText.mean(3.75, t) == "snitt 3,8" && TalkText.mean(3.75, Localizer(.en)) == "average 3.8")
        #expect(TalkText.voteCount(1, t) == "1 stemme" && TalkText.voteCount(4, t) == "4 stemmer")
        #expect(TalkText.status(.answered, t).isEmpty && TalkText.status(.parked, t) == t(.statusParked))
        #expect(TalkText.outcome(.kept, t) == t(.outcomeKept))
        let action = Action(id: "a1", text: "Ny ukeplan", owner: "Ola", due: "2026-12-15", done: true, createdAt: SessionFixture.t0)
        #expect(TalkText.actionLine(action, t, now: SessionFixture.t0) == "Ny ukeplan — Ola, 15.12. ✓")
        #expect(TalkText.actionLine(action, t, now: SessionFixture.t0, markDone: false) == "Ny ukeplan — Ola, 15.12.")
        // Anonymous votes: the count until revealed (each front end says how), then the mean.
        var team = try! SessionFixture.team(anonymous: true)
        try! team.run(.next, .addVote(value: 4, participant: nil), .addVote(value: 4, participant: nil), .addVote(value: 3, participant: nil))
        let card = team.currentCard!
        #expect(TalkText.voteLine(team, card, t, revealHint: .plainRevealShort) == "3 stemmer · " + t(.plainRevealShort))
        try! team.run(.revealVotes)
        #expect(TalkText.voteLine(team, team.currentCard!, t, revealHint: .plainRevealShort) == "3 stemmer · snitt 3,7")
        // The screens name the key, plain mode the command.
        #expect(TalkText.refusal(TalkError.finished, t, card: nil) == t(.talkIsFinished))
        #expect(TalkText.refusal(TalkError.finished, t, card: nil, lines: true) == t(.plainIsFinished))
        #expect(TalkText.refusal(TalkError.emptyAction, t, card: nil, lines: true) == t(.plainActionUsage))
        #expect(TalkText.refusal(TalkError.noTextOnCard, t, card: nil, lines: true) == t(.plainScaleOnly, 1, 5))
    }
}

/// Plain mode's lines, without the binary: a line in, the words out.
struct PlainTalkTests {
    static let catalog = DeckCatalog(entries: [CatalogEntry(deck: SessionFixture.deck(), origin: .shipped(path: "/decks/s.yaml"))],
                                     problems: [])
    let t = Localizer(.nb)

    static func talk(_ session: Session) -> PlainTalk {
        PlainTalk(session: session, path: "/tmp/talk.json", decks: catalog.decks, language: .nb)
    }

    @Test func aTextLineGoesToWhoeverWritesAndATeamWithoutAFacilitatorKeepsNoWords() throws {
        var oneOnOne = Self.talk(try SessionFixture.oneOnOne())
        _ = oneOnOne.opening(now: SessionFixture.t0)
        _ = oneOnOne.handle(PlainInput(line: "Mer tid med brukerne"), now: SessionFixture.t0)
        _ = oneOnOne.handle(PlainInput(line: ":next-person"), now: SessionFixture.t0)
        _ = oneOnOne.handle(PlainInput(line: "Enig"), now: SessionFixture.t0)
        #expect(oneOnOne.session.cards[0].response(of: "p1")?.text == "Mer tid med brukerne")
        #expect(oneOnOne.session.cards[0].response(of: "p2")?.text == "Enig")

        var team = try SessionFixture.team(anonymous: false)
        var facilitated = team
        facilitated.participants.append(Participant(id: "p9", name: "Åse", role: .facilitator))
        var talk = Self.talk(facilitated)
        #expect(talk.opening(now: SessionFixture.t0).contains(t(.plainTeamWriting)))
        _ = talk.handle(PlainInput(line: "Vi vil si fra oftere"), now: SessionFixture.t0)
        #expect(talk.session.cards[0].response(of: "p9")?.text == "Vi vil si fra oftere")

        var unfacilitated = Self.talk(team)
        #expect(unfacilitated.opening(now: SessionFixture.t0).contains(t(.plainNoTeamWriter)))
        let reply = unfacilitated.handle(PlainInput(line: "Vi vil si fra oftere"), now: SessionFixture.t0)
        #expect(reply.lines == [t(.plainNoTeamWriter)])
        #expect(unfacilitated.session.cards[0].responses.isEmpty, "not filed under \(team.participants[0].name)'s name")
        team = unfacilitated.session
        #expect(team.writers.isEmpty)
    }

    @Test func skipAndParkFollowTheFlowAndSayIt() throws {
        var talk = Self.talk(try SessionFixture.oneOnOne())
        let skipped = talk.handle(.skip, now: SessionFixture.t0)
        #expect(skipped.lines.first == t(.plainSkipped) && talk.session.currentIndex == 1)
        #expect(skipped.lines.contains(t(.showCardNumber, 2, 6) + " · Selvledelse"), "the next card is shown")
        _ = talk.handle(.back, now: SessionFixture.t0)
        #expect(talk.handle(.skip, now: SessionFixture.t0).lines == [t(.plainCardReopened)])
        _ = talk.handle(.card("6"), now: SessionFixture.t0)
        #expect(talk.handle(.park, now: SessionFixture.t0).lines == [t(.plainParked, 6), t(.plainLastCard)])
    }

    @Test func theRunnerIsAskedForTheRoomAndToEnd() throws {
        var talk = Self.talk(try SessionFixture.team(anonymous: true))
        #expect(talk.handle(PlainInput(line: ":room close"), now: SessionFixture.t0).room == "close")
        #expect(!talk.handle(.status, now: SessionFixture.t0).ends)
        #expect(talk.handle(.quit, now: SessionFixture.t0).ends)
        #expect(talk.handle(.finish, now: SessionFixture.t0).ends && talk.session.isFinished)
    }

    @Test func anActionWithADateThatIsNoDateKeepsTheWords() throws {
        var talk = Self.talk(try SessionFixture.oneOnOne())
        let reply = talk.handle(PlainInput(line: ":action Ny ukeplan @Ola frist 1.13"), now: SessionFixture.t0)
        #expect(talk.session.actions.first?.text == "Ny ukeplan" && talk.session.actions.first?.due == nil)
        #expect(reply.lines == [t(.plainActionAddedNoDate, 1, "Ny ukeplan — Ola", "1.13")])
        _ = talk.handle(PlainInput(line: ":edit 1 frist 15.12.2026"), now: SessionFixture.t0)
        #expect(talk.session.actions.first?.due == "2026-12-15")
        _ = talk.handle(PlainInput(line: ":edit 1 frist 1.13"), now: SessionFixture.t0)
        #expect(talk.session.actions.first?.due == "2026-12-15", "a date that is no date keeps the one there was")
        _ = talk.handle(PlainInput(line: ":edit 1 frist -"), now: SessionFixture.t0)
        #expect(talk.session.actions.first?.due == nil)
    }
}
