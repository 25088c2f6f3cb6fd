import Foundation
import Testing
import TillitCore

/// The real binary in tmux, driven by keys, checked on screen and in the JSON it wrote.
@Suite(.serialized) struct TerminalTalkTests {
    @Test func wholeOneOnOneTalkIsSaved() throws {
        let tmux = try TmuxSession()
        try tmux.launch(["start", "--deck", "selvledelse", "--participant", "Kari:leader", "--participant", "Ola Ødegård:employee"],
                        environment: ["LANG": "nb_NO.UTF-8"])
        try tmux.waitFor("1 / 14")
        // The card opens ready to write in the leader's field; Tab goes on to the employee's.
        try tmux.type("Vi må snakke om turnusen – æøå")
        try tmux.press("Tab")
        try tmux.type("Jeg ønsker meg mer tid med brukerne 🙂")
        try tmux.waitFor("mer tid med brukerne")
        try tmux.press("PageDown", "PageDown", "PageDown")
        try tmux.waitFor("4 / 14")
        // After Esc a number rates the person whose field has the focus.
        try tmux.press("Escape", "4", "Tab", "3")
        try tmux.waitFor("[3]")
        try tmux.press("a")
        try tmux.waitFor("Ny avtale")
        try tmux.type("Ola lager et utkast til ukeplan")
        try tmux.press("Enter")
        try tmux.type("Ola")
        try tmux.press("Enter")
        try tmux.type("15.12.2030")
        try tmux.press("Enter")
        try tmux.waitFor("Avtalen er lagret")
        try tmux.press("q")
        try tmux.waitFor("Fortsett med: tillit resume")
        try tmux.waitForExit()

        let sessions = try tmux.sessions()
        #expect(sessions.count == 1)
        let talk = try #require(sessions.first)
        #expect(talk.participants.map(\.name) == ["Kari", "Ola Ødegård"])
        #expect(talk.cards[0].response(of: "p1")?.text == "Vi må snakke om turnusen – æøå")
        #expect(talk.cards[0].response(of: "p2")?.text == "Jeg ønsker meg mer tid med brukerne 🙂")
        #expect(talk.cards[3].response(of: "p1")?.rating == 4)
        #expect(talk.cards[3].response(of: "p2")?.rating == 3)
        #expect(talk.actions.map(\.text) == ["Ola lager et utkast til ukeplan"])
        #expect(talk.actions.first?.due == "2030-12-15")
        #expect(talk.actions.first?.fromCard == "selvledelse/handlingsrom-skala")
        #expect(talk.currentIndex == 3)
    }

    @Test func teamMeetingWithAnonymousVotesAndTimer() throws {
        let tmux = try TmuxSession()
        try tmux.launch(["start", "--deck", "psykologisk-trygghet", "--title", "Avdeling Solsiden", "--anonymous",
                         "--timer", "2", "--lang", "en"])
        try tmux.waitFor("1 / 14")
        try tmux.press("PageDown")
        try tmux.waitFor("Anonymous ratings")
        try tmux.press("4", "4", "2", "5")
        try tmux.waitFor("4 votes · r shows the result")
        try tmux.waitFor("⏱ time is up", timeout: 5)
        try tmux.press("p")
        try tmux.waitFor("time is up")
        try tmux.press("p", "q")
        try tmux.waitForExit()
        let talk = try #require(try tmux.sessions().first)
        #expect(talk.kind == .team && talk.anonymous && talk.timerSeconds == 2)
        #expect(talk.cards[1].anonymousVotes == [4: 2, 2: 1, 5: 1])
        #expect(talk.cards[1].responses.isEmpty)
        #expect(talk.cards[0].secondsSpent > 0)
    }

    /// Anonymous votes show as a count until r; r below three votes says why;
    /// a new vote hides the result again; the reveal survives a resume.
    @Test func anonymousVotesAreRevealedOnPurpose() throws {
        let tmux = try TmuxSession(width: 160, height: 45)
        try tmux.launch(["start", "--deck", "psykologisk-trygghet", "--title", "Avdeling Solsiden", "--anonymous", "--lang", "en"])
        try tmux.waitFor("1 / 14")
        try tmux.press("PageDown")
        try tmux.waitFor("Anonymous ratings")
        try tmux.press("4", "2", "r")
        try tmux.waitFor("The result shows from 3 votes, so no single vote can be read off")
        try tmux.press("5")
        var screen = try tmux.waitFor("3 votes · r shows the result")
        #expect(!screen.contains("average"), "\(screen)")
        try tmux.press("r")
        try tmux.waitFor("3 votes · average 3.7")
        try tmux.press("1")
        screen = try tmux.waitFor("4 votes · r shows the result")
        #expect(!screen.contains("average"), "the 4th vote is not given away by a moving mean: \(screen)")
        try tmux.press("p")
        try tmux.waitFor("The result shows when you press r")
        try tmux.press("r")
        screen = try tmux.waitFor("A new vote hides it again")
        #expect(!screen.contains("The result shows when you press r"), "\(screen)")
        try tmux.press("p", "q")
        try tmux.waitForExit()
        let talk = try #require(try tmux.sessions().first)
        #expect(talk.cards[1].anonymousVotes == [4: 1, 2: 1, 5: 1, 1: 1])
        #expect(talk.cards[1].revealedVotes == [4: 1, 2: 1, 5: 1, 1: 1])

        try tmux.launch(["resume", "--lang", "en"])
        try tmux.waitFor("4 votes · average 3.0")
        try tmux.press("q")
        try tmux.waitForExit()
    }

    @Test func theSummaryShowsWhatTheTeamRatedAndHowItMovedSinceTheLastMeeting() throws {
        let tmux = try TmuxSession()
        for (meeting, votes) in [["2", "3", "3"], ["4", "4", "5"]].enumerated() {
            try tmux.launch(["start", "--deck", "psykologisk-trygghet", "--title", "Avdeling Solsiden", "--anonymous", "--lang", "en"])
            try tmux.waitFor("1 / 14")
            try tmux.press("PageDown")
            try tmux.waitFor("Anonymous ratings")
            for vote in votes { try tmux.press(vote) }
            try tmux.press("r")
            try tmux.waitFor("3 votes · average")
            try tmux.press("f")
            let screen = try tmux.waitFor("Ratings")
            let row = try #require(screen.split(separator: "\n").first { $0.contains("2. ") }, "\(screen)")
            if meeting == 0 {
                #expect(row.contains(#/ 3 +2\.7$/#) && !screen.contains("since last"), "\(screen)")
            } else {
                #expect(screen.contains("since last") && row.contains(#/ 3 +4\.3 +\+1\.7$/#), "\(screen)")
            }
            try tmux.press("q")
            try tmux.waitForExit()
        }
    }

    @Test(arguments: [true, false])
    func theBellRingsWhenTimeRunsOutOnlyWhenAskedFor(bell: Bool) throws {
        let tmux = try TmuxSession()
        try tmux.launch(["start", "--deck", "psykologisk-trygghet", "--title", "Avdeling Solsiden", "--timer", "1", "--lang", "en"]
                        + (bell ? ["--bell"] : []))
        try tmux.waitFor("time is up")
        Thread.sleep(forTimeInterval: 0.5)
        let flag = try tmux.tmux(["display-message", "-p", "-t", "main:0", "#{window_bell_flag}"])
        #expect(flag.trimmingCharacters(in: .whitespacesAndNewlines) == (bell ? "1" : "0"))
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
    }

    /// A terminal without bracketed paste: a pasted ESC must not leave the field
    /// and run the rest as commands (s skipped a card, a digit rated, q quit).
    @Test func aPasteHoldingAnEscapeStaysInTheField() throws {
        let tmux = try TmuxSession()
        try tmux.launch(["start", "--deck", "selvledelse", "--lang", "en"])
        try tmux.waitFor("1 / 14")
        // The card opens ready to write.
        try tmux.waitFor("writing")
        try tmux.tmux(["set-buffer", "Copied \u{1B}[31mred\u{1B}[0m and \u{1B}s2q more"])
        try tmux.tmux(["paste-buffer", "-t", "main:0"])
        let screen = try tmux.waitFor("more")
        #expect(screen.contains("Copied red and s2q more") && screen.contains("1 / 14") && screen.contains("writing"), "\(screen)")
        #expect(try tmux.isRunning())
        try tmux.press("Escape")
        try tmux.waitFor("Enter write")
        try tmux.press("q")
        try tmux.waitForExit()
        let talk = try #require(try tmux.sessions().first)
        #expect(talk.cards[0].responses.first?.text == "Copied red and s2q more")
        #expect(!talk.cards.contains { $0.status == .skipped || $0.status == .parked } && talk.currentIndex == 0,
                "nothing was skipped or moved")
    }

    @Test func killedWhileWritingResumesOnTheSameCardWithTheText() throws {
        let tmux = try TmuxSession()
        try tmux.launch(["start", "--deck", "selvledelse", "--lang", "nb"])
        try tmux.waitFor("1 / 14")
        try tmux.press("PageDown")
        try tmux.waitFor("2 / 14")
        try tmux.type("Dette må ikke forsvinne, selv om strømmen går")
        try tmux.waitFor("forsvinne")
        // The save is at most half a second behind the keys.
        Thread.sleep(forTimeInterval: 1.0)
        kill(try tmux.pid(), SIGKILL)
        try tmux.waitForExit()

        try tmux.launch(["resume", "--lang", "nb"])
        let screen = try tmux.waitFor("2 / 14")
        #expect(screen.contains("Dette må ikke forsvinne, selv om strømmen"))
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
        let talk = try #require(try tmux.sessions().first)
        #expect(talk.cards[1].response(of: "p1")?.text == "Dette må ikke forsvinne, selv om strømmen går")
    }

    @Test func pastedTextArrivesWholeWithLineBreaks() throws {
        let tmux = try TmuxSession()
        try tmux.launch(["start", "--deck", "selvledelse", "--lang", "nb"])
        try tmux.waitFor("1 / 14")
        // paste-buffer -p wraps the text in bracketed-paste markers, as a terminal does.
        try tmux.tmux(["set-buffer", "-b", "p", "Første linje: æøå\nAndre linje q?\nTredje 👍"])
        try tmux.tmux(["paste-buffer", "-p", "-b", "p", "-t", "main:0"])
        try tmux.waitFor("Tredje")
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
        #expect(try tmux.sessions().first?.cards[0].response(of: "p1")?.text == "Første linje: æøå\nAndre linje q?\nTredje 👍")
    }

    @Test func resizingBelowTheMinimumAndBackKeepsTheTalk() throws {
        let tmux = try TmuxSession()
        try tmux.launch(["start", "--deck", "selvledelse", "--lang", "en"])
        try tmux.waitFor("1 / 14")
        try tmux.resize(width: 50, height: 12)
        try tmux.waitFor("too small")
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor("1 / 14")
        try tmux.type("still here")
        try tmux.press("Escape", "C-c")
        try tmux.waitForExit()
        #expect(try tmux.sessions().first?.cards[0].response(of: "p1")?.text == "still here")
    }

    @Test func noColorKeepsBoldAndReverseButNoColours() throws {
        let coloured = try TmuxSession()
        try coloured.launch(["start", "--deck", "selvledelse", "--lang", "en"])
        try coloured.waitFor("1 / 14")
        let withColour = try coloured.screen(escapes: true)
        #expect(withColour.contains("\u{1B}[36m") || withColour.contains("\u{1B}[34m"), "expected colour codes:\n\(withColour)")

        let plain = try TmuxSession()
        try plain.launch(["start", "--deck", "selvledelse", "--lang", "en"], environment: ["NO_COLOR": "1"])
        try plain.waitFor("1 / 14")
        let monochrome = try plain.screen(escapes: true)
        #expect(!monochrome.contains("\u{1B}[36m") && !monochrome.contains("\u{1B}[34m") && !monochrome.contains("\u{1B}[33m"))
        #expect(monochrome.contains("\u{1B}[1m") && monochrome.contains("\u{1B}[7m"), "bold and reverse must remain:\n\(monochrome)")
    }

    @Test func signalsSaveAndLeave() throws {
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            let tmux = try TmuxSession()
            try tmux.launch(["start", "--deck", "selvledelse", "--lang", "en"])
            try tmux.waitFor("1 / 14")
            try tmux.type("signal \(signal)")
            try tmux.waitFor("signal \(signal)")
            kill(try tmux.pid(), signal)
            try tmux.waitForExit()
            #expect(try tmux.sessions().first?.cards[0].response(of: "p1")?.text == "signal \(signal)")
        }
    }

    @Test func aCrashRestoresTheTerminal() throws {
        let tmux = try TmuxSession()
        let binary = TmuxSession.quote(devToolsBinaryURL.path)
        // After the crash the shell asks the terminal for its modes: echo and canonical input must be back on.
        try tmux.tmux(["respawn-pane", "-k", "-t", "main:0",
                       "TERM=xterm-256color \(binary) crash-drill; stty -a | tr ' ;' '\\n\\n' | grep -x -e '-*echo' -e '-*icanon' | sort | tr '\\n' ' '; echo END"])
        let screen = try tmux.waitFor("END")
        #expect(screen.contains("echo icanon END") || screen.contains("echo icanon  END"), "terminal modes after the crash:\n\(screen)")
    }

    /// `TERM=dumb` is not refused: it runs plain line mode (see `PlainModeTests`).
    @Test(arguments: ["no-such-terminal-type"])
    func unusableTermGetsOneLineAndExitTwo(term: String) throws {
        let tmux = try TmuxSession()
        try tmux.launch(["start", "--deck", "selvledelse"], term: term)
        try tmux.waitForExit()
        let screen = try tmux.screen()
        #expect(screen.contains("tillit: "))
        #expect(screen.contains("TERM=xterm-256color"))
        #expect(try tmux.sessions().isEmpty)
    }

    @Test(arguments: ["xterm-256color", "screen-256color", "tmux-256color", "linux", "vt100"])
    func worksUnderCommonTerminalTypes(term: String) throws {
        let tmux = try TmuxSession()
        try tmux.launch(["start", "--deck", "selvledelse", "--lang", "nb"], term: term)
        try tmux.waitFor("1 / 14")
        try tmux.type("æøå")
        try tmux.waitFor("æøå")
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
    }

    @Test func secondInstanceOnTheSameTalkIsRefused() throws {
        let first = try TmuxSession()
        try first.launch(["start", "--deck", "selvledelse", "--lang", "en"])
        try first.waitFor("1 / 14")
        let id = try #require(try first.waitForSessions().first?.id)
        let second = runTillit(["resume", id], environment: ["TILLIT_HOME": first.dataFolder.path, "LANG": "C.UTF-8", "TERM": "xterm"])
        #expect(second.status != 0)
        // Without a terminal the refusal comes first; the lock is tested in the store's own tests.
        #expect(!second.stderr.isEmpty)
    }

    @Test func withoutATerminalItSaysSoAndExitsTwo() {
        let run = runTillit(["start", "--deck", "selvledelse"], environment: ["TERM": "xterm", "TILLIT_HOME": "/tmp/tillit-no-tty-\(UUID().uuidString)"])
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("terminal"))
    }
}
