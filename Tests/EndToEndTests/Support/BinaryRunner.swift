import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Runs the built `tillit` binary (or any program) for end-to-end tests.
// `swift test` builds the binary first (the EndToEndTests target depends on
// the executable) into the same folder as the test runner, whatever
// `--scratch-path` says.
//
// Children are started with posix_spawn, not Foundation's Process: tests run
// on threads that block nearly every signal, and a child started by Process
// inherits that mask, so SIGTERM, SIGINT, SIGHUP, SIGWINCH and SIGCHLD never
// reach it (a tmux server started that way cannot even reap its own clients).
// Here every child starts with no signal blocked and default handlers.

/// The `tillit` binary under test: `TILLIT_BINARY` if set, else the first
/// `tillit` file found walking up from the test runner's folder.
let tillitBinaryURL: URL = builtBinary(named: "tillit", override: "TILLIT_BINARY")

/// `tillit-devtools` (crash drill, stress writer, key benchmark), built beside `tillit`.
let devToolsBinaryURL: URL = builtBinary(named: "tillit-devtools", override: "TILLIT_DEVTOOLS_BINARY")

private func builtBinary(named name: String, override: String) -> URL {
    if let path = ProcessInfo.processInfo.environment[override], !path.isEmpty {
        return URL(fileURLWithPath: path)
    }
    let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        ?? CommandLine.arguments[0]
    var folder = URL(fileURLWithPath: runner).deletingLastPathComponent().standardizedFileURL
    while folder.path != "/" {
        let candidate = folder.appendingPathComponent(name)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
           FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        folder.deleteLastPathComponent()
    }
    // Not found: running it fails with a message that names where we looked.
    return URL(fileURLWithPath: runner).deletingLastPathComponent().appendingPathComponent(name)
}

/// What a finished run left behind. `status` is the exit code, 128 + the
/// signal when a signal ended it, and -1 when it timed out (and was killed)
/// or could not start; `stderr` then says why.
typealias TillitRun = (status: Int32, stdout: String, stderr: String)

/// Runs `tillit args…` with exactly `environment` (plus `PATH` when it lacks
/// one, so nothing of the caller's `LANG` or `TILLIT_HOME` leaks in), `stdin`
/// as its input (else `/dev/null`, so it never sees a terminal), and kills it
/// after `timeout` seconds so a hung process fails the test instead of hanging it.
func runTillit(_ args: [String], environment: [String: String], stdin: String? = nil,
               timeout: TimeInterval = 20) -> TillitRun {
    runProgram(tillitBinaryURL.path, args, environment: environment, stdin: stdin, timeout: timeout)
}

/// Runs `tillit-devtools args…` the way `runTillit` runs tillit.
func runDevTools(_ args: [String], environment: [String: String], timeout: TimeInterval = 20) -> TillitRun {
    runProgram(devToolsBinaryURL.path, args, environment: environment, timeout: timeout)
}

/// Runs any program the way `runTillit` runs tillit: its own process group,
/// no blocked signals, output collected, killed (with its group) after `timeout`.
func runProgram(_ path: String, _ args: [String], environment: [String: String], stdin: String? = nil,
                timeout: TimeInterval = 20) -> TillitRun {
    var environment = environment
    if environment["PATH"] == nil { environment["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
    let output = SocketPair(), errors = SocketPair()
    let input: SocketPair? = stdin == nil ? nil : SocketPair()
    guard let output, let errors, stdin == nil || input != nil else {
        return (-1, "", "cannot make pipes: \(String(cString: strerror(errno)))")
    }
    let devNull = open("/dev/null", O_RDONLY | O_CLOEXEC)
    defer { if devNull >= 0 { close(devNull) } }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, input?.child ?? devNull, 0)
    posix_spawn_file_actions_adddup2(&actions, output.child, 1)
    posix_spawn_file_actions_adddup2(&actions, errors.child, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t(), allSignals = sigset_t()
    sigemptyset(&noSignals)
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

    let argv = ([path] + args).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }

    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
    // The child has its ends now (or never will); the parent keeps only its own.
    output.closeChildEnd()
    errors.closeChildEnd()
    input?.closeChildEnd()
    guard spawned == 0 else {
        output.closeParentEnd()
        errors.closeParentEnd()
        input?.closeParentEnd()
        return (-1, "", "cannot start \(path): \(String(cString: strerror(spawned)))")
    }

    // Read both outputs while it runs, so a full pipe never blocks it.
    let readers = DispatchGroup()
    let stdoutData = Collected(), stderrData = Collected()
    for (pair, sink) in [(output, stdoutData), (errors, stderrData)] {
        DispatchQueue.global().async(group: readers) {
            sink.data = pair.readAll()
            pair.closeParentEnd()
        }
    }
    if let input, let stdin {
        DispatchQueue.global().async {
            input.writeAll(Data(stdin.utf8))
            input.closeParentEnd()
        }
    }

    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    var failure: String?
    while true {
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid { break }
        if result < 0 && errno != EINTR {
            failure = "lost track of the process: \(String(cString: strerror(errno)))"
            break
        }
        if Date() >= deadline {
            failure = "killed after \(timeout) s"
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
            break
        }
        usleep(2_000)
    }
    _ = readers.wait(timeout: .now() + 5)

    let stdout = String(decoding: stdoutData.data, as: UTF8.self)
    var stderr = String(decoding: stderrData.data, as: UTF8.self)
    if let failure {
        stderr += "\n[runTillit: \(failure): \(path) \(args.joined(separator: " "))]"
        return (-1, stdout, stderr)
    }
    let signal = status & 0x7F
    return (signal == 0 ? (status >> 8) & 0xFF : 128 + signal, stdout, stderr)
}

/// A fresh `TILLIT_HOME` for one test, removed when the value goes away.
final class TemporaryHome {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("tillit-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// An environment with this home and the given language variables; `LANG`
    /// is English unless `extra` sets it (`"LANG": ""` is a locale naming no
    /// language, which tillit reads as Norwegian).
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ["TILLIT_HOME": path, "HOME": path, "LANG": "en_US.UTF-8"].merging(extra) { $1 }
    }

    /// Writes `text` to `name` below the home (folders made as needed) and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let target = (path as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }
}

/// A connected pair of sockets used as a pipe. Both ends are made close-on-exec
/// atomically, so a child spawned at the same moment by another test never
/// inherits them (which would keep the reader from ever seeing the end).
private final class SocketPair: @unchecked Sendable {
    let parent: Int32
    let child: Int32
    private let lock = NSLock()
    private var parentOpen = true, childOpen = true

    init?() {
        var fds: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0 else {
            return nil
        }
        parent = fds[0]
        child = fds[1]
    }

    deinit {
        closeParentEnd()
        closeChildEnd()
    }

    func closeChildEnd() {
        lock.lock(); defer { lock.unlock() }
        if childOpen { close(child); childOpen = false }
    }

    func closeParentEnd() {
        lock.lock(); defer { lock.unlock() }
        if parentOpen { close(parent); parentOpen = false }
    }

    func readAll() -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(parent, &buffer, buffer.count)
            if count > 0 { data.append(contentsOf: buffer[0..<count]) }
            else if count < 0 && errno == EINTR { continue }
            else { return data }
        }
    }

    func writeAll(_ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = send(parent, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if written > 0 { offset += written }
                else if written < 0 && errno == EINTR { continue }
                else { return }
            }
        }
        shutdown(parent, Int32(SHUT_WR))
    }
}

private final class Collected: @unchecked Sendable {
    var data = Data()
}
