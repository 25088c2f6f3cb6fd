import Testing
@testable import TillitCore

@Suite("Text wrap")
struct TextWrapTests {
    @Test func wrapsAtWordsWithinTheWidth() {
        let lines = TextWrap.lines("Hvor stort handlingsrom har du i hverdagen?", width: 16)
        #expect(lines == ["Hvor stort", "handlingsrom har", "du i hverdagen?"])
    }

    @Test func shortTextIsOneLine() {
        #expect(TextWrap.lines("Hei på deg", width: 80) == ["Hei på deg"])
    }

    @Test func lineBreaksInTheTextAreKept() {
        #expect(TextWrap.lines("en\nto\n\ntre", width: 10) == ["en", "to", "", "tre"])
    }

    @Test func windowsLineBreaksAreLineBreaks() {
        #expect(TextWrap.lines("en\r\nto", width: 10) == ["en", "to"])
        #expect(TextWrap.lines("en\rto\u{2028}tre", width: 10) == ["en", "to", "tre"])
    }

    @Test func wordLongerThanTheWidthIsBroken() {
        #expect(TextWrap.lines("abcdefghij xy", width: 4) == ["abcd", "efgh", "ij", "xy"])
    }

    @Test func wideCharactersWrapByColumns() {
        let lines = TextWrap.lines("漢字漢字漢字 ok", width: 5)
        #expect(lines == ["漢字", "漢字", "漢字", "ok"])
    }

    @Test func emojiCountTwoColumns() {
        #expect(TextWrap.lines("😀😀 😀", width: 4) == ["😀😀", "😀"])
    }

    @Test func runsOfSpacesCollapse() {
        #expect(TextWrap.lines("a    b", width: 10) == ["a b"])
    }

    @Test func emptyTextIsOneEmptyLineAndNoWidthIsNoLines() {
        #expect(TextWrap.lines("", width: 10) == [""])
        #expect(TextWrap.lines("abc", width: 0) == [])
        #expect(TextWrap.lines("abc", width: -3) == [])
    }

    @Test func characterWiderThanTheWidthDoesNotLoopForever() {
        let lines = TextWrap.lines("漢", width: 1)
        #expect(lines.count == 1)
    }

    @Test(arguments: [1, 2, 3, 7, 12, 30, 79])
    func everyLineFitsAndNoWordIsLost(width: Int) {
        let text = "Tillit er å gi handlingsrom 😀 og å tåle små feil — 信頼 betyr trust, og e\u{301}n ting til: supercalifragilisticexpialidocious."
        let lines = TextWrap.lines(text, width: width)
        for line in lines where width >= 2 {
            #expect(DisplayWidth.of(line) <= width, "'\(line)' is wider than \(width)")
        }
        #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
    }
}
