import TillitCore

/// `o` after `e`: the minutes page goes to the desktop's browser, or the
/// screen says calmly where it is when there is no desktop to show it on.
enum PageMoves {
    /// The page `e` wrote for this talk, if it did.
    static func page(for talkID: String, _ state: AppState) -> String? {
        state.exportedPage.flatMap { $0.talkID == talkID ? $0.path : nil }
    }

    static func open(talkID: String, _ state: inout AppState) -> [Effect] {
        guard let path = page(for: talkID, state) else { return [] }
        guard state.config.canOpenPages else {
            state.flash = state.text(.pageNoDesktop, path)
            return []
        }
        state.flash = state.text(.pageOpening)
        return [.openPage(path: path)]
    }
}
