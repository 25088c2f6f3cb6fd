import Foundation

// Runs the built `tillit` binary for end-to-end tests. `swift test` builds it
// first (the EndToEndTests target depends on the executable) into the same
// folder as the test runner, whatever `--scratch-path` says.

/// The `tillit` binary under test: `TILLIT_BINARY` if set, else the first
/// `tillit` file found walking up from the test runner's folder.
let tillitBinaryURL: URL = {
    if let override = ProcessInfo.processInfo.environment["TILLIT_BINARY"], !override.isEmpty {
        return URL(fileURLWithPath: override)
    }
    let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        ?? CommandLine.arguments[0]
    var folder = URL(fileURLWithPath: runner).deletingLastPathComponent().standardizedFileURL
    while folder.path != "/" {
        let candidate = folder.appendingPathComponent("tillit")
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
           FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        folder.deleteLastPathComponent()
    }
    // Not found: running it fails with a message that names where we looked.
    return URL(fileURLWithPath: runner).deletingLastPathComponent().appendingPathComponent("tillit")
}()

/// What a finished run left behind. `status` is -1 when the run timed out
/// (and was killed) or could not start; `stderr` then says why.
typealias TillitRun = (status: Int32, stdout: String, stderr: String)

/// Runs `tillit args…` with exactly `environment` (plus `PATH` when it lacks
/// one, so nothing of the caller's `LANG` or `TILLIT_HOME` leaks in), `stdin`
/// as its input (else `/dev/null`, so it never sees a terminal), and kills it
/// after `timeout` seconds so a hung process fails the test instead of hanging it.
func runTillit(_ args: [String], environment: [String: String], stdin: String? = nil,
               timeout: TimeInterval = 20) -> TillitRun {
    let process = Process()
    process.executableURL = tillitBinaryURL
    process.arguments = args
    var environment = environment
    if environment["PATH"] == nil { environment["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
    process.environment = environment

    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    let input = stdin.map { _ in Pipe() }
    process.standardInput = input ?? FileHandle.nullDevice

    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    do {
        try process.run()
    } catch {
        return (-1, "", "cannot start \(tillitBinaryURL.path): \(error)")
    }

    // Read both pipes while the process runs, so a full pipe never blocks it.
    let readers = DispatchGroup()
    let stdoutData = Collected(), stderrData = Collected()
    for (pipe, sink) in [(output, stdoutData), (errors, stderrData)] {
        DispatchQueue.global().async(group: readers) {
            sink.data = pipe.fileHandleForReading.readDataToEndOfFile()
        }
    }
    if let input, let stdin {
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try? input.fileHandleForWriting.close()
    }

    var timedOut = false
    if exited.wait(timeout: .now() + timeout) == .timedOut {
        timedOut = true
        kill(process.processIdentifier, SIGKILL)
        _ = exited.wait(timeout: .now() + 5)
    }
    _ = readers.wait(timeout: .now() + 5)

    let stdout = String(decoding: stdoutData.data, as: UTF8.self)
    var stderr = String(decoding: stderrData.data, as: UTF8.self)
    if timedOut {
        stderr += "\n[runTillit: killed after \(timeout) s: tillit \(args.joined(separator: " "))]"
        return (-1, stdout, stderr)
    }
    return (process.terminationStatus, stdout, stderr)
}

/// A fresh `TILLIT_HOME` for one test, removed when the value goes away.
final class TemporaryHome {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("tillit-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// An environment with this home and the given language variables.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ["TILLIT_HOME": path, "HOME": path].merging(extra) { $1 }
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

private final class Collected: @unchecked Sendable {
    var data = Data()
}
