import Foundation
import Testing
import TillitCore

/// A newcomer's first ten minutes (issue 25), as a leader who has not read the
/// key bar would go: the real binary in tmux, checked in the JSON it wrote.
@Suite(.serialized) struct NewcomerTests {
    static let oneOnOne = ["start", "--deck", "selvledelse", "--participant", "Kari:leader", "--participant", "Ola:employee"]

    /// Typing on card 1 without pressing Enter first writes in the leader's
    /// field: no letter is a command (s skipped, a opened an action before).
    @Test func aSentenceTypedOnTheFirstCardLandsWholeInTheLeadersField() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.launch(Self.oneOnOne, environment: ["LANG": "nb_NO.UTF-8"])
        try tmux.waitFor("1 / 14")
        try tmux.type("Jeg synes at vi må snakke om turnus")
        try tmux.waitFor("snakke om turnus")
        // PgDn moves on while writing, and the next card is ready to write too.
        try tmux.press("PageDown", "PageDown", "PageDown")
        try tmux.waitFor("4 / 14")
        try tmux.type("3 ganger i uka, sier Åse")
        try tmux.press("Tab")
        try tmux.type("Stort sett greit")
        try tmux.waitFor("Stort sett greit")
        try tmux.press("Escape", "q")
        try tmux.waitForExit()

        let talk = try #require(try tmux.sessions().first)
        #expect(talk.cards[0].response(of: "p1")?.text == "Jeg synes at vi må snakke om turnus")
        #expect(talk.cards[0].response(of: "p2")?.text == nil)
        #expect(talk.cards.allSatisfy { $0.status != .skipped && $0.status != .parked })
        #expect(talk.actions.isEmpty)
        #expect(talk.currentIndex == 3)
        #expect(talk.cards[3].response(of: "p1")?.text == "3 ganger i uka, sier Åse")
        #expect(talk.cards[3].response(of: "p2")?.text == "Stort sett greit")
        #expect(talk.cards[3].responses.allSatisfy { $0.rating == nil })
    }

    /// After Esc letters are commands again; an upper-case letter, which is
    /// none, starts writing with it; a number on a card with a rating rates.
    @Test func afterEscapeLettersAreCommandsAndACapitalStartsWriting() throws {
        let tmux = try TmuxSession(width: 200, height: 60)
        try tmux.launch(Self.oneOnOne + ["--lang", "en"])
        try tmux.waitFor("1 / 14")
        try tmux.type("First thought")
        try tmux.press("Escape")
        try tmux.waitFor("? help")
        try tmux.type(" and more")
        try tmux.press("Escape")
        try tmux.type("Ola")
        try tmux.waitFor("Ola")
        try tmux.press("Escape")
        try tmux.type("s")
        try tmux.waitFor("2 / 14")
        try tmux.press("PageDown", "PageDown")
        try tmux.waitFor("4 / 14")
        try tmux.press("Escape")
        try tmux.type("4")
        // Ratings are shown together in a 1:1: the first one only as rated, both once the second comes.
        try tmux.waitFor("Kari has rated")
        try tmux.press("Tab", "3")
        try tmux.waitFor("[3]")
        try tmux.waitFor("[4]")
        try tmux.type("q")
        try tmux.waitForExit()

        let talk = try #require(try tmux.sessions().first)
        #expect(talk.cards[0].response(of: "p1")?.text == "First thought and moreOla")
        #expect(talk.cards[0].status == .skipped)
        #expect(talk.cards[1].status != .skipped)
        #expect(talk.cards[3].response(of: "p1")?.rating == 4)
        #expect(talk.cards[3].response(of: "p2")?.rating == 3)
        #expect(talk.cards[3].response(of: "p1")?.text.isEmpty == true, "the digits rated; none was typed")
        #expect(talk.actions.isEmpty)
    }
}

/// A name the form suggested is the name used (issue 25, item 2): a talk
/// started after typing part of an earlier person's name continues that
/// person's history, and a near twin is asked about before the talk starts.
@Suite(.serialized) struct EarlierNameTests {
    /// A first 1:1 with Kari Sæther, with an open action, left from the card.
    static func earlierTalk(_ tmux: TmuxSession) throws {
        try tmux.launch(["start", "--deck", "selvledelse", "--participant", "Åse Leder:leader", "--participant", "Kari Sæther:employee",
                         "--lang", "nb"])
        try tmux.waitFor("1 / 14")
        try tmux.press("Escape", "a")
        try tmux.waitFor("Ny avtale")
        try tmux.type("Kari prøver ny turnus")
        try tmux.press("Enter", "Enter", "Enter")
        try tmux.waitFor("Avtalen er lagret")
        try tmux.press("q")
        try tmux.waitForExit()
    }

    /// From the home screen: a new 1:1 with `employee` typed in its field, then `keys`.
    static func newTalk(_ tmux: TmuxSession, employee: String, then keys: [String]) throws {
        try tmux.launch(["--lang", "nb"])
        try tmux.waitFor("Ny medarbeidersamtale")
        try fillForm(tmux, employee: employee)
        for key in keys { try tmux.press(key) }
    }

    /// On the home screen: n, then the leader and `employee` in the form.
    static func fillForm(_ tmux: TmuxSession, employee: String) throws {
        try tmux.press("n")
        try tmux.waitFor("Leder")
        try tmux.type("Åse Leder")
        try tmux.press("Tab")
        try tmux.type(employee)
    }

    static func start(_ tmux: TmuxSession) throws {
        for _ in 0..<14 { try tmux.press("Down") }
        try tmux.press("Enter")
    }

    @Test func enterOnASuggestedNameContinuesThatPersonsHistory() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try Self.earlierTalk(tmux)
        try Self.newTalk(tmux, employee: "Kari", then: [])
        try tmux.waitFor("Trykk Enter eller Tab for å bruke «Kari Sæther»")
        try tmux.press("Enter")
        try tmux.waitFor("Kari Sæther")
        try Self.start(tmux)
        try tmux.waitFor("Kari prøver ny turnus")
        try tmux.press("q")
        try tmux.waitFor("Ny medarbeidersamtale")
        try tmux.press("q")
        try tmux.waitForExit()

        // Both talks may start within one second: the later one is the one that carried the action over.
        let talks = try tmux.sessions()
        #expect(talks.count == 2)
        let second = try #require(talks.first { !$0.carriedOver.isEmpty })
        #expect(second.participants.map(\.name) == ["Åse Leder", "Kari Sæther"])
        #expect(second.carriedOver.map(\.action.text) == ["Kari prøver ny turnus"])
    }

    @Test func aNearTwinIsAskedAboutBeforeTheTalkStarts() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try Self.earlierTalk(tmux)
        // One letter off: Start asks; Tab takes the earlier name; Start then starts.
        try Self.newTalk(tmux, employee: "Kari Sæter", then: ["Enter"])
        try Self.start(tmux)
        try tmux.waitFor("Mente du «Kari Sæther»? Tab: ja · Start igjen: nei, en ny person")
        #expect(try tmux.sessions().count == 1, "nothing started yet")
        try tmux.press("Tab")
        try Self.start(tmux)
        try tmux.waitFor("Kari prøver ny turnus")
        try tmux.press("q")
        try tmux.waitFor("Ny medarbeidersamtale")

        // Kept as typed after asking, a new person starts on purpose.
        try Self.fillForm(tmux, employee: "Kari Sæter")
        try Self.start(tmux)
        try tmux.waitFor("Mente du «Kari Sæther»? Tab: ja")
        try Self.start(tmux)
        try tmux.waitFor("1 / 14")
        try tmux.press("Escape", "q")
        try tmux.waitFor("Ny medarbeidersamtale")
        try tmux.press("q")
        try tmux.waitForExit()

        // Talks may start within one second: each is known by what it holds, not by its time.
        let talks = try tmux.sessions()
        let later = talks.filter { $0.actions.isEmpty }
        #expect(talks.count == 3 && later.count == 2)
        #expect(later.first { $0.participants.last?.name == "Kari Sæther" }?.carriedOver.count == 1, "the earlier name continues")
        #expect(later.first { $0.participants.last?.name == "Kari Sæter" }?.carriedOver.isEmpty == true, "kept as typed: a new person")
    }
}

/// Kept actions stay in the talk where they were kept (issue 25, item 3).
@Suite(.serialized) struct KeptActionTests {
    @Test func anActionKeptFromLastTimeIsInThisTalksListAndMinutesAndGoesOnUntilDone() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try EarlierNameTests.earlierTalk(tmux)
        // A second talk with the same people: "since last time" offers the open action; k keeps it.
        try tmux.launch(["start", "--deck", "selvledelse", "--participant", "Åse Leder:leader", "--participant", "Kari Sæther:employee",
                         "--lang", "nb"])
        try tmux.waitFor("Kari prøver ny turnus")
        try tmux.press("k", "Enter")
        try tmux.waitFor("1 / 14")
        try tmux.press("Escape", "f")
        let summary = try tmux.waitFor("Oppsummering")
        #expect(summary.contains("Kari prøver ny turnus"), "\(summary)")
        #expect(!summary.contains("Ingen avtaler"), "\(summary)")
        try tmux.press("e")
        try tmux.waitFor(".html")  // both files are written before the screen says where
        try tmux.press("q")
        try tmux.waitForExit()

        let talks = try tmux.sessions()
        let second = try #require(talks.first { !$0.carriedOver.isEmpty })
        let first = try #require(talks.first { $0.carriedOver.isEmpty })
        let kept = try #require(second.actions.first)
        #expect(second.actions.map(\.text) == ["Kari prøver ny turnus"])
        #expect(kept.carriedFrom == first.id && !kept.done)
        #expect(second.carriedOver.map(\.outcome) == [.kept])
        #expect(second.actionsToCarryOn.map(\.action.text) == ["Kari prøver ny turnus"], "once, not twice")
        let minutes = try String(contentsOfFile: try #require(Self.minutes(in: tmux.dataFolder, id: second.id)), encoding: .utf8)
        let actionsPart = try #require(minutes.components(separatedBy: "## Avtaler").last)
        #expect(actionsPart.contains("Kari prøver ny turnus") && actionsPart.contains("fra en tidligere samtale"), "\(minutes)")
        #expect(!minutes.contains("Ingen avtaler"), "\(minutes)")
    }

    /// The minutes `e` wrote for talk `id`, somewhere under `folder`.
    static func minutes(in folder: URL, id: String) -> String? {
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return files.first { $0.hasSuffix(".md") && $0.contains(id) }.map { folder.appendingPathComponent($0).path }
    }
}

/// Finishing a talk with a parked card asks first (issue 25, item 3).
@Suite(.serialized) struct FinishWithParkedTests {
    @Test func fWithAParkedCardAsksAndEnterOpensItOrFAgainFinishes() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.launch(NewcomerTests.oneOnOne + ["--lang", "en"])
        try tmux.waitFor("1 / 14")
        try tmux.press("Escape", "m")
        try tmux.waitFor("2 / 14")
        try tmux.press("Escape", "f")
        try tmux.waitFor("Summary")
        try tmux.press("f")
        try tmux.waitFor("Parked cards not yet talked about: 1")
        #expect(try tmux.sessions().first?.isFinished == false, "not finished by the first f")
        try tmux.press("Enter")
        try tmux.waitFor("1 / 14")
        try tmux.type("Vi tok det opp likevel")
        // m again takes the card out of the parked ones; then f finishes without a question.
        try tmux.press("Escape", "m")
        try tmux.waitFor("open again")
        try tmux.press("f")
        try tmux.waitFor("Summary")
        try tmux.press("f")
        try tmux.waitFor("The talk is finished")
        try tmux.press("q")
        try tmux.waitForExit()
        let talk = try #require(try tmux.sessions().first)
        #expect(talk.isFinished)
        #expect(talk.cards[0].response(of: "p1")?.text == "Vi tok det opp likevel")
    }
}

/// Nothing thrown away without asking (issue 25, item 6).
@Suite(.serialized) struct NothingThrownAwayTests {
    @Test func escOnAFilledFormAsksAndEscOnTheHomeScreenDoesNotQuit() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.launch(["--lang", "nb"])
        try tmux.waitFor("Ny medarbeidersamtale")
        try tmux.press("Escape")
        try tmux.waitFor("Trykk q for å avslutte tillit.")
        #expect(try tmux.isRunning(), "Esc on the home screen does not leave the program")
        try tmux.press("n")
        try tmux.waitFor("Leder")
        try tmux.type("Kari Sæther")
        try tmux.press("Escape")
        try tmux.waitFor("Navnene du skrev, blir borte.")
        // Any other key keeps the form as it is.
        try tmux.press("Tab")
        try tmux.type("Ola")
        var screen = try tmux.waitFor("Ola")
        #expect(screen.contains("Kari Sæther"), "\(screen)")
        try tmux.press("Escape")
        try tmux.waitFor("Navnene du skrev, blir borte.")
        try tmux.press("Escape")
        screen = try tmux.waitFor("Ny medarbeidersamtale")
        #expect(!screen.contains("Kari Sæther"))
        try tmux.press("q")
        try tmux.waitForExit()
        #expect(try tmux.sessions().isEmpty)
    }
}

/// Time (issue 25, item 7): the form offers 1 and 2 minutes a card.
@Suite(.serialized) struct TimerChoiceTests {
    @Test func aTeamMeetingCanHaveOneMinuteACard() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.launch(["--lang", "nb"])
        try tmux.waitFor("Nytt teammøte")
        try tmux.press("t")
        try tmux.type("Solsiden")
        // From the team's name down to the timer: facilitator, members, the four shipped decks, shuffle.
        for _ in 0..<8 { try tmux.press("Down") }
        try tmux.press("Right")
        try tmux.waitFor("‹ 1 min ›")
        for _ in 0..<6 { try tmux.press("Down") }
        try tmux.press("Enter")
        try tmux.waitFor("1 / 14")
        try tmux.press("Escape", "q")
        try tmux.waitFor("Nytt teammøte")
        try tmux.press("q")
        try tmux.waitForExit()
        let talk = try #require(try tmux.sessions().first)
        #expect(talk.timerSeconds == 60 && talk.title == "Solsiden")
    }
}

/// Every line says whose it is (issue 25, item 4): the summary lists the leader before the employee, as the cards do.
@Suite(.serialized) struct WhoseLineTests {
    @Test func theSummaryShowsTheLeadersRatingFirst() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.launch(NewcomerTests.oneOnOne + ["--lang", "nb"])
        try tmux.waitFor("1 / 14")
        try tmux.press("PageDown", "PageDown", "PageDown")
        try tmux.waitFor("4 / 14")
        // Tab past both texts to the rating rows: Kari (leader) 4, Ola (employee) 2.
        try tmux.press("Tab", "Tab", "4", "Tab", "2")
        try tmux.waitFor("[2]")
        try tmux.press("f")
        let screen = try tmux.waitFor("Oppsummering")
        let header = try #require(screen.split(separator: "\n").first { $0.contains("Kari") && $0.contains("Ola") && !$0.contains("tillit") },
                                  "\(screen)")
        #expect(header.range(of: "Kari")!.lowerBound < header.range(of: "Ola")!.lowerBound, "\(header)")
        let row = try #require(screen.split(separator: "\n").first { $0.contains("4. ") }, "\(screen)")
        #expect(row.contains(/4\s+2/), "\(row)")
        try tmux.press("q")
        try tmux.waitForExit()
        let talk = try #require(try tmux.sessions().first)
        #expect(talk.cards[3].response(of: "p1")?.rating == 4 && talk.cards[3].response(of: "p2")?.rating == 2)
    }
}
