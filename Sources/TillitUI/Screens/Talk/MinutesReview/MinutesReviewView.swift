import Foundation
import TillitCore

/// What the keys of the minutes review do (`MinutesReviewKeys`).
enum MinutesReviewMoves {
    /// b in a finished talk's summary: the minutes as they will read (as `e`
    /// writes them, without private notes), to be fingerprinted outside.
    static func open(_ c: inout TalkContext) -> [Effect] {
        guard c.finished else { c.flash(.talkNotFinishedRefusal); return [] }
        let text = MarkdownExporter.render(c.talk.session, includePrivate: false, timeZone: c.state.config.timeZone)
        c.talk.minutesReview = TalkState.MinutesReview(text: text)
        return [.fingerprintMinutes(text)]
    }

    /// Enter: the next person confirms under their own name; after the last, back to the summary.
    static func confirmNext(_ c: inout TalkContext) {
        guard let review = c.talk.minutesReview, let fingerprint = review.fingerprint,
              let person = c.talk.session.nextMinutesConfirmer else { return }
        do {
            try c.talk.session.apply(.confirmMinutes(participant: person.id, fingerprint: fingerprint), now: c.state.now)
        } catch {
            c.refused(error)
            return
        }
        if c.talk.session.minutesConfirmed {
            c.talk.minutesReview = nil
            c.flash(.minutesAllConfirmedFlash)
        } else {
            c.state.flash = c.ui(.minutesConfirmedFlash, SafeText.line(person.name))
        }
    }

    static func scroll(_ key: Key, _ c: inout TalkContext) {
        guard var review = c.talk.minutesReview else { return }
        _ = moveSelection(&review.scroll, count: MinutesReviewView.lines(review, width: MinutesReviewView.textWidth(c.state.size.width)).count,
                          key: key)
        c.talk.minutesReview = review
    }

    /// f on a finished talk: a confirmed one says first that reopening clears the confirmations.
    static func finishOrReopen(_ c: inout TalkContext) {
        if c.finished, c.talk.session.confirmations != nil, !c.talk.reopenWarned {
            c.talk.reopenWarned = true
            c.flash(.reopenClearsConfirmations)
            return
        }
        c.talk.reopenWarned = false
        try? c.talk.session.apply(c.finished ? .reopen : .finish, now: c.state.now)
        c.flash(c.finished ? .talkFinished : .talkReopened)
    }
}

/// The minutes as they will read, for confirming: their text, then whose turn it is.
enum MinutesReviewView {
    static func textWidth(_ width: Int) -> Int { max(10, min(100, width - 6)) }

    static func lines(_ review: TalkState.MinutesReview, width: Int) -> [String] {
        review.text.components(separatedBy: "\n").flatMap { line in line.isEmpty ? [""] : TextWrap.lines(line, width: width) }
    }

    static func draw(_ state: AppState, _ talk: TalkState, _ review: TalkState.MinutesReview, in area: Rect, _ grid: inout Grid) {
        let ui = state.text
        let layout = ScreenLayout(area)
        let body = layout.body
        let x = body.x + 3
        Chrome.header("tillit · " + ui(.confirmMinutesTitle), in: layout.header, &grid)
        let width = textWidth(body.width)
        let all = lines(review, width: width)
        let rows = max(1, body.height - 3)
        let first = min(review.scroll, max(0, all.count - rows))
        for (row, line) in all.dropFirst(first).prefix(rows).enumerated() {
            grid.put(line, x: x, y: body.y + row, maxWidth: width)
        }
        let confirmed = talk.session.minutesConfirmations.map { SafeText.line($0.name) }
        if !confirmed.isEmpty {
            grid.put(ui(.minutesConfirmedNote, confirmed.joined(separator: ", ")), x: x, y: body.maxY - 3, style: .muted,
                     maxWidth: body.width - 4)
        }
        if let person = talk.session.nextMinutesConfirmer {
            let name = person.nameIsRole(ui) ? SafeText.line(person.name) : "\(SafeText.line(person.name)) (\(ui.role(person.role)))"
            grid.put(ui(.confirmMinutesAsk, name), x: x, y: body.maxY - 2, style: .bold, maxWidth: body.width - 4)
        }
        Chrome.keyBar(TalkScreen.keyBar(state, talk), in: layout.keyBar, &grid, help: ui(.keyHelp))
    }
}
