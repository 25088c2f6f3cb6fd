import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// The card screen asks `Session.writers` who writes, as plain mode does
/// (`PlainTalkTests` in TillitCoreTests): a team's facilitator, and no one in a
/// team without one, so the group's words are never filed under a member.
struct TeamWriterTests {
    /// The text fields of the first card that takes words.
    static func textFields(_ session: Session) -> [String] {
        var session = session
        if let index = session.cards.firstIndex(where: { $0.answer.takesText }) { try! session.apply(.jump(to: index), now: Fixtures.start) }
        return TalkState(session: session, path: "/tmp/x.json").fields.compactMap {
            if case .text(let participant) = $0 { return participant } else { return nil }
        }
    }

    @Test func theCardScreenOffersAFieldToWhoeverWrites() {
        #expect(Self.textFields(Fixtures.oneOnOne()) == ["p1", "p2"])
        let team = Fixtures.team(anonymous: false)
        #expect(Self.textFields(team) == team.writers.map(\.id))
        #expect(Self.textFields(team) == ["p1"], "the facilitator")

        var unfacilitated = team
        unfacilitated.participants = [Participant(id: "p2", name: "Bo", role: .member)]
        #expect(unfacilitated.writers.isEmpty)
        #expect(Self.textFields(unfacilitated).isEmpty)
        let index = unfacilitated.cards.firstIndex { $0.answer.takesText }!
        try! unfacilitated.apply(.jump(to: index), now: Fixtures.start)
        var state = Fixtures.talkState(unfacilitated)
        Fixtures.press([.enter], &state)
        #expect(state.talk?.editor == nil, "Enter finds no field to write in")
    }
}
