import Foundation
import Testing
import TillitCore
@testable import TillitStore

/// Agreed actions changed, ticked off and removed during a talk, the leader's
/// private notes, and an action form that is never lost on leaving: the real
/// binary in tmux and through pipes, checked in the JSON it wrote.
@Suite(.serialized) struct ActionsEndToEndTests {
    static let oneOnOne = ["start", "--deck", "selvledelse", "--participant", "Kari:leader", "--participant", "Ola:employee"]

    /// Starts a 1:1 in Norwegian and opens the action form with `text` typed in.
    static func formWithText(_ text: String, due: String? = nil) throws -> TmuxSession {
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.launch(oneOnOne, environment: ["LANG": "nb_NO.UTF-8"])
        try tmux.waitFor("1 / 14")
        // Esc stops writing in the field the card opened with; then a is a command.
        try tmux.press("Escape", "a")
        try tmux.waitFor("Ny avtale")
        try tmux.type(text)
        try tmux.press("Tab")
        try tmux.type("Kari")
        if let due {
            try tmux.press("Tab")
            try tmux.type(due)
            try tmux.waitFor(due)
        } else {
            try tmux.waitFor("Kari")
        }
        return tmux
    }

    @Test func ctrlCWithTheActionFormOpenSavesWhatWasTyped() throws {
        let tmux = try Self.formWithText("Kari booker nytt møte", due: "15.12.2030")
        try tmux.press("C-c")
        try tmux.waitForExit()
        let screen = try tmux.tmux(["capture-pane", "-p", "-J", "-t", "main:0"])
        #expect(screen.contains("Avtalen du skrev på, er lagret: Kari booker nytt møte — Kari, 15.12.2030"), "\(screen)")
        let action = try #require(try tmux.sessions().first?.actions.first)
        #expect(action.text == "Kari booker nytt møte")
        #expect(action.owner == "Kari" && action.due == "2030-12-15")
        #expect(action.fromCard == "selvledelse/viktigst-framover")
    }

    /// kill -9 gives no chance to save on the way out: the form's words are
    /// already in the talk, saved by the same autosave as the answers.
    @Test func killNineWithTheActionFormOpenLosesAtMostTheLastSecond() throws {
        let tmux = try Self.formWithText("Ola tar over turnusplanen", due: "15.12.2030")
        Thread.sleep(forTimeInterval: 1.2)
        kill(try tmux.pid(), SIGKILL)
        try tmux.waitForExit()
        let action = try #require(try tmux.sessions().first?.actions.first)
        #expect(action.text == "Ola tar over turnusplanen")
        #expect(action.owner == "Kari" && action.due == "2030-12-15")
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func aSignalWithTheFormOpenKeepsTheTextAndTheDateThatCouldNotBeRead(signal: Int32) throws {
        let tmux = try Self.formWithText("Kari booker nytt møte", due: "1.13")
        kill(try tmux.pid(), signal)
        try tmux.waitForExit()
        // -J joins the lines the 80 columns wrapped.
        let screen = try tmux.tmux(["capture-pane", "-p", "-J", "-t", "main:0"])
        #expect(screen.contains("Avtalen du skrev på, er lagret: Kari booker nytt møte (frist 1.13) — Kari"))
        #expect(screen.contains("«1.13» er ikke en dato, så den står i teksten"), "the line after the screen says so:\n\(screen)")
        let action = try #require(try tmux.sessions().first?.actions.first)
        #expect(action.text == "Kari booker nytt møte (frist 1.13)")
        #expect(action.owner == "Kari" && action.due == nil)
    }

    @Test func anActionIsChangedTickedOffAndRemovedOnTheCardAndInTheSummary() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.launch(Self.oneOnOne, environment: ["LANG": "nb_NO.UTF-8"])
        try tmux.waitFor("1 / 14")
        for (text, owner) in [("Ola lager et utkast", "Ola"), ("Kari avklarer budsjettet", "Kari")] {
            try tmux.press("Escape", "a")
            try tmux.waitFor("Ny avtale")
            try tmux.type(text)
            try tmux.press("Tab")
            try tmux.type(owner)
            try tmux.press("Enter", "Enter")
            try tmux.waitFor("Avtalen er lagret")
        }
        // Tab past the two answer fields reaches the first action.
        try tmux.press("Tab", "Tab")
        try tmux.waitFor("›• Ola lager et utkast")
        try tmux.press("Enter")
        try tmux.waitFor("Endre avtale")
        try tmux.type(" til ny ukeplan")
        try tmux.press("Enter", "Enter", "Enter")
        try tmux.waitFor("Avtalen er endret")
        try tmux.press("d")
        try tmux.waitFor("›✓ Ola lager et utkast til ny ukeplan")
        try tmux.press("f")
        try tmux.waitFor("Oppsummering")
        try tmux.press("Down")
        try tmux.waitFor("› • Kari avklarer budsjettet")
        try tmux.press("x")
        try tmux.waitFor("Fjerne avtalen «Kari avklarer budsjettet»?")
        try tmux.press("j")
        try tmux.waitFor("Avtalen er fjernet")
        try tmux.press("q")
        try tmux.waitForExit()
        let talk = try #require(try tmux.sessions().first)
        #expect(talk.actions.map(\.text) == ["Ola lager et utkast til ny ukeplan"])
        #expect(talk.actions.first?.done == true)
    }

    @Test func theLeadersPrivateNotesAreSavedAndLeftOutOfTheReferat() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.launch(Self.oneOnOne, environment: ["LANG": "nb_NO.UTF-8"])
        try tmux.waitFor("1 / 14")
        try tmux.press("Escape", "f")
        try tmux.waitFor("Oppsummering")
        try tmux.press("n")
        try tmux.type("Neste samtale om tre uker")
        try tmux.press("Tab")
        try tmux.waitFor("Private notater (bare for lederen")
        try tmux.type("Ola virker sliten")
        try tmux.waitFor("Ola virker sliten")
        try tmux.press("Escape")
        try tmux.waitFor("Lederens private notater er lagret")
        #expect(!(try tmux.screen()).contains("Ola virker sliten"))
        try tmux.press("q")
        try tmux.waitForExit()
        let talk = try #require(try tmux.sessions().first)
        #expect(talk.notes == "Neste samtale om tre uker")
        #expect(talk.privateNotes == "Ola virker sliten")

        let environment = ["TILLIT_HOME": tmux.dataFolder.path, "LANG": "nb_NO.UTF-8"]
        let referat = runTillit(["export", talk.id], environment: environment)
        #expect(referat.status == 0 && referat.stdout.contains("Neste samtale om tre uker"))
        #expect(!referat.stdout.contains("Ola virker sliten"))
        let everything = runTillit(["export", talk.id, "--include-private"], environment: environment)
        #expect(everything.stdout.contains("Ola virker sliten"))
        let json = runTillit(["export", talk.id, "--format", "json"], environment: environment)
        #expect(json.status == 0 && !json.stdout.contains("Ola virker sliten"))
    }

    // MARK: Plain line mode

    static func plainTalk(_ home: TemporaryHome, lang: String, _ script: String) -> TillitRun {
        runTillit(oneOnOne + ["--plain"], environment: home.environment(["LANG": lang]), stdin: script)
    }

    static func onlyTalk(_ home: TemporaryHome) throws -> Session {
        let store = SessionStore(home: TillitHome(path: home.path))
        let summaries = store.list().summaries
        try #require(summaries.count == 1)
        return try store.load(id: summaries[0].id)
    }

    @Test func plainActionWithABadDateIsSavedWithoutTheDateAndSaysSo() throws {
        let home = try TemporaryHome()
        let run = Self.plainTalk(home, lang: "nb_NO.UTF-8", ":action Kari booker nytt møte @Kari due 1.13\n:quit\n")
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("Avtale 1 lagt til uten frist: Kari booker nytt møte — Kari. «1.13» er ikke en dato"))
        #expect(run.stdout.contains(":edit 1 frist 15.12"), "it says how to set the date")
        let action = try #require(try Self.onlyTalk(home).actions.first)
        #expect(action.text == "Kari booker nytt møte" && action.owner == "Kari" && action.due == nil)
    }

    @Test func plainActionsAreListedChangedTickedOffAndRemovedByNumber() throws {
        let home = try TemporaryHome()
        let script = """
            :actions
            :action Ola lager et utkast @Ola due 15.12.2030
            :action Kari avklarer budsjettet @Kari
            :action Tredje avtale
            :actions
            :edit 1 Ola lager et utkast til ny ukeplan
            :edit 2 due 1.2.2031
            :edit 2 @Ola due 99
            :edit 1 due -
            :done-action 1
            :done-action 1
            :reopen-action 2
            :remove 3
            :remove 7
            :edit
            :private Ola virker sliten
            :private Spør om turnusen
            :actions
            :quit

            """
        let run = Self.plainTalk(home, lang: "en_GB.UTF-8", script)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        for line in ["No actions agreed yet. :action TEXT adds one.",
                     "  1. Ola lager et utkast — Ola, 15 Dec 2030",
                     "  3. Tredje avtale",
                     "Action 1 changed: Ola lager et utkast til ny ukeplan — Ola, 15 Dec 2030",
                     "Action 2 changed: Kari avklarer budsjettet — Kari, 1 Feb 2031",
                     "Action 2 changed: Kari avklarer budsjettet — Ola, 1 Feb 2031",
                     "“99” is not a date, so the date was not changed",
                     "Action 1 changed: Ola lager et utkast til ny ukeplan — Ola",
                     "Action 1 is done: Ola lager et utkast til ny ukeplan — Ola",
                     "Action 1 is already done; :reopen-action 1 opens it again.",
                     "Action 2 is not done; :done-action 2 marks it done.",
                     "Action 3 removed: Tredje avtale",
                     "There is no action 7; :actions lists them, numbered 1 to 2.",
                     "Type :edit, the number and the new text",
                     "Private note saved (for the leader; left out of the referat unless tillit export --include-private).",
                     "  1. Ola lager et utkast til ny ukeplan — Ola [done]"] {
            #expect(run.stdout.contains(line), "missing: \(line)\n\(run.stdout)")
        }
        let talk = try Self.onlyTalk(home)
        #expect(talk.actions.map(\.text) == ["Ola lager et utkast til ny ukeplan", "Kari avklarer budsjettet"])
        #expect(talk.actions.map(\.done) == [true, false])
        #expect(talk.actions.map(\.due) == [nil, "2031-02-01"])
        #expect(talk.actions.map(\.owner) == ["Ola", "Ola"])
        #expect(talk.privateNotes == "Ola virker sliten\nSpør om turnusen")
        #expect(talk.notes.isEmpty)
    }

    @Test func plainPrivateNotesAreForOneOnOnesAndTheHelpNamesTheNewCommands() throws {
        let home = try TemporaryHome()
        let run = runTillit(["start", "--deck", "psykologisk-trygghet", "--title", "Avdeling Solsiden", "--plain"],
                            environment: home.environment(["LANG": "da_DK.UTF-8"]), stdin: ":private Hemmelig\n:help\n:quit\n")
        #expect(run.status == 0)
        #expect(run.stdout.contains("Private noter er til lederen i en 1:1-samtale"))
        for command in [":actions", ":edit N", ":done-action N", ":reopen-action N", ":remove N", ":private TEKST"] {
            #expect(run.stdout.contains(command), "help lacks \(command)")
        }
        #expect(try Self.onlyTalk(home).privateNotes.isEmpty)
    }
}
