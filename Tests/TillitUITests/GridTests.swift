import Foundation
import Testing
import TillitCore
@testable import TillitUI

@Suite("Grid: writing text into cells")
struct GridTests {
    static let texts = ["", "Hva gir deg energi?", "a\r\nb", "a\rb", "tab\there", "ny\nlinje", "\u{1B}[31mred\u{7F}",
                        "   ", "x", "sluttlinje\r\n", "\u{7}bell", String(repeating: "0123456789", count: 3)]

    /// All-ASCII text takes a byte-by-byte path; it must fill the same cells as
    /// the Character-by-Character one, clipped the same way at every edge.
    @Test(arguments: texts) func asciiTextFillsTheSameCellsAsTheCharacterPath(text: String) {
        for x in [-3, 0, 5, 18] {
            for limit in [0, 1, 4, 100] {
                var fast = Grid(Size(width: 20, height: 2))
                var reference = fast
                let fastUsed = fast.putASCII(text, x: x, y: 1, style: .bold, limit: min(limit, 20 - max(x, 0)))
                let referenceUsed = reference.putCharacters(text, x: x, y: 1, style: .bold, limit: min(limit, 20 - max(x, 0)))
                #expect(fastUsed == referenceUsed, "x \(x), limit \(limit)")
                #expect(fast.cells == reference.cells, "x \(x), limit \(limit)")
            }
        }
    }

    /// A box drawn over text cuts a wide character at its edge: no half of one
    /// may be left, or the terminal never redraws that cell (a stray character
    /// was seen beside the action form).
    @Test func fillingOverAWideCharacterLeavesNoHalfOfIt() {
        for x in 0..<8 {
            var grid = Grid(Size(width: 10, height: 1))
            grid.put("🙂🙂🙂🙂🙂", x: 0, y: 0)
            grid.fill(Rect(x: x, y: 0, width: 3, height: 1))
            for column in 0..<10 where grid[column, 0].text.isEmpty {
                #expect(column > 0 && grid[column - 1, 0].text == "🙂", "x \(x): an orphan right half at \(column): \(grid.text)")
            }
            for column in 0..<9 where grid[column, 0].text == "🙂" {
                #expect(grid[column + 1, 0].text.isEmpty, "x \(x): a left half without its right half at \(column)")
            }
        }
    }

    @Test func otherTextIsLeftToTheCharacterPath() {
        var grid = Grid(Size(width: 10, height: 1))
        #expect(grid.putASCII("blåbær", x: 0, y: 0, style: .plain, limit: 10) == nil)
        #expect(grid.put("blåbær 👍", x: 0, y: 0) == 9)
        #expect(grid.text == "blåbær 👍")
    }
}

@Suite("Clock text")
struct ClockTests {
    @Test func theClockReadsAsPrintfWouldWriteIt() {
        for seconds in [0, 5, 59, 60, 252, 3599, 3600, 3852, 86_399, 360_000, -5, -3852] {
            let s = abs(seconds)
            let reference = s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%02d:%02d", s / 60, s % 60)
            #expect(TalkText.clock(seconds) == (seconds < 0 ? "+" : "") + reference, "\(seconds)")
        }
        #expect(TalkText.clock(252) == "04:12")
        #expect(TalkText.clock(-3852) == "+1:04:12")
    }
}
