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

    // 4. The terminal sends a family emoji or an accent one scalar at a time;
    // Backspace still takes away one visible character.
    @Test func backspaceAndArrowsGoByVisibleCharacter() {
        var editor = TextEditor("")
        for scalar in "familie 👨‍👩‍👧".unicodeScalars { editor.handle(.character(Character(scalar))) }
        #expect(editor.text == "familie 👨‍👩‍👧")
        #expect(editor.characters.count == 9 && editor.cursor == 9)
        editor.handle(.backspace)
        #expect(editor.text == "familie ")
        for scalar in "cafe\u{301} ok".unicodeScalars { editor.handle(.character(Character(scalar))) }
        #expect(editor.text == "familie café ok")
        editor.handle(.left); editor.handle(.left); editor.handle(.left)
        editor.handle(.backspace)
        #expect(editor.text == "familie caf ok")
        editor.handle(.delete)
        #expect(editor.text == "familie cafok")
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
    }
}
