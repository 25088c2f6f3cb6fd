import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// An action form follows its typing into the talk, as an answer field does,
/// so autosave keeps the words even if the process is killed; Esc undoes it.
struct ActionDraftTests {
    static func typing(_ text: String, _ state: inout AppState) {
        Fixtures.press(text.map { Key.character($0) }, &state)
    }

    @Test func aNewActionIsInTheTalkFromItsFirstWordAndEnterKeepsOne() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.escape, .character("a")], &state)
        #expect(state.talk?.session.actions.isEmpty == true, "an empty form adds nothing")
        Self.typing("Ola lager", &state)
        #expect(state.talk?.session.actions.map(\.text) == ["Ola lager"])
        Fixtures.press([.tab], &state)
        Self.typing("Ola", &state)
        Fixtures.press([.tab], &state)
        Self.typing("15.12", &state)
        let live = state.talk?.session.actions
        #expect(live?.count == 1 && live?.first?.owner == "Ola" && live?.first?.due?.hasSuffix("-12-15") == true)
        Fixtures.press([.enter], &state)
        #expect(state.talk?.actionForm == nil)
        #expect(state.talk?.session.actions.map(\.text) == ["Ola lager"], "saved once, not twice")
        #expect(state.flash == state.text(.actionAdded))
    }

    @Test func escTakesANewActionAwayAgain() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        Fixtures.press([.escape, .character("a")], &state)
        Self.typing("Feil tanke", &state)
        #expect(state.talk?.session.actions.count == 1)
        Fixtures.press([.escape], &state)
        #expect(state.talk?.session.actions.isEmpty == true)
    }

    @Test func escPutsAChangedActionBackAsItWas() {
        var state = ActionKeysTests.withTwoActions()
        let before = ActionKeysTests.action(state, "a1")
        Fixtures.press([.tab, .tab, .enter], &state)
        Self.typing(" i morgen", &state)
        #expect(ActionKeysTests.action(state, "a1")?.text == "Ola lager et utkast i morgen", "the change is in the talk as it is typed")
        Fixtures.press([.escape], &state)
        #expect(ActionKeysTests.action(state, "a1") == before)
    }

    @Test func aHalfTypedDateLeavesTheDueDateAsItWas() {
        var state = ActionKeysTests.withTwoActions()
        Fixtures.press([.tab, .tab, .enter, .tab, .tab], &state)
        Fixtures.press(Array(repeating: Key.backspace, count: 10), &state)
        #expect(ActionKeysTests.action(state, "a1")?.due == nil, "an empty date field means no date")
        Self.typing("3", &state)
        #expect(ActionKeysTests.action(state, "a1")?.due == nil, "'3' is not a date yet: no date stays no date")
        Self.typing(".12", &state)
        #expect(ActionKeysTests.action(state, "a1")?.due?.hasSuffix("-12-03") == true)
        Self.typing("x", &state)
        #expect(ActionKeysTests.action(state, "a1")?.due?.hasSuffix("-12-03") == true, "'3.12x' does not read: the last date stays")
    }
}
