import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore

/// Files built to make a loader slow or crash are refused quickly, with a message.
@Suite("Deck parser: hostile files")
struct DeckLimitsTests {
    /// Runs `body` and returns its result and the CPU time this thread spent
    /// on it: the time it takes on a free core, however busy the machine is
    /// with other tests. (Wall time is checked too, loosely, to catch waiting.)
    private func timed<T>(_ body: () -> T, sourceLocation: SourceLocation = #_sourceLocation) -> (T, Duration) {
        func threadTime() -> Duration {
            var spec = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
            return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
        }
        let wallStart = ContinuousClock.now
        let start = threadTime()
        let value = body()
        let cpu = threadTime() - start
        let wall = ContinuousClock.now - wallStart
        #expect(wall < .seconds(10), "took \(wall) of wall time", sourceLocation: sourceLocation)
        return (value, cpu)
    }

    @Test(arguments: [(999, "999 bytes"), (250_000, "250 kB"), (250_999, "250 kB"), (10_000_000, "10.0 MB"), (1_240_000, "1.2 MB")])
    func sizesAreWrittenForPeople(bytes: Int, text: String) {
        #expect(DeckParser.sizeText(bytes) == text)
    }

    @Test func tenMegabyteFileIsRefusedWithinASecond() throws {
        let folder = try TempFolder()
        let line = "# " + String(repeating: "x", count: 97) + "\n"
        let path = try folder.write("huge.yaml", String(repeating: line, count: 100_000))
        let (result, elapsed) = timed { DeckParser.parse(fileAt: path) }
        #expect(elapsed < .seconds(1), "took \(elapsed) of CPU time")
        let only = try #require(result.diagnostics.only)
        #expect(only.description == "\(path):1:1: error: the file is 10.0 MB; a deck file may be at most 250 kB")
        #expect(result.deck == nil)
    }

    @Test func tenMegabyteTextIsRefusedWithinASecond() throws {
        let text = DeckFixture.valid + "\n" + String(repeating: "# filler\n", count: 1_200_000)
        let (result, elapsed) = timed { DeckParser.parse(yaml: text, path: "huge.yaml") }
        #expect(elapsed < .seconds(1), "took \(elapsed) of CPU time")
        #expect(result.diagnostics.only?.message.contains("at most 250 kB") == true)
    }

    @Test func fileJustUnderTheLimitIsStillRead() throws {
        let folder = try TempFolder()
        let padding = String(repeating: "# filler line\n", count: (DeckParser.maximumFileSize - 2_000) / 14)
        let path = try folder.write("padded.yaml", DeckFixture.valid + "\n" + padding)
        let result = DeckParser.parse(fileAt: path)
        #expect(result.isValid, "\(result.diagnostics)")
    }

    /// The classic "billion laughs": nine levels of nine aliases each, 9^9 strings if expanded.
    static let billionLaughs: String = {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = Array("abcdefghi").map(String.init)
        for (previous, name) in zip(names, names.dropFirst()) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        return yaml
    }()

    @Test func aliasBombIsRefusedWithinASecond() throws {
        let folder = try TempFolder()
        let path = try folder.write("lol.yaml", Self.billionLaughs)
        let (result, elapsed) = timed { DeckParser.parse(fileAt: path) }
        #expect(elapsed < .seconds(1), "took \(elapsed) of CPU time")
        let only = try #require(result.diagnostics.only)
        #expect(only.severity == .error)
        #expect(only.message.contains("anchors and aliases"))
        #expect(only.line == 1)
        #expect(result.deck == nil)
    }

    @Test func aliasBombInsideACardIsRefusedWithinASecond() throws {
        var yaml = "id: deck\ntitle: { nb: Tittel, en: Title }\nx0: &x0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...12 {
            yaml += "x\(level): &x\(level) [" + Array(repeating: "*x\(level - 1)", count: 10).joined(separator: ",") + "]\n"
        }
        yaml += "cards:\n  - id: one\n    prompt: { nb: *x12, en: *x12 }\n"
        let (result, elapsed) = timed { DeckParser.parse(yaml: yaml, path: "bomb.yaml") }
        #expect(elapsed < .seconds(1), "took \(elapsed) of CPU time")
        #expect(result.deck == nil)
        #expect(result.diagnostics.contains { $0.message.contains("anchors and aliases") })
    }

    @Test func manyBadCardsGiveAHundredProblemsAndOneLineForTheRest() throws {
        let yaml = "id: deck\ntitle: { nb: a, en: b }\ncards:\n" + String(repeating: "  - just text\n", count: 5_000)
        let (result, elapsed) = timed { DeckParser.parse(yaml: yaml, path: "many.yaml") }
        #expect(elapsed < .seconds(1), "took \(elapsed) of CPU time")
        #expect(result.deck == nil)
        #expect(result.diagnostics.count == DeckParser.maximumDiagnostics + 1)
        #expect(result.diagnostics.last?.message == "too many problems; the rest are not shown")
        #expect(result.diagnostics.last?.line == 104, "the line of the first problem not shown")
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let yaml = "cards: " + String(repeating: "[", count: 100_000) + "\n"
        let (result, elapsed) = timed { DeckParser.parse(yaml: yaml, path: "deep.yaml") }
        #expect(elapsed < .seconds(1), "took \(elapsed) of CPU time")
        let only = try #require(result.diagnostics.only)
        #expect(only.severity == .error)
        #expect(only.line == 1)
        #expect(only.message.contains("nested"))
        #expect(!only.message.contains("yaml_set_max_nest_level"), "the message names a C function: \(only.message)")
    }

    @Test func deepBlockNestingIsAnErrorNotACrash() throws {
        var yaml = "cards:\n"
        for depth in 0..<5_000 { yaml += String(repeating: " ", count: depth + 1) + "-\n" }
        let (result, elapsed) = timed { DeckParser.parse(yaml: yaml, path: "deep.yaml") }
        #expect(elapsed < .seconds(1), "took \(elapsed) of CPU time")
        #expect(result.deck == nil)
        #expect(result.diagnostics.hasErrors)
    }

    /// The most values a file under the size limit can hold: the slowest input that is parsed at all.
    @Test func largestFlatListUnderTheLimitIsRefusedWithinASecondAsTooLarge() throws {
        let count = (DeckParser.maximumFileSize - 100) / 2
        let yaml = "id: deck\ncards: [" + String(repeating: "1,", count: count) + "1]\n"
        #expect(yaml.utf8.count <= DeckParser.maximumFileSize)
        let (result, elapsed) = timed { DeckParser.parse(yaml: yaml, path: "wide.yaml") }
        #expect(elapsed < .seconds(1), "took \(elapsed) of CPU time")
        let only = try #require(result.diagnostics.only)
        #expect(only.severity == .error)
        #expect(!only.message.contains("alias"), "no alias in the file, yet: \(only.message)")
        #expect(only.message.contains("too many"))
    }
}
