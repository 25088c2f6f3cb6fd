import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// Every screen draws into the rectangle it is given (as Ratatui's widgets do),
/// not at rows counted from the terminal's edge: drawn into an area set in from
/// the top left of a larger grid, it is the same screen, moved, with nothing
/// outside the area and the cursor moved with it.
struct ViewsDrawInTheirAreaTests {
    static let offset = (x: 7, y: 3)

    /// The snapshot screens, and the screens and overlays the snapshots do not hold.
    nonisolated(unsafe) static let screens: [(String, @Sendable (Language, Size) -> AppState)] =
        SnapshotTests.screens + CleanupScreenTests.screens + more

    nonisolated(unsafe) static let more: [(String, @Sendable (Language, Size) -> AppState)] = [
        ("flash", { language, size in
            var state = Fixtures.talkState(Fixtures.oneOnOne(language), language: language, size: size)
            state.flash = "Kunne ikke lagre /home/kari/.local/share/tillit/sessions/2026-11-19-0900-abcd.json: disken er full"
            return state
        }),
        ("too-small", { language, _ in
            Fixtures.talkState(Fixtures.oneOnOne(language), language: language, size: Size(width: 50, height: 12))
        }),
        ("trends", { language, size in TrendsScreenTests.trendsState(language, size: size) }),
        ("minutes-review", { _, _ in
            var state = ConfirmMinutesScreenTests.finishedSummary()
            Fixtures.press([.character("b")], &state)
            return state
        }),
        ("room-panel", { _, size in RoomPanelLayoutTests.withRoom(size) }),
        ("room-panel-presenting", { _, size in RoomPanelLayoutTests.withRoom(size, presenting: true) }),
        ("room-written-answers", { _, size in
            var state = WrittenAnswersScreenTests.onTheTextCard(size: size)
            _ = update(&state, .roomAnswers(card: 1, count: 4))
            for text in WrittenAnswersScreenTests.answers { _ = update(&state, .roomAnswer(card: 1, text: text)) }
            Fixtures.press([.character("x"), .down, .enter], &state)
            return state
        }),
        ("room-personal", { language, size in
            var state = Fixtures.talkState(Fixtures.oneOnOne(language), language: language, size: size)
            var room = VotingRoom(phase: .open(url: RoomPanelLayoutTests.url, code: "KX4T", picture: nil))
            room.personal = true
            room.links = ["p1", "p2"].map { PersonalRoomLink(person: $0, url: RoomPanelLayoutTests.url + $0, picture: RoomPanelLayoutTests.picture) }
            state.talk?.room = room
            return state
        }),
        ("delete-confirmation", { language, size in
            var session = Fixtures.oneOnOne(language)
            try! session.apply(.addAction(id: "a1", text: "Ola lager et utkast til ny ukeplan", owner: "Ola", due: nil, onCurrentCard: true),
                               now: Fixtures.start)
            var state = Fixtures.talkState(session, language: language, size: size)
            state.talk?.confirmRemove = "a1"
            return state
        }),
    ]

    static let cases: [String] = screens.flatMap { screen in
        [Language.nb, .en].flatMap { language in SnapshotTests.sizes.map { "\(screen.0)|\(language.rawValue)|\($0.width)x\($0.height)" } }
    }

    @Test(arguments: cases)
    func aScreenDrawnIntoAnAreaIsTheSameScreenMoved(_ key: String) {
        let parts = key.split(separator: "|").map(String.init)
        let language = Language(rawValue: parts[1])!
        let dimensions = parts[2].split(separator: "x").map { Int($0)! }
        let state = Self.screens.first { $0.0 == parts[0] }!.1(language, Size(width: dimensions[0], height: dimensions[1]))
        let alone = view(state)
        var larger = Grid(Size(width: state.size.width + Self.offset.x, height: state.size.height + Self.offset.y))
        let area = Rect(x: Self.offset.x, y: Self.offset.y, width: state.size.width, height: state.size.height)
        draw(state, in: area, &larger)

        var outside = 0, moved = 0
        for y in 0..<larger.height {
            for x in 0..<larger.width {
                if x < area.x || y < area.y {
                    if larger[x, y] != .blank { outside += 1 }
                } else if larger[x, y] != alone[x - area.x, y - area.y] {
                    moved += 1
                }
            }
        }
        #expect(outside == 0, "\(key): \(outside) cells drawn outside the area")
        #expect(moved == 0, "\(key): \(moved) cells differ from the screen drawn alone")
        #expect(larger.cursor.map { [$0.x, $0.y] } == alone.cursor.map { [$0.x + area.x, $0.y + area.y] }, "\(key): the cursor did not move with the area")
        // The test must look at a screen with something on it.
        #expect(alone.text.contains { !$0.isWhitespace })
    }
}
