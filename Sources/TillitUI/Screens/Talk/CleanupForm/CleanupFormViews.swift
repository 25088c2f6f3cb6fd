import Foundation
import TillitCore

/// The clean-up item form (`c`), over the card.
enum CleanupFormView {
    static func draw(_ state: AppState, _ form: CleanupForm, in area: Rect, _ grid: inout Grid) {
        let ui = state.text
        let fields = CleanupForm.Field.allCases
        // Two rows a field where there is room, one where there is not (down to the smallest window).
        let step = area.height >= 22 ? 2 : 1
        let width = min(78, area.width - 4)
        let height = 5 + fields.count * step
        let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(1, (area.height - height) / 2), width: width, height: height)
        // A column more each side, so the card's own frame does not show beside the form's.
        grid.fill(Rect(x: max(area.x, rect.x - 1), y: rect.y, width: min(area.width, rect.width + 2), height: rect.height))
        grid.fill(ScreenLayout(area).keyBar)
        grid.box(rect, title: ui(.cleanupFormTitle), style: Style(color: .accent, bold: true))
        let labels = [ui(.cleanupFieldWhat), ui(.cleanupFieldKind), ui(.cleanupFieldDecider), ui(.cleanupFieldHours),
                      ui(.cleanupFieldProposal), ui(.cleanupFieldReason)]
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 6
        let fieldX = rect.x + 4 + labelWidth
        let fieldWidth = rect.maxX - 2 - fieldX
        for field in fields {
            let y = rect.y + 2 + field.rawValue * step
            let focused = form.focus == field
            grid.put(DisplayWidth.pad(labels[field.rawValue], to: labelWidth), x: rect.x + 2, y: y,
                     style: focused ? Style(bold: true, reverse: true) : .bold)
            switch field {
            case .text: FormField.draw(form.text, x: fieldX, y: y, width: fieldWidth, focused: focused, placeholder: "", &grid)
            case .hours:
                FormField.draw(form.hours, x: fieldX, y: y, width: fieldWidth, focused: focused, placeholder: ui(.cleanupHoursExample), &grid)
            case .reason:
                FormField.draw(form.reason, x: fieldX, y: y, width: fieldWidth, focused: focused,
                               placeholder: form.proposal == .keep ? ui(.cleanupReasonExample) : "", &grid)
            case .kind: FormField.drawChoice(CleanupText.kind(form.kind, ui), x: fieldX, y: y, width: fieldWidth, focused: focused, &grid)
            case .decider:
                FormField.drawChoice(CleanupText.decider(form.decider, ui), x: fieldX, y: y, width: fieldWidth, focused: focused, &grid)
            case .proposal:
                FormField.drawChoice(CleanupText.proposal(form.proposal, ui), x: fieldX, y: y, width: fieldWidth, focused: focused, &grid)
            }
        }
        if !(form.editor != nil) { grid.cursor = nil }
        let footer = form.error ?? ui(.cleanupFormKeys)
        let lines = TextWrap.lines(footer, width: rect.width - 4).prefix(2)
        for (index, line) in lines.enumerated() {
            grid.put(line, x: rect.x + 2, y: rect.maxY - 3 + index, style: form.error == nil ? .muted : .warning, maxWidth: rect.width - 4)
        }
    }
}

/// The line a decision on a clean-up item asks for in "since last time".
enum CleanupDecisionView {
    static func draw(_ state: AppState, _ talk: TalkState, _ form: CleanupDecisionForm, in area: Rect, _ grid: inout Grid) {
        let ui = state.text
        let item = talk.session.cleanupItems.first { $0.id == form.itemID }
        let width = min(74, area.width - 4)
        let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(1, (area.height - 10) / 2), width: width, height: 10)
        grid.fill(rect)
        grid.fill(ScreenLayout(area).keyBar)
        grid.box(rect, title: ui(.cleanupDecisionTitle, CleanupText.outcome(form.outcome, ui)), style: Style(color: .accent, bold: true))
        grid.put(SafeText.line(item?.text ?? ""), x: rect.x + 2, y: rect.y + 1, style: .bold, maxWidth: rect.width - 4)
        let sentUp = form.outcome == .sentUp
        let labels = sentUp ? [ui(.cleanupFieldTo), ui(.cleanupFieldWhy)] : [ui(.cleanupFieldWhy), ui(.cleanupFieldBy)]
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 6
        let fieldX = rect.x + 4 + labelWidth
        for (index, keyPath) in form.fields.enumerated() {
            let y = rect.y + 3 + index * 2
            let focused = form.focus == index
            grid.put(DisplayWidth.pad(labels[index], to: labelWidth), x: rect.x + 2, y: y, style: focused ? Style(bold: true, reverse: true) : .bold)
            FormField.draw(form[keyPath: keyPath], x: fieldX, y: y, width: rect.maxX - 2 - fieldX, focused: focused, placeholder: "", &grid)
        }
        let footer = form.error ?? ui(.cleanupDecisionKeys)
        grid.put(footer, x: rect.x + 2, y: rect.maxY - 2, style: form.error == nil ? .muted : .warning, maxWidth: rect.width - 4)
    }
}
