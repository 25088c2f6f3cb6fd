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

    // 2. The read-only view wraps an answer's first line beside the name, so no word is lost.
    @Test(arguments: [Size(width: 100, height: 30), Size(width: 60, height: 20), Size(width: 80, height: 24)])
    func readOnlyViewShowsEveryWordOfAnAnswer(size: Size) {
        let words = "Alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu END"
        let setup = TalkSetup(kind: .oneOnOne, language: .en,
                              participants: [Participant(id: "p1", name: "Bartholomew Longname", role: .leader),
                                             Participant(id: "p2", name: "Ola", role: .employee)],
                              deckIDs: ["samtale"])
        var session = try! Session.start(setup, decks: Fixtures.decks, id: "2026-11-19-0900-abcd", now: Fixtures.start)
        try! session.apply(.setText(participant: "p1", text: words), now: Fixtures.start)
        try! session.apply(.setText(participant: "p2", text: "short"), now: Fixtures.start)
        var state = Fixtures.state(.en, size: size, screen: .sessionView)
        state.talk = TalkState(session: session, path: "/tmp/x.json", readOnly: true)
        let shown = view(state).text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        let start = shown.firstIndex(of: "Alpha")
        #expect(start != nil)
        if let start { #expect(Array(shown[start..<start + 27]) == words.split(separator: " ").map(String.init)) }
    }
}
