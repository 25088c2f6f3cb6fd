import Foundation
import Testing
import TillitCore
@testable import TillitStore

/// A tmux server of its own for one end-to-end test: its own socket name and
/// its own TILLIT_HOME, so tests run in parallel and leave nothing behind.
final class TmuxSession {
    let server = "tillit-e2e-\(UUID().uuidString.prefix(8))"
    let home: URL

    init(width: Int = 100, height: Int = 30) throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        // An idle shell keeps the session alive between program runs.
        try tmux(["new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", "sh"])
        try tmux(["set-option", "-g", "remain-on-exit", "on"])
        serverProcess = Int32(try tmux(["display-message", "-p", "#{pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// The server inherits the test runner's blocked signals, SIGTERM among them,
    /// and tmux's kill-server is a SIGTERM it sends itself: so it is also killed
    /// outright, or it would outlive the test. (Left as it is otherwise: with
    /// SIGCHLD blocked it reads a pane's last output before noticing the exit.)
    private var serverProcess: Int32 = 0

    deinit {
        _ = try? tmux(["kill-server"])
        if serverProcess > 0 { kill(serverProcess, SIGKILL) }
        try? FileManager.default.removeItem(at: home)
    }

    /// Starts `tillit args` in a fresh window with a clean environment.
    /// `wrapper` runs before the binary (`strace -f …`).
    func launch(_ args: [String], environment: [String: String] = [:], term: String = "tmux-256color",
                wrapper: [String] = []) throws {
        var env = ["PATH": "/usr/bin:/bin", "HOME": home.path, "TERM": term, "LANG": "C.UTF-8",
                   "TILLIT_HOME": home.appendingPathComponent("data").path]
        env.merge(environment) { $1 }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }
        let command = (["exec", "env", "-i"] + assignments + wrapper.map(Self.quote) + [Self.quote(tillitBinaryURL.path)]
                       + args.map(Self.quote))
            .joined(separator: " ")
        try tmux(["respawn-pane", "-k", "-t", "main:0", command])
    }

    var dataFolder: URL { home.appendingPathComponent("data") }

    /// The pid of the program in the pane.
    func pid() throws -> Int32 {
        Int32(try tmux(["display-message", "-p", "-t", "main:0", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    func isRunning() throws -> Bool {
        try tmux(["display-message", "-p", "-t", "main:0", "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "0"
    }

    /// Types text literally (æøå and emoji included).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "main:0", "-l", text]) }

    /// Presses named keys: Enter, Escape, Tab, Right, C-c…
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "main:0"] + keys) }

    /// The pane's text; with `escapes`, its colours and attributes as SGR sequences, and
    /// `trailingSpaces` keeps the blanks at the ends of lines (a coloured blank is not empty).
    func screen(escapes: Bool = false, trailingSpaces: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "main:0"] + (escapes ? ["-e"] : []) + (trailingSpaces ? ["-N"] : []))
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main:0", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen shows `text` and has settled; fails the test with
    /// the screen if it never does. Settled means two captures a moment apart
    /// agree: a capture can land in the middle of a redraw (seen in CI: the new
    /// card's top rows over the old home screen), and a test must not read that.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        var previous: String?
        while Date() < deadline {
            last = try screen()
            if last.contains(text) {
                if last == previous { return last }
                previous = last
                Thread.sleep(forTimeInterval: 0.03)
                continue
            }
            previous = nil
            Thread.sleep(forTimeInterval: 0.05)
        }
        if let previous, previous.contains(text) { return previous }
        Issue.record("timed out waiting for \"\(text)\"; the screen was:\n\(last)", sourceLocation: sourceLocation)
        throw TmuxError.timeout(text)
    }

    /// Waits until the program in the pane has ended.
    func waitForExit(timeout: TimeInterval = 15) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try !isRunning() { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxError.timeout("exit")
    }

    /// Every talk tillit wrote, decoded as the product reads them.
    func sessions() throws -> [Session] {
        let store = SessionStore(home: TillitHome(path: dataFolder.path))
        return try store.list().summaries.map { try store.load(id: $0.id) }
    }

    /// The saved talks once there is one: a new talk is written just after its
    /// first card shows, so the file can lag the screen by a few milliseconds.
    func waitForSessions(timeout: TimeInterval = 15) throws -> [Session] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let saved = try sessions()
            if !saved.isEmpty { return saved }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return []
    }

    /// Runs tmux and returns what it printed. posix_spawn and waitpid, not
    /// Foundation's Process: the server that `new-session` forks keeps running,
    /// and Process on Linux was seen waiting forever on such a client.
    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let outputPath = home.appendingPathComponent(".tmux-out-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        let argv = ["tmux", "-L", server, "-f", "/dev/null"] + args
        let env = ["PATH=/usr/bin:/bin", "TERM=xterm-256color", "LANG=C.UTF-8"]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // The server that new-session forks lives on: it must not keep a pipe
        // another test in this runner reads to its end (Foundation's Pipe is
        // not close-on-exec), or that test waits forever.
        // (glibc 2.34 has addclosefrom_np; Swift's Glibc module does not show it.)
        if let closeFrom = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
            _ = unsafeBitCast(closeFrom, to: CloseFrom.self)(&actions, 3)
        }
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup($0) } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        let result = posix_spawn(&pid, "/usr/bin/tmux", &actions, nil, cArgs, cEnv)
        guard result == 0 else { throw TmuxError.spawn(result) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

enum TmuxError: Error { case timeout(String), spawn(Int32) }
