import Foundation
import RoomProtocol
#if canImport(Glibc)
import Glibc
#endif

/// The voting room as a child process: `tillit-room` beside this binary,
/// spoken to in JSON lines over two pipes. tillit itself opens no socket; the
/// child exits by itself when its stdin (our pipe) closes, so even `kill -9`
/// of tillit leaves no listener behind.
final class RoomClient {
    enum StartError: Error, CustomStringConvertible {
        case missingBinary(String)
        case spawnFailed(Int32)

        var description: String {
            switch self {
            case .missingBinary(let path): return "\(path) is missing"
            case .spawnFailed(let code): return String(cString: strerror(code))
            }
        }
    }

    private let pid: pid_t
    private var input: Int32
    private let output: Int32
    private var reader = RoomLineReader()
    private(set) var ended = false

    /// `tillit-room` in the folder of the running `tillit`.
    static func binaryPath(besides executable: String) -> String {
        ((executable as NSString).deletingLastPathComponent as NSString).appendingPathComponent("tillit-room")
    }

    init(binary: String, arguments: [String]) throws {
        guard access(binary, X_OK) == 0 else { throw StartError.missingBinary(binary) }
        // A write to a room that has just died must not kill the talk.
        signal(SIGPIPE, SIG_IGN)
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0 else { throw StartError.spawnFailed(errno) }
        guard pipe(&fromChild) == 0 else {
            Glibc.close(toChild[0]); Glibc.close(toChild[1])
            throw StartError.spawnFailed(errno)
        }
        // Only the child's stdin and stdout: no other room or file of tillit's leaks into it.
        for fd in toChild + fromChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        // The room's own complaints must not draw over the terminal.
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // The child starts with signals at their defaults (tillit blocks and ignores some).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), none = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, number) }
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, binary, &actions, &attributes, argv, environ)
        Glibc.close(toChild[0])
        Glibc.close(fromChild[1])
        guard result == 0 else {
            Glibc.close(toChild[1]); Glibc.close(fromChild[0])
            throw StartError.spawnFailed(result)
        }
        pid = child
        input = toChild[1]
        output = fromChild[0]
        _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
    }

    deinit { close() }

    /// The pipe the room talks on, for a caller that waits on it.
    var fileDescriptor: Int32 { output }

    func send(_ command: RoomCommand) {
        guard input >= 0, !ended else { return }
        let bytes = Array((RoomLine.encode(command) + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            if written <= 0 { ended = true; return }
            offset += written
        }
    }

    /// The lines the room has written since the last call, without their newlines; never waits.
    /// At most `maximumReadPerCall` bytes a call, so a room that writes without pause cannot hold up the screen.
    func receive() -> [String] {
        guard !ended else { return [] }
        var chunk = [UInt8](repeating: 0, count: 4096)
        var lines: [String] = []
        var taken = 0
        while taken < Self.maximumReadPerCall, !reader.overflowed {
            let count = read(output, &chunk, chunk.count)
            if count > 0 {
                taken += count
                lines += reader.lines(adding: chunk[0..<count])
                continue
            }
            if count == 0 { ended = true }
            if count < 0, errno == EINTR { continue }
            break
        }
        if ended { reap(wait: false) }
        return lines
    }

    static let maximumReadPerCall = 256 * 1024

    /// True once the room wrote a line longer than any it has reason to write.
    var wroteTooLongALine: Bool { reader.overflowed }

    /// Closes the room: its stdin ends, so it stops listening and exits.
    func close() {
        guard input >= 0 else { return }
        Glibc.close(input)
        input = -1
        Glibc.close(output)
        ended = true
        reap(wait: true)
    }

    private var reaped = false

    private func reap(wait: Bool) {
        guard !reaped else { return }
        var status: Int32 = 0
        if wait {
            // It exits as soon as it reads the end of its input; give it a moment, then insist.
            for _ in 0..<50 where waitpid(pid, &status, WNOHANG) == 0 { usleep(10_000) }
            if waitpid(pid, &status, WNOHANG) == 0 { kill(pid, SIGKILL); _ = waitpid(pid, &status, 0) }
            reaped = true
        } else if waitpid(pid, &status, WNOHANG) != 0 {
            reaped = true
        }
    }
}
