import TillitCore

/// The voting room on the card screen and the shared screen: a QR code big
/// enough to scan from the back of the room, the plain address and the room
/// code under it, and how many phones have voted (never what they voted).
enum RoomPanel {
    /// Columns the panel takes at the right of `area` (the rows it may use): 0 without a room.
    static func width(_ talk: TalkState, for area: Rect) -> Int {
        guard let room = talk.room, room.isRunning else { return 0 }
        // The card keeps at least 36 columns of its own.
        let most = max(0, area.width - 36)
        if room.personal { return PersonalRoomPanel.width(room, most: most, rows: area) }
        let wanted: Int
        if case .open(let url, _, let picture) = room.phase {
            wanted = max(picture?.size.width ?? 0, DisplayWidth.of(url)) + 2
        } else {
            wanted = 30
        }
        return min(wanted, most)
    }

    /// `area` split into the card's part and the panel's columns at its right (none without a room).
    static func split(_ area: Rect, _ talk: TalkState) -> (card: Rect, panel: Rect) {
        let width = width(talk, for: area)
        return (Rect(x: area.x, y: area.y, width: area.width - width, height: area.height),
                Rect(x: area.maxX - width, y: area.y, width: width, height: area.height))
    }

    static func draw(_ state: AppState, _ talk: TalkState, in panel: Rect, _ grid: inout Grid) {
        let width = panel.width
        guard width > 0, let room = talk.room else { return }
        let x = panel.x, top = panel.y, bottom = panel.maxY
        if room.personal { return PersonalRoomPanel.draw(state, talk, room, in: panel, &grid) }
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
        lines += RoomAnswerPanel.lines(talk, ui, width: textWidth).flatMap { wrapped($0.0, $0.1) }
        // The code only where it fits whole inside the panel's own columns, above its lines;
        // else the panel says how to see it, and the address is there to type.
        let fits = picture.map { $0.size.width < width && top + $0.size.height + 1 + lines.count <= bottom } ?? false
        lines = wrapped(ui(fits ? .roomScan : .roomCodeNeedsLargerWindow), .muted) + lines
        var y = top
        if fits, let picture {
            picture.draw(into: &grid, x: panel.maxX - picture.size.width - 1, y: y)
            y += picture.size.height
        }
        for (text, style) in lines where y < bottom {
            grid.put(text, x: x + 1, y: y, style: style, maxWidth: textWidth)
            y += 1
        }
    }
}
