import Testing
@testable import TillitCore

/// Issue 27, item 2: how many of the people in the room have voted, as the shared screen says it.
@Suite struct RoomTurnoutTests {
    @Test func fiveOfSevenEveryoneAndTooMany() {
        let en = Localizer(.en)
        #expect(RoomTurnout(votes: 5, people: 7).lines(en) == ["5 of 7 voted"])
        #expect(RoomTurnout(votes: 7, people: 7).lines(en) == ["All 7 have voted — r shows the result"])
        #expect(RoomTurnout(votes: 9, people: 7).lines(en) == ["9 votes from 7 people — someone voted twice", "n: a new round on this card"])
        #expect(RoomTurnout(votes: 2, people: nil).lines(en) == ["2 votes in from phones"])
        #expect(RoomTurnout(votes: 2, people: 0) == .votes(2), "0 people is not a number of people")
        #expect(RoomTurnout(votes: 5, people: 7).lines(Localizer(.nb)) == ["5 av 7 har stemt"])
        #expect(RoomTurnout(votes: 5, people: 7).lines(Localizer(.da)) == ["5 af 7 har stemt"])
    }
}
