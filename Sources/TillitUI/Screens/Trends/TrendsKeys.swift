import TillitCore

/// Every key of the trends screen, and the marks its help explains.
enum TrendsKeys {
    private typealias B = ScreenBinding

    static let table = ScreenKeyTable([
        ScreenKeys.choosing(\.trendsScreen.selection) { $0.trends?.cards.count ?? 0 },
        ScreenKeys.back(bar: 20, help: 20) { $0.trendsScreen.returnTo },
        // The marks on the screen are explained here too, not only beside the sparkline.
        B([], help: .init(30, "★", .helpTrendsStar)) { _ in },
        B([], help: .init(40, "·", .helpTrendsGap)) { _ in },
    ])
}
