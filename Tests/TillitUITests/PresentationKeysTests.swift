import Foundation
import Testing
import TillitCore
@testable import TillitUI

struct PresentationKeysTests {
    @Test func digitsAndBackspaceInAOneOnOnePresentationChangeNothingAndSaySo() {
        var state = Fixtures.talkState(Fixtures.oneOnOne(.en), language: .en)
        Fixtures.press([.pageDown, .escape], &state)  // energi: text + scale
        Fixtures.press([.character("4")], &state)
        #expect(state.talk?.card?.response(of: "p1")?.rating == 4)
        Fixtures.press([.character("p"), .character("2")], &state)
        #expect(state.talk?.presenting == true)
        #expect(state.talk?.card?.response(of: "p1")?.rating == 4)
        #expect(state.flash?.contains("Press p to go back") == true)
        #expect(view(state).text.contains("Press p to go back"))
        Fixtures.press([.backspace], &state)
        #expect(state.talk?.card?.response(of: "p1")?.rating == 4)
        #expect(state.flash?.contains("Press p to go back") == true)
        // Back on the card, ready to write; after Esc digits rate again.
        Fixtures.press([.character("p"), .escape, .character("2")], &state)
        #expect(state.talk?.card?.response(of: "p1")?.rating == 2)
    }

    @Test func aInPresentationOpensNoFormOverTheSharedScreen() {
        for session in [Fixtures.oneOnOne(.en), Fixtures.team(.en)] {
            var state = Fixtures.talkState(session, language: .en)
            Fixtures.press([.escape, .character("p"), .character("a")], &state)
            #expect(state.talk?.actionForm == nil)
            #expect(state.talk?.presenting == true)
            #expect(state.flash?.contains("Press p to go back") == true)
        }
    }

    @Test func aTeamsVotesStillCountInPresentationAndShow() {
        var state = Fixtures.talkState(Fixtures.team(.en), language: .en)
        Fixtures.press([.character("p"), .character("4"), .character("5")], &state)
        #expect(state.talk?.card?.ratingCount == 2)
        #expect(state.flash == nil)
    }

    @Test func thePresentationsKeysNameOnlyWhatActs() {
        var state = Fixtures.talkState(Fixtures.oneOnOne(.en), language: .en, size: Size(width: 120, height: 40))
        Fixtures.press([.pageDown, .escape, .character("p")], &state)
        #expect(!KeyBarTests.keyBar(state).contains("1–5"))
        Fixtures.press([.character("?")], &state)
        let help = view(state).text
        #expect(!help.contains("1–9") && !help.contains("add an agreed action"), "\(help)")
        var team = Fixtures.talkState(Fixtures.team(.en), language: .en, size: Size(width: 120, height: 40))
        Fixtures.press([.character("p")], &team)
        #expect(KeyBarTests.keyBar(team).contains("1–5"))
    }
}
