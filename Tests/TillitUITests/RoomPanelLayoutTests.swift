import Foundation
import Testing
import TillitCore
@testable import TillitUI

/// Small screens and the QR code (issue 25, item 8): the voting room's panel
/// keeps to its own columns and rows, the card keeps its text whole, and when
/// the code does not fit the panel says how to see it.
struct RoomPanelLayoutTests {
    /// As long as a laptop's address on a real network, with a code of that size (29 modules).
    static let url = "http://192.168.10.123:51234/cesyqanf4p2kd2pgh/"
    static let picture = QRPicture(rows: (0..<29).map { row in String((0..<29).map { ($0 + row) % 3 == 0 ? "1" : "0" }) })!
    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 200, height: 60)]

    static func withRoom(_ size: Size, presenting: Bool = false) -> AppState {
        var state = Fixtures.talkState(Fixtures.team(), size: size)
        if presenting { Fixtures.press([.character("p")], &state) }
        state.talk?.room = VotingRoom(phase: .open(url: url, code: "KX4T", picture: picture))
        return state
    }

    /// The panel alone on an empty screen: which cells it draws.
    static func panelAlone(_ state: AppState) -> Grid {
        var grid = Grid(state.size)
        let middle = Rect(x: 0, y: 2, width: state.size.width, height: state.size.height - 4)
        RoomPanel.draw(state, state.talk!, in: RoomPanel.split(middle, state.talk!).panel, &grid)
        return grid
    }

    @Test(arguments: [(80, 24), (100, 30), (200, 60)])
    func thePanelDrawsOverNothingAndTheCardKeepsItsWords(_ width: Int, _ height: Int) {
        let size = Size(width: width, height: height)
        let state = Self.withRoom(size)
        let screen = view(state), panel = Self.panelAlone(state)
        let panelX = width - RoomPanel.width(state.talk!, for: Rect(x: 0, y: 2, width: width, height: height - 4))
        for y in 0..<height {
            for x in 0..<width {
                if x < panelX || y < 2 || y == height - 1 {
                    #expect(panel[x, y] == .blank, "the panel draws at \(x),\(y), outside its columns or on the header or key bar")
                } else if y < height - 2 {
                    #expect(screen[x, y] == panel[x, y], "at \(x),\(y) the screen shows '\(screen[x, y].text)', not the panel's '\(panel[x, y].text)'")
                }
            }
        }
        // Every cell of the code is inside the panel, and nothing of the card is missing.
        let text = screen.text.split(separator: "\n").map { String($0.prefix(panelX)) }.joined(separator: " ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("trykk 1–5 for hver stemme, ⌫ angrer den siste"), "\(screen.text)")
        #expect(text.contains("Hvor lett er det å si fra når noe er galt?"))
        // The address whole, on one line or wrapped in the panel.
        #expect(Self.panelLines(panel).joined().contains(Self.url), "\(panel.text)")
    }

    static func panelLines(_ panel: Grid) -> [String] {
        panel.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Where the code cannot fit, the panel says so and gives the address; where it fits, it is drawn.
    @Test func theCodeShowsWhereItFitsAndElseThePanelSaysHowToSeeIt() {
        let state = Self.withRoom(Size(width: 80, height: 24))
        let small = view(state)
        let flat = Self.panelLines(Self.panelAlone(state)).joined(separator: " ")
        #expect(flat.contains("QR-koden vises i et større vindu. Eller åpne på mobilen:"))
        #expect(!small.cells.contains { $0.style == QRPicture.style })
        for size in Self.sizes.dropFirst() {
            let screen = view(Self.withRoom(size))
            #expect(screen.cells.contains { $0.style == QRPicture.style }, "\(size)")
            #expect(screen.text.contains("Skann med mobilen, eller åpne:"))
        }
    }

    @Test(arguments: [(80, 24), (100, 30), (200, 60)])
    func snapshotsOfTheCardWithARoom(_ width: Int, _ height: Int) {
        assertSnapshot(view(Self.withRoom(Size(width: width, height: height))), named: "card-room-nb-\(width)x\(height)")
    }

    /// The shared screen keeps its key bar and its words free of the code, too.
    @Test(arguments: [(80, 24), (100, 30), (200, 60)])
    func theSharedScreenToo(_ width: Int, _ height: Int) {
        let state = Self.withRoom(Size(width: width, height: height), presenting: true)
        let screen = view(state), panel = Self.panelAlone(state)
        let panelX = width - RoomPanel.width(state.talk!, for: Rect(x: 0, y: 2, width: width, height: height - 4))
        for y in 0..<height {
            for x in 0..<width where x < panelX || y < 2 || y == height - 1 {
                #expect(panel[x, y] == .blank, "the panel draws at \(x),\(y)")
            }
        }
        #expect(screen.text.split(separator: "\n").last.map { $0.contains("? hjelp") } == true, "\(screen.text)")
    }
}
