import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// A binding reads and writes the open talk through its context: there is one
/// copy, so a write through `state.talk` is not undone by a stale `talk`.
struct TalkContextTests {
    @Test func theTalkAndTheStatesTalkAreOneCopy() {
        let state = Fixtures.talkState(Fixtures.oneOnOne(.en), language: .en, size: Size(width: 100, height: 30))
        var context = TalkContext(state: state)
        context.state.talk?.hintVisible = true
        #expect(context.talk.hintVisible, "a write through state.talk is seen through talk")
        context.talk.listSelection = 3
        #expect(context.state.talk?.listSelection == 3, "a write through talk is in the state")
        context.state.flash = "x"
        context.talk.hintVisible = false
        #expect(context.state.flash == "x" && context.state.talk?.hintVisible == false)
    }
}
