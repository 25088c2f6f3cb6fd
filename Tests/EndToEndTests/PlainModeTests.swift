import Foundation
import Testing
import TillitCore
@testable import TillitStore

/// Plain line mode (`--plain`, and `TERM=dumb`): the real binary driven through
/// pipes, then the talk it wrote read back through the store.
@Suite("Plain line mode")
struct PlainModeTests {
    static let oneOnOne = ["start", "--deck", "selvledelse", "--participant", "Kari:leader", "--participant", "Ola:employee"]

    static func store(_ home: TemporaryHome) -> SessionStore { SessionStore(home: TillitHome(path: home.path)) }

    /// Runs a 1:1 talk between Kari and Ola with `--plain`, `script` as its input.
    static func plainTalk(_ home: TemporaryHome, lang: String, _ script: String) -> TillitRun {
        runTillit(oneOnOne + ["--plain"], environment: home.environment(["LANG": lang]), stdin: script)
    }

    /// The one talk in `home`, as the product reads it.
    static func onlyTalk(_ home: TemporaryHome, sourceLocation: SourceLocation = #_sourceLocation) throws -> Session {
        let summaries = store(home).list().summaries
        try #require(summaries.count == 1, "one talk saved, found \(summaries.count)", sourceLocation: sourceLocation)
        return try store(home).load(id: summaries[0].id)
    }

    @Test func aWholeScriptedOneOnOneTalkIsKeptAsTheScreensWouldKeepIt() throws {
        let home = try TemporaryHome()
        let script = """
            Jeg vil bli bedre på å planlegge uka selv.
            Og bruke mindre tid på rapporter – kanskje 20 %.
            :next-person
            Ola skal få mer ansvar for turnusen 🙂
            :next
            :skip
            :next
            :rate 4
            Fra januar legger du ukeplanen selv.
            :who ola
            :rate 2
            Jeg må spørre om lov til nesten alt, også småting.
            :action Lage utkast til ny ukeplan @Ola frist 15.12.2030
            :note Neste samtale om tre uker.
            :quit
            Dette skal aldri bli lagret.

            """
        let run = Self.plainTalk(home, lang: "nb_NO.UTF-8", script)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.isEmpty)

        let talk = try Self.onlyTalk(home)
        #expect(talk.kind == .oneOnOne && talk.language == .nb && !talk.isFinished)
        #expect(talk.participants.map(\.name) == ["Kari", "Ola"])
        let first = talk.cards[0]
        #expect(first.card == "viktigst-framover" && first.status == .answered)
        #expect(first.response(of: "p1")?.text == "Jeg vil bli bedre på å planlegge uka selv.\nOg bruke mindre tid på rapporter – kanskje 20 %.")
        #expect(first.response(of: "p2")?.text == "Ola skal få mer ansvar for turnusen 🙂")
        #expect(talk.cards[1].status == .skipped, ":skip marks the card and moves on")
        #expect(talk.cards[2].status == .open, "a card only passed over stays open")
        let rated = talk.cards[3]
        #expect(rated.card == "handlingsrom-skala")
        #expect(rated.response(of: "p1")?.rating == 4)
        #expect(rated.response(of: "p1")?.text == "Fra januar legger du ukeplanen selv.")
        #expect(rated.response(of: "p2")?.rating == 2)
        #expect(rated.response(of: "p2")?.text == "Jeg må spørre om lov til nesten alt, også småting.")
        #expect(talk.currentIndex == 3)
        #expect(talk.actions.count == 1)
        let action = try #require(talk.actions.first)
        #expect(action.text == "Lage utkast til ny ukeplan")
        #expect(action.owner == "Ola")
        #expect(action.due == "2030-12-15")
        #expect(action.fromCard == "selvledelse/handlingsrom-skala")
        #expect(action.id == "\(talk.id)-a1")
        #expect(talk.notes == "Neste samtale om tre uker.")
        #expect(!talk.cards.contains { $0.responses.contains { $0.text.contains("aldri") } }, "nothing after :quit is read")

        // What was said on the way, in Norwegian, with no screen drawing.
        #expect(run.stdout.contains("Kort 1 av 14 · Selvledelse"))
        #expect(run.stdout.contains("Skala 1–5: 1 = Må spørre om lov til det meste, 5 = Kan selv avgjøre det som hører jobben til"))
        #expect(run.stdout.contains("Nå skriver Ola."))
        // Ratings shown together: Kari's 4 is not said until Ola has rated, then both at once.
        #expect(run.stdout.contains("Kari har vurdert. Tallene vises når begge har vurdert."))
        #expect(!run.stdout.contains("Kari har gitt vurderingen 4"))
        #expect(run.stdout.contains("Kari 4 · Ola 2 · 2 fra hverandre — verdt å snakke om"))
        #expect(run.stdout.contains("Avtale lagt til: Lage utkast til ny ukeplan — Ola, 15.12.2030"))
        #expect(run.stdout.contains("tillit resume \(talk.id)"))
        #expect(!run.stdout.contains("\u{1B}"), "no escape sequences: no colours, no cursor movement")
        #expect(!run.stdout.unicodeScalars.contains { (0x2500...0x257F).contains($0.value) }, "no box drawing")
    }

    @Test func theFileIsTheSameRecordTheStoreWritesForTheScreens() throws {
        let home = try TemporaryHome()
        let run = Self.plainTalk(home, lang: "en_GB.UTF-8", "Hello\n:quit\n")
        #expect(run.status == 0)
        let talk = try Self.onlyTalk(home)
        let path = try Self.store(home).path(for: talk.id)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let reencoded = try SessionStore.encoder().encode(talk)
        #expect(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                == String(decoding: reencoded, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func termDumbWithoutPlainRunsInPlainMode() throws {
        let home = try TemporaryHome()
        let run = runTillit(Self.oneOnOne, environment: home.environment(["LANG": "en_GB.UTF-8", "TERM": "dumb"]),
                            stdin: "Straight from a dumb terminal\n:quit\n")
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("Card 1 of 14 · Self-leadership"))
        #expect(try Self.onlyTalk(home).cards[0].response(of: "p1")?.text == "Straight from a dumb terminal")
    }

    @Test func withoutPlainAndWithoutATerminalItStillRefuses() throws {
        let home = try TemporaryHome()
        let run = runTillit(Self.oneOnOne, environment: home.environment(["TERM": "xterm"]), stdin: "words\n")
        #expect(run.status == 2)
        #expect(run.stderr.contains("--plain"), "the refusal points to plain mode: \(run.stderr)")
        #expect(Self.store(home).list().summaries.isEmpty)
    }

    @Test func anUnknownCommandGetsOneClearLineAndTheTalkGoesOn() throws {
        let home = try TemporaryHome()
        let run = Self.plainTalk(home, lang: "en_GB.UTF-8", ":frobnicate now\nStill here\n:quit\n")
        #expect(run.status == 0)
        let complaints = run.stdout.split(separator: "\n").filter { $0.contains(":frobnicate") }
        #expect(complaints == ["Unknown command: :frobnicate. :help lists the commands."])
        #expect(try Self.onlyTalk(home).cards[0].response(of: "p1")?.text == "Still here")
    }

    @Test func theEndOfTheInputSavesEverythingAndLetsGoOfTheTalk() throws {
        let home = try TemporaryHome()
        // No :quit, and no newline after the last line either.
        let run = Self.plainTalk(home, lang: "nb_NO.UTF-8", ":next\nSiste ord uten linjeskift")
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let talk = try Self.onlyTalk(home)
        #expect(talk.currentIndex == 1)
        #expect(talk.cards[1].response(of: "p1")?.text == "Siste ord uten linjeskift")
        #expect(run.stdout.contains("tillit resume \(talk.id)"))

        // The lock is gone: the same talk continues where it was left.
        let again = runTillit(["resume", talk.id, "--plain"], environment: home.environment(["LANG": "nb_NO.UTF-8"]),
                              stdin: "Mer tekst\n:who Ola\nOla svarer\n")
        #expect(again.status == 0, "stderr: \(again.stderr)")
        #expect(again.stdout.contains("Kort 2 av 14"))
        #expect(again.stdout.contains("Siste ord uten linjeskift"), "the card is shown with what was said")
        let resumed = try Self.onlyTalk(home)
        #expect(resumed.cards[1].response(of: "p1")?.text == "Siste ord uten linjeskift\nMer tekst")
        #expect(resumed.cards[1].response(of: "p2")?.text == "Ola svarer")
    }

    @Test func finishEndsTheTalkAndLaterLinesAreNotRead() throws {
        let home = try TemporaryHome()
        let run = Self.plainTalk(home, lang: "en_GB.UTF-8", "Done\n:finish\nNot read\n")
        #expect(run.status == 0)
        let talk = try Self.onlyTalk(home)
        #expect(talk.isFinished)
        #expect(talk.cards[0].response(of: "p1")?.text == "Done")
        #expect(run.stdout.contains("The talk is finished"))
    }

    @Test func mistakesAreExplainedAndChangeNothing() throws {
        let home = try TemporaryHome()
        // A bad date no longer drops the action: see ActionsEndToEndTests.
        let script = ":rate 3\n:back\n:card 99\n:who Per\n:action\n:done 1\n:next\n:next\n:next\n:rate 9\n:rate many\n:quit\n"
        let run = Self.plainTalk(home, lang: "en_GB.UTF-8", script)
        #expect(run.status == 0)
        for message in ["This card takes no rating.", "This is the first card.", "There is no card 99; the cards go from 1 to 14.",
                        "No one in this talk is called “Per”. Choose one of: Kari, Ola.", "Type :action and what you agreed",
                        "This talk has no actions from last time.",
                        "Choose a value from 1 to 5.", "Type :rate and a number from 1 to 5."] {
            #expect(run.stdout.contains(message), "missing: \(message)")
        }
        let talk = try Self.onlyTalk(home)
        #expect(talk.actions.isEmpty)
        #expect(talk.cards.allSatisfy { $0.responses.isEmpty })
        #expect(talk.currentIndex == 3)
    }

    @Test func whoAndAnOwnerFollowOneRuleForWhoIsMeant() throws {
        let home = try TemporaryHome()
        let run = Self.plainTalk(home, lang: "nb_NO.UTF-8",
                                 ":who Nobody\n:action Ringe økonomi @nobody\n:action Ny ukeplan @ola\n:quit\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Ingen i samtalen heter «Nobody»"), "\(run.stdout)")
        #expect(run.stdout.contains("«nobody» er ikke med i samtalen (Kari, Ola); nobody står likevel som ansvarlig."), "\(run.stdout)")
        let talk = try Self.onlyTalk(home)
        #expect(talk.actions.map(\.owner) == ["nobody", "Ola"], "someone in the talk is spelled as the talk spells them")
    }

    @Test func lastTimesActionsComeFirstAndAreSettledByNumber() throws {
        let home = try TemporaryHome()
        let first = Self.plainTalk(home, lang: "nb_NO.UTF-8",
                                   ":action Ola prøver ny ukeplan @Ola\n:action Kari avklarer budsjettet @Kari\n:finish\n")
        #expect(first.status == 0)
        let second = Self.plainTalk(home, lang: "nb_NO.UTF-8", ":done 1\n:keep 2\n:done 3\n:quit\n")
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(second.stdout.contains("Siden sist."))
        #expect(second.stdout.contains("  1. Ola prøver ny ukeplan — Ola (ikke avklart)"))
        #expect(second.stdout.contains("«Ola prøver ny ukeplan»: gjort"))
        #expect(second.stdout.contains("Det er ingen avtale 3 fra sist; de er nummerert fra 1 til 2."))
        let talks = try Self.store(home).list().summaries.map { try Self.store(home).load(id: $0.id) }
        // Both talks may start in the same second: the second one is the one left open.
        let latest = try #require(talks.first { !$0.isFinished })
        #expect(latest.carriedOver.map(\.outcome) == [.done, .kept])
        #expect(latest.carriedOver.first?.action.done == true)
    }

    @Test func aTeamMeetingTakesVotesAndTheFacilitatorsNotes() throws {
        let home = try TemporaryHome()
        let script = "Vi snakket om å si fra.\n:who Kari\n:next\n:rate 4\n:rate 4\n:rate 2\n:reveal\n:unvote 4\n:rate 5\n:reveal\n:quit\n"
        let run = runTillit(["start", "--deck", "psykologisk-trygghet", "--title", "Avdeling Solsiden", "--anonymous", "--plain"],
                            environment: home.environment(["LANG": "nb_NO.UTF-8"]), stdin: script)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let talk = try Self.onlyTalk(home)
        #expect(talk.kind == .team && talk.anonymous)
        let facilitator = try #require(talk.participants.first { $0.role == .facilitator })
        #expect(talk.cards[0].response(of: facilitator.id)?.text == "Vi snakket om å si fra.")
        #expect(talk.cards[1].anonymousVotes == [4: 1, 2: 1, 5: 1])
        #expect(talk.cards[1].responses.isEmpty, "anonymous votes carry no names")
        #expect(run.stdout.contains("I et teammøte skriver du for hele teamet"))
        // Anonymous votes show only their count until :reveal, as on the screens (it pinned a live mean before).
        #expect(run.stdout.contains("Stemme 2 er lagt til (3 stemmer · :reveal viser resultatet)."), "\(run.stdout)")
        #expect(run.stdout.contains("3 stemmer · snitt 3,3. En ny stemme skjuler det igjen til neste :reveal."), "\(run.stdout)")
        #expect(run.stdout.contains("Stemme 5 er lagt til (3 stemmer · :reveal viser resultatet)."), "\(run.stdout)")
        #expect(run.stdout.contains("3 stemmer · snitt 3,7. En ny"), "\(run.stdout)")
        #expect(!run.stdout.contains("2 stemmer · snitt"), "taking a vote back gives nothing away: \(run.stdout)")
    }

    @Test func danishLocalePicksDanish() throws {
        let home = try TemporaryHome()
        let run = Self.plainTalk(home, lang: "da_DK.UTF-8", ":hint\n:bogus\n:quit\n")
        #expect(run.status == 0)
        #expect(run.stdout.contains("tillit i linjetilstand"))
        #expect(run.stdout.contains("Kort 1 af 14 · Selvledelse"))
        #expect(run.stdout.contains("Hvad er det vigtigste, medarbejderen skal nå i de kommende måneder?"))
        #expect(run.stdout.contains("Nu skriver Kari."))
        #expect(run.stdout.contains("Ukendt kommando: :bogus."))
        #expect(run.stdout.contains("Fortsæt med: tillit resume"))
        #expect(try Self.onlyTalk(home).language == .da)
    }

    @Test func aTalkOpenElsewhereIsRefusedWithOneLine() throws {
        let tmux = try TmuxSession()
        try tmux.launch(Self.oneOnOne, environment: ["LANG": "en_GB.UTF-8"], term: "dumb")
        try tmux.waitFor("Kari>")
        let id = try #require(try tmux.sessions().first?.id)
        let second = runTillit(["resume", id, "--plain"],
                               environment: ["TILLIT_HOME": tmux.dataFolder.path, "LANG": "en_GB.UTF-8"], stdin: "Intruder\n")
        #expect(second.status == 1)
        #expect(second.stderr.split(separator: "\n").count == 1)
        #expect(second.stderr.contains("open in another tillit"))
        try tmux.enter(":quit")
        try tmux.waitForExit()
        #expect(try tmux.sessions().first?.cards[0].responses.isEmpty == true)
    }

    /// On a real terminal that says TERM=dumb (an old console, some screen
    /// reader set-ups, Emacs shell buffers) the talk runs line by line, with a
    /// prompt that names who is writing.
    @Test func onARealDumbTerminalItPromptsLineByLine() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.launch(Self.oneOnOne, environment: ["LANG": "nb_NO.UTF-8"], term: "dumb")
        try tmux.waitFor("Kari>")
        try tmux.enter("Skrevet på en dum terminal, æøå")
        try tmux.enter(":next-person")
        try tmux.waitFor("Ola>")
        try tmux.enter(":quit")
        try tmux.waitForExit()
        let screen = try tmux.screen()
        #expect(screen.contains("Fortsett med: tillit resume"))
        #expect(try tmux.sessions().first?.cards[0].response(of: "p1")?.text == "Skrevet på en dum terminal, æøå")
    }

    @Test func theHomeScreenOnADumbTerminalPointsToPlainMode() throws {
        let tmux = try TmuxSession(width: 200, height: 10)
        try tmux.launch([], term: "dumb")
        try tmux.waitForExit()
        let screen = try tmux.screen()
        // LANG=C.UTF-8 names no language: Norwegian.
        #expect(screen.contains("tillit: denne terminalen (TERM=dumb)"))
        #expect(screen.contains("linje for linje"))
    }
}

extension TmuxSession {
    /// Types one line and ends it, as someone at the keyboard would.
    func enter(_ line: String) throws {
        try type(line)
        try press("Enter")
    }
}
