import ArgumentParser
import Foundation
import TillitCore
import TillitTerminal
import TillitUI

/// Key to screen, measured in the real terminal: a talk on the `selvledelse`
/// deck is opened in memory (nothing is written to disk), and a fixed script of
/// key presses (typing with æøå, Backspace, arrows, Tab, Enter/Esc, digits) goes
/// through `update`, `view` and `Terminal.draw` exactly as the run loop does it.
/// Each press is timed with CLOCK_MONOTONIC. The figures are printed after the
/// terminal is restored (and written to `--output` as JSON for `scripts/bench`).
///
///   tillit-devtools bench-keys --presses 2000        (run it in a 200x60 terminal)
///   tillit-devtools bench-keys --presenting          the shared screen of a team meeting instead
struct BenchKeysSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-keys", abstract: "Time key presses on the card screen (for scripts/bench).")

    @OptionGroup var options: DevOptions
    @Option(help: "How many key presses to time.") var presses = 2_000
    @Option(help: "Presses before timing starts (warms caches and the heap).") var warmup = 200
    @Option(help: "Write the figures as JSON to this file as well.") var output: String?
    @Flag(help: "The shared screen (p) of an anonymous team meeting on psykologisk-trygghet: block letters, votes, reveal.")
    var presenting = false

    func run() throws {
        let catalog = options.loadCatalog()
        let deckID = presenting ? "psykologisk-trygghet" : "selvledelse"
        guard catalog.deck(id: deckID) != nil else { throw fail("the \(deckID) deck is missing") }
        var setup = presenting
            ? TalkSetup(kind: .team, title: "Avdeling Sørli", language: .nb,
                        participants: [Participant(id: "p1", name: "Åse", role: .facilitator)], deckIDs: [deckID])
            : TalkSetup(kind: .oneOnOne, language: .nb,
                        participants: [Participant(id: "p1", name: "Kari", role: .leader),
                                       Participant(id: "p2", name: "Ola Ødegård", role: .employee)],
                        deckIDs: [deckID])
        setup.anonymous = presenting
        let session = try Session.start(setup, decks: catalog.decks, id: "bench-keys", now: Date())
        let config = AppConfig(language: .nb, colorEnabled: options.colorEnabled, decks: catalog.decks,
                               dataFolder: options.tillitHome.path)
        let effects = CountedEffects()
        let program = Program(AppState(config: config, size: Size(width: 80, height: 24), now: Date()), performer: effects)
        program.send(.talkOpened(session, path: options.tillitHome.path + "/sessions/bench-keys.json"))

        // A card with text opens ready to write; both scripts begin where letters are commands.
        program.send(.key(.escape))
        if presenting { program.send(.key(.character("p"))) }
        let script = presenting ? Self.presentingScript : Self.script
        var figures = Figures()
        do {
            let terminal = try Terminal(colorEnabled: options.colorEnabled, environment: options.environment)
            defer { terminal.close() }
            figures.size = terminal.size
            program.send(.resize(terminal.size))
            terminal.draw(view(program.state))
            var index = 0
            func press(record: Bool) {
                let key = script[index % script.count]
                index += 1
                let start = Self.nanoseconds()
                program.send(.tick(Date()))
                program.send(.key(key))
                let updated = Self.nanoseconds()
                let grid = view(program.state)
                let viewed = Self.nanoseconds()
                terminal.draw(grid)
                let drawn = Self.nanoseconds()
                if record {
                    figures.total.append(drawn - start)
                    figures.update.append(updated - start)
                    figures.view.append(viewed - updated)
                    figures.draw.append(drawn - viewed)
                }
            }
            for _ in 0..<warmup { press(record: false) }
            // Whole cycles of the script, so the talk is back where it began.
            while index % script.count != 0 { press(record: false) }
            figures.rssBefore = Self.residentBytes()
            figures.total.reserveCapacity(presses)
            figures.update.reserveCapacity(presses)
            figures.view.reserveCapacity(presses)
            figures.draw.reserveCapacity(presses)
            for _ in 0..<presses { press(record: true) }
            while index % script.count != 0 { press(record: false) }
            figures.rssAfter = Self.residentBytes()
        }
        figures.answer = program.state.talk?.session.cards.first?.response(of: "p1")?.text ?? ""
        let report = figures.report(presses: presses, cycle: script.count)
        print(report.text)
        if let output {
            let data = try JSONSerialization.data(withJSONObject: report.json, options: [.prettyPrinted, .sortedKeys])
            try data.write(to: URL(fileURLWithPath: output))
        }
    }

    /// One cycle of a 1:1 talk at the keyboard, which ends where it began: both
    /// people write (and take back) an answer on the first card, move to the
    /// rating card, rate, Tab between fields, and come back.
    static let script: [Key] = {
        var keys: [Key] = []
        func type(_ text: String) { keys += text.map { Key.character($0) } }
        func erase(_ text: String) { keys += Array(repeating: .backspace, count: text.count) }
        let first = "Vi må snakke om turnusen – æøå, og om hva du trenger fra meg"
        let second = "Jeg ønsker meg mer tid med brukerne 🙂 og færre rapporter"
        keys.append(.enter); type(first); keys.append(.escape)
        keys.append(.tab)
        keys.append(.enter); type(second); erase(second); keys.append(.escape)
        keys.append(.backTab)
        keys.append(.enter); erase(first); keys.append(.escape)
        keys += [.pageDown, .pageDown, .pageDown, .escape]  // card 4 of 14: a rating card, opened ready to write
        keys += [.character("4"), .tab, .character("3"), .tab, .tab, .backTab, .character("3"), .backTab, .character("4")]
        keys += [.character("h"), .character("h")]
        keys += [.pageUp, .pageUp, .pageUp, .escape]
        return keys
    }()

    /// One cycle on the shared screen, which ends where it began: through the
    /// first eight cards and back; on each, three votes, a reveal, the votes
    /// taken back, and the hint shown and hidden.
    static let presentingScript: [Key] = {
        var keys: [Key] = []
        for _ in 0..<8 {
            keys += [.character("4"), .character("2"), .character("5"), .character("r")]
            keys += [.backspace, .backspace, .backspace, .character("h"), .character("h"), .right]
        }
        keys += Array(repeating: .left, count: 8)
        return keys
    }()

    static func nanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Resident set size from /proc/self/statm.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    struct Figures {
        var size = Size(width: 0, height: 0)
        var total: [UInt64] = [], update: [UInt64] = [], view: [UInt64] = [], draw: [UInt64] = []
        var rssBefore = 0, rssAfter = 0
        var answer = ""

        static func percentile(_ values: [UInt64], _ p: Double) -> Double {
            guard !values.isEmpty else { return 0 }
            let sorted = values.sorted()
            let rank = min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))
            return Double(sorted[rank]) / 1_000_000
        }

        func report(presses: Int, cycle: Int) -> (text: String, json: [String: Any]) {
            let median = Self.percentile(total, 0.5), p99 = Self.percentile(total, 0.99)
            var json: [String: Any] = [
                "width": size.width, "height": size.height, "presses": presses, "scriptLength": cycle,
                "medianMs": median, "p99Ms": p99, "maxMs": Self.percentile(total, 1),
                "updateMedianMs": Self.percentile(update, 0.5), "viewMedianMs": Self.percentile(view, 0.5),
                "drawMedianMs": Self.percentile(draw, 0.5),
                "rssBeforeBytes": rssBefore, "rssAfterBytes": rssAfter,
            ]
            json["answerAfterCycles"] = answer
            let text = String(format: """
                key to screen at %dx%d, %d presses: median %.3f ms, p99 %.3f ms, max %.3f ms
                  update %.3f ms, view %.3f ms, draw %.3f ms (medians)
                  RSS %.1f → %.1f MB (%+d kB)
                """, size.width, size.height, presses, median, p99, Self.percentile(total, 1),
                Self.percentile(update, 0.5), Self.percentile(view, 0.5), Self.percentile(draw, 0.5),
                Double(rssBefore) / 1_048_576, Double(rssAfter) / 1_048_576, (rssAfter - rssBefore) / 1024)
            return (text, json)
        }
    }
}

/// The bench measures key to frame in memory: the effects its keys ask for
/// (saving is the run loop's, not an effect) are counted, not carried out.
private final class CountedEffects: EffectPerformer {
    private(set) var count = 0
    func perform(_ effect: Effect, in program: Program) { count += 1 }
}
