import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// The card screen: writing, ratings and votes, presentation, help and the key bar.
struct CardScreenTests {
    // Enter on a person's rating row writes in that person's field.
    @Test func enterOnARatingRowWritesInThatPersonsField() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        // energi: text + scale, ready to write in the leader's text; Tab past both texts reaches the ratings.
        Fixtures.press([.pageDown, .tab, .tab], &state)
        #expect(state.talk?.focusedField == .rating(participant: "p1"))
        Fixtures.press([.down], &state)
        #expect(state.talk?.focusedField == .rating(participant: "p2"))
        Fixtures.press([.enter], &state)
        Fixtures.type("Ola her", &state)
        #expect(state.talk?.focusedField == .text(participant: "p2"))
        #expect(state.talk?.card?.response(of: "p2")?.text == "Ola her")
        #expect(state.talk?.card?.response(of: "p1") == nil)
    }

    // The terminal sends a family emoji or an accent one scalar at a time;
    // Backspace still takes away one visible character.
    @Test func backspaceAndArrowsGoByVisibleCharacter() {
        var editor = TextEditor("")
        for scalar in "familie 👨‍👩‍👧".unicodeScalars { editor.handle(.character(Character(scalar))) }
        #expect(editor.text == "familie 👨‍👩‍👧")
        #expect(editor.characters.count == 9 && editor.cursor == 9)
        editor.handle(.backspace)
        #expect(editor.text == "familie ")
        for scalar in "cafe\u{301} ok".unicodeScalars { editor.handle(.character(Character(scalar))) }
        #expect(editor.text == "familie café ok")
        editor.handle(.left); editor.handle(.left); editor.handle(.left)
        editor.handle(.backspace)
        #expect(editor.text == "familie caf ok")
        editor.handle(.delete)
        #expect(editor.text == "familie cafok")
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
    }

    // The read-only view wraps an answer's first line beside the name, so no word is lost.
    @Test(arguments: [Size(width: 100, height: 30), Size(width: 60, height: 20), Size(width: 80, height: 24)])
    func readOnlyViewShowsEveryWordOfAnAnswer(size: Size) {
        let words = "Alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu END"
        let setup = TalkSetup(kind: .oneOnOne, language: .en,
                              participants: [Participant(id: "p1", name: "Bartholomew Longname", role: .leader),
                                             Participant(id: "p2", name: "Ola", role: .employee)],
                              deckIDs: ["samtale"])
        var session = try! Session.start(setup, decks: Fixtures.decks, id: "2026-11-19-0900-abcd", now: Fixtures.start)
        try! session.apply(.setText(participant: "p1", text: words), now: Fixtures.start)
        try! session.apply(.setText(participant: "p2", text: "short"), now: Fixtures.start)
        var state = Fixtures.state(.en, size: size, screen: .transcript)
        state.talk = TalkState(session: session, path: "/tmp/x.json", readOnly: true)
        let shown = view(state).text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        let start = shown.firstIndex(of: "Alpha")
        #expect(start != nil)
        if let start { #expect(Array(shown[start..<start + 27]) == words.split(separator: " ").map(String.init)) }
    }

    /// A deck card with long scale labels, as on selvledelse's handlingsrom-skala.
    static let longScaleDeck = Deck(
        id: "lang", title: Fixtures.text("Lang skala", "Long scale"), audience: [.oneOnOne, .team],
        cards: [Card(id: "rom", prompt: Fixtures.text("Hvor stort handlingsrom har du i det daglige arbeidet? Gi et tall og fortell hvorfor.",
                                                      "How much room to act does the employee have in day-to-day work? Give a number and say why."),
                     hint: Fixtures.text("Tenk på en vanlig tirsdag.", "Think of an ordinary Tuesday."),
                     answer: .scale(Scale(min: 1, max: 5,
                                          low: Fixtures.text("Må spørre om lov til det meste", "Has to ask permission for most things"),
                                          high: Fixtures.text("Kan selv avgjøre det som hører jobben til",
                                                              "Can decide for themselves on anything that belongs to the job"))))])

    static func longScaleTeam(anonymous: Bool = true, size: Size) -> AppState {
        let setup = TalkSetup(kind: .team, title: "Team", language: .en,
                              participants: [Participant(id: "p1", name: "Åse", role: .facilitator)],
                              deckIDs: ["lang"], anonymous: anonymous)
        let session = try! Session.start(setup, decks: [longScaleDeck], id: "2026-11-19-1300-beef", now: Fixtures.start)
        var state = Fixtures.talkState(session, language: .en, size: size)
        state.config.decks = [longScaleDeck]
        return state
    }

    static func words(_ grid: Grid) -> String {
        grid.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    // Presentation shows every word of both scale labels, "5 =" with its own words.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 60, height: 16), Size(width: 200, height: 60)])
    func presentationShowsTheWholeScale(size: Size) {
        var state = Self.longScaleTeam(size: size)
        Fixtures.press([.character("p")], &state)
        let shown = Self.words(view(state))
        #expect(shown.contains("1 = Has to ask permission for most things"))
        #expect(shown.contains("5 = Can decide for themselves on anything that belongs to the job"))
        let layout = PresentationView.Layout(state, state.talk!, state.talk!.card!, size: size)
        #expect(layout.promptLines.joined(separator: " ").hasSuffix("Give a number and say why."), "the whole prompt, in block letters where they fit")
        // And the card screen too.
        Fixtures.press([.character("p")], &state)
        #expect(Self.words(view(state)).contains("5 = Can decide for themselves on anything that belongs to the job"))
    }

    // In presentation h shows the hint, Enter opens no field, and votes show as a count.
    @Test func presentationHintEnterAndVotes() {
        var state = Self.longScaleTeam(size: Size(width: 80, height: 24))
        Fixtures.press([.character("p"), .character("h")], &state)
        #expect(view(state).text.contains("Think of an ordinary Tuesday."))
        Fixtures.press([.character("h")], &state)
        #expect(!view(state).text.contains("Think of an ordinary Tuesday."))
        Fixtures.press([.enter], &state)
        #expect(state.talk?.presenting == true && state.talk?.editor == nil)
        #expect(state.flash == state.text(.noVotesYet), "on an anonymous rating card Enter reveals, as r does")
        Fixtures.press([.character("4"), .character("2")], &state)
        #expect(view(state).text.contains("The result shows when you press r"))
        Fixtures.press([.character("r")], &state)
        #expect(view(state).text.contains("The result shows from 3 votes, so no single vote can be read off"))
        #expect(RevealTests.barRows(state).isEmpty)
        Fixtures.press([.character("5")], &state)
        #expect(view(state).text.contains("The result shows when you press r"))
        #expect(RevealTests.barRows(state).isEmpty, "an anonymous talk shows no spread on the shared screen until it is revealed")
        // Help on the shared screen offers no writing keys, and offers h.
        Fixtures.press([.character("?")], &state)
        let help = view(state).text
        #expect(help.contains("show or hide the hint") && !help.contains("write in the chosen field"))
    }

    // One or two anonymous votes: the count, not which values were given.
    @Test func fewAnonymousVotesShowOnlyTheCount() {
        var state = Fixtures.talkState(Fixtures.team(.en), language: .en, size: Size(width: 80, height: 24))
        Fixtures.press([.character("4"), .character("2"), .character("r")], &state)
        var text = view(state).text
        #expect(text.contains("2 votes · shown from 3 votes"))
        #expect(!text.contains("█"))
        Fixtures.press([.character("5"), .character("r")], &state)
        text = view(state).text
        #expect(text.contains("3 votes · average 3.7") && text.contains("█"))
        // Named votes in a team that is not anonymous still show their bars.
        var named = Fixtures.talkState(Fixtures.team(.en, anonymous: false), language: .en, size: Size(width: 80, height: 24))
        Fixtures.press([.character("4")], &named)
        #expect(view(named).text.contains("█"))
        // The read-only transcript and the rule itself.
        var session = Fixtures.team(.en)
        try! session.apply(.addVote(value: 4, participant: nil), now: Fixtures.start)
        try! session.apply(.addVote(value: 2, participant: nil), now: Fixtures.start)
        var reader = Fixtures.state(.en, size: Size(width: 80, height: 24), screen: .transcript)
        reader.talk = TalkState(session: session, path: "/tmp/x.json", readOnly: true)
        #expect(view(reader).text.contains("2 votes · shown from 3 votes"))
        #expect(!view(reader).text.contains("4: 1"))
        #expect(VotePrivacy.tooFew(2) && !VotePrivacy.tooFew(3) && !VotePrivacy.tooFew(0))
        #expect(TrendsReport.minimumVotes == VotePrivacy.minimumVotes)
    }

    // A 1:1 header that does not fit shortens the names before the roles
    // ("(meda…" said nothing); progress and timer stay whole. Wide, names are whole.
    @Test func aLongHeaderShortensNamesBeforeRoles() {
        let setup = TalkSetup(kind: .oneOnOne, language: .en,
                              participants: [Participant(id: "p1", name: "Kari Nordmann", role: .leader),
                                             Participant(id: "p2", name: "Ola Åsmundsen-Ødegård", role: .employee)],
                              deckIDs: ["samtale"])
        let session = try! Session.start(setup, decks: Fixtures.decks, id: "2026-11-19-0900-abcd", now: Fixtures.start)
        let state = Fixtures.talkState(session, language: .en, size: Size(width: 80, height: 24))
        let header = view(state).text.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.hasSuffix("1 / 3 · 00:00 · in all 00:00"))
        #expect(header.contains("Kari (leader) and Ola (employee)"), "header: \(header)")
        #expect(DisplayWidth.of(header) <= 80)
        let wide = Fixtures.talkState(session, language: .en, size: Size(width: 200, height: 40))
        #expect(view(wide).text.contains("Kari Nordmann (leader) and Ola Åsmundsen-Ødegård (employee)"))
    }

    // Skipping and parking say what happened and how to get back.
    @Test(arguments: [Language.nb, .en, .da])
    func skipAndParkFlashAMessage(language: Language) {
        var state = Fixtures.talkState(Fixtures.oneOnOne(language), language: language)
        let t = state.text
        Fixtures.press([.escape, .character("s")], &state)
        #expect(state.flash == t(.cardSkipped) && state.talk?.session.currentIndex == 1)
        #expect(view(state).text.contains(String(t(.cardSkipped).prefix(20))))
        Fixtures.press([.escape, .character("m")], &state)
        #expect(state.flash == t(.cardParked) && state.talk?.session.currentIndex == 2)
        Fixtures.press([.escape, .left, .escape, .character("m")], &state)
        #expect(state.flash == t(.cardOpenAgain) && state.talk?.session.cards[1].status == .open)
        #expect(Set([t(.cardSkipped), t(.cardParked), t(.cardOpenAgain)]).count == 3)
        #expect(!t(.cardParked).contains("cardParked"))
    }

    // While writing, ? is a letter: no bar offers it (card field, notes, action form).
    @Test func keyBarOffersNoHelpWhileWriting() {
        var state = Fixtures.talkState(Fixtures.oneOnOne(.en), language: .en)
        func bar() -> String { String(view(state).text.split(separator: "\n", omittingEmptySubsequences: false)[23]) }
        // The card opens ready to write; after Esc, help is offered, and Enter writes again.
        #expect(!bar().contains("? help") && bar().contains("Esc done"))
        Fixtures.press([.escape], &state)
        #expect(bar().contains("? help"))
        Fixtures.press([.enter], &state)
        #expect(!bar().contains("? help") && bar().contains("Esc done"))
        Fixtures.press([.escape, .character("a")], &state)
        #expect(!bar().contains("? help"))
        Fixtures.press([.escape, .character("f"), .character("n")], &state)
        #expect(state.talk?.notesEditor != nil)
        #expect(!bar().contains("? help") && bar().contains("Esc done"))
        Fixtures.type("?", &state)
        #expect(!state.helpVisible && state.talk?.session.notes == "?")
    }

    // Without parked cards the summary offers no ↑↓ and no Enter.
    @Test func summaryOffersOnlyKeysThatWork() {
        var state = Fixtures.talkState(Fixtures.oneOnOne(.en), language: .en)
        Fixtures.press([.escape, .character("f")], &state)
        #expect(state.talk?.phase == .summary)
        #expect(!view(state).text.contains("Enter go to card"))
        Fixtures.press([.character("?")], &state)
        var help = view(state).text
        #expect(!help.contains("move up and down") && !help.contains("go to card"))
        #expect(help.contains("finish the talk"))
        Fixtures.press([.escape], &state)
        // With a parked card, both are offered.
        Fixtures.press([.left, .escape, .character("m"), .escape, .character("f")], &state)
        #expect(view(state).text.contains("Enter go to card"))
        Fixtures.press([.character("?")], &state)
        help = view(state).text
        #expect(help.contains("move up and down") && help.contains("go to card"))
    }

    // A finished talk is read-only until f: Enter on a parked card says so, and reopens nothing.
    @Test func finishedTalkEnterOnAParkedCardSaysItIsFinished() {
        var session = Fixtures.oneOnOne(.en)
        try! session.apply(.next, now: Fixtures.start)
        try! session.apply(.park, now: Fixtures.start)
        var state = Fixtures.talkState(session, language: .en)
        // f asks about the parked card first; f again finishes.
        Fixtures.press([.escape, .character("f"), .character("f"), .character("f")], &state)
        #expect(state.talk?.session.isFinished == true && state.talk?.phase == .summary)
        let bar = String(view(state).text.split(separator: "\n", omittingEmptySubsequences: false)[23])
        #expect(!bar.contains("Enter") && bar.contains("f reopen"))
        Fixtures.press([.enter], &state)
        #expect(state.talk?.session.isFinished == true && state.talk?.phase == .summary)
        #expect(state.flash == state.text(.talkIsFinished))
        // Notes and actions are not written into a finished talk, where they could not be saved.
        Fixtures.press([.character("n")], &state)
        #expect(state.talk?.notesEditor == nil && state.flash == state.text(.talkIsFinished))
        Fixtures.press([.character("a")], &state)
        #expect(state.talk?.actionForm == nil)
        // f reopens it; then Enter goes to the parked card.
        Fixtures.press([.character("f"), .enter], &state)
        #expect(state.talk?.phase == .cards && state.talk?.session.currentIndex == 1)
    }

    // After a resume (votes given in an earlier run) Backspace still takes a vote back, and says so.
    @Test func backspaceTakesBackVotesGivenBeforeAResume() {
        var session = Fixtures.team(.en)
        for value in [4, 4, 2] { try! session.apply(.addVote(value: value, participant: nil), now: Fixtures.start) }
        var state = Fixtures.talkState(session, language: .en)  // as `tillit resume` opens it
        #expect(state.talk?.focusedField == .votes)
        // This run's votes go first, newest first.
        Fixtures.press([.character("5"), .backspace], &state)
        #expect(state.talk?.card?.anonymousVotes == [4: 2, 2: 1])
        #expect(state.flash == state.text(.voteRemoved, 5, 3))
        // Earlier votes have no order: Backspace asks which value, the digit removes one of it.
        Fixtures.press([.backspace], &state)
        #expect(state.flash == state.text(.whichVoteToRemove, 1, 5))
        #expect(view(state).text.contains("The order of the votes is not kept"))
        Fixtures.press([.character("2")], &state)
        #expect(state.talk?.card?.anonymousVotes == [4: 2])
        #expect(state.flash == state.text(.voteRemoved, 2, 2))
        // A vote given now is taken back before the earlier ones.
        Fixtures.press([.character("4"), .backspace], &state)  // a new vote, taken back
        #expect(state.talk?.card?.anonymousVotes == [4: 2])
        // Only one value left: no need to ask.
        Fixtures.press([.backspace], &state)
        #expect(state.talk?.card?.anonymousVotes == [4: 1])
        Fixtures.press([.backspace], &state)
        #expect(state.talk?.card?.anonymousVotes == nil)
        Fixtures.press([.backspace], &state)
        #expect(state.flash == state.text(.noVotesToRemove))
    }

    @Test func choosingAVoteToRemoveCanBeLeft() {
        var session = Fixtures.team(.en)
        for value in [4, 2] { try! session.apply(.addVote(value: value, participant: nil), now: Fixtures.start) }
        var state = Fixtures.talkState(session, language: .en)
        Fixtures.press([.backspace, .character("3")], &state)
        #expect(state.flash == state.text(.noVoteForValue, 3))
        #expect(state.talk?.card?.anonymousVotes == [4: 1, 2: 1])
        Fixtures.press([.backspace, .right], &state)
        #expect(state.talk?.choosingVoteToRemove == false && state.talk?.session.currentIndex == 1)
        #expect(state.talk?.session.cards[0].anonymousVotes == [4: 1, 2: 1])
    }

    @Test func backspaceOnARatingRowSaysTheRatingIsRemoved() {
        var state = Fixtures.talkState(Fixtures.oneOnOne(.en), language: .en)
        Fixtures.press([.pageDown, .tab, .tab, .character("4"), .backspace], &state)
        #expect(state.talk?.card?.response(of: "p1")?.rating == nil)
        #expect(state.flash == state.text(.ratingRemoved, "Kari"))
    }

    // Keys typed while the window is too small wait, and take effect once it is large enough.
    @Test func keysWaitWhileTheWindowIsTooSmall() {
        // The card opens ready to write.
        var state = Fixtures.talkState(Fixtures.oneOnOne(.en), language: .en, size: Size(width: 80, height: 24))
        _ = update(&state, .resize(Size(width: 50, height: 12)))
        #expect(view(state).text.contains("The keys you press now take effect"))
        Fixtures.type("hei q?", &state)
        _ = update(&state, .paste(" 👍"))
        #expect(state.talk?.card?.response(of: "p1") == nil, "nothing acts on a screen no one can see")
        _ = update(&state, .resize(Size(width: 59, height: 30)))
        #expect(state.talk?.card?.response(of: "p1") == nil)
        _ = update(&state, .resize(Size(width: 80, height: 24)))
        #expect(state.talk?.card?.response(of: "p1")?.text == "hei q? 👍")
        #expect(state.waitingInput.isEmpty && !state.helpVisible)
        // Commands wait too; Ctrl-C leaves at once.
        Fixtures.press([.escape], &state)
        _ = update(&state, .resize(Size(width: 40, height: 10)))
        #expect(Fixtures.press([.right], &state).isEmpty && state.talk?.session.currentIndex == 0)
        #expect(Fixtures.press([.control("c")], &state) == [.quit])
        _ = update(&state, .resize(Size(width: 80, height: 24)))
        #expect(state.talk?.session.currentIndex == 1)
    }

    // Help wraps descriptions under their column and scrolls when it does not fit.
    @Test(arguments: [Size(width: 60, height: 16), Size(width: 80, height: 24)])
    func helpWrapsAndScrollsAtSmallSizes(size: Size) {
        var state = Fixtures.talkState(Fixtures.oneOnOne(.nb), language: .nb, size: size)
        Fixtures.press([.escape, .character("?")], &state)
        let t = state.text
        let entries = HelpView.entries(state)
        var seen = Self.words(view(state))
        let scrolls = HelpView.maxScroll(state) > 0
        if size.height == 16 { #expect(scrolls, "the card's keys do not fit in 16 rows") }
        for _ in 0..<40 where scrolls {
            Fixtures.press([.down], &state)
            seen += " " + Self.words(view(state))
        }
        #expect(state.helpVisible, "arrows scroll help rather than closing it")
        for (key, text) in entries {
            for word in key.split(separator: " ") { #expect(seen.contains(String(word)), "key \(word) missing") }
            for word in t(text).split(separator: " ") { #expect(seen.contains(String(word)), "\(word) of '\(t(text))' missing") }
        }
        if size.height == 16 { #expect(view(state).text.contains(t(.helpScrollFooter))) }
        if scrolls {
            Fixtures.press([.pageUp, .pageUp, .pageUp], &state)
            #expect(state.helpScroll == 0 && state.helpVisible)
        }
        Fixtures.press([.character("x")], &state)
        #expect(!state.helpVisible && state.helpScroll == 0)
        // The help of a short list closes on an arrow, as before.
        var home = Fixtures.state(.nb, size: Size(width: 80, height: 24))
        Fixtures.press([.character("?"), .down], &home)
        #expect(!home.helpVisible)
    }
}
