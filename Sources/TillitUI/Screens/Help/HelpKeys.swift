import TillitCore

/// The `?` list over any screen: a list longer than the window scrolls (its
/// footer says so), any other key closes it. Ctrl-C still leaves.
enum HelpKeys {
    static let table = ScreenKeyTable([
        ScreenBinding([.up, .down, .pageUp, .pageDown], when: { HelpView.maxScroll(HelpView.layout($0)) > 0 }) { key, state in
            let layout = HelpView.layout(state)
            let maxScroll = HelpView.maxScroll(layout)
            let page = max(1, layout.visible - 1)
            let step = key == .up ? -1 : key == .down ? 1 : key == .pageUp ? -page : page
            state.helpScroll = (min(state.helpScroll, maxScroll) + step).clamped(to: 0...maxScroll)
            return []
        },
    ], otherKeys: { key, state in
        state.helpVisible = false
        state.helpScroll = 0
        return key == .control("c") ? [.quit] : []
    })
}
