import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// Anonymous votes are revealed on purpose (`r`), only from three votes, and
/// hidden again by a new vote; named votes show as they come.
@Suite("Votes revealed on purpose, in update")
struct RevealTests {
    static func team(anonymous: Bool = true, votes: String, presenting: Bool = false, size: Size = Size(width: 100, height: 30)) -> AppState {
        var state = Fixtures.talkState(Fixtures.team(anonymous: anonymous), size: size)
        if presenting { Fixtures.press([.character("p")], &state) }
        Fixtures.type(votes, &state)
        return state
    }

    /// The bar rows the card screen or the presentation draws: ` 4 ██ 2`.
    static func barRows(_ state: AppState) -> [String] {
        view(state).text.split(separator: "\n").map(String.init).filter { $0.contains(/^ +[1-7] (█+ [0-9]+| 0)$/) }
    }

    @Test func whileVotingIsOpenOnlyTheCountShows() {
        let state = Self.team(votes: "425")
        let screen = view(state).text
        #expect(screen.contains("3 stemmer · r viser resultatet"), "\(screen)")
        #expect(!screen.contains("snitt"), "\(screen)")
        #expect(Self.barRows(state).isEmpty, "\(screen)")
        #expect(view(state).text.contains("r vis resultat"), "the key bar offers r")
    }

    @Test func rRevealsTheDistributionAndTheMean() {
        var state = Self.team(votes: "425")
        Fixtures.press([.character("r")], &state)
        let screen = view(state).text
        #expect(screen.contains("3 stemmer · snitt 3,7"), "\(screen)")
        #expect(Self.barRows(state).count == 5, "\(screen)")
        #expect(state.flash?.contains("Resultatet vises") == true)
        #expect(state.talk?.session.currentCard?.revealedVotes == [4: 1, 2: 1, 5: 1], "kept in the talk, so autosave has it")
    }

    @Test func belowThreeVotesTheRevealSaysWhy() {
        var state = Self.team(votes: "42")
        Fixtures.press([.character("r")], &state)
        #expect(state.flash == "Resultatet vises fra 3 stemmer, så ingen kan se hva den enkelte stemte")
        let screen = view(state).text
        #expect(screen.contains("2 stemmer · vises fra 3 stemmer") && !screen.contains("snitt"), "\(screen)")
        #expect(Self.barRows(state).isEmpty)
    }

    @Test func aNewVoteAfterTheRevealHidesTheResultUntilTheNextReveal() {
        var state = Self.team(votes: "425")
        Fixtures.press([.character("r")], &state)
        Fixtures.type("1", &state)
        var screen = view(state).text
        #expect(screen.contains("4 stemmer · r viser resultatet") && !screen.contains("snitt"), "the 4th vote cannot be read off the mean: \(screen)")
        #expect(Self.barRows(state).isEmpty)
        Fixtures.press([.character("r")], &state)
        screen = view(state).text
        #expect(screen.contains("4 stemmer · snitt 3,0"), "\(screen)")
    }

    @Test func enterRevealsOnTheSharedScreenAndWritesNothing() {
        var state = Self.team(votes: "425", presenting: true, size: Size(width: 160, height: 45))
        Fixtures.press([.enter], &state)
        #expect(state.talk?.editor == nil && state.talk?.presenting == true)
        #expect(state.talk?.session.currentCard?.revealedVotes == [4: 1, 2: 1, 5: 1])
        #expect(RevealTests.barRows(state).count == 5, "\(view(state).text)")
    }

    @Test func namedVotesShowAsTheyCome() {
        var state = Self.team(anonymous: false, votes: "4")
        var screen = view(state).text
        #expect(screen.contains("1 stemme · snitt 4,0"), "\(screen)")
        #expect(!screen.contains("r vis resultat"), "nothing to reveal: \(screen)")
        Fixtures.press([.character("r")], &state)
        #expect(state.flash == "Stemmene vises etter hvert som de kommer: samtalen er ikke anonym.")
        screen = view(state).text
        #expect(Self.barRows(state).count == 5, "\(screen)")
    }

    @Test func onTheSharedScreenTooAndLeavingItShowsNoBarsWhileVotingIsOpen() {
        var state = Self.team(votes: "4254", presenting: true, size: Size(width: 160, height: 45))
        #expect(state.talk?.presenting == true)
        var screen = view(state).text
        #expect(screen.contains("Resultatet vises når du trykker r") && Self.barRows(state).isEmpty, "\(screen)")
        Fixtures.press([.character("p")], &state)
        screen = view(state).text
        #expect(Self.barRows(state).isEmpty && !screen.contains("snitt"), "leaving with p shows no spread: \(screen)")
        Fixtures.press([.character("p"), .character("r")], &state)
        #expect(Self.barRows(state).count == 5, "\(view(state).text)")
    }

    @Test func aRevealedCardShowsItsResultWhenComeBackTo() {
        var state = Self.team(votes: "425")
        Fixtures.press([.character("r"), .right, .escape, .left], &state)
        #expect(view(state).text.contains("3 stemmer · snitt 3,7"))
    }

    @Test func rOnATextCardSaysThereIsNothingToReveal() {
        var state = Self.team(votes: "")
        Fixtures.press([.right, .escape, .character("r")], &state)
        #expect(state.flash == "Dette kortet har ingen vurdering.")
    }

    /// The card screen with a voting room open, phones' counts arriving as `Msg.roomVotes`.
    static func withRoom(_ counts: [Int: Int]) -> AppState {
        var state = Self.team(votes: "")
        state.talk?.room = VotingRoom(phase: .open(url: "http://10.0.0.2:8080/room/", code: "KX4T", picture: nil))
        _ = update(&state, .roomVotes(card: 0, counts: counts))
        return state
    }

    /// While the room is open, a digit on the shared screen adds no vote: typed and phone votes never mix.
    @Test func aDigitWhileTheRoomIsOpenAddsNoVote() {
        var state = Self.withRoom([3: 2])
        Fixtures.press([.character("4")], &state)
        #expect(state.talk?.session.cards[0].ratingCount == 2)
        #expect(state.flash == "Stemmene kommer fra mobilene mens rommet er åpent; tastede stemmer og mobilstemmer blandes aldri på et kort.")
    }

    /// A room that sent something tillit could not use is closed (by tillit) and said so in one line; its votes stay.
    @Test func aMisbehavingRoomEndsWithOneLineAndKeepsItsVotes() {
        var state = Self.withRoom([3: 2])
        _ = update(&state, .roomMisbehaved(problem: "a count of 9223372036854775807"))
        #expect(state.talk?.room?.phase == .ended)
        #expect(state.flash == "Stemmerommet sendte noe tillit ikke kan bruke (a count of 9223372036854775807), så det ble stengt. "
                + "Stemmene så langt er tatt vare på. Trykk v for å åpne et nytt.")
        #expect(state.talk?.session.cards[0].phoneVotes == [3: 2])
    }

    /// A 1:1's room took ratings, not votes, and says so when it ends.
    @Test func aOneOnOnesRoomEndingSpeaksOfRatings() {
        var state = Fixtures.talkState(Fixtures.oneOnOne())
        var room = VotingRoom(phase: .open(url: "http://192.168.1.2:5000/x/", code: "KX4T", picture: nil))
        room.personal = true
        state.talk?.room = room
        _ = update(&state, .roomEnded(reason: nil))
        #expect(state.flash == "Stemmerommet har stoppet. Vurderingene så langt er tatt vare på. Trykk v for å åpne et nytt.")
        state.talk?.room = room
        _ = update(&state, .roomMisbehaved(problem: "en vurdering for Per"))
        #expect(state.flash?.hasSuffix("Vurderingene så langt er tatt vare på. Trykk v for å åpne et nytt.") == true)
    }

    /// r with two phone votes says why nothing shows and leaves the phones voting;
    /// a third vote hides the count again until the next r, as a typed one does.
    @Test func phoneVotesAfterARevealBelowTheMinimumWaitForTheNextReveal() {
        var state = Self.withRoom([2: 1, 4: 1])
        Fixtures.press([.character("r")], &state)
        #expect(view(state).text.contains("2 stemmer · vises fra 3 stemmer"), "\(view(state).text)")
        _ = update(&state, .roomVotes(card: 0, counts: [2: 1, 4: 1, 5: 1]))
        #expect(state.talk?.session.currentCard?.votesRevealed == false)
        var screen = view(state).text
        #expect(screen.contains("3 stemmer · r viser resultatet") && !screen.contains("snitt"), "\(screen)")
        #expect(Self.barRows(state).isEmpty)
        Fixtures.press([.character("r")], &state)
        screen = view(state).text
        #expect(screen.contains("3 stemmer · snitt 3,7"), "\(screen)")
    }

    /// The room's last tally can hold a vote that came in as r was pressed: it is revealed with the rest.
    @Test func aTallyJustAfterARevealThatShowedIsRevealedWithIt() {
        var state = Self.withRoom([2: 1, 4: 1, 5: 1])
        Fixtures.press([.character("r")], &state)
        _ = update(&state, .roomVotes(card: 0, counts: [2: 1, 4: 1, 5: 2]))
        #expect(state.talk?.session.currentCard?.revealedVotes == [2: 1, 4: 1, 5: 2])
        #expect(view(state).text.contains("4 stemmer · snitt 4,0"), "\(view(state).text)")
    }
}
