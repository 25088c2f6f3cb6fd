import TillitCore

/// A one-line text field of a form: underlined, scrolled sideways to keep the
/// cursor in view, with a muted example while it is empty and not focused.
enum FormField {
    static func draw(_ editor: TextEditor, x: Int, y: Int, width: Int, focused: Bool, placeholder: String, _ grid: inout Grid) {
        let before = String(editor.characters.prefix(editor.cursor))
        var visible = editor.text
        var cursorColumn = DisplayWidth.of(before)
        if cursorColumn >= width {
            let skip = cursorColumn - width + 1
            var dropped = 0, count = 0
            for character in editor.text where dropped < skip { dropped += DisplayWidth.of(character); count += 1 }
            visible = String(editor.text.dropFirst(count))
            cursorColumn -= dropped
        }
        grid.fill(Rect(x: x, y: y, width: width, height: 1), style: Style(underline: true))
        grid.put(visible, x: x, y: y, style: Style(underline: true), maxWidth: width)
        if editor.text.isEmpty && !focused && !placeholder.isEmpty { grid.put(placeholder, x: x, y: y, style: .muted, maxWidth: width) }
        if focused { grid.cursor = (x + cursorColumn, y) }
    }

    /// A choice among a few: `‹ rapport ›`, the arrows showing that ← → change it.
    static func drawChoice(_ value: String, x: Int, y: Int, width: Int, focused: Bool, _ grid: inout Grid) {
        let text = focused ? "‹ " + value + " ›" : "  " + value
        grid.put(text, x: x, y: y, style: focused ? Style(bold: true) : .plain, maxWidth: width)
    }
}
