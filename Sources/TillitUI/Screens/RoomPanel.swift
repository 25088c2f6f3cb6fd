import TillitCore

/// The voting room on the card screen and the shared screen: a QR code big
/// enough to scan from the back of the room, the plain address and the room
/// code under it, and how many phones have voted (never what they voted).
enum RoomPanel {
    /// Columns the panel takes at the right edge: 0 without a room.
    static func width(_ talk: TalkState, _ grid: Grid) -> Int {
        guard let room = talk.room, room.isRunning else { return 0 }
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
        let x = grid.width - width
        let ui = state.text
        guard case .open(let url, let code, let picture) = room.phase else {
            grid.put(ui(.roomOpening), x: x + 1, y: top + 1, style: .muted, maxWidth: width - 1)
            return
        }
        var lines: [(String, Style)] = [(ui(.roomScan), .muted), (url, .bold), (ui(.roomCode, code), .bold)]
        if let record = talk.card, record.isRating, record.typedVoteCount > 0, !record.votesRevealed {
            lines.append((ui(.roomTypedVotesAsk, record.typedVoteCount), .accent))
        } else if let record = talk.card, record.isRating {
            lines += RoomTurnout(votes: record.phoneVoteCount, people: talk.people).lines(ui).map { ($0, .accent) }
        }
        var y = top
        if let picture, picture.size.width <= width, y + picture.size.height + lines.count <= bottom {
            picture.draw(into: &grid, x: grid.width - picture.size.width - 1, y: y)
            y += picture.size.height
        }
        // The address and code stay on one line each; a sentence ("9 votes from 7 people — …") wraps.
        for (index, (text, style)) in lines.enumerated() {
            for part in index < 3 ? [text] : TextWrap.lines(text, width: max(1, width - 1)) where y < bottom {
                grid.put(part, x: x + 1, y: y, style: style, maxWidth: width - 1)
                y += 1
            }
        }
    }
}
