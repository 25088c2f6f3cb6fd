import Foundation
import TillitCore

enum TranscriptView {
    /// A finished or earlier talk, read-only, as one scrolling page.
    static func draw(_ state: AppState, in area: Rect, _ grid: inout Grid) {
        guard let talk = state.talk else { return }
        let ui = state.text
        let layout = ScreenLayout(area)
        let body = layout.body
        let session = talk.session
        Chrome.header("tillit · " + session.title + " · " + ui.date(session.createdAt, timeZone: state.config.timeZone), right: ui(.readOnly), in: layout.header, &grid)
        let width = body.width - 6
        var lines: [(String, Style)] = [(names(session.participants, ui), .muted), ("", .plain)]
        for (index, card) in session.cards.enumerated() {
            let word = TalkText.status(card.status, ui)
            let status = word.isEmpty ? "" : " · " + word
            for (n, line) in TextWrap.lines("\(index + 1). " + SafeText.clean(card.prompt) + status, width: width).enumerated() {
                lines.append((n == 0 ? line : "   " + line, .bold))
            }
            if session.kind == .team, card.isRating, card.ratingCount > 0 {
                let count = TalkText.voteCount(card.ratingCount, ui)
                if let tally = VotePrivacy.teamResult(counts: card.ratingCounts, minimum: session.voteMinimum, notTyped: card.votesNotTyped) {
                    let counts = tally.counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "  ")
                    lines.append(("   " + count + " — " + counts, .plain))
                } else {
                    // As in the referat: fewer votes than the minimum show as a count only.
                    lines.append(("   " + count + " · " + ui(.votesFromMinimumShort, session.voteMinimum.votes), .plain))
                }
            }
            for response in card.responses {
                let who = session.participant(id: response.participant)?.name ?? response.participant
                var head = "   " + who
                switch session.ratingDisclosure(of: response.participant, on: card) {
                case .shown(let rating): head += " (\(rating))"
                case .hidden: head += " (✓)"
                case .notRated: break
                }
                guard !response.text.isEmpty else { lines.append((head, .plain)); continue }
                // The first line has the room beside the name; the rest hang under the answer's start,
                // or under the name when the name takes most of the line.
                let label = head + ": "
                let labelWidth = DisplayWidth.of(label)
                let indent = labelWidth <= width / 3 ? labelWidth : 6
                let body = labelWidth <= width - 20
                    ? TextWrap.lines(SafeText.clean(response.text), width: width - indent, firstLineWidth: width - labelWidth)
                    : [""] + TextWrap.lines(SafeText.clean(response.text), width: width - indent)
                lines.append((label + body[0], .plain))
                for line in body.dropFirst() { lines.append((String(repeating: " ", count: indent) + line, .plain)) }
            }
            lines.append(("", .plain))
        }
        lines.append((ui(.actionsHeading), .bold))
        for action in session.actions { lines.append(("  • " + TalkText.actionLine(action, ui, now: state.now), .plain)) }
        if !session.notes.isEmpty {
            lines.append(("", .plain))
            lines.append((ui(.notes), .bold))
            for line in TextWrap.lines(SafeText.clean(session.notes), width: width) { lines.append(("  " + line, .plain)) }
        }
        _ = Chrome.scrolled(lines, offset: state.scroll, in: Rect(x: body.x + 3, y: body.y + 1, width: width, height: body.height - 2), &grid)
        Chrome.keyBar(ScreenKeys.bar(state), in: layout.keyBar, &grid, help: ui(.keyHelp))
    }
}
