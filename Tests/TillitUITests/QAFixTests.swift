import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// The defects of the QA round on the card screens, each pinned by a test.
struct QAFixTests {
    // 1. Enter on a person's rating row writes in that person's field.
    @Test func enterOnARatingRowWritesInThatPersonsField() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.right], &state)  // energi: text + scale
        #expect(state.talk?.focusedField == .rating(participant: "p1"))
        Fixtures.press([.down], &state)
        #expect(state.talk?.focusedField == .rating(participant: "p2"))
        Fixtures.press([.enter], &state)
        Fixtures.type("Ola her", &state)
        #expect(state.talk?.focusedField == .text(participant: "p2"))
        #expect(state.talk?.card?.response(of: "p2")?.text == "Ola her")
        #expect(state.talk?.card?.response(of: "p1") == nil)
    }
}
