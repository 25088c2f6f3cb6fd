import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore

// MARK: - Fixtures shared by the Session and Store tests

enum SessionFixture {
    /// A whole second, so dates survive the file's ISO-8601 (seconds) unchanged.
    static let t0 = Date(timeIntervalSince1970: 1_795_464_000)

    static let kari = Participant(id: "p1", name: "Kari", role: .leader)
    static let ola = Participant(id: "p2", name: "Ola", role: .employee)

    /// Card 0 takes text, card 1 a rating 1–5, card 2 text and a rating 1–7,
    /// then `extraTextCards` more text cards.
    static func deck(id: String = "selvledelse", title: String = "Selvledelse", extraTextCards: Int = 3) -> Deck {
        let scale = Scale(min: 1, max: 5, low: LocalizedText([.nb: "lite"]), high: LocalizedText([.nb: "mye"]))
        let wide = Scale(min: 1, max: 7, low: LocalizedText([.nb: "lite"]), high: LocalizedText([.nb: "mye"]))
        var cards = [
            Card(id: "energi", prompt: LocalizedText([.nb: "Hva gir deg energi?", .en: "What gives you energy?"])),
            Card(id: "handlingsrom", prompt: LocalizedText([.nb: "Hvor stort handlingsrom har du?"]), answer: .scale(scale)),
            Card(id: "trygghet", prompt: LocalizedText([.nb: "Hvor trygt er det å si ifra?"]), answer: .textAndScale(wide)),
        ]
        cards += (0..<extraTextCards).map { Card(id: "tekst-\($0 + 1)", prompt: LocalizedText([.nb: "Spørsmål \($0 + 1)?"])) }
        return Deck(id: id, title: LocalizedText([.nb: title, .en: title]), cards: cards)
    }

    static func oneOnOne(id: String = "2026-11-23-1934-a3f9", now: Date = t0, participants: [Participant] = [kari, ola],
                         previous: Session? = nil, shuffle: Bool = false, seed: UInt64? = nil) throws -> Session {
        let setup = TalkSetup(kind: .oneOnOne, language: .nb, participants: participants, deckIDs: ["selvledelse"],
                              shuffle: shuffle, seed: seed)
        return try Session.start(setup, decks: [deck()], id: id, now: now, previous: previous)
    }

    static func team(id: String = "2026-11-23-1000-beef", title: String = "Team Nord", anonymous: Bool,
                     now: Date = t0, previous: Session? = nil) throws -> Session {
        let members = ["Ada", "Bo", "Cy"].enumerated().map { Participant(id: "p\($0.offset + 1)", name: $0.element, role: .member) }
        let setup = TalkSetup(kind: .team, title: title, language: .nb, participants: members,
                              deckIDs: ["selvledelse"], anonymous: anonymous)
        return try Session.start(setup, decks: [deck()], id: id, now: now, previous: previous)
    }
}

extension Session {
    /// Applies each command at `now`, as the UI would one key at a time.
    mutating func run(_ commands: TalkCommand..., now: Date = SessionFixture.t0) throws {
        for command in commands { try apply(command, now: now) }
    }
}

// MARK: - Starting and moving

@Suite("Session engine: starting a talk and moving between cards")
struct SessionEngineTests {
    @Test func startDealsTheDeckInOrderAndOpensOnTheFirstCard() throws {
        let talk = try SessionFixture.oneOnOne()
        #expect(talk.schemaVersion == Session.schemaVersionWithoutCleanup, "no clean-up items: the version before them")
        #expect(talk.kind == .oneOnOne)
        #expect(talk.title == "Selvledelse", "no title given: the deck's title")
        #expect(talk.participants.map(\.name) == ["Kari", "Ola"])
        #expect(talk.decks == [DeckReference(id: "selvledelse", version: 1, title: "Selvledelse")])
        #expect(talk.cards.map(\.card) == ["energi", "handlingsrom", "trygghet", "tekst-1", "tekst-2", "tekst-3"])
        #expect(talk.cards.allSatisfy { $0.status == .open && $0.responses.isEmpty })
        #expect(talk.cards[1].scaleRange == 1...5)
        #expect(talk.cards[0].prompt == "Hva gir deg energi?", "prompt copied in the talk's language")
        #expect(talk.currentIndex == 0)
        #expect(talk.shuffleSeed == nil)
        #expect(!talk.anonymous && !talk.isFinished)
        #expect(talk.createdAt == SessionFixture.t0 && talk.updatedAt == SessionFixture.t0)
    }

    @Test func startRefusesNoDecksUnknownDecksAndEmptyDecks() {
        let empty = Deck(id: "tom", title: LocalizedText([.nb: "Tom"]), cards: [])
        func start(_ ids: [String]) throws {
            _ = try Session.start(TalkSetup(kind: .oneOnOne, language: .nb, deckIDs: ids),
                                  decks: [SessionFixture.deck(), empty], id: "x", now: SessionFixture.t0)
        }
        #expect(throws: TalkSetupError.noDecks) { try start([]) }
        #expect(throws: TalkSetupError.unknownDeck("finnes-ikke")) { try start(["finnes-ikke"]) }
        #expect(throws: TalkSetupError.emptyDeck("tom")) { try start(["tom"]) }
    }

    @Test func aDeckNamedTwiceIsDealtOnce() throws {
        let other = SessionFixture.deck(id: "rydd-opp", title: "Rydd opp", extraTextCards: 0)
        let setup = TalkSetup(kind: .oneOnOne, language: .nb, deckIDs: ["selvledelse", "rydd-opp", "selvledelse"])
        let talk = try Session.start(setup, decks: [SessionFixture.deck(), other], id: "x", now: SessionFixture.t0)
        #expect(talk.decks.map(\.id) == ["selvledelse", "rydd-opp"])
        #expect(talk.cards.count == SessionFixture.deck().cards.count + other.cards.count)
        #expect(Set(talk.cards.map { "\($0.deck)/\($0.card)" }).count == talk.cards.count)
    }

    @Test func anonymousOnlyAppliesToTeamsAndTimerZeroMeansNone() throws {
        let setup = TalkSetup(kind: .oneOnOne, language: .nb, deckIDs: ["selvledelse"], anonymous: true, timerSeconds: 0)
        let talk = try Session.start(setup, decks: [SessionFixture.deck()], id: "x", now: SessionFixture.t0)
        #expect(!talk.anonymous && talk.timerSeconds == nil)
        #expect(try SessionFixture.team(anonymous: true).isAnonymousTeam)
    }

    @Test func theSameSeedGivesTheSameOrderAndTheSeedIsRecorded() throws {
        let deck = SessionFixture.deck(extraTextCards: 20)
        func order(seed: UInt64?, randomSeed: UInt64 = 0) throws -> (cards: [String], seed: UInt64?) {
            let setup = TalkSetup(kind: .oneOnOne, language: .nb, deckIDs: [deck.id], shuffle: true, seed: seed)
            let talk = try Session.start(setup, decks: [deck], id: "x", now: SessionFixture.t0, randomSeed: randomSeed)
            return (talk.cards.map(\.card), talk.shuffleSeed)
        }
        let first = try order(seed: 42), again = try order(seed: 42), other = try order(seed: 43)
        #expect(first.cards == again.cards)
        #expect(first.seed == 42)
        #expect(first.cards != other.cards)
        #expect(first.cards != deck.cards.map(\.id), "23 cards shuffled stay in deck order only by a fluke")
        #expect(Set(first.cards) == Set(deck.cards.map(\.id)), "every card dealt once")
        let drawn = try order(seed: nil, randomSeed: 7)
        #expect(drawn.seed == 7, "without a seed, the random one is recorded")
        #expect(drawn.cards == (try order(seed: 7)).cards, "and replays the same order")
    }

    @Test func nextAndPreviousStopAtTheEnds() throws {
        var talk = try SessionFixture.oneOnOne()
        try talk.run(.previous)
        #expect(talk.currentIndex == 0)
        for _ in 0..<10 { try talk.run(.next) }
        #expect(talk.currentIndex == talk.cards.count - 1)
        try talk.run(.previous)
        #expect(talk.currentIndex == talk.cards.count - 2)
    }

    @Test func jumpGoesToAnyCardAndRefusesOneThatIsNotThere() throws {
        var talk = try SessionFixture.oneOnOne()
        try talk.run(.jump(to: 4))
        #expect(talk.currentIndex == 4)
        let before = talk
        #expect(throws: TalkError.noSuchCard(6)) { try talk.run(.jump(to: 6)) }
        #expect(throws: TalkError.noSuchCard(-1)) { try talk.run(.jump(to: -1)) }
        #expect(talk == before, "a refused command changes nothing")
    }

    @Test func aTalkPointingPastItsCardsRefusesCardCommandsInsteadOfCrashing() throws {
        var talk = try SessionFixture.oneOnOne()
        talk.currentIndex = 99
        #expect(throws: TalkError.noSuchCard(99)) { try talk.run(.skip) }
        #expect(throws: TalkError.noSuchCard(99)) { try talk.run(.setText(participant: "p1", text: "hei")) }
        talk.cards = []
        talk.currentIndex = 0
        try talk.run(.next, .previous)
        #expect(talk.currentIndex == 0)
        #expect(throws: TalkError.noSuchCard(0)) { try talk.run(.park) }
    }
}

// MARK: - Answers, ratings and votes

@Suite("Session ids")
struct SessionIDTests {
    @Test func anIdIsTheLocalMinuteAndFourHexDigits() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        for seconds in [0, 1_795_464_000, 1_795_464_000 + 86_399, 4_102_444_800] as [TimeInterval] {
            let now = Date(timeIntervalSince1970: seconds)
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: now)
            let expected = String(format: "%04d-%02d-%02d-%02d%02d-00a7", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
            #expect(Session.makeID(now: now, random: 0x1_00a7) == expected)
        }
        #expect(Session.makeID(now: SessionFixture.t0, random: 0xbeef).hasSuffix("-beef"))
    }

    @Test(arguments: [0, 7, 42, 123, 2026, 12345, -3, -42]) func zeroPaddingIsPrintfs(value: Int) {
        for width in 0...5 {
            #expect(String(value, zeroPaddedTo: width) == String(format: "%0\(width)d", value), "width \(width)")
        }
    }
}

@Suite("Session engine: what people answer and rate")
struct SessionAnswerTests {
    @Test func eachParticipantHasTheirOwnTextOnACard() throws {
        var talk = try SessionFixture.oneOnOne()
        try talk.run(.setText(participant: "p2", text: "Mindre rapportering, mer tid med brukerne."))
        try talk.run(.setText(participant: "p1", text: "Fra januar legger du ukeplanen selv."))
        let card = talk.cards[0]
        #expect(card.responses.map(\.participant) == ["p1", "p2"], "kept in participant order")
        #expect(card.response(of: "p1")?.text == "Fra januar legger du ukeplanen selv.")
        #expect(card.response(of: "p2")?.text == "Mindre rapportering, mer tid med brukerne.")
        #expect(card.status == .answered)
        try talk.run(.setText(participant: "p1", text: "Fra februar."))
        #expect(talk.cards[0].response(of: "p1")?.text == "Fra februar.")
        #expect(talk.cards[0].responses.count == 2)
    }

    @Test func emptyingEveryAnswerOpensTheCardAgain() throws {
        var talk = try SessionFixture.oneOnOne()
        try talk.run(.setText(participant: "p1", text: "noe"), .setText(participant: "p1", text: ""))
        #expect(talk.cards[0].responses.isEmpty)
        #expect(talk.cards[0].status == .open)
    }

    @Test func textNeedsAKnownParticipantAndACardThatTakesText() throws {
        var talk = try SessionFixture.oneOnOne()
        #expect(throws: TalkError.noSuchParticipant("p9")) { try talk.run(.setText(participant: "p9", text: "x")) }
        try talk.run(.jump(to: 1))
        #expect(throws: TalkError.noTextOnCard) { try talk.run(.setText(participant: "p1", text: "x")) }
    }

    @Test func ratingsArePerParticipantAndWithinTheScale() throws {
        var talk = try SessionFixture.oneOnOne()
        #expect(throws: TalkError.notARatingCard) { try talk.run(.setRating(participant: "p1", rating: 3)) }
        try talk.run(.jump(to: 1), .setRating(participant: "p1", rating: 4), .setRating(participant: "p2", rating: 2))
        #expect(talk.cards[1].response(of: "p1")?.rating == 4)
        #expect(talk.cards[1].response(of: "p2")?.rating == 2)
        #expect(talk.cards[1].ratingMean == 3)
        #expect(throws: TalkError.ratingOutOfRange(6, 1...5)) { try talk.run(.setRating(participant: "p1", rating: 6)) }
        try talk.run(.setRating(participant: "p1", rating: nil))
        #expect(talk.cards[1].response(of: "p1") == nil)
        #expect(talk.cards[1].status == .answered, "Ola's rating is still there")
    }

    @Test func textAndRatingOnOneCardLiveInTheSameResponse() throws {
        var talk = try SessionFixture.oneOnOne()
        try talk.run(.jump(to: 2), .setRating(participant: "p2", rating: 7), .setText(participant: "p2", text: "Trygt."))
        #expect(talk.cards[2].responses == [Response(participant: "p2", text: "Trygt.", rating: 7, updatedAt: SessionFixture.t0)])
    }

    @Test func namedTeamVotesKeepWhoVoted() throws {
        var talk = try SessionFixture.team(anonymous: false)
        try talk.run(.jump(to: 1), .addVote(value: 4, participant: "p1"), .addVote(value: 2, participant: "p3"))
        #expect(talk.cards[1].responses.map(\.participant) == ["p1", "p3"])
        #expect(talk.cards[1].ratingCounts == [4: 1, 2: 1])
        try talk.run(.addVote(value: 5, participant: "p1"))
        #expect(talk.cards[1].response(of: "p1")?.rating == 5, "a second vote replaces the first")
        try talk.run(.removeVote(value: 5))
        #expect(talk.cards[1].response(of: "p1") == nil)
        #expect(talk.cards[1].ratingCounts == [2: 1])
    }

    @Test func anonymousVotesAreCountsWithoutNames() throws {
        var talk = try SessionFixture.team(anonymous: true)
        try talk.run(.jump(to: 1))
        try talk.run(.addVote(value: 4, participant: "p1"), .addVote(value: 4, participant: nil), .addVote(value: 2, participant: "p2"))
        let card = talk.cards[1]
        #expect(card.responses.isEmpty, "no names on an anonymous vote, even when the UI passes one")
        #expect(card.anonymousVotes == [4: 2, 2: 1])
        #expect(card.ratingCount == 3 && card.status == .answered)
        #expect(throws: TalkError.anonymousTalk) { try talk.run(.setRating(participant: "p1", rating: 3)) }
        let json = String(decoding: try SessionStore.encoder().encode(talk.cards[1]), as: UTF8.self)
        #expect(!json.contains("p1") && !json.contains("p2") && !json.contains("Ada"))
        try talk.run(.removeVote(value: 4), .removeVote(value: 4), .removeVote(value: 2))
        #expect(talk.cards[1].anonymousVotes == nil)
        #expect(talk.cards[1].status == .open)
    }

    @Test func skipParkAndReopenSetTheStatus() throws {
        var talk = try SessionFixture.oneOnOne()
        try talk.run(.skip)
        #expect(talk.cards[0].status == .skipped)
        try talk.run(.park)
        #expect(talk.cards[0].status == .parked)
        try talk.run(.reopenCard)
        #expect(talk.cards[0].status == .open)
        try talk.run(.skip, .setText(participant: "p1", text: "likevel"))
        #expect(talk.cards[0].status == .answered, "writing on a skipped card answers it")
        try talk.run(.park, .reopenCard)
        #expect(talk.cards[0].status == .answered, "reopened with words on it: answered")
        #expect(talk.handledCount == 1 && talk.answeredCount == 1)
    }
}

// MARK: - Actions, notes, finishing, time

@Suite("Session engine: actions, notes, finishing and time")
struct SessionActionTests {
    @Test func actionsCanBeAddedEditedDoneAndRemoved() throws {
        var talk = try SessionFixture.oneOnOne()
        try talk.run(.jump(to: 2))
        try talk.run(.addAction(id: "a1", text: "  Lage utkast til ukeplan ", owner: " Ola ", due: "2026-12-15", onCurrentCard: true))
        try talk.run(.addAction(id: "a2", text: "Ringe HR", owner: "Kari", due: nil, onCurrentCard: false))
        #expect(talk.actions.map(\.id) == ["a1", "a2"])
        #expect(talk.actions[0].text == "Lage utkast til ukeplan" && talk.actions[0].owner == "Ola")
        #expect(talk.actions[0].fromCard == "selvledelse/trygghet" && talk.actions[1].fromCard == nil)
        #expect(talk.actions[0].due == "2026-12-15" && !talk.actions[0].done)
        try talk.run(.editAction(id: "a1", text: "Ny ukeplan", owner: "Ola", due: nil))
        #expect(talk.actions[0].text == "Ny ukeplan" && talk.actions[0].due == nil)
        try talk.run(.setActionDone(id: "a2", done: true))
        #expect(talk.openActions.map(\.id) == ["a1"])
        try talk.run(.removeAction(id: "a1"))
        #expect(talk.actions.map(\.id) == ["a2"])
    }

    @Test func actionsNeedTextAUniqueIdAndAnIdThatExists() throws {
        var talk = try SessionFixture.oneOnOne()
        #expect(throws: TalkError.emptyAction) {
            try talk.run(.addAction(id: "a1", text: "  ", owner: "Ola", due: nil, onCurrentCard: false))
        }
        try talk.run(.addAction(id: "a1", text: "Noe", owner: "Ola", due: nil, onCurrentCard: false))
        #expect(throws: TalkError.duplicateAction("a1")) {
            try talk.run(.addAction(id: "a1", text: "Noe annet", owner: "Kari", due: nil, onCurrentCard: false))
        }
        #expect(throws: TalkError.emptyAction) { try talk.run(.editAction(id: "a1", text: "", owner: "Ola", due: nil)) }
        #expect(throws: TalkError.noSuchAction("a9")) { try talk.run(.editAction(id: "a9", text: "x", owner: "", due: nil)) }
        #expect(throws: TalkError.noSuchAction("a9")) { try talk.run(.setActionDone(id: "a9", done: true)) }
        #expect(throws: TalkError.noSuchAction("a9")) { try talk.run(.removeAction(id: "a9")) }
        #expect(talk.actions.map(\.text) == ["Noe"])
    }

    @Test func notesAndPrivateNotesAreKeptApart() throws {
        var talk = try SessionFixture.oneOnOne()
        try talk.run(.setNotes("Felles notat"), .setPrivateNotes("Bare for lederen"))
        #expect(talk.notes == "Felles notat")
        #expect(talk.privateNotes == "Bare for lederen")
        let json = String(decoding: try SessionStore.encoder().encode(talk), as: UTF8.self)
        #expect(json.contains("\"privateNotes\" : \"Bare for lederen\""), "marked private in the file")
    }

    @Test func aFinishedTalkCanBeReadAndReopenedButNotChanged() throws {
        var talk = try SessionFixture.oneOnOne()
        try talk.run(.addAction(id: "a1", text: "Noe", owner: "Ola", due: nil, onCurrentCard: false))
        try talk.apply(.finish, now: SessionFixture.t0 + 60)
        #expect(talk.finishedAt == SessionFixture.t0 + 60)
        #expect(throws: TalkError.finished) { try talk.run(.setText(participant: "p1", text: "x")) }
        #expect(throws: TalkError.finished) { try talk.run(.setNotes("x")) }
        try talk.run(.next, .previous, .setActionDone(id: "a1", done: true))
        #expect(talk.actions[0].done, "ticking off an action is allowed after the talk")
        try talk.apply(.finish, now: SessionFixture.t0 + 120)
        #expect(talk.finishedAt == SessionFixture.t0 + 60, "finishing twice keeps the first time")
        try talk.run(.reopen)
        #expect(!talk.isFinished)
        try talk.run(.setText(participant: "p1", text: "etterpå"))
        #expect(talk.cards[0].response(of: "p1")?.text == "etterpå")
    }

    @Test func timeIsCountedOnTheCardThatIsShown() throws {
        let t0 = SessionFixture.t0
        var talk = try SessionFixture.oneOnOne(now: t0)
        try talk.apply(.checkpoint, now: t0 + 10)
        #expect(talk.cards[0].secondsSpent == 10)
        #expect(talk.updatedAt == t0 + 10)
        try talk.apply(.next, now: t0 + 15.25)
        try talk.apply(.previous, now: t0 + 20.5)
        #expect(talk.cards[0].secondsSpent == 15.25)
        #expect(talk.cards[1].secondsSpent == 5.25)
        try talk.apply(.finish, now: t0 + 30.5)
        #expect(talk.cards[0].secondsSpent == 25.25)
        try talk.apply(.next, now: t0 + 100)
        #expect(talk.cards.map(\.secondsSpent).reduce(0, +) == 30.5, "no time counts while the talk is finished")
    }

    @Test func timeBetweenACrashAndTheResumeIsNotCounted() throws {
        let t0 = SessionFixture.t0
        var talk = try SessionFixture.oneOnOne(now: t0)
        try talk.apply(.checkpoint, now: t0 + 5)
        var resumed = try SessionStore.decoder().decode(Session.self, from: SessionStore.encoder().encode(talk))
        try resumed.apply(.checkpoint, now: t0 + 3600)
        #expect(resumed.cards[0].secondsSpent == 5, "the hour the file lay on disk is not time on the card")
        try resumed.apply(.checkpoint, now: t0 + 3602)
        #expect(resumed.cards[0].secondsSpent == 7)
    }

    @Test func timeIsKeptInWholeMilliseconds() throws {
        let t0 = SessionFixture.t0
        var talk = try SessionFixture.oneOnOne(now: t0)
        try talk.apply(.checkpoint, now: t0 + 1.0 / 3)
        #expect(talk.cards[0].secondsSpent == 0.333)
    }
}

/// Who a typed name means: one rule for choosing who writes and for naming an action's owner.
@Suite("Naming people in a talk")
struct ParticipantNamingTests {
    @Test func aNameAnyCaseTheOneItBeginsOrAnIDMeansThatPerson() throws {
        let talk = try SessionFixture.oneOnOne()
        #expect(talk.participant(named: "ola")?.id == "p2")
        #expect(talk.participant(named: " KAR ")?.id == "p1")
        #expect(talk.participant(named: "p2")?.name == "Ola")
        #expect(talk.participant(named: "Nobody") == nil && talk.participant(named: "") == nil)
    }

    @Test func anOwnerInTheTalkIsSpelledAsTheTalkSpellsThemAnyoneElseAsTyped() throws {
        let talk = try SessionFixture.oneOnOne()
        #expect(talk.ownerName("ola") == "Ola")
        #expect(talk.ownerName("Per_Olsen") == "Per Olsen", "someone outside the room may own an action")
        #expect(talk.ownerName("  ") == "")
    }

    @Test func aNameTwoPeopleBeginIsNoOne() throws {
        let talk = try SessionFixture.oneOnOne(participants: [Participant(id: "p1", name: "Kari", role: .leader),
                                                              Participant(id: "p2", name: "Karin", role: .employee)])
        #expect(talk.participant(named: "kar") == nil)
        #expect(talk.participant(named: "kari")?.id == "p1", "the exact name wins over the longer one")
    }
}
