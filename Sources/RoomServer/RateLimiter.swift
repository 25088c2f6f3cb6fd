import Foundation

/// At most `limit` requests a second from one address; the rest are refused,
/// so one busy phone (or a script) cannot crowd the others out.
struct RateLimiter: Sendable {
    static let requestsPerSecond = 50

    private var windows: [String: (second: Int, count: Int)] = [:]
    let limit: Int

    init(limit: Int = RateLimiter.requestsPerSecond) { self.limit = limit }

    /// Counts one request from `address` at `now` (seconds); false when over the limit.
    mutating func allow(_ address: String, now: Double) -> Bool {
        let second = Int(now.rounded(.down))
        if windows.count > 4096 { windows = windows.filter { $0.value.second == second } }
        var window = windows[address] ?? (second, 0)
        if window.second != second { window = (second, 0) }
        window.count += 1
        windows[address] = window
        return window.count <= limit
    }
}
