import Foundation
import TillitCore

enum ActionFormView {
    static func draw(_ state: AppState, _ form: TalkState.ActionForm, in area: Rect, _ grid: inout Grid) {
        let ui = state.text
        let width = min(70, area.width - 4)
        let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(2, (area.height - 10) / 2), width: width, height: 10)
        grid.fill(rect)
        // The form's own footer lists its keys; the screen's key bar below would offer keys that are letters here.
        grid.fill(ScreenLayout(area).keyBar)
        grid.box(rect, title: form.isNew ? ui(.newAction) : ui(.editAction), style: Style(color: .accent, bold: true))
        let labels = [ui(.actionWhat), ui(.actionWho), ui(.actionDue)]
        let editors = [form.text, form.owner, form.due]
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 6
        for (index, label) in labels.enumerated() {
            let y = rect.y + 2 + index * 2
            let focused = form.focus.rawValue == index
            grid.put(DisplayWidth.pad(label, to: labelWidth), x: rect.x + 2, y: y, style: focused ? Style(bold: true, reverse: true) : .bold)
            let fieldX = rect.x + 4 + labelWidth
            FormField.draw(editors[index], x: fieldX, y: y, width: rect.maxX - 2 - fieldX, focused: focused,
                           placeholder: index == 2 ? ui(.dueExample) : "", &grid)
        }
        let keys = ActionFormKeys.table.bar(TalkContext(state: state)).map { $0.0 + " " + $0.1 }.joined(separator: " · ")
        let footer = form.error ?? keys
        grid.put(footer, x: rect.x + 2, y: rect.maxY - 2, style: form.error == nil ? .muted : .warning, maxWidth: rect.width - 4)
    }
}
