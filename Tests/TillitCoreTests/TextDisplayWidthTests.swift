import Testing
@testable import TillitCore

@Suite("Display width")
struct TextDisplayWidthTests {
    @Test(arguments: [
        ("", 0),
        ("abc", 3),
        ("æøå", 3), ("ÆØÅ", 3), ("blåbærsyltetøy", 14),
        ("e\u{301}", 1),                  // e + combining acute: one column
        ("\u{301}", 0),                   // a lone combining accent
        ("a\u{308}\u{304}", 1),           // two combining marks on one letter
        ("😀", 2), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("🇳🇴", 2), ("❤️", 2), ("☺", 1),
        ("漢字", 4), ("한국어", 6), ("ひらがな", 8), ("Ａ", 2),
        ("a\u{200B}b", 2),                // zero-width space
        ("\u{1B}", 0), ("\u{7F}", 0), ("\t", 0),
        ("Hvor 😀 er du?", 14),
    ])
    func widthOfText(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test(arguments: ["", "abc", "a\r\nb", "\u{1B}[0m", "tab\tand\nnewline", "\u{7F}x"])
    func asciiTextIsMeasuredByItsBytesAsByItsCharacters(text: String) {
        #expect(DisplayWidth.ofASCII(text) == text.reduce(0) { $0 + DisplayWidth.of($1) })
        #expect(DisplayWidth.ofASCII(text + "é") == nil)
    }

    /// Box drawing and block elements skip the Unicode lookups; the lookups agree.
    @Test func boxDrawingIsOneColumnAsTheLookupsSay() throws {
        for value in DisplayWidth.boxDrawing {
            let scalar = try #require(Unicode.Scalar(value))
            for text in [String(scalar), String(scalar) + "\u{FE0F}", String(scalar) + "\u{301}"] {
                let character = try #require(text.first)
                #expect(DisplayWidth.of(character) == DisplayWidth.lookedUp(scalar, character.unicodeScalars), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func widthIsNotTheCharacterOrByteCount() {
        let text = "Nå 😀 漢"
        #expect(text.count == 6)
        #expect(text.utf8.count == 12)
        #expect(DisplayWidth.of(text) == 8)
    }

    @Test(arguments: [
        ("blåbær", 3, "blå"),
        ("漢字漢字", 3, "漢"),
        ("漢字漢字", 4, "漢字"),
        ("e\u{301}e\u{301}", 1, "e\u{301}"),
        ("😀a", 1, ""),
        ("abc", 0, ""),
        ("abc", 10, "abc"),
    ])
    func prefixFitsTheWidth(text: String, width: Int, expected: String) {
        #expect(DisplayWidth.prefix(text, fitting: width) == expected)
    }

    @Test(arguments: [
        ("kort", 10, "kort"),
        ("Selvledelse", 6, "Selvl…"),
        ("漢字漢字", 5, "漢字…"),
        ("漢字漢字", 4, "漢…"),
        ("abc", 0, ""),
        ("abc", 1, "…"),
    ])
    func truncateAddsAnEllipsisWithinTheWidth(text: String, width: Int, expected: String) {
        let cut = DisplayWidth.truncate(text, to: width)
        #expect(cut == expected)
        #expect(DisplayWidth.of(cut) <= width)
    }

    @Test func padFillsToTheWidthOnEitherSide() {
        #expect(DisplayWidth.pad("øl", to: 5) == "øl   ")
        #expect(DisplayWidth.pad("øl", to: 5, alignRight: true) == "   øl")
        #expect(DisplayWidth.pad("漢", to: 3) == "漢 ")
        #expect(DisplayWidth.pad("for lang", to: 4) == "for…")
    }

    @Test func tableAlignsColumnsByDisplayWidth() {
        let table = TextTable.render([["ID", "TITTEL", "KORT"], ["blå", "Æ", "12"], ["漢字", "x", "3"]], rightAligned: [2])
        let lines = table.components(separatedBy: "\n")
        #expect(lines == ["ID    TITTEL  KORT", "blå   Æ         12", "漢字  x          3"])
        #expect(Set(lines.map(DisplayWidth.of)).count == 1)
    }

    /// A talk's id or a deck's id comes from a file: a table cell cannot carry an escape to the terminal (issue 26).
    @Test func tableCellsPassTheSanitiser() {
        let table = TextTable.render([["ID", "TITLE"], ["a\u{1B}]0;owned\u{07}b", "x\u{1B}[2J\ny"]])
        #expect(!table.unicodeScalars.contains { SafeText.isUnsafe($0) }, "\(table.debugDescription)")
        #expect(table.components(separatedBy: "\n") == ["ID          TITLE", "a]0;ownedb  x[2J y"])
    }
}
