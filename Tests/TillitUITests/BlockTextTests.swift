import Testing
@testable import TillitUI
import TillitCore

@Suite("Block font: tillit's own glyphs, wrapped and drawn with block characters")
struct BlockTextTests {
    @Test func theFontHasTheLettersOfNorwegianDanishAndEnglishDigitsAndPunctuation() {
        let wanted = "abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ0123456789.,:;!?'\"-–—()/%+«»… éÉäöüÄÖÜ"
        for character in wanted { #expect(BlockGlyphs.glyph(character) != nil, "\(character)") }
    }

    @Test func lettersThatLookAlikeStayApart() {
        let pairs: [(Character, Character)] = [("A", "Å"), ("O", "Ø"), ("a", "å"), ("o", "ø"), ("a", "æ"), ("0", "O"), ("1", "l"), ("I", "l")]
        for (a, b) in pairs { #expect(BlockGlyphs.glyph(a)!.bits != BlockGlyphs.glyph(b)!.bits, "\(a) \(b)") }
    }

    @Test func wrapsAtWordsAndGivesUpWhenAWordOrTheLinesDoNotFit() throws {
        let block = try #require(BlockText("Hvor trygt er det her?", size: .medium, maxWidth: 40, maxHeight: 20))
        #expect(block.lines.count >= 2 && block.width <= 40 && block.height == (block.lines.count - 1) * 4 + 4)
        #expect(block.lines.map(\.count).reduce(0, +) == "Hvor trygt er det her?".count - (block.lines.count - 1), "only spaces go at a break")
        #expect(BlockText("Arbeidsmiljøutvalget", size: .large, maxWidth: 60, maxHeight: 20) == nil, "a word wider than the line")
        #expect(BlockText("Hvor trygt er det her?", size: .medium, maxWidth: 40, maxHeight: 7) == nil, "two lines need 8 rows")
        #expect(BlockText("Smil 🙂", size: .medium, maxWidth: 80, maxHeight: 20) == nil, "a character the font lacks")
        #expect(BlockText.fitting("Hei", maxWidth: 80, maxHeight: 20)?.size == .large)
        #expect(BlockText.fitting("Hei", maxWidth: 80, maxHeight: 5)?.size == .medium)
    }

    @Test func drawsHalfBlocksCentred() throws {
        let block = try #require(BlockText("Hi", size: .medium, maxWidth: 20, maxHeight: 4))
        var grid = Grid(Size(width: 20, height: 4))
        block.draw(centeredIn: Rect(x: 0, y: 0, width: 20, height: 4), &grid, style: .bold)
        #expect(grid.text.contains("█▄█"), "H's crossbar: \(grid.text)")
        #expect(grid.text.unicodeScalars.allSatisfy { " ▀▄█\n".unicodeScalars.contains($0) })
    }
}
