import TillitCore

/// The voting room on the card screen and the shared screen: a QR code big
/// enough to scan from the back of the room, the plain address and the room
/// code under it, and how many phones have voted (never what they voted).
enum RoomPanel {
    /// Columns the panel takes at the right edge: 0 without a room.
    static func width(_ talk: TalkState, _ grid: Grid) -> Int {
        guard let room = talk.room, room.isRunning else { return 0 }
        if room.personal { return PersonalRoomPanel.width(room, grid) }
        let wanted: Int
        if case .open(let url, _, let picture) = room.phase {
            wanted = max(picture?.size.width ?? 0, DisplayWidth.of(url)) + 2
        } else {
            wanted = 30
        }
        // The card keeps at least 36 columns of its own.
        return min(wanted, max(0, grid.width - 36))
    }

    static func draw(_ state: AppState, _ talk: TalkState, _ grid: inout Grid, top: Int, bottom: Int) {
        let width = width(talk, grid)
        guard width > 0, let room = talk.room else { return }
        if room.personal { return PersonalRoomPanel.draw(state, talk, room, &grid, top: top, bottom: bottom) }
        let x = grid.width - width
        let ui = state.text
        guard case .open(let url, let code, let picture) = room.phase else {
            grid.put(ui(.roomOpening), x: x + 1, y: top + 1, style: .muted, maxWidth: width - 1)
            return
        }
        let textWidth = width - 1
        func wrapped(_ text: String, _ style: Style) -> [(String, Style)] {
            TextWrap.lines(text, width: textWidth).map { ($0, style) }
        }
        var lines = wrapped(url, .bold) + wrapped(ui(.roomCode, code), .bold)
        if let record = talk.card, record.isRating, record.typedVoteCount > 0, !record.votesRevealed {
            lines += wrapped(ui(.roomTypedVotesAsk, record.typedVoteCount), .accent)
        } else if let record = talk.card, record.isRating {
            lines += RoomTurnout(votes: record.phoneVoteCount, people: talk.people).lines(ui).flatMap { wrapped($0, .accent) }
        }
        // The code only where it fits whole inside the panel's own columns, above its lines;
        // else the panel says how to see it, and the address is there to type.
        let fits = picture.map { $0.size.width < width && top + $0.size.height + 1 + lines.count <= bottom } ?? false
        lines = wrapped(ui(fits ? .roomScan : .roomCodeNeedsLargerWindow), .muted) + lines
        var y = top
        if fits, let picture {
            picture.draw(into: &grid, x: grid.width - picture.size.width - 1, y: y)
            y += picture.size.height
        }
        for (text, style) in lines where y < bottom {
            grid.put(text, x: x + 1, y: y, style: style, maxWidth: textWidth)
            y += 1
        }
    }
}
