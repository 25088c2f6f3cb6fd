import Foundation
import TillitCore

/// The clean-up list screen: one team's or person's items (Tab for the next),
/// grouped by who can decide, sorted and filtered by kind and by who decides.
package struct CleanupScreenState: Hashable, Sendable {
    /// Every team and person with items; nil while the talks are read.
    package var registers: [CleanupRegister]?
    package var chosen = 0
    package var order: CleanupRegister.Order = .decider
    package var kind: CleanupKind?
    package var decider: CleanupDecider?
    package var scroll = 0

    package init() {}

    package var register: CleanupRegister? {
        guard let registers, registers.indices.contains(chosen) else { return nil }
        return registers[chosen]
    }

    /// The chosen register with the filters on: what the list and its totals show.
    package var shown: CleanupRegister? { register?.filtered(kind: kind, decider: decider) }
}

enum CleanupScreen {
    static func open(_ state: inout AppState) -> [Effect] {
        state.cleanup = CleanupScreenState()
        state.screen = .cleanup
        return [.loadCleanup]
    }

    static func loaded(_ registers: [CleanupRegister], _ state: inout AppState) {
        state.cleanup.registers = registers
        state.cleanup.chosen = min(state.cleanup.chosen, max(0, registers.count - 1))
    }

    /// One step on in a list of choices that ends with "all" (nil).
    static func step<T: CaseIterable & Equatable>(_ value: T?) -> T? {
        let all = Array(T.allCases)
        guard let value, let index = all.firstIndex(of: value) else { return all.first }
        return index + 1 < all.count ? all[index + 1] : nil
    }

    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] { CleanupKeys.table.handle(key, &state) ?? [] }

    /// The lines of the list, for the view and its scrolling: group headings and items.
    static func lines(_ state: AppState, width: Int) -> [(text: String, style: Style)] {
        guard let shown = state.cleanup.shown else { return [] }
        let ui = state.text
        var lines: [(String, Style)] = []
        for group in shown.grouped(state.cleanup.order, now: state.now) {
            let hours = group.items.filter(\.isOpen).reduce(0) { $0 + ($1.hoursPerMonth ?? 0) }
            let open = hours > 0 ? "  (" + ui(.cleanupHours, CleanupText.number(hours, ui.language)) + ")" : ""
            lines.append((CleanupText.decider(group.decider, ui) + open, .bold))
            for item in group.items {
                // The item's words matter most: its status gets at most two fifths of the row.
                let days = " · " + ui(.cleanupDays, item.daysWaited(now: state.now))
                let right = DisplayWidth.truncate(CleanupText.status(item, ui, timeZone: state.config.timeZone),
                                                  to: max(8, width * 2 / 5 - DisplayWidth.of(days))) + days
                let left = (item.isOpen ? "  ○ " : "  ✓ ") + CleanupText.line(item, ui)
                let room = max(10, width - DisplayWidth.of(right) - 2)
                lines.append((DisplayWidth.pad(DisplayWidth.truncate(left, to: room), to: room) + "  " + right, item.isOpen ? .plain : .muted))
            }
            lines.append(("", .plain))
        }
        return lines
    }
}

enum CleanupView {
    static func draw(_ state: AppState, in area: Rect, _ grid: inout Grid) {
        let ui = state.text
        let layout = ScreenLayout(area)
        let body = layout.body
        let x = body.x + 3
        defer { Chrome.keyBar(ScreenKeys.bar(state), in: layout.keyBar, &grid, help: ui(.keyHelp)) }
        let screen = state.cleanup
        guard let registers = screen.registers else {
            Chrome.header("tillit · " + ui(.cleanupScreenTitle), in: layout.header, &grid)
            grid.put(ui(.cleanupLoading), x: x, y: body.y + 1, style: .muted)
            return
        }
        guard let register = screen.register, let shown = screen.shown else {
            Chrome.header("tillit · " + ui(.cleanupScreenTitle), in: layout.header, &grid)
            for (index, line) in TextWrap.lines(ui(.cleanupNone), width: body.width - 6).prefix(3).enumerated() {
                grid.put(line, x: x, y: body.y + 1 + index, style: .muted)
            }
            return
        }
        Chrome.header("tillit · " + ui(.cleanupScreenTitle) + " · " + SafeText.line(register.title),
                      right: registers.count > 1 ? "\(screen.chosen + 1) / \(registers.count)" : "", in: layout.header, &grid)
        let width = body.width - 6
        grid.put(CleanupText.totals(shown, ui), x: x, y: body.y, style: .bold, maxWidth: width)
        let showing = ui(.cleanupShowing, CleanupText.order(screen.order, ui),
                         screen.kind.map { CleanupText.kind($0, ui) } ?? ui(.cleanupAll),
                         screen.decider.map { CleanupText.decider($0, ui) } ?? ui(.cleanupAll))
        grid.put(showing, x: x, y: body.y + 1, style: .muted, maxWidth: width)
        // How the freed hours grew, talk by talk, once anything was freed; the list starts a row lower then.
        let freed = CleanupText.freedOverTime(shown, ui)
        if let freed { grid.put(freed, x: x, y: body.y + 2, style: .muted, maxWidth: width) }
        let top = body.y + (freed == nil ? 3 : 4)
        let lines = CleanupScreen.lines(state, width: width)
        if lines.isEmpty { grid.put(ui(.cleanupNothingMatches), x: x, y: top, style: .muted, maxWidth: width); return }
        let height = body.maxY - 2 - top
        let scroll = min(screen.scroll, max(0, lines.count - height))
        for (index, line) in lines.dropFirst(scroll).prefix(height).enumerated() {
            grid.put(line.text, x: x, y: top + index, style: line.style, maxWidth: width)
        }
    }
}
