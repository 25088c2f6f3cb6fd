import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// The new 1:1 form's row that writes the employee a sheet to prepare with (`tillit prepare`).
struct PrepareRowTests {
    @Test func theOneOnOneFormWritesAPreparationSheetForTheEmployee() {
        var state = Fixtures.state(.en)
        Fixtures.press([.character("n")], &state)
        Fixtures.type("Kari", &state)
        Fixtures.press([.tab], &state)
        Fixtures.type("Øyvind", &state)
        state.setup.focus = .prepare
        #expect(view(state).text.contains("[ Write a preparation sheet for the employee ]"))
        #expect(Fixtures.press([.enter], &state) == [.writePreparation(deckID: "samtale", person: "Øyvind")])
        #expect(state.setup.focus == .prepare, "Enter writes the sheet; it does not move on")
        state.setup.focus = .kind
        Fixtures.press([.right], &state)
        #expect(!state.setup.fields.contains(.prepare), "a team meeting has no employee to prepare")
    }
}
