import Foundation
import TillitCore

enum SinceLastTimeView {
    static func draw(_ state: AppState, _ talk: TalkState, in area: Rect, _ grid: inout Grid) {
        let ui = state.text
        let layout = ScreenLayout(area)
        let body = layout.body
        Chrome.header("tillit · " + ui(.sinceLastTime) + " · " + talk.session.title, in: layout.header, &grid)
        // With no actions from before, only clean-up items: the heading says so instead.
        let intro = talk.session.carriedOver.isEmpty ? ui(.cleanupSinceLastHeading) : ui(.sinceLastTimeIntro)
        grid.put(intro, x: body.x + 3, y: body.y + 1, style: .bold, maxWidth: body.width - 6)
        let items = talk.session.carriedOver
        let statusWidth = 12
        var rows = items.map { item -> String in
            let status = TalkText.outcome(item.outcome, ui)
            let line = TalkText.actionLine(item.action, ui, now: state.now)
            return DisplayWidth.pad(line, to: body.width - 10 - statusWidth) + "  " + status
        }
        var styles = items.map { $0.outcome == .pending ? Style.plain : Style.muted }
        // Then the clean-up items still open from before, each with what this talk made of it.
        let cleanup = talk.session.carriedCleanup
        rows += cleanup.map { item in
            let status = item.decision(in: talk.session.id).map { CleanupText.outcome($0.outcome, ui) } ?? ui(.outcomePending)
            let line = "♻ " + CleanupText.deciderShort(item.decider, ui) + ": " + CleanupText.line(item, ui)
            return DisplayWidth.pad(DisplayWidth.truncate(line, to: body.width - 10 - statusWidth), to: body.width - 10 - statusWidth) + "  " + status
        }
        styles += cleanup.map { $0.decision(in: talk.session.id) == nil ? Style.plain : Style.muted }
        Chrome.list(rows, selected: talk.listSelection, in: Rect(x: body.x + 3, y: body.y + 3, width: body.width - 6, height: body.height - 5), &grid, styles: styles)
        Chrome.keyBar(TalkScreen.keyBar(state, talk), in: layout.keyBar, &grid, help: ui(.keyHelp))
    }
}
