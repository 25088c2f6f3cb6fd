import Foundation

/// `o` on the summary: the minutes page handed to the desktop's own opener
/// (`xdg-open`), a separate process; tillit itself opens no socket and loads
/// nothing. Its output goes nowhere, so it cannot write over the screen.
enum PageOpener {
    /// A graphical desktop to show a page on.
    static func hasDesktop(_ environment: [String: String]) -> Bool {
        ["DISPLAY", "WAYLAND_DISPLAY"].contains { !(environment[$0] ?? "").isEmpty }
    }

    /// False when there is no `xdg-open` on the PATH, or it could not be started.
    static func open(_ path: String) -> Bool {
        guard let opener = executable(named: "xdg-open") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        return true
    }

    private static func executable(named name: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
