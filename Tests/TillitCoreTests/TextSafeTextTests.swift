import Foundation
import Testing
@testable import TillitCore

/// Deck texts and answers are untrusted: nothing a terminal would act on may pass.
@Suite("Safe text")
struct TextSafeTextTests {
    @Test(arguments: [
        ("ESC colour", "rød\u{1B}[31m tekst", "rød[31m tekst"),
        ("ESC clear screen", "\u{1B}[2J\u{1B}[H", "[2J[H"),
        ("OSC 52 clipboard, BEL", "a\u{1B}]52;c;ZXZpbA==\u{07}b", "a]52;c;ZXZpbA==b"),
        ("OSC 52 clipboard, ST", "a\u{1B}]52;c;ZXZpbA==\u{1B}\\b", "a]52;c;ZXZpbA==\\b"),
        ("OSC 8 link", "\u{1B}]8;;http://x\u{1B}\\klikk\u{1B}]8;;\u{1B}\\", "]8;;http://x\\klikk]8;;\\"),
        ("BEL", "ding\u{07}", "ding"),
        ("backspace", "ab\u{08}c", "abc"),
        ("carriage return", "skjult\rsynlig", "skjultsynlig"),
        ("NUL", "a\u{0}b", "ab"),
        ("DEL", "a\u{7F}b", "ab"),
        ("C1 CSI", "a\u{9B}31mb", "a31mb"),
        ("C1 OSC and ST", "\u{9D}52;c;x\u{9C}", "52;c;x"),
        ("C1 NEL", "a\u{85}b", "ab"),
        ("bidi override RLO", "abc\u{202E}fed", "abcfed"),
        ("bidi embeddings", "\u{202A}a\u{202B}b\u{202C}\u{202D}", "ab"),
        ("bidi isolates", "\u{2066}a\u{2067}b\u{2068}c\u{2069}", "abc"),
    ])
    func unsafeCharactersAreStripped(name: String, input: String, expected: String) {
        let cleaned = SafeText.clean(input)
        #expect(cleaned == expected, "\(name)")
        #expect(!cleaned.unicodeScalars.contains { $0.value == 0x1B || (0x80...0x9F).contains($0.value) })
    }

    @Test func newlineAndTabAreKept() {
        #expect(SafeText.clean("en\nto\tre") == "en\nto\tre")
    }

    @Test func ordinaryTextIsUntouched() {
        let text = "Blåbær, smørbrød og «sitater» — 😀 漢字 e\u{301} \u{200F}"
        #expect(SafeText.clean(text) == text)
    }

    @Test func lineTurnsBreaksAndTabsIntoSpaces() {
        #expect(SafeText.line("en\nto\tre\r\nfire") == "en to re fire")
        #expect(SafeText.line("a\u{1B}[31m\nb") == "a[31m b")
    }

    @Test(arguments: Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F) + Array(0x202A...0x202E) + Array(0x2066...0x2069))
    func everyControlButNewlineAndTabIsUnsafe(value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        #expect(SafeText.isUnsafe(scalar) == !(value == 0x0A || value == 0x09))
    }

    @Test(arguments: [0x20, 0x41, 0x7E, 0xA0, 0xE6, 0x200D, 0x202F, 0x2065, 0x206A, 0x1F600] as [UInt32])
    func printableNeighboursAreSafe(value: UInt32) throws {
        #expect(!SafeText.isUnsafe(try #require(Unicode.Scalar(value))))
    }
}

@Suite("Trimming spaces and tabs")
struct TrimmingTests {
    @Test func trimsWhatFoundationsWhitespacesTrims() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(scalar)a \(scalar)b\(scalar)"
            #expect(text.trimmingSpacesAndTabs() == text.trimmingCharacters(in: .whitespaces), "U+\(String(value, radix: 16))")
        }
    }

    @Test func examples() {
        #expect(" \tKari Nordmann\u{3000} ".trimmingSpacesAndTabs() == "Kari Nordmann")
        #expect("Ola\n".trimmingSpacesAndTabs() == "Ola\n", "line breaks are not spaces")
        #expect("  ".trimmingSpacesAndTabs() == "")
        #expect("".trimmingSpacesAndTabs() == "")
    }
}
