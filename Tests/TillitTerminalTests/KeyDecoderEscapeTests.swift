import CNCurses
import Testing
@testable import TillitTerminal

@Suite("KeyDecoder: an ESC inside pasted text")
struct KeyDecoderEscapeTests {
    static func codes(_ text: String) -> [KeyDecoder.Code] { text.unicodeScalars.map { .character($0.value) } }

    @Test func aLoneEscIsTheEscKey() {
        #expect(KeyDecoder.escape(followedBy: []) == .escapeKey(then: []))
    }

    /// Keys that queued up while tillit was busy (Esc, then q) stay keys.
    @Test func aFewKeysBehindAnEscAreKeys() {
        #expect(KeyDecoder.escape(followedBy: Self.codes("q")) == .escapeKey(then: Self.codes("q")))
        #expect(KeyDecoder.escape(followedBy: Self.codes("\t\r3")) == .escapeKey(then: Self.codes("\t\r3")))
    }

    /// The paste that used to skip a card, rate it and quit: now text in the field.
    @Test func textRightBehindAnEscIsText() {
        #expect(KeyDecoder.escape(followedBy: Self.codes("sq1 videre")) == .text("sq1 videre"))
        #expect(KeyDecoder.escape(followedBy: Self.codes("æøå\r2")) == .text("æøå\n2"))
    }

    @Test(arguments: [("[31mrødt", "rødt"), ("[1;5C", ""), ("[?25lxy", "xy"), ("OQ  ", "  "), ("[200", "[200"), ("Oops", "Oops")])
    func aLeadingControlSequenceIsDroppedTheRestKept(after: String, kept: String) {
        #expect(KeyDecoder.escape(followedBy: Self.codes(after)) == .text(kept))
    }

    @Test func furtherEscapesAndControlsInThePasteAreDropped() {
        #expect(KeyDecoder.escape(followedBy: Self.codes("a\u{1B}b\u{7F}c\u{3}d\te")) == .text("abcd\te"))
        #expect(KeyDecoder.escape(followedBy: Self.codes("inn\u{1B}[31m ferdig\u{1B}[0m")) == .text("inn ferdig"))
        #expect(KeyDecoder.pastedText(Self.codes("a[31m\u{1B}[1mb")) == "a[31mb")
        #expect(KeyDecoder.escape(followedBy: [.function(KEY_UP)] + Self.codes("xyz")) == .text("xyz"))
    }
}
