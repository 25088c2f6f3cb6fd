import Foundation
import Testing
import TillitCore
@testable import TillitStore

/// The command line of the built binary: output, errors and exit codes.
@Suite("CLI")
struct CLITests {
    static let shippedIDs = ["psykologisk-trygghet", "rydd-opp", "selvledelse", "tilgi-sma-feil"]

    /// `Cards/` of this repository, which the debug binary finds from its source tree.
    static let cardsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Cards").path

    /// No stack trace, crash report or Swift runtime error in `text`.
    static func expectNoCrash(_ run: TillitRun, sourceLocation: SourceLocation = #_sourceLocation) {
        for marker in ["Fatal error", "Stack dump", "Current stack trace", "Illegal instruction", "#0 ", "[runTillit: "] {
            #expect(!run.stderr.contains(marker), "stderr shows '\(marker)':\n\(run.stderr)", sourceLocation: sourceLocation)
        }
        #expect(run.status >= 0, "tillit did not finish: \(run.stderr)", sourceLocation: sourceLocation)
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    @Test func binaryIsFound() {
        #expect(FileManager.default.isExecutableFile(atPath: tillitBinaryURL.path), "\(tillitBinaryURL.path)")
        #expect(FileManager.default.isExecutableFile(atPath: devToolsBinaryURL.path), "\(devToolsBinaryURL.path)")
    }

    /// The drills live in `tillit-devtools`: the user's binary neither lists nor knows them.
    @Test func theShippedBinaryHasNoDrillCommands() throws {
        let home = try TemporaryHome()
        let help = runTillit(["--help"], environment: home.environment())
        #expect(help.status == 0)
        #expect(!help.stdout.contains(" _"), "help names an underscore command:\n\(help.stdout)")
        let binary = try Data(contentsOf: tillitBinaryURL)
        for name in ["crash-drill", "stress-writer", "bench-keys"] {
            #expect(binary.range(of: Data(name.utf8)) == nil, "the tillit binary contains \(name)")
            #expect(runTillit(["_" + name], environment: home.environment()).status == 64)
        }
        let devHelp = runDevTools(["--help"], environment: home.environment())
        for name in ["crash-drill", "stress-writer", "bench-keys"] {
            #expect(devHelp.stdout.contains(name), "tillit-devtools --help lacks \(name)")
        }
    }

    // MARK: - the runner itself

    @Test func runnerStartsChildrenWithNoSignalBlockedOrIgnored() {
        let run = runProgram("/bin/grep", ["-E", "^Sig(Blk|Ign):", "/proc/self/status"], environment: [:])
        #expect(run.status == 0)
        let masks = Dictionary(uniqueKeysWithValues: Self.lines(run.stdout).map { line in
            let parts = line.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            return (parts[0], UInt64(parts[1], radix: 16) ?? .max)
        })
        #expect(masks["SigBlk"] == 0, "\(run.stdout)")
        // Signals 1–31; glibc keeps 32 and 33 for itself.
        #expect((masks["SigIgn"] ?? .max) & 0x7FFF_FFFF == 0, "\(run.stdout)")
    }

    @Test func runnerKillsAHungProcessAfterTheTimeout() {
        let started = ContinuousClock.now
        let run = runProgram("/bin/sleep", ["30"], environment: [:], timeout: 0.5)
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(run.status == -1)
        #expect(run.stderr.contains("[runTillit: killed after 0.5 s"))
    }

    @Test func runnerPassesStdinAndKeepsStdoutAndStderrApart() {
        let text = String(repeating: "blåbær 😀\n", count: 20_000)  // more than a pipe holds
        let run = runProgram("/bin/sh", ["-c", "cat; echo feil >&2; exit 3"], environment: [:], stdin: text)
        #expect(run.status == 3)
        #expect(run.stdout == text)
        #expect(run.stderr == "feil\n")
    }

    @Test func runnerReportsAProgramThatCannotStart() {
        let run = runProgram("/nonexistent/tillit", [], environment: [:])
        #expect(run.status == -1)
        #expect(run.stderr.contains("cannot start /nonexistent/tillit"))
    }

    @Test func runnerReportsDeathBySignal() {
        let run = runProgram("/bin/sh", ["-c", "kill -TERM $$"], environment: [:])
        #expect(run.status == 128 + SIGTERM)
    }

    // MARK: - version and help

    @Test func versionPrintsTheVersionOnly() throws {
        let home = try TemporaryHome()
        let run = runTillit(["--version"], environment: home.environment())
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let version = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.wholeMatch(of: /\d+\.\d+\.\d+/) != nil, "got '\(version)'")
    }

    @Test func helpNamesTheCommandsAndGlobalOptions() throws {
        let home = try TemporaryHome()
        let run = runTillit(["--help"], environment: home.environment())
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        for word in ["USAGE", "decks", "show", "lint", "--lang", "--home", "--no-color", "--version"] {
            #expect(run.stdout.contains(word), "help lacks \(word)")
        }
    }

    @Test(arguments: [("nb_NO.UTF-8", ["OVERSIKT:", "BRUK:", "VALG:", "Start en samtale rett på det første kortet.",
                                       "Tid per kort i sekunder.", "Vis hjelpen."]),
                      ("da_DK.UTF-8", ["OVERSIGT:", "TILVALG:", "Bland kortene.", "Vis hjælpen."]),
                      ("C.UTF-8", ["OVERSIKT:", "Stokk kortene."])])
    func everyCommandsHelpSpeaksTheChosenLanguage(lang: String, words: [String]) throws {
        let home = try TemporaryHome()
        let run = runTillit(["start", "--help"], environment: home.environment(["LANG": lang]))
        #expect(run.status == 0 && run.stderr.isEmpty)
        for word in words { #expect(run.stdout.contains(word), "\(lang): \(run.stdout)") }
        for english in ["OVERVIEW", "Show help information", "Shuffle the cards"] {
            #expect(!run.stdout.contains(english), "\(lang): \(english) is left in English")
        }
        let root = runTillit(["--help", "--lang", "nb"], environment: home.environment(["LANG": "en_US.UTF-8"]))
        #expect(root.stdout.contains("UNDERKOMMANDOER:") && root.stdout.contains("Vis samtalene, de nyeste først."))
        #expect(root.stdout.contains("Se `tillit help <underkommando>` for mer hjelp."))
    }

    @Test func subcommandHelpWorks() throws {
        let home = try TemporaryHome()
        let run = runTillit(["lint", "--help"], environment: home.environment())
        #expect(run.status == 0)
        #expect(run.stdout.contains("path:line:column"))
    }

    @Test func unknownSubcommandIsAClearError() throws {
        let home = try TemporaryHome()
        let run = runTillit(["frobnicate"], environment: home.environment())
        #expect(run.status == 64)
        #expect(Self.lines(run.stderr).first == "tillit: Unknown command 'frobnicate'; `tillit --help` lists the commands", "\(run.stderr)")
        Self.expectNoCrash(run)
    }

    /// A mistyped command is named as one, with the command it most likely meant.
    @Test(arguments: [
        (["sesions"], "en_US.UTF-8", "tillit: Unknown command 'sesions'; did you mean 'sessions'? (see 'tillit --help')"),
        (["strat", "--deck", "selvledelse"], "nb_NO.UTF-8", "tillit: ukjent kommando «strat»; mente du «start»? (se `tillit --help`)"),
        (["tre"], "nb_NO.UTF-8", "tillit: ukjent kommando «tre»; mente du «trends»? (se `tillit --help`)"),
        (["de"], "da_DK.UTF-8", "tillit: ukendt kommando »de«; `tillit --help` viser kommandoerne"),
        (["--lang", "nb", "nosuch", "more"], "en_US.UTF-8", "tillit: ukjent kommando «nosuch»; `tillit --help` viser kommandoene"),
    ] as [([String], String, String)])
    func aMistypedCommandIsNamedAsOneWithTheLikelyCommand(args: [String], lang: String, line: String) throws {
        let home = try TemporaryHome()
        let run = runTillit(args, environment: home.environment(["LANG": lang]))
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(Self.lines(run.stderr).first == line, "\(run.stderr)")
        #expect(Self.lines(run.stderr).count == 2, "one line, then the usage: \(run.stderr)")
    }

    /// The names of values in help and usage (`--home <dir>`) and ArgumentParser's own
    /// placeholders (`<options>`, `<subcommand>`) are in the chosen language too.
    @Test func valueNamesAndPlaceholdersSpeakTheChosenLanguage() throws {
        let home = try TemporaryHome()
        let norwegian = home.environment(["LANG": "nb_NO.UTF-8"])
        let help = runTillit(["start", "--help"], environment: norwegian)
        for word in ["BRUK: tillit start <valg>", "--home <mappe>", "--participant <navn:rolle>", "--timer <sekunder>",
                     "--title <tittel>", "--seed <startverdi>"] {
            #expect(help.stdout.contains(word), "lacks \(word): \(help.stdout)")
        }
        let root = runTillit(["nosuch"], environment: norwegian)
        #expect(Self.lines(root.stderr).last?.hasPrefix("Bruk: tillit [--lang <språk>] [--home <mappe>]") == true, "\(root.stderr)")
        #expect(Self.lines(root.stderr).last?.hasSuffix(" <underkommando>") == true, "\(root.stderr)")
        let start = runTillit(["start"], environment: norwegian)
        #expect(Self.lines(start.stderr).last == "Bruk: tillit start <valg>", "\(start.stderr)")
        let danish = runTillit(["lint"], environment: home.environment(["LANG": "da_DK.UTF-8"]))
        #expect(Self.lines(danish.stderr).first == "tillit: mangler <filer> ... (se `tillit lint --help`)", "\(danish.stderr)")
        let english = runTillit(["start", "--help"], environment: home.environment(["LANG": "en_US.UTF-8"]))
        for word in ["USAGE: tillit start <options>", "--home <dir>", "--participant <name:role>", "--timer <seconds>"] {
            #expect(english.stdout.contains(word), "lacks \(word): \(english.stdout)")
        }
    }

    // MARK: - decks

    /// The language chosen on the home screen (kept in settings.json) beats
    /// the locale; TILLIT_LANG and --lang beat it.
    @Test func rememberedLanguageBeatsTheLocaleButNotTillitLangOrLang() throws {
        let home = try TemporaryHome()
        try Settings(language: .da).save(to: TillitHome(path: home.path))
        let remembered = runTillit(["decks"], environment: home.environment(["LANG": "nb_NO.UTF-8"]))
        #expect(remembered.stdout.contains("TITEL"), "\(remembered.stdout)")
        let variable = runTillit(["decks"], environment: home.environment(["TILLIT_LANG": "en"]))
        #expect(variable.stdout.contains("TITLE"), "\(variable.stdout)")
        let flag = runTillit(["decks", "--lang", "nb"], environment: home.environment(["TILLIT_LANG": "en"]))
        #expect(flag.stdout.contains("TITTEL"), "\(flag.stdout)")
    }

    @Test(arguments: [
        (["--lang", "nb"], [String: String](), ["ID", "TITTEL", "KORT", "medfølgende", "Selvledelse", "Psykologisk trygghet"]),
        (["--lang", "en"], [:], ["ID", "TITLE", "CARDS", "shipped", "Self-leadership", "Psychological safety"]),
        (["--lang", "da"], [:], ["TITEL", "medfølgende"]),
        ([], ["LANG": "nb_NO.UTF-8"], ["TITTEL", "medfølgende", "Selvledelse"]),
        ([], ["LANG": "nn_NO.UTF-8"], ["TITTEL", "medfølgende"]),
        ([], ["LANG": "en_US.UTF-8"], ["TITLE", "shipped", "Self-leadership"]),
        ([], ["LANG": "C"], ["TITTEL", "medfølgende"]),
        ([], ["LANG": "C.UTF-8"], ["TITTEL", "medfølgende"]),
        ([], ["LANG": "POSIX"], ["TITTEL", "medfølgende"]),
        ([], ["LANG": ""], ["TITTEL", "medfølgende"]),
        ([], ["LANG": "sv_SE.UTF-8"], ["TITLE", "shipped"]),
        ([], ["LANG": "C.UTF-8", "TILLIT_LANG": "da"], ["TITEL", "medfølgende"]),
        (["--lang", "en"], ["TILLIT_LANG": "da"], ["TITLE", "shipped"]),
        ([], ["LANG": "nb_NO.UTF-8", "LC_ALL": "en_US.UTF-8"], ["TITLE", "shipped"]),
        (["--lang", "nb"], ["LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"], ["TITTEL", "medfølgende"]),
    ] as [([String], [String: String], [String])])
    func decksListsTheShippedDecksInTheChosenLanguage(flags: [String], language: [String: String], expected: [String]) throws {
        let home = try TemporaryHome()
        let run = runTillit(["decks"] + flags, environment: home.environment(language))
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        for word in expected { #expect(run.stdout.contains(word), "no '\(word)' in:\n\(run.stdout)") }
        let rows = Self.lines(run.stdout)
        #expect(rows.count == 1 + Self.shippedIDs.count)
        #expect(rows.dropFirst().map { String($0.prefix { $0 != " " }) }.sorted() == Self.shippedIDs)
    }

    @Test func decksShowsTheCardCountOfEachDeck() throws {
        let home = try TemporaryHome()
        let run = runTillit(["decks", "--lang", "en"], environment: home.environment())
        for id in Self.shippedIDs {
            let deck = try #require(DeckParser.parse(fileAt: "\(Self.cardsFolder)/\(id).yaml").deck)
            let row = try #require(Self.lines(run.stdout).first { $0.hasPrefix(id + " ") })
            #expect(row.contains(" \(deck.cards.count) "), "\(row)")
        }
    }

    @Test func ownDeckReplacingAShippedOneIsListedAsSuch() throws {
        let home = try TemporaryHome()
        let path = try home.write("decks/selvledelse.yaml", Self.ownDeck(id: "selvledelse", title: "Min selvledelse"))
        for (lang, says) in [("en", "own: \(path) (replaces the shipped deck)"), ("nb", "egen: \(path) (erstatter den medfølgende)")] {
            let run = runTillit(["decks", "--lang", lang], environment: home.environment())
            #expect(run.status == 0)
            #expect(run.stderr.isEmpty)
            let rows = Self.lines(run.stdout).filter { $0.hasPrefix("selvledelse ") }
            #expect(rows.count == 1, "listed once: \(run.stdout)")
            let row = try #require(rows.first)
            #expect(row.contains("Min selvledelse"))
            #expect(row.contains(" 2 "), "the own deck's two cards")
            #expect(row.hasSuffix(says), "\(row)")
        }
    }

    @Test func homeOptionWorksLikeTillitHome() throws {
        let home = try TemporaryHome()
        try home.write("decks/mine.yaml", Self.ownDeck(id: "mine", title: "Mine"))
        let run = runTillit(["decks", "--home", home.path, "--lang", "en"], environment: ["HOME": home.path])
        #expect(run.status == 0)
        #expect(Self.lines(run.stdout).contains { $0.hasPrefix("mine ") && $0.contains("own:") })
    }

    @Test func brokenOwnDeckIsReportedAndTheOthersAreListed() throws {
        let home = try TemporaryHome()
        let broken = try home.write("decks/broken.yaml", "id: broken\ntitle: { nb: Ødelagt, en: Broken\ncards: []\n")
        try home.write("decks/good.yaml", Self.ownDeck(id: "good", title: "Good"))
        let run = runTillit(["decks", "--lang", "en"], environment: home.environment())
        #expect(run.status == 0)
        let problems = Self.lines(run.stderr)
        #expect(problems.count == 1, "\(run.stderr)")
        #expect(problems.first?.hasPrefix("\(broken):3:6: error: invalid YAML") == true, "\(run.stderr)")
        #expect(problems.first?.hasSuffix("(skipped)") == true)
        let ids = Self.lines(run.stdout).dropFirst().map { String($0.prefix { $0 != " " }) }
        #expect(ids.sorted() == (Self.shippedIDs + ["good"]).sorted())
        Self.expectNoCrash(run)
    }

    @Test func escapeSequencesInAnOwnDeckNeverReachTheTerminal() throws {
        let home = try TemporaryHome()
        try home.write("decks/evil.yaml", Self.ownDeck(id: "evil", title: "Evil\\u001B]52;c;ZXZpbA==\\u0007\\u001B[2J"))
        for args in [["decks"], ["show", "evil"]] {
            let run = runTillit(args + ["--lang", "en"], environment: home.environment())
            #expect(run.status == 0)
            #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(args)")
        }
    }

    /// Issue 26: deck file names are text from outside too. An OSC title and a
    /// screen clear in a good deck's name, an OSC 52 clipboard write in a broken one's.
    @Test func escapeSequencesInADeckFileNameNeverReachTheTerminal() throws {
        let home = try TemporaryHome()
        try home.write("decks/\u{1B}]0;owned\u{07}\u{1B}[2J.yaml", Self.ownDeck(id: "named", title: "Named"))
        try home.write("decks/\u{1B}]52;c;ZXZpbA==\u{07}.yaml", "id: broken\ntitle: { nb: x\n")
        let run = runTillit(["decks", "--lang", "en"], environment: home.environment())
        #expect(run.status == 0)
        #expect(run.stdout.contains("named "), "\(run.stdout)")
        #expect(!run.stderr.isEmpty, "the broken deck is reported")
        for (stream, text) in [("stdout", run.stdout), ("stderr", run.stderr)] {
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(stream): \(text.debugDescription)")
        }
    }

    @Test func noDecksAtAllIsAnError() throws {
        let home = try TemporaryHome()
        let empty = try home.write("empty/.keep", "")
        let cards = (empty as NSString).deletingLastPathComponent
        let run = runTillit(["decks"], environment: home.environment(["TILLIT_CARDS": cards]))
        #expect(run.status == 1)
        Self.expectNoCrash(run)
    }

    // MARK: - show

    @Test func showPrintsEveryCardOfTheDeck() throws {
        let home = try TemporaryHome()
        let deck = try #require(DeckParser.parse(fileAt: "\(Self.cardsFolder)/selvledelse.yaml").deck)
        let run = runTillit(["show", "selvledelse", "--lang", "nb"], environment: home.environment())
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let lines = Self.lines(run.stdout)
        #expect(lines.first == "Selvledelse")
        for (index, card) in deck.cards.enumerated() {
            #expect(lines.contains { $0.hasPrefix("Kort \(index + 1) av \(deck.cards.count) · \(card.id) · ") }, "\(card.id)")
        }
        let firstWords = deck.cards[0].prompt.resolve(.nb).split(separator: " ").prefix(3).joined(separator: " ")
        #expect(run.stdout.contains(firstWords))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 78 || $0.contains(" · ") })
    }

    @Test func showInEnglishViaLang() throws {
        let home = try TemporaryHome()
        let run = runTillit(["show", "selvledelse"], environment: home.environment(["LANG": "en_GB.UTF-8"]))
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Self-leadership\n"))
        #expect(run.stdout.contains("Card 1 of "))
    }

    @Test func showUnknownDeckIsOneLineOnStderrAndExitOne() throws {
        let home = try TemporaryHome()
        let run = runTillit(["show", "nosuch"], environment: home.environment())
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(Self.lines(run.stderr) == ["tillit: unknown deck 'nosuch'; `tillit decks` lists them"])
        Self.expectNoCrash(run)
    }

    @Test func showWithoutADeckIsAUsageError() throws {
        let home = try TemporaryHome()
        let run = runTillit(["show"], environment: home.environment())
        #expect(run.status != 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("deck"))
        Self.expectNoCrash(run)
    }

    // MARK: - lint

    @Test func lintOfTheShippedDecksPassesWithNoOutputOnStderr() throws {
        let home = try TemporaryHome()
        let files = Self.shippedIDs.map { "\(Self.cardsFolder)/\($0).yaml" }
        let run = runTillit(["lint", "--lang", "en"] + files, environment: home.environment())
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(run.stdout == "4 files checked, no errors\n")
    }

    @Test func lintOfAGoodOwnDeckSaysSoInNorwegian() throws {
        let home = try TemporaryHome()
        let path = try home.write("good.yaml", Self.ownDeck(id: "good", title: "God"))
        let run = runTillit(["lint", path], environment: home.environment(["LANG": "nb_NO.UTF-8"]))
        #expect(run.status == 0)
        #expect(run.stdout == "1 fil sjekket, ingen feil\n")
    }

    /// A bad file and the start of every line lint must print for it.
    @Test(arguments: [
        ("nb_NO.UTF-8", ["5:5: warning: ukjent nøkkel «promt» i et kort (mente du «prompt»?); den blir ikke brukt",
                         "4:5: error: «prompt» mangler", "tillit: filen har feil"]),
        ("da_DK.UTF-8", ["5:5: warning: ukendt nøgle »promt« i et kort (mente du »prompt«?); den bliver ikke brugt",
                         "4:5: error: »prompt« mangler"]),
    ])
    func lintSpeaksTheChosenLanguage(lang: String, expected: [String]) throws {
        let home = try TemporaryHome()
        let path = try home.write("typo.yaml", "id: x\ntitle: { nb: a, en: b }\ncards:\n  - id: one\n    promt: { nb: a, en: b }\n")
        let run = runTillit(["lint", path], environment: home.environment(["LANG": lang]))
        #expect(run.status == 1)
        for line in expected { #expect(run.stderr.contains(line), "\(lang): \(run.stderr)") }
    }

    @Test(arguments: [
        ("invalid.yaml", "id: x\ntitle: { nb: a, en: b\ncards: []\n", ["3:6: error: invalid YAML"]),
        ("no-prompt.yaml", "id: x\ntitle: { nb: a, en: b }\ncards:\n  - id: one\n    promt: { nb: a, en: b }\n",
         ["5:5: warning: unknown key 'promt' in a card (did you mean 'prompt'?)", "4:5: error: missing 'prompt'"]),
        ("no-en.yaml", "id: x\ntitle: { nb: a }\ncards:\n  - id: one\n    prompt: { nb: a, en: b }\n",
         ["2:8: error: 'title' has no 'en' text"]),
        ("dup.yaml", "id: x\ntitle: { nb: a, en: b }\ncards:\n  - id: one\n    prompt: { nb: a, en: b }\n  - id: one\n    prompt: { nb: c, en: d }\n",
         ["6:9: error: duplicate card id 'one'"]),
        ("dup-broken.yaml", "id: x\ntitle: { nb: a, en: b }\ncards:\n  - id: one\n    prompt: { nb: a }\n  - id: one\n    prompt: { nb: c, en: d }\n",
         ["5:13: error: 'prompt' has no 'en' text", "6:9: error: duplicate card id 'one'"]),
        ("kind.yaml", "id: x\ntitle: { nb: a, en: b }\ncards:\n  - id: one\n    prompt: { nb: a, en: b }\n    answer: scael\n",
         ["6:13: error: unknown answer kind 'scael' (did you mean 'scale'?)"]),
        ("scale.yaml", "id: x\ntitle: { nb: a, en: b }\ncards:\n  - id: one\n    prompt: { nb: a, en: b }\n    answer: { scale: { min: 5, max: 1 } }\n",
         ["6:29: error: the scale's min (5) must be less than its max (1)"]),
    ] as [(String, String, [String])])
    func lintOfABadFileExitsOneWithPathLineColumn(name: String, yaml: String, expected: [String]) throws {
        let home = try TemporaryHome()
        let path = try home.write(name, yaml)
        let run = runTillit(["lint", path], environment: home.environment())
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        var lines = Self.lines(run.stderr)
        #expect(lines.last == "tillit: the file has errors")
        lines.removeLast()
        let places = lines.compactMap { $0.dropFirst(path.count + 1).split(separator: ":").prefix(2).map { Int($0) ?? 0 } }
        #expect(places.map { $0[0] * 1000 + $0[1] } == places.map { $0[0] * 1000 + $0[1] }.sorted(), "in file order:\n\(run.stderr)")
        for line in lines {
            #expect(line.wholeMatch(of: /.+:\d+:\d+: (error|warning): .+/) != nil, "not path:line:column: \(line)")
            #expect(line.hasPrefix(path + ":"))
        }
        for start in expected {
            #expect(lines.contains { $0.hasPrefix("\(path):\(start)") }, "no '\(start)' in:\n\(run.stderr)")
        }
        #expect(lines.count == expected.count, "\(run.stderr)")
        Self.expectNoCrash(run)
    }

    @Test func lintWithOnlyWarningsExitsZeroAndPrintsThem() throws {
        let home = try TemporaryHome()
        let path = try home.write("warn.yaml", Self.ownDeck(id: "warn", title: "Warn") + "    hnt: { nb: a, en: b }\n")
        let run = runTillit(["lint", path, "--lang", "en"], environment: home.environment())
        #expect(run.status == 0)
        #expect(Self.lines(run.stderr) == ["\(path):8:5: warning: unknown key 'hnt' in a card (did you mean 'hint'?); it is ignored"])
        #expect(run.stdout == "1 file checked, no errors\n")
    }

    @Test func lintOfAMissingFileAndAFolder() throws {
        let home = try TemporaryHome()
        let missing = (home.path as NSString).appendingPathComponent("missing.yaml")
        let run = runTillit(["lint", missing, home.path], environment: home.environment())
        #expect(run.status == 1)
        #expect(Self.lines(run.stderr) == ["\(missing):1:1: error: no such file",
                                           "\(home.path):1:1: error: is a folder, not a deck file",
                                           "tillit: 2 of 2 files have errors"])
        Self.expectNoCrash(run)
    }

    @Test func lintOfGoodAndBadTogetherFailsAndReportsOnlyTheBad() throws {
        let home = try TemporaryHome()
        let good = try home.write("good.yaml", Self.ownDeck(id: "good", title: "Good"))
        let bad = try home.write("bad.yaml", "id: bad\n")
        let run = runTillit(["lint", good, bad], environment: home.environment())
        #expect(run.status == 1)
        #expect(!run.stderr.contains(good))
        #expect(run.stderr.contains(bad))
    }

    @Test func lintOfBinaryGarbage() throws {
        let home = try TemporaryHome()
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[0] = 0xFF
        bytes[1] = 0x00
        let path = (home.path as NSString).appendingPathComponent("garbage.yaml")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let run = runTillit(["lint", path], environment: home.environment())
        #expect(run.status == 1)
        #expect(Self.lines(run.stderr) == ["\(path):1:1: error: is not UTF-8 text; save the deck as UTF-8", "tillit: the file has errors"])
        Self.expectNoCrash(run)
    }

    @Test func lintRefusesATenMegabyteFileWithinASecond() throws {
        let home = try TemporaryHome()
        let path = try home.write("huge.yaml", String(repeating: "# " + String(repeating: "x", count: 97) + "\n", count: 100_000))
        let started = ContinuousClock.now
        let run = runTillit(["lint", path], environment: home.environment())
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < .seconds(1), "took \(elapsed)")
        #expect(run.status == 1)
        #expect(Self.lines(run.stderr) == ["\(path):1:1: error: the file is 10.0 MB; a deck file may be at most 250 kB", "tillit: the file has errors"])
    }

    @Test func lintRefusesAnAliasBombWithinASecond() throws {
        let home = try TemporaryHome()
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = Array("abcdefghi").map(String.init)
        for (previous, name) in zip(names, names.dropFirst()) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let path = try home.write("lol.yaml", yaml)
        let started = ContinuousClock.now
        let run = runTillit(["lint", path], environment: home.environment())
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < .seconds(1), "took \(elapsed)")
        #expect(run.status == 1)
        #expect(Self.lines(run.stderr).first?.hasPrefix("\(path):1:4: error: YAML anchors and aliases") == true, "\(run.stderr)")
    }

    @Test func lintWithoutFilesIsAUsageError() throws {
        let home = try TemporaryHome()
        let run = runTillit(["lint"], environment: home.environment())
        #expect(run.status != 0)
        #expect(run.stderr.contains("<files>"), "\(run.stderr)")
        Self.expectNoCrash(run)
    }

    // MARK: - global options

    @Test(arguments: [["--lang", "xx", "decks"], ["decks", "--lang", "xx"], ["show", "selvledelse", "--lang", "sv"]])
    func unknownLanguageIsAClearErrorAndNonZero(args: [String]) throws {
        let home = try TemporaryHome()
        let run = runTillit(args, environment: home.environment())
        #expect(run.status != 0)
        #expect(run.stdout.isEmpty)
        let language = args[args.firstIndex(of: "--lang")! + 1]
        #expect(run.stderr.contains("unknown language '\(language)'; use nb, en or da"), "\(run.stderr)")
        Self.expectNoCrash(run)
    }

    @Test(arguments: [
        (["start", "--timer"], "tillit: Missing value for '--timer <seconds>' (see 'tillit start --help')"),
        (["decks", "--bogus"], "tillit: Unknown option '--bogus' (see 'tillit decks --help')"),
        (["start"], "tillit: give at least one --deck; `tillit decks` lists them (see 'tillit start --help')"),
    ] as [([String], String)])
    func usageErrorsAreOneLineWithWhereToReadMoreThenTheUsage(args: [String], line: String) throws {
        let home = try TemporaryHome()
        let run = runTillit(args, environment: home.environment())
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(Self.lines(run.stderr).first == line)
        #expect(Self.lines(run.stderr).dropFirst().first?.hasPrefix("Usage: tillit \(args[0])") == true, "\(run.stderr)")
        Self.expectNoCrash(run)
    }

    /// ArgumentParser's own errors and our checks, said again in Norwegian.
    @Test(arguments: [
        (["start", "--timer"], "tillit: --timer <sekunder> trenger en verdi (se `tillit start --help`)"),
        (["start", "--deck", "selvledelse", "--timer", "-5"],
         "tillit: --timer må være et antall sekunder mellom 1 og 86400 (se `tillit start --help`)"),
        (["trends", "--deck", "selvledelse", "--last", "-3"], "tillit: --last må være et helt tall, 1 eller mer (se `tillit trends --help`)"),
        (["decks", "--bogus"], "tillit: ukjent valg --bogus (se `tillit decks --help`)"),
        (["delete"], "tillit: hvilken samtale? Oppgi én (eller «last»), eller bruk --older-than 24m (se `tillit delete --help`)"),  // export without one takes the newest talk
        (["export", "x", "--format", "pdf"],
         "tillit: «pdf» er ikke en gyldig verdi for --format <format>; bruk markdown, html, json (se `tillit export --help`)"),
        (["decks", "extra"], "tillit: uventet extra; kommandoen tar ikke flere argumenter (se `tillit decks --help`)"),
        (["start"], "tillit: oppgi minst én --deck; `tillit decks` viser dem (se `tillit start --help`)"),
    ] as [([String], String)])
    func usageErrorsSpeakTheChosenLanguage(args: [String], line: String) throws {
        let home = try TemporaryHome()
        for environment in [["LANG": "en_US.UTF-8"], ["LANG": "C.UTF-8"]] {
            let run = runTillit(args + (environment["LANG"] == "en_US.UTF-8" ? ["--lang", "nb"] : []),
                                environment: home.environment(environment))
            #expect(run.status == 64)
            #expect(Self.lines(run.stderr).first == line, "\(environment)")
            #expect(Self.lines(run.stderr).dropFirst().first?.hasPrefix("Bruk: tillit \(args[0])") == true, "\(run.stderr)")
        }
    }

    @Test func aNameOrTitleTooLongOrAnArgumentNotInUTF8IsRefused() throws {
        let home = try TemporaryHome()
        let long = runTillit(["start", "--deck", "selvledelse", "--participant", String(repeating: "Å", count: 61) + ":leader"],
                             environment: home.environment())
        #expect(long.status == 64)
        #expect(Self.lines(long.stderr).first?.hasPrefix("tillit: a name may be at most 60 characters; this one has 61") == true, "\(long.stderr)")
        let title = runTillit(["start", "--deck", "selvledelse", "--title", String(repeating: "t", count: 10_000)],
                              environment: home.environment(["LANG": "nb_NO.UTF-8"]))
        #expect(title.status == 64)
        #expect(Self.lines(title.stderr).first?.hasPrefix("tillit: en tittel kan ha høyst 120 tegn; denne har 10000") == true, "\(title.stderr)")
        let raw = runProgram("/bin/sh", ["-c", "exec \"$0\" start --deck selvledelse --participant \"$(printf 'K\\377ri')\"", tillitBinaryURL.path],
                             environment: home.environment())
        #expect(raw.status == 64)
        #expect(raw.stderr == "tillit: argument 5 is not UTF-8 text; tillit reads only UTF-8\n")
    }

    @Test func aOneOnOneWithOnlyTheLeaderNamedAsksForTheOther() throws {
        let home = try TemporaryHome()
        let run = runTillit(["start", "--deck", "selvledelse", "--plain", "--participant", "Kari:leader"],
                            environment: home.environment(), stdin: "")
        #expect(run.status == 1)
        #expect(run.stderr.contains("a 1:1 needs both people"), "\(run.stderr)")
        let sessions = (home.path as NSString).appendingPathComponent("sessions")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: sessions)) ?? []).isEmpty)
    }

    @Test(arguments: [
        (["--anonymous"], "--anonymous is for team meetings"),
        (["--participant", "Kari:leader", "--participant", "Per:leder"], "a 1:1 is one leader and one employee"),
        (["--participant", "Kari:member"], "a 1:1 is one leader and one employee"),
    ] as [([String], String)])
    func oneOnOneThatIsNotOneLeaderAndOneEmployeeIsRefused(extra: [String], message: String) throws {
        let home = try TemporaryHome()
        let run = runTillit(["start", "--deck", "selvledelse", "--plain"] + extra, environment: home.environment(), stdin: "")
        #expect(run.status == 1)
        #expect(Self.lines(run.stderr).count == 1)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        let sessions = (home.path as NSString).appendingPathComponent("sessions")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: sessions)) ?? []).isEmpty)
        Self.expectNoCrash(run)
    }

    @Test func rolesCanBeWrittenInNorwegianOrDanish() throws {
        let home = try TemporaryHome()
        let run = runTillit(["start", "--deck", "selvledelse", "--plain", "--participant", "Kari:Leder", "--participant", "Ola:medarbejder"],
                            environment: home.environment(), stdin: ":quit\n")
        #expect(run.status == 0, "\(run.stderr)")
        let folder = URL(fileURLWithPath: home.path).appendingPathComponent("sessions")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".json") })
        let session = try SessionStore.decoder().decode(Session.self, from: Data(contentsOf: folder.appendingPathComponent(file)))
        #expect(session.participants.map(\.role) == [.leader, .employee])
        #expect(session.participants.map(\.name) == ["Kari", "Ola"])
    }

    // MARK: - helpers

    /// A valid two-card deck of seven lines, ending in a line break.
    static func ownDeck(id: String, title: String) -> String {
        """
        id: \(id)
        title: { nb: "\(title)", en: "\(title)" }
        cards:
          - id: one
            prompt: { nb: "Hva er viktigst?", en: "What matters most?" }
          - id: two
            prompt: { nb: "Hva trenger du?", en: "What do you need?" }

        """
    }
}
