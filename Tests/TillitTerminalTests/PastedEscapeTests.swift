import Testing
@testable import TillitTerminal

/// A paste without bracketed paste that holds an ESC stays text.
@Suite("An ESC inside a paste")
struct PastedEscapeTests {
    static func codes(_ text: String) -> [KeyDecoder.Code] { text.unicodeScalars.map { .character($0.value) } }

    @Test func textWaitingBehindAnEscapeIsAPaste() {
        #expect(KeyDecoder.pastedText(afterEscape: Self.codes("s2q and more")) == "s2q and more")
        #expect(KeyDecoder.pastedText(afterEscape: Self.codes("[31mrød tekst")) == "rød tekst", "a colour code is dropped")
        #expect(KeyDecoder.pastedText(afterEscape: Self.codes("æø")) == "æø")
    }

    @Test func aPersonsEscapeAndAKeyAfterItStayKeys() {
        #expect(KeyDecoder.pastedText(afterEscape: []) == nil, "Esc alone")
        #expect(KeyDecoder.pastedText(afterEscape: Self.codes("q")) == nil, "Esc, then q, queued up")
        #expect(KeyDecoder.pastedText(afterEscape: [.function(259), .function(258)]) == nil, "Esc, then arrow keys")
        #expect(KeyDecoder.pastedText(afterEscape: Self.codes("q") + [.character(27)] + Self.codes("q")) == nil,
                "Esc q Esc q: keys pressed quickly, one character each")
    }

    @Test func theTextEndsAtTheFirstCodeThatIsNoText() {
        #expect(KeyDecoder.pastedText(afterEscape: Self.codes("ab") + [.character(13)] + Self.codes("cd")) == "ab")
    }
}
