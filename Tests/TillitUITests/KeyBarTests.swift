import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// The key bar at the bottom: when its keys do not all fit, how to leave (q)
/// and where every key is listed (?) stay; q says where it goes.
struct KeyBarTests {
    static func keyBar(_ state: AppState) -> String {
        view(state).text.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    }

    @Test(arguments: [Language.nb, .en, .da], [60, 80, 100])
    func aNarrowBarKeepsQuitAndHelp(language: Language, width: Int) {
        let state = Fixtures.browsingTalkState(Fixtures.oneOnOne(language), language: language, size: Size(width: width, height: 24))
        let bar = Self.keyBar(state)
        let t = Localizer(language)
        #expect(bar.contains("q " + t(.keyQuit)), "\(bar)")
        #expect(bar.hasSuffix("? " + t(.keyHelp)), "\(bar)")
        #expect(DisplayWidth.of(bar) <= width)
    }

    @Test func qSaysBackWhenTheTalkWasOpenedFromTheHomeScreen() {
        var state = Fixtures.browsingTalkState(Fixtures.oneOnOne(.nb), language: .nb, size: Size(width: 120, height: 30))
        #expect(Self.keyBar(state).contains("q avslutt"))
        state.hasHome = true
        #expect(Self.keyBar(state).contains("q tilbake"))
        #expect(!Self.keyBar(state).contains("q avslutt"))
    }
}
