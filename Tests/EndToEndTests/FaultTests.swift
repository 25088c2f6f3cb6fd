import Foundation
import Testing
import TillitCore
@testable import TillitStore

/// The real terminal program under faults: `kill -9` at random moments of a
/// talk, a full disk, a read-only home, a home whose path has spaces and
/// Norwegian letters, SIGHUP while writing, a talk file broken by hand, and
/// text with terminal escape sequences in decks, answers and exports.
@Suite("Faults and bad input, with the real binary in tmux")
struct FaultTests {
    static let startArguments = ["start", "--deck", "selvledelse", "--lang", "nb",
                                 "--participant", "Kari:leader", "--participant", "Ola:employee"]

    // MARK: kill -9

    /// Lanes run side by side, each with its own tmux server and home.
    static let lanes = 4
    /// 100 kills in all; `TILLIT_KILL_ROUNDS=1000 swift test --filter killNine`
    /// is the long mode (rounds in all, spread over the lanes).
    static let roundsPerLane = max(1, (Int(ProcessInfo.processInfo.environment["TILLIT_KILL_ROUNDS"] ?? "") ?? 100) / lanes)
    /// Three minutes for the usual 25 rounds a lane, more in the long mode.
    static let minutesPerLane = max(3, roundsPerLane * 3 / 25)

    /// Each round resumes the talk, maybe moves to another card, writes a word
    /// into a field and is killed with SIGKILL at a random moment: sometimes
    /// while the keys are still arriving, mostly 0–1.5 s after the word showed.
    /// Afterwards every talk file loads, and every word that was on screen for
    /// more than a second before the kill is in the file, as is every word
    /// confirmed in an earlier round.
    @Test(.timeLimit(.minutes(minutesPerLane)), arguments: 0..<lanes)
    func killNineAtRandomMomentsLosesNothingThatWasOnScreenForASecond(lane: Int) throws {
        let seed = UInt64(Date().timeIntervalSince1970 * 1000) &+ UInt64(lane) &* 7919
        var random = SeededGenerator(seed: seed)
        let tmux = try TmuxSession(width: 100, height: 30)
        let store = SessionStore(home: TillitHome(path: tmux.dataFolder.path))
        var confirmed: [(card: Int, participant: String, word: String)] = []
        var required = 0, killedWhileTyping = 0, lateSaves = 0
        let started = Date()
        for round in 1...Self.roundsPerLane {
            let context: Comment = "lane \(lane), round \(round), seed \(seed)"
            try tmux.launch(round == 1 ? Self.startArguments : ["resume", "--lang", "nb"])
            let screen = try tmux.waitFor("/ 14", timeout: 20)
            var card = try #require(Self.cardNumber(screen), context) - 1
            // Move now and then, staying off the last card (PgDn there opens the summary).
            // Every card of the deck takes text, so it opens ready to write.
            if Bool.random(using: &random) {
                let forward = card < 12 && (card == 0 || Bool.random(using: &random))
                try tmux.press(forward ? "PageDown" : "PageUp")
                card += forward ? 1 : -1
                try tmux.waitFor("\(card + 1) / 14")
            }
            let word = "L\(lane)R\(round)æø"
            try tmux.type(" " + word)
            if Bool.random(using: &random) { try tmux.press("Escape") }
            let pid = try tmux.pid()
            if Int.random(in: 0..<10, using: &random) < 2 {
                // Killed while the keys may still be on their way.
                usleep(UInt32.random(in: 0...300_000, using: &random))
                kill(pid, SIGKILL)
                killedWhileTyping += 1
                try tmux.waitForExit()
                try Self.expectAllTalksLoad(store, context)
                continue
            }
            try tmux.waitFor(word)
            let seen = Date()
            // 0–1.5 s, half of the rounds past the one second that counts.
            usleep(Bool.random(using: &random) ? UInt32.random(in: 0...1_000_000, using: &random)
                                               : UInt32.random(in: 1_050_000...1_500_000, using: &random))
            kill(pid, SIGKILL)
            let onScreen = Date().timeIntervalSince(seen)
            try tmux.waitForExit()
            try Self.expectAllTalksLoad(store, context)
            let talk = try #require(try store.list().summaries.first.map { try store.load(id: $0.id) }, context)
            // Which field got the word: the first text field of the card (Enter focuses it).
            let participant = "p1"
            let saved = talk.cards[card].response(of: participant)?.text ?? ""
            if onScreen > 1.0 {
                required += 1
                #expect(saved.contains(word), "on screen for \(onScreen) s but not saved; \(context)")
                #expect(talk.currentIndex == card, "the card moved to was not saved; \(context)")
            } else if !saved.contains(word) {
                lateSaves += 1
            }
            if saved.contains(word) { confirmed.append((card, participant, word)) }
            for earlier in confirmed {
                #expect(talk.cards[earlier.card].response(of: earlier.participant)?.text.contains(earlier.word) == true,
                        "\(earlier.word), saved before, is gone; \(context)")
            }
        }
        #expect(required >= 3, "too few rounds waited a second before the kill (seed \(seed))")
        print("kill -9 lane \(lane): \(Self.roundsPerLane) kills, \(required) after a second on screen, "
              + "\(killedWhileTyping) while typing, \(lateSaves) killed before the save, "
              + "\(confirmed.count) words kept, \(String(format: "%.1f", Date().timeIntervalSince(started))) s (seed \(seed))")
    }

    static func cardNumber(_ screen: String) -> Int? {
        guard let range = screen.range(of: #"(\d+) / 14"#, options: .regularExpression) else { return nil }
        return Int(screen[range].split(separator: " ")[0])
    }

    static func expectAllTalksLoad(_ store: SessionStore, _ context: Comment, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let listing = store.list()
        #expect(listing.problems.isEmpty, "\(listing.problems); \(context)", sourceLocation: sourceLocation)
        for summary in listing.summaries {
            #expect(throws: Never.self, "\(summary.id); \(context)", sourceLocation: sourceLocation) { _ = try store.load(id: summary.id) }
        }
    }

    // MARK: Full disk

    /// Past a file size limit (`ulimit -f`, then raised again with prlimit on
    /// the running process, as freeing disk space would): the save fails with a
    /// clear line on screen, the file on disk stays as it was, the talk goes
    /// on, and once there is room every word is written.
    @Test(.timeLimit(.minutes(5)))
    func aFullDiskIsShownAndNothingIsLostWhenThereIsRoomAgain() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        let (store, id, path) = try Self.savedTalk(in: tmux)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        // 8 blocks of 512 bytes: smaller than the talk file, so no save can succeed.
        // Only the soft limit, which the process may raise again (as freed space would).
        try tmux.launchWith(["resume", "--lang", "nb"], shell: "ulimit -S -f 8;")
        try tmux.waitFor("1 / 14")
        let words = "Disken er full, men ordene står på skjermen"
        try tmux.type(words)
        // The message and its reason are one frame, which may reach the pane in more than one write.
        let screen = try tmux.waitFor("File too large")
        #expect(screen.contains("Kunne ikke lagre"), "\(screen)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the old file is untouched")
        // Typing goes on while a save fails, so another attempt may be writing its
        // temp file at this moment: each must be removed once it has failed.
        try Self.waitUntil("the half-written temp file is removed") { Self.temporaryFiles(store).isEmpty }
        try tmux.type(" og mer")
        try tmux.waitFor("og mer")

        // Room again: the next change is saved, with everything written while the disk was full.
        let pid = try tmux.tillitPID()
        #expect(Self.run("/usr/bin/prlimit", ["--pid", "\(pid)", "--fsize=unlimited"]) == 0)
        try tmux.type(".")
        try Self.waitUntil("the words are saved") {
            (try? store.load(id: id))?.cards[0].response(of: "p1")?.text == words + " og mer."
        }
        // The file is written just before the frame that drops the message is drawn.
        try Self.waitUntil("the message goes once a save works") { try !tmux.screen().contains("Kunne ikke lagre") }
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
        #expect(try tmux.exitStatus() == 0, "\((try? tmux.screen()) ?? "")")
    }

    /// A limit that is never lifted: leaving says on stderr that the last
    /// changes could not be saved, with a non-zero exit, and the file is intact.
    @Test(.timeLimit(.minutes(5)))
    func leavingWhileTheDiskIsFullSaysSoAndKeepsTheOldFile() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        let (store, id, path) = try Self.savedTalk(in: tmux)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        try tmux.launchWith(["resume", "--lang", "en"], shell: "ulimit -S -f 8;")
        try tmux.waitFor("1 / 14")
        try tmux.type("lost to a full disk")
        try tmux.waitFor("Could not save")
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
        #expect(try tmux.exitStatus() == 1, "\((try? tmux.screen()) ?? "")")
        #expect(try tmux.screen().contains("Could not save"), "the reason is left on the terminal")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try store.load(id: id).id == id)
    }

    // MARK: Read-only home

    /// As root, file modes do not stop a write: then tillit runs as `nobody`.
    static var asNobody: [String] {
        geteuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
    }

    /// The shipped decks copied into the test's home, which `giveToNobody` hands
    /// over too: the repository may sit below a folder `nobody` cannot enter
    /// (`mktemp -d` makes it 0700).
    static func decksForNobody(_ tmux: TmuxSession) throws -> [String: String] {
        let copy = tmux.home.appendingPathComponent("cards")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: CLITests.cardsFolder), to: copy)
        return ["TILLIT_CARDS": copy.path]
    }

    static func giveToNobody(_ path: String) {
        guard geteuid() == 0 else { return }
        _ = run("/bin/chown", ["-R", "65534:65534", path])
    }

    @Test(.timeLimit(.minutes(5)), .enabled(if: geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func aReadOnlyHomeIsOneClearLineAndLeavesNothingBehind() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        try FileManager.default.createDirectory(at: tmux.dataFolder.appendingPathComponent("sessions"), withIntermediateDirectories: true)
        let decks = try Self.decksForNobody(tmux)
        Self.giveToNobody(tmux.home.path)
        chmod(tmux.dataFolder.path, 0o500)
        chmod(tmux.dataFolder.appendingPathComponent("sessions").path, 0o500)
        defer {
            chmod(tmux.dataFolder.path, 0o700)
            chmod(tmux.dataFolder.appendingPathComponent("sessions").path, 0o700)
        }
        try tmux.launchWith(Self.startArguments.map { $0 == "nb" ? "en" : $0 }, environment: decks, prefix: Self.asNobody)
        try tmux.waitForExit()
        let screen = try tmux.tmux(["capture-pane", "-p", "-J", "-t", "main:0"])
        let lines = screen.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("Pane is dead") && !$0.hasPrefix("[exit") }
        #expect(lines.count == 1, "\(screen)")
        #expect(lines.first?.hasPrefix("tillit: ") == true && screen.contains("Permission denied")
                && screen.contains(tmux.dataFolder.path), "\(screen)")
        #expect(try tmux.exitStatus() == 1, "\((try? tmux.screen()) ?? "")")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmux.dataFolder.appendingPathComponent("sessions").path).isEmpty)
    }

    /// The folder turns read-only during a talk: the failed save is shown, the
    /// words stay on screen, and they are saved once the folder can be written again.
    @Test(.timeLimit(.minutes(5)), .enabled(if: geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func aHomeThatTurnsReadOnlyDuringATalkKeepsTheWordsUntilItCanSave() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        try FileManager.default.createDirectory(at: tmux.dataFolder, withIntermediateDirectories: true)
        let decks = try Self.decksForNobody(tmux)
        Self.giveToNobody(tmux.home.path)
        try tmux.launchWith(Self.startArguments.map { $0 == "nb" ? "en" : $0 }, environment: decks, prefix: Self.asNobody)
        try tmux.waitFor("1 / 14")
        let store = SessionStore(home: TillitHome(path: tmux.dataFolder.path))
        // The new talk is written right after its first card is drawn: on a busy machine, a moment later.
        let written = Date().addingTimeInterval(10)
        while store.list().summaries.isEmpty && Date() < written { Thread.sleep(forTimeInterval: 0.05) }
        let id = try #require(store.list().summaries.first?.id)
        let sessions = tmux.dataFolder.appendingPathComponent("sessions").path
        chmod(sessions, 0o500)
        try tmux.type("written while read-only")
        let screen = try tmux.waitFor("Could not save")
        #expect(screen.contains("Permission denied"), "\(screen)")
        #expect(try store.load(id: id).cards[0].responses.isEmpty)
        chmod(sessions, 0o700)
        try tmux.type("!")
        try Self.waitUntil("the words are saved") {
            (try? store.load(id: id))?.cards[0].response(of: "p1")?.text == "written while read-only!"
        }
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
        #expect(try tmux.exitStatus() == 0, "\((try? tmux.screen()) ?? "")")
    }

    // MARK: A path with spaces and Norwegian letters

    @Test(.timeLimit(.minutes(5)))
    func aHomeWithSpacesAndNorwegianLettersWorksEverywhere() throws {
        let parent = "/tmp/tillit test \(UUID().uuidString.prefix(6))"
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let home = parent + "/Åse Ødegård"
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.launchWith(Self.startArguments, environment: ["TILLIT_HOME": home])
        try tmux.waitFor("1 / 14")
        try tmux.type("Blåbærsyltetøy på Ørland")
        try tmux.press("Escape", "q")
        let farewell = try tmux.waitFor("tillit resume")
        #expect(farewell.contains("Åse Ødegård"), "the farewell names the file:\n\(farewell)")
        try tmux.waitForExit()
        #expect(try tmux.exitStatus() == 0, "\((try? tmux.screen()) ?? "")")

        let store = SessionStore(home: TillitHome(path: home))
        let talk = try #require(try store.list().summaries.first.map { try store.load(id: $0.id) })
        #expect(talk.cards[0].response(of: "p1")?.text == "Blåbærsyltetøy på Ørland")
        var info = stat()
        #expect(stat(home + "/sessions", &info) == 0 && info.st_mode & 0o777 == 0o700)
        #expect(stat(try store.path(for: talk.id), &info) == 0 && info.st_mode & 0o777 == 0o600)

        let listed = runTillit(["sessions", "--lang", "nb"], environment: ["TILLIT_HOME": home, "LANG": "C.UTF-8"])
        #expect(listed.status == 0 && listed.stdout.contains(talk.id), "\(listed)")
        try tmux.launch(["resume", "--lang", "nb"], environment: ["TILLIT_HOME": home])
        try tmux.waitFor("Blåbærsyltetøy på Ørland")
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
        let exported = runTillit(["export", talk.id, "--format", "markdown"], environment: ["TILLIT_HOME": home, "LANG": "C.UTF-8"])
        if !exported.stderr.contains("Unexpected argument") && !exported.stderr.contains("unknown") {
            #expect(exported.status == 0 && exported.stdout.contains("Blåbærsyltetøy på Ørland"), "\(exported)")
        }
    }

    // MARK: SIGHUP

    enum HangUp: String, CaseIterable, Sendable {
        /// `kill -HUP`, as a shell sends to its jobs when the connection drops.
        case signal
        /// The terminal itself goes away (the tmux server is killed, as sshd
        /// would be): the pty closes and the kernel sends SIGHUP.
        case terminalGone
    }

    /// A hang-up while someone is writing, well inside the half second that
    /// typing saves wait: the words are saved before tillit goes.
    @Test(.timeLimit(.minutes(5)), arguments: HangUp.allCases)
    func aHangUpWhileWritingSavesTheText(_ hangUp: HangUp) throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.launch(Self.startArguments)
        try tmux.waitFor("1 / 14")
        let words = "Forbindelsen ble brutt midt i en setning på hytta"
        try tmux.type(words)
        try tmux.waitFor("hytta")
        let pid = try tmux.pid()
        switch hangUp {
        case .signal: kill(pid, SIGHUP)
        // SIGKILL: a server started from the test runner does not end on kill-server.
        case .terminalGone: kill(try tmux.serverPID(), SIGKILL)
        }
        try Self.waitUntil("tillit has ended", timeout: 10) { Self.hasEnded(pid) }
        #expect(try Self.firstAnswer(tmux) == words)
    }

    // MARK: A file broken by hand

    @Test(.timeLimit(.minutes(5)))
    func aTalkFileEditedIntoInvalidJSONIsListedAsUnreadableAndLeftAlone() throws {
        // Wide enough for the whole path of the file in the temporary folder.
        let tmux = try TmuxSession(width: 200, height: 30)
        let (store, id, path) = try Self.savedTalk(in: tmux)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"cards\" : [", with: "\"cards\" : [,,") + "} trailing words"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let broken = try Data(contentsOf: URL(fileURLWithPath: path))
        let environment = ["TILLIT_HOME": tmux.dataFolder.path, "LANG": "C.UTF-8"]

        let listed = runTillit(["sessions", "--lang", "en"], environment: environment)
        #expect(listed.stderr.contains(path) && listed.stderr.contains("leaves it as it is"), "\(listed)")
        #expect(!listed.stdout.contains(id))

        let resumed = runTillit(["resume", "--lang", "en"], environment: environment)
        #expect(resumed.status != 0)

        try tmux.launch(["--lang", "en"])
        try tmux.waitFor("could not be read")
        try tmux.press("h")
        let history = try tmux.waitFor(id)
        // The folder once, then the file by name with the reason.
        #expect(history.contains("Not read, left untouched, in \((path as NSString).deletingLastPathComponent):"), "\(history)")
        #expect(history.contains("  \(id).json "), "\(history)")
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == broken, "the broken file is left byte for byte")
        #expect(!FileManager.default.fileExists(atPath: path + ".bak"))
    }

    /// Two tillits on one talk: the second says which process has it.
    @Test(.timeLimit(.minutes(5)))
    func aSecondTillitOnTheSameTalkSaysWhichProcessHasIt() throws {
        let first = try TmuxSession(width: 100, height: 30)
        try first.launch(Self.startArguments.map { $0 == "nb" ? "en" : $0 })
        try first.waitFor("1 / 14")
        let second = try TmuxSession(width: 100, height: 30)
        try second.launchWith(["resume", "--lang", "en"], environment: ["TILLIT_HOME": first.dataFolder.path])
        try second.waitForExit()
        #expect(try second.screen().contains("open in another tillit (process \(try first.pid()))"))
        #expect(try second.exitStatus() == 1, "\((try? second.screen()) ?? "")")
        try first.type("still mine")
        try first.press("Escape", "q")
        try first.waitForExit()
        #expect(try first.sessions().first?.cards[0].response(of: "p1")?.text == "still mine")
    }

    // MARK: Untrusted text

    /// Escape sequences and control characters as they might arrive in a deck
    /// file or a talk file from elsewhere. Each is followed by a word, so the
    /// raw output can be searched for the sequence right before it.
    static let hostile = "før\u{1B}[2Jetter klokke\u{07}slag kopi\u{1B}]52;c;aGFjaw==\u{07}slutt "
        + "c1\u{9B}31mrød retur\r\ntilbake snu\u{202E}tekst slett\u{7F}tegn"

    static func hostileDeck() -> String {
        // YAML's own escapes: \e is ESC, \a is BEL, \x9B a C1 CSI.
        let prompt = #"Farlig før\e[2Jetter klokke\aslag kopi\e]52;c;aGFjaw==\aslutt c1\x9B31mrød snu\u202Etekst?"#
        return """
            id: farlig
            version: 1
            title: { nb: "Farlig\\e[2J kortstokk", en: "Hostile\\e]52;c;aGFjaw==\\a deck" }
            audience: [one-on-one]
            cards:
              - id: forste
                prompt: { nb: "\(prompt)", en: "\(prompt)" }
                hint: { nb: "hint\\e[5mblink", en: "hint\\e[5mblink" }
            """
    }

    /// A talk whose answers, names, actions and notes hold the hostile text,
    /// as a file brought from another machine or edited by hand would.
    static func hostileTalk(id: String) throws -> Data {
        let setup = TalkSetup(kind: .oneOnOne, language: .nb,
                              participants: [Participant(id: "p1", name: "Kari\u{1B}[2J", role: .leader),
                                             Participant(id: "p2", name: "Ola\u{07}", role: .employee)],
                              deckIDs: ["selvledelse"])
        let deck = Deck(id: "selvledelse", title: LocalizedText([.nb: "Selvledelse", .en: "Self-leadership"]),
                        cards: [Card(id: "forste", prompt: LocalizedText([.nb: "Spørsmål \(hostile)?", .en: "Question?"]))])
        var talk = try Session.start(setup, decks: [deck], id: id, now: Date())
        try talk.apply(.setText(participant: "p1", text: "svar " + hostile), now: Date())
        try talk.apply(.addAction(id: "\(id)-a1", text: "gjøre \(hostile)", owner: "Ola\u{1B}]52;c;eA==\u{07}", due: nil,
                                  onCurrentCard: true), now: Date())
        try talk.apply(.setNotes("notat " + hostile), now: Date())
        return try SessionStore.encoder().encode(talk)
    }

    /// What must never come out of tillit: the sequences of the hostile text.
    static func expectInert(_ output: String, _ what: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
        for sequence in ["\u{1B}[2Jetter", "\u{1B}]52", "\u{07}", "\u{9B}", "\u{202E}", "\u{7F}", "\u{1B}[5mblink", "\u{1B}[2J kort"] {
            #expect(!output.contains(sequence), "\(sequence.debugDescription) reached the output: \(what)", sourceLocation: sourceLocation)
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func escapeSequencesInADeckAndInAnswersAreShownInert() throws {
        let tmux = try TmuxSession(width: 120, height: 40)
        let decks = tmux.dataFolder.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try Data(Self.hostileDeck().utf8).write(to: decks.appendingPathComponent("farlig.yaml"))
        let raw = tmux.home.appendingPathComponent("pane-output.bin")
        try tmux.tmux(["set-option", "-g", "set-clipboard", "on"])

        // A deck with escapes in its title, prompt and hint.
        try tmux.launch(["start", "--deck", "farlig", "--lang", "nb"])
        try tmux.tmux(["pipe-pane", "-o", "-t", "main:0", "cat >> " + TmuxSession.quote(raw.path)])
        let screen = try tmux.waitFor("1 / 1")
        #expect(screen.contains("[2Jetter") && screen.contains("klokkeslag") && screen.contains("52;c;aGFjaw=="), "shown as text:\n\(screen)")
        try tmux.press("Escape", "h")
        try tmux.waitFor("blink")
        // Pasted text with escapes (bracketed paste, as a terminal sends it).
        try tmux.press("Enter")
        try tmux.tmux(["set-buffer", "-b", "evil", "limt inn \u{1B}[2Jetter \u{1B}]52;c;aGFjaw==\u{07}slutt"])
        try tmux.tmux(["paste-buffer", "-p", "-r", "-b", "evil", "-t", "main:0"])
        try tmux.waitFor("limt inn")
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
        let store = SessionStore(home: TillitHome(path: tmux.dataFolder.path))
        let pasted = try #require(try store.list().summaries.first.map { try store.load(id: $0.id) })
            .cards[0].response(of: "p1")?.text ?? ""
        #expect(pasted.hasPrefix("limt inn") && !pasted.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(pasted.debugDescription)")

        // A talk file with escapes in answers, names, actions and notes.
        let id = "2026-11-23-2000-beef"
        try Self.hostileTalk(id: id).write(to: URL(fileURLWithPath: try store.path(for: id)))
        try tmux.launch(["resume", id, "--lang", "nb"])
        try tmux.tmux(["pipe-pane", "-o", "-t", "main:0", "cat >> " + TmuxSession.quote(raw.path)])
        let talkScreen = try tmux.waitFor("svar før")
        #expect(talkScreen.contains("[2Jetter"), "\(talkScreen)")
        try tmux.press("Escape", "f")
        try tmux.waitFor("gjøre før")
        try tmux.press("q")
        try tmux.waitForExit()

        let output = String(decoding: try Data(contentsOf: raw), as: UTF8.self)
        #expect(output.contains("etter"), "the pane's output was captured")
        Self.expectInert(output, "the raw bytes tillit wrote to the terminal")
        let visible = try tmux.screen(escapes: true)
        Self.expectInert(visible, "capture-pane -e")
        #expect(try tmux.tmux(["list-buffers", "-F", "#{buffer_name}"]).split(separator: "\n").allSatisfy { $0 == "evil" },
                "no OSC 52 reached tmux's clipboard")

        // The exports of the same talk.
        let environment = ["TILLIT_HOME": tmux.dataFolder.path, "LANG": "C.UTF-8"]
        let markdown = runTillit(["export", id, "--format", "markdown"], environment: environment)
        if markdown.status == 0 {
            #expect(markdown.stdout.contains("etter"))
            Self.expectInert(markdown.stdout, "the Markdown export")
        } else {
            #expect(markdown.stderr.contains("Unexpected argument") || markdown.stderr.contains("export"), "\(markdown)")
        }
        let shown = runTillit(["show", "farlig", "--lang", "nb"], environment: environment)
        #expect(shown.status == 0)
        Self.expectInert(shown.stdout, "tillit show")
    }

    // MARK: Helpers

    /// Starts a talk, leaves it at once, and returns its store, id and file.
    static func savedTalk(in tmux: TmuxSession) throws -> (SessionStore, String, String) {
        try tmux.launch(startArguments)
        try tmux.waitFor("1 / 14")
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
        let store = SessionStore(home: TillitHome(path: tmux.dataFolder.path))
        let id = try #require(store.list().summaries.first?.id)
        return (store, id, try store.path(for: id))
    }

    /// The first person's answer on the first card of the newest talk in `tmux`'s home.
    static func firstAnswer(_ tmux: TmuxSession) throws -> String? {
        let store = SessionStore(home: TillitHome(path: tmux.dataFolder.path))
        return try store.list().summaries.first.map { try store.load(id: $0.id) }?.cards[0].response(of: "p1")?.text
    }

    static func temporaryFiles(_ store: SessionStore) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: store.folder)) ?? []).filter { $0.hasSuffix(".tmp") }
    }

    static func waitUntil(_ what: String, timeout: TimeInterval = 5, sourceLocation: SourceLocation = #_sourceLocation,
                          _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            usleep(50_000)
        }
        Issue.record("timed out: \(what)", sourceLocation: sourceLocation)
        throw TmuxError.timeout(what)
    }

    /// Gone, or a zombie that nobody reaps (PID 1 of a container may not).
    static func hasEnded(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return true }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        guard let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(close, offsetBy: 2)...].hasPrefix("Z")
    }

    /// Runs a program and returns its exit status.
    @discardableResult
    static func run(_ path: String, _ arguments: [String]) -> Int32 {
        runProgram(path, arguments, environment: ["PATH": "/usr/bin:/bin"]).status
    }
}

extension TmuxSession {
    /// Starts `tillit args` in a fresh window as `launch` does, but under
    /// `/bin/sh -c`: after `shell` (such as `ulimit -S -f 8;`), behind `prefix`
    /// (such as setpriv), and followed by `echo "[exit N]"`, because a tmux
    /// server started from the test runner inherits its blocked signals, never
    /// hears SIGCHLD and so never learns a pane's exit status itself.
    func launchWith(_ args: [String], environment: [String: String] = [:], prefix: [String] = [], shell: String = "") throws {
        var env = ["PATH": "/usr/bin:/bin", "HOME": home.path, "TERM": "tmux-256color", "LANG": "C.UTF-8",
                   "TILLIT_HOME": dataFolder.path]
        env.merge(environment) { $1 }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }
        let program = (prefix + [tillitBinaryURL.path] + args).map(Self.quote).joined(separator: " ")
        let script = "\(shell) \(program); echo \"[exit $?]\""
        let command = (["exec", "env", "-i"] + assignments + ["/bin/sh", "-c", Self.quote(script)]).joined(separator: " ")
        try tmux(["respawn-pane", "-k", "-t", "main:0", command])
    }

    /// The exit status that `launchWith` left on the screen.
    func exitStatus() throws -> Int32? {
        try waitForExit()
        let screen = try tmux(["capture-pane", "-p", "-J", "-S", "-100", "-t", "main:0"])
        guard let range = screen.range(of: #"\[exit \d+\]"#, options: .regularExpression) else { return nil }
        return Int32(screen[range].dropFirst(6).dropLast())
    }

    /// The pid of tillit started by `launchWith` (a child of the shell in the pane).
    func tillitPID() throws -> Int32 {
        let shell = try pid()
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
            if let child = children.split(separator: " ").first.flatMap({ Int32($0) }) { return child }
            usleep(20_000)
        }
        return shell
    }

    /// The tmux server's own pid.
    func serverPID() throws -> Int32 {
        Int32(try tmux(["display-message", "-p", "#{pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
}
