import Foundation
import Testing

/// Talks are personal data: a crash must not leave them in a core file, even
/// when the user's shell allows one (`ulimit -c unlimited`). This machine's
/// `core_pattern` may be a plain file name (`core`, written to the working
/// folder) or a pipe to a program; the test reads the limit the kernel holds
/// for the process, and where a plain file would land, checks none did.
@Suite("No core dumps, with the real binaries")
struct CoreDumpTests {
    /// Starts `program` under `ulimit -c unlimited` in `folder`, then reports
    /// its core limit from /proc/<pid>/limits, crashes it with SIGSEGV and
    /// reports how it ended. Swift's backtracer is off: it catches SIGSEGV
    /// itself (and took minutes on this loaded machine), and the default
    /// action is what writes a core.
    static let crashScript = """
        cd "$1" && shift
        ulimit -c unlimited || exit 3
        # Its stdin a pipe held open by this shell, so it waits for input.
        mkfifo input
        "$@" < input &
        pid=$!
        exec 3> input
        # Until the program itself runs (not the shell between fork and exec), then a moment to start.
        tries=0
        while ! tr '\\0' ' ' < /proc/$pid/cmdline | grep -q "^$1 "; do
            tries=$((tries + 1)); [ $tries -gt 500 ] && exit 4
            sleep 0.01
        done
        sleep 0.5
        grep 'Max core file size' /proc/$pid/limits
        kill -SEGV $pid
        wait $pid
        echo "ended $?"
        """

    func crash(_ program: String, _ args: [String]) throws -> (report: String, cores: [String]) {
        let home = try TemporaryHome()
        let folder = (home.path as NSString).appendingPathComponent("cwd")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let run = runProgram("/bin/sh", ["-c", Self.crashScript, "sh", folder, program] + args,
                             environment: home.environment(["SWIFT_BACKTRACE": "enable=no"]), timeout: 30)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let cores = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("core") }
        return (run.stdout, cores)
    }

    func expectNoCore(_ program: String, _ args: [String]) throws {
        let (report, cores) = try crash(program, args)
        #expect(report.contains("ended 139"), "it crashed: \(report)")
        let limit = report.split(separator: "\n").first { $0.hasPrefix("Max core file size") }
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4).prefix(2).map(String.init) }
        #expect(limit == ["0", "0"], "soft and hard core limits: \(report)")
        #expect(cores.isEmpty, "core files written: \(cores)")
    }

    // No time limit trait: on a two-core machine the trait's clock runs while
    // the test waits for a thread behind the terminal tests (CI saw 60 s go by
    // that way). runProgram's own 30 s deadline starts when the work does.
    @Test
    func tillitWritesNoCoreWhenItCrashes() throws {
        try expectNoCore(tillitBinaryURL.path,
                         ["start", "--deck", "psykologisk-trygghet", "--title", "Krasj", "--anonymous", "--plain"])
    }

    @Test
    func theVotingRoomWritesNoCoreWhenItCrashes() throws {
        let room = tillitBinaryURL.deletingLastPathComponent().appendingPathComponent("tillit-room").path
        try expectNoCore(room, ["--room-address", "127.0.0.1"])
    }
}
