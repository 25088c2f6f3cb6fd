import TillitCore

/// A 1:1's room on the card screen: each person's name over their own QR code,
/// side by side where both fit, with the address under each; where they do not
/// (80x24), the names and addresses only, as the team's panel does.
enum PersonalRoomPanel {
    /// Rows the panel keeps under the codes: the room code.
    private static let rowsBelow = 2

    /// The two codes side by side, with a column between and a margin each side.
    private static func codesWidth(_ room: VotingRoom) -> Int? {
        let pictures = room.links.compactMap(\.picture)
        guard room.links.count == 2, pictures.count == 2 else { return nil }
        return pictures.map(\.size.width).reduce(0, +) + 3
    }

    private static func codesFit(_ room: VotingRoom, width: Int, top: Int, bottom: Int) -> Bool {
        guard let wanted = codesWidth(room), wanted <= width, let tallest = room.links.compactMap(\.picture).map(\.size.height).max()
        else { return false }
        // The line over the codes, the names, the codes, and the room code under them.
        return top + 2 + tallest + rowsBelow <= bottom
    }

    /// At most `most` columns, for a panel on the rows of `rows`.
    static func width(_ room: VotingRoom, most: Int, rows: Rect) -> Int {
        guard !room.links.isEmpty else { return min(30, most) }
        if let wanted = codesWidth(room), codesFit(room, width: most, top: rows.y, bottom: rows.maxY) { return wanted }
        return min(room.links.map { DisplayWidth.of($0.url) }.max().map { $0 + 2 } ?? 30, most)
    }

    static func draw(_ state: AppState, _ talk: TalkState, _ room: VotingRoom, in panel: Rect, _ grid: inout Grid) {
        let width = panel.width, x = panel.x, top = panel.y, bottom = panel.maxY
        let ui = state.text
        guard case .open(_, let code, _) = room.phase, !room.links.isEmpty else {
            grid.put(ui(.roomOpening), x: x + 1, y: top + 1, style: .muted, maxWidth: width - 1)
            return
        }
        func name(_ link: PersonalRoomLink) -> String { SafeText.line(talk.session.participant(id: link.person)?.name ?? "") }
        let textWidth = width - 1
        var y = top
        if codesFit(room, width: width, top: top, bottom: bottom) {
            for line in TextWrap.lines(ui(.roomPersonalScan), width: textWidth).prefix(1) {
                grid.put(line, x: x + 1, y: y, style: .muted, maxWidth: textWidth)
            }
            y += 1
            var left = x + 1
            var below = y
            for link in room.links {
                guard let picture = link.picture else { continue }
                grid.put(name(link), x: left + 1, y: y, style: .bold, maxWidth: picture.size.width - 1)
                picture.draw(into: &grid, x: left, y: y + 1)
                // The address under its code, for a phone that cannot scan (as far as there is room).
                let address = TextWrap.lines(link.url, width: picture.size.width - 1)
                for (row, line) in address.enumerated() where y + 1 + picture.size.height + row < bottom - 1 {
                    grid.put(line, x: left + 1, y: y + 1 + picture.size.height + row, style: .muted, maxWidth: picture.size.width - 1)
                }
                below = max(below, min(bottom - 1, y + 1 + picture.size.height + address.count))
                left += picture.size.width + 1
            }
            y = below
        } else {
            var lines = TextWrap.lines(ui(.roomPersonalLinks), width: textWidth).map { ($0, Style.muted) }
            for link in room.links {
                lines.append((name(link), .bold))
                lines += TextWrap.lines(link.url, width: textWidth).map { ($0, Style.accent) }
            }
            for (text, style) in lines where y < bottom {
                grid.put(text, x: x + 1, y: y, style: style, maxWidth: textWidth)
                y += 1
            }
        }
        if y < bottom { grid.put(ui(.roomCode, code), x: x + 1, y: y, style: .bold, maxWidth: textWidth) }
    }
}
