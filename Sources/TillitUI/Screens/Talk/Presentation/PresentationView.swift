import Foundation
import TillitCore

/// The shared screen (`p`): the prompt in the block font as large as fits,
/// the team's votes (a count until revealed) and the timer in block digits;
/// deck, card number and keys small at the edges. No answer fields and no
/// private notes. Text is bold in the terminal's own colours, for a projector.
enum PresentationView {
    static func draw(_ state: AppState, _ talk: TalkState, in area: Rect, _ grid: inout Grid) {
        guard let record = talk.card else { return }
        let ui = state.text
        // With a voting room open, its code stands at the right and the card is laid out in the rest.
        // The panel keeps to the rows between the edges' lines; the card's block letters take the whole height.
        let panel = RoomPanel.split(Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 4), talk).panel
        let stage = Rect(x: area.x, y: area.y, width: area.width - panel.width, height: area.height)
        let width = stage.width
        let layout = Layout(state, talk, record, size: Size(width: width, height: area.height))
        // The edges: deck left, card number (and the time on the card, when there is no timer) right.
        let position = (layout.smallTimer.map { "\(talk.session.currentIndex + 1) / \(talk.session.cards.count) · \($0)" }
            ?? "\(talk.session.currentIndex + 1) / \(talk.session.cards.count)") + " · " + TalkView.wholeTalk(state, talk)
        grid.put(" " + DisplayWidth.truncate(TalkView.deckTitle(talk, record), to: max(0, area.width - DisplayWidth.of(position) - 4)),
                 x: area.x, y: area.y, style: .muted)
        grid.put(position + " ", x: area.maxX - DisplayWidth.of(position) - 1, y: area.y, style: layout.timeIsUp ? .bold : .muted)
        var y = area.y + layout.top
        let full = stage
        for part in layout.parts {
            switch part {
            case .block(let block):
                block.draw(centeredIn: Rect(x: stage.x, y: y, width: width, height: block.height), &grid, style: .bold)
                y += block.height
            case .lines(let lines, let spacing, let style):
                for line in lines { grid.centered(line, y: y, in: full, style: style); y += spacing }
                y += 1 - spacing
            case .leftAligned(let lines):
                // One block, centred as a whole, so the lines of each end of a scale stay aligned under their `1 =`.
                let blockWidth = lines.map(DisplayWidth.of).max() ?? 0
                for line in lines { grid.put(line, x: stage.x + max(0, (width - blockWidth) / 2), y: y); y += 1 }
            case .bars(let tally, let range):
                y = drawBars(tally, range: range, y: y, in: stage, &grid)
            case .gap(let rows):
                y += rows
            }
        }
        if let timer = layout.bigTimer {
            // Time that is up is seen across the room: the digits turn to the time over, in reverse.
            timer.draw(centeredIn: Rect(x: stage.x, y: area.y + layout.timerTop, width: width, height: timer.height), &grid,
                       style: layout.timeIsUp ? Style(bold: true, reverse: true) : .bold)
        }
        RoomPanel.draw(state, talk, in: panel, &grid)
        Chrome.keyBar(TalkScreen.keyBar(state, talk), in: ScreenLayout(area).keyBar, &grid, help: ui(.keyHelp))
    }

    /// A bar per value of the scale, with its count.
    private static func drawBars(_ tally: VoteTally, range: ClosedRange<Int>, y: Int, in stage: Rect, _ grid: inout Grid) -> Int {
        let barWidth = max(4, min(40, stage.width - 20))
        let maxCount = max(1, tally.counts.values.max() ?? 1)
        let x = stage.x + max(0, (stage.width - barWidth - 8) / 2)
        var y = y
        for value in range {
            let count = tally.counts[value] ?? 0
            let bar = String(repeating: "█", count: count * barWidth / maxCount)
            grid.put(String(format: "%2d ", value), x: x, y: y, style: .bold)
            grid.put(bar, x: x + 3, y: y, style: .bold)
            grid.put(" \(count)", x: x + 3 + DisplayWidth.of(bar), y: y, style: count > 0 ? .bold : .muted)
            y += 1
        }
        return y
    }

    /// What goes where, decided once per frame: the largest prompt that fits
    /// beside the votes, the scale and the timer, each of those giving up its
    /// block digits before the prompt gives up its block letters.
    struct Layout {
        enum Part {
            case block(BlockText)
            case lines([String], spacing: Int, style: Style)
            case leftAligned([String])
            case bars(VoteTally, ClosedRange<Int>)
            case gap(Int)

            var height: Int {
                switch self {
                case .block(let block): return block.height
                case .lines(let lines, let spacing, _): return max(0, lines.count * spacing - (spacing - 1))
                case .leftAligned(let lines): return lines.count
                case .bars(_, let range): return range.count
                case .gap(let rows): return rows
                }
            }
        }

        var parts: [Part] = []
        var top = 1
        var bigTimer: BlockText?
        var timerTop = 0
        /// The time on the card, or left, small at the top edge (also when it is drawn large, for whoever reads the edges).
        var smallTimer: String?
        var timeIsUp = false
        /// Rows the prompt takes (for tests: how much of the screen it fills).
        var promptRows = 0
        var promptIsBlock = false
        /// The prompt's words as laid out, line by line, whatever their size.
        var promptLines: [String] = []

        init(_ state: AppState, _ talk: TalkState, _ record: CardRecord, size: Size) {
            let ui = state.text
            let language = talk.session.language
            let card = TalkView.deckCard(state, record)
            let textWidth = max(20, size.width * 3 / 5)
            let blockWidth = max(10, size.width - 8)
            var notes: [Part] = []
            if talk.hintVisible {
                let hint = card?.hint.map { SafeText.clean($0.resolve(language)) } ?? ui(.noHint)
                notes += [.gap(1), .lines(TextWrap.lines(hint, width: textWidth), spacing: 1, style: .plain)]
            }
            if let range = record.scaleRange, let scale = card?.answer.scale {
                // The scale's ends get more room than the prompt, and every word of them is shown.
                notes += [.gap(1), .leftAligned(TalkView.scaleLegend(range, low: SafeText.line(scale.low.resolve(language)),
                                                                     high: SafeText.line(scale.high.resolve(language)),
                                                                     width: max(textWidth, min(size.width - 8, 80))))]
            }
            let timer = TalkView.timer(state, talk)
            timeIsUp = timer.isUp
            // Time up is a calm state that stays: "Tiden er ute" in block letters, or where
            // those do not fit the stopped clock (`00:00`); both in reverse, seen across the room.
            let timerTexts = timer.isUp ? [ui(.timeIsUpTitle), timer.text] : [timer.text]
            // The middle runs from row 1 to above the flash row and the key bar.
            let bottom = size.height - 2
            let prompt = SafeText.line(record.prompt)
            // What gives way, in order, before the prompt leaves its block letters:
            // the timer's block digits, the votes' block digits, the blank rows between.
            let attempts: [(bigTimer: Bool, bigVotes: Bool, gap: Int)] = [(true, true, 1), (false, true, 1), (false, false, 1), (false, false, 0)]
            for (index, attempt) in attempts.enumerated() {
                let last = index == attempts.count - 1
                var below = notes.map { part -> Part in if case .gap = part { return .gap(attempt.gap) } else { return part } }
                if talk.showsVotesWhenPresenting && record.isRating {
                    below += [.gap(attempt.gap)] + Self.votes(talk.session, record, ui, bigNumbers: attempt.bigVotes, width: blockWidth)
                } else if let ratings = TalkText.ratingsLine(talk.session, record, ui) {
                    // A 1:1's ratings by the same rule as the card: who has rated, then both at once.
                    below += [.gap(attempt.gap), .lines(TextWrap.lines(ratings, width: blockWidth), spacing: 1, style: .bold)]
                }
                var timerRows = 0
                bigTimer = nil
                if attempt.bigTimer, talk.session.timerSeconds != nil,
                   let block = timerTexts.lazy.compactMap({ BlockText($0, size: .medium, maxWidth: blockWidth, maxHeight: 4) }).first {
                    bigTimer = block
                    timerRows = block.height + 1
                }
                let belowRows: Int = below.reduce(0) { $0 + $1.height }
                let room = bottom - top - timerRows - belowRows
                guard let promptPart = Self.prompt(prompt, width: blockWidth, textWidth: textWidth, room: room, allowNormal: last)
                else { continue }
                promptRows = promptPart.height
                switch promptPart {
                case .block(let block): promptIsBlock = true; promptLines = block.lineTexts
                case .lines(let lines, _, _): promptLines = lines
                default: break
                }
                parts = [promptPart] + below
                top += max(0, (room - promptRows) / 2)
                timerTop = bottom - timerRows + 1
                smallTimer = (talk.session.timerSeconds == nil ? "" : "⏱ ") + (timer.isUp ? ui(.timeIsUp) : timer.text)
                return
            }
        }

        /// The prompt as large as `room` rows allow: block letters, large then
        /// medium; else (when `allowNormal`) ordinary text, double spaced when there is room.
        static func prompt(_ text: String, width: Int, textWidth: Int, room: Int, allowNormal: Bool) -> Part? {
            if let block = BlockText.fitting(text, maxWidth: width, maxHeight: room) { return .block(block) }
            guard allowNormal else { return nil }
            let lines = TextWrap.lines(text, width: textWidth)
            let spacing = lines.count * 2 - 1 <= room ? 2 : 1
            return .lines(Array(lines.prefix(max(1, room))), spacing: spacing, style: .bold)
        }

        /// The team's votes as the rule allows: a count until revealed (with
        /// why), then the average and a bar per value.
        static func votes(_ session: Session, _ record: CardRecord, _ ui: Localizer, bigNumbers: Bool, width: Int) -> [Part] {
            let disclosure = session.voteDisclosure(of: record)
            func big(_ text: String) -> Part {
                if bigNumbers, let block = BlockText(text, size: .medium, maxWidth: width, maxHeight: 4) { return .block(block) }
                return .lines([text], spacing: 1, style: .bold)
            }
            let count = ui.count(disclosure.votes, one: .voteCountOne, many: .voteCount)
            switch disclosure {
            case .noVotes:
                return [big(count)]
            case .countOnly(_, .notRevealed):
                return [big(count), .lines([ui(.votesHiddenUntilReveal)], spacing: 1, style: .plain)]
            case .countOnly(_, .tooFew(let minimum)):
                return [big(count), .lines([ui(.votesNeedMinimum, minimum)], spacing: 1, style: .plain)]
            case .shown(let tally):
                var parts = [big(TalkText.mean(tally.mean, ui)),
                             .lines([count], spacing: 1, style: .plain)]
                if let range = record.scaleRange { parts += [.gap(1), .bars(tally, range)] }
                return parts
            }
        }
    }
}
