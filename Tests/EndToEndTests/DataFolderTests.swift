import Foundation
import Testing
import TillitCore

/// The data folder with hostile or broken things in it, driven through the
/// real binary: links planted where tillit writes, pipes and /dev/zero where
/// it reads, a talk it cannot read.
@Suite("Data folder: what is not a talk, with the real binary")
struct DataFolderTests {
    /// One 1:1 talk, saved and closed; its id.
    func oneTalk(_ home: TemporaryHome) throws -> String {
        let run = PlainModeTests.plainTalk(home, lang: "en_US.UTF-8", "Svar\n:quit\n")
        try #require(run.status == 0, "stderr: \(run.stderr)")
        return try PlainModeTests.onlyTalk(home).id
    }

    func sessionsFolder(_ home: TemporaryHome) -> String { (home.path as NSString).appendingPathComponent("sessions") }

    @Test func resumeDoesNotWriteThroughALockPlantedAsALink() throws {
        let home = try TemporaryHome()
        let id = try oneTalk(home)
        let outside = try home.write("outside.txt", "precious\n")
        let lock = (sessionsFolder(home) as NSString).appendingPathComponent("\(id).lock")
        try FileManager.default.createSymbolicLink(atPath: lock, withDestinationPath: outside)
        let run = runTillit(["resume", id, "--plain"], environment: home.environment(), stdin: ":quit\n")
        #expect(run.status == 1, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("tillit neither follows nor changes \(lock): it is a symbolic link"), "\(run.stderr)")
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "precious\n")
    }

    /// Before, /dev/zero aborted `sessions` (it tried to read it whole) and a pipe hung it.
    @Test(.timeLimit(.minutes(5)))
    func sessionsAndExportSkipAPipeAndALinkToDevZeroWithALineEach() throws {
        let home = try TemporaryHome()
        let id = try oneTalk(home)
        let zero = (sessionsFolder(home) as NSString).appendingPathComponent("x.json")
        let pipe = (sessionsFolder(home) as NSString).appendingPathComponent("y.json")
        try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
        #expect(mkfifo(pipe, 0o600) == 0)

        let sessions = runTillit(["sessions"], environment: home.environment(), timeout: 10)
        #expect(sessions.status == 0, "the readable talk is listed, the rest named: \(sessions.stderr)")
        #expect(sessions.stdout.contains(id))
        #expect(sessions.stderr.contains("tillit neither follows nor changes \(zero): it is a symbolic link"), "\(sessions.stderr)")
        #expect(sessions.stderr.contains("tillit neither follows nor changes \(pipe): it is a named pipe"), "\(sessions.stderr)")

        let export = runTillit(["export", "last"], environment: home.environment(), timeout: 10)
        #expect(export.status == 0, "the talk that can be read is exported: \(export.stderr)")
        #expect(export.stdout.contains("Svar"))
    }

    /// Before, `sessions` printed the problem, then "No talks yet." and exit 0;
    /// `export last` said only "No talks yet".
    @Test func anUnreadableOnlyTalkIsNamedAndTheExitIsNotZero() throws {
        let home = try TemporaryHome()
        let file = try home.write("sessions/2026-11-23-1934-a3f9.json", "{ \"schemaVersion\": 1, \"id\": ")

        let sessions = runTillit(["sessions"], environment: home.environment())
        #expect(sessions.status == 1, "stderr: \(sessions.stderr)")
        #expect(sessions.stderr.contains("\(file) is cut off or damaged"), "\(sessions.stderr)")
        #expect(!sessions.stdout.contains("No talks yet"), "\(sessions.stdout)")
        #expect(sessions.stderr.contains("The one talk file here cannot be read (see above)"), "\(sessions.stderr)")

        let export = runTillit(["export", "last"], environment: home.environment())
        #expect(export.status == 1)
        #expect(export.stderr.contains("\(file) is cut off or damaged"), "\(export.stderr)")
        #expect(!export.stderr.contains("No talks yet"), "\(export.stderr)")
    }

    // MARK: The data folder itself

    /// Before, tillit used a data folder anyone could write to without a word.
    @Test func aDataFolderOthersCanWriteToIsRefusedWithHowToFixIt() throws {
        let home = try TemporaryHome()
        _ = try oneTalk(home)
        #expect(chmod(home.path, 0o777) == 0)
        let run = runTillit(["sessions"], environment: home.environment())
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(run.stderr == "tillit: other users can write to \(home.path) (mode 0777) and could plant files among the talks; make it private with: chmod 700 \(home.path)\n")

        #expect(chmod(home.path, 0o700) == 0 && chmod(sessionsFolder(home), 0o775) == 0)
        let start = PlainModeTests.plainTalk(home, lang: "nb_NO.UTF-8", ":quit\n")
        #expect(start.status == 1)
        #expect(start.stderr.contains("gjør mappen privat med: chmod 700 \(sessionsFolder(home))"), "\(start.stderr)")
        var info = stat()
        #expect(stat(sessionsFolder(home), &info) == 0 && info.st_mode & 0o777 == 0o775, "left for the user to change")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sessionsFolder(home)).count == 1, "no talk started")
    }

    @Test(.enabled(if: geteuid() == 0, "only root can give a folder to another user"))
    func aDataFolderOfAnotherUserIsRefused() throws {
        let home = try TemporaryHome()
        #expect(chown(home.path, 65534, 65534) == 0)
        let run = runTillit(["sessions"], environment: home.environment())
        #expect(run.status == 1)
        #expect(run.stderr == "tillit: \(home.path) belongs to another user, so tillit keeps no talks there; choose a folder of your own with --home\n")
    }

    /// Before, `--home` naming a file listed no talks and exited 0.
    @Test func aHomeThatIsAFileIsRefused() throws {
        let home = try TemporaryHome()
        let file = try home.write("notes.txt", "mine\n")
        for command in [["sessions"], ["export", "last"], PlainModeTests.oneOnOne + ["--plain"]] {
            let run = runTillit(command + ["--home", file], environment: home.environment(), stdin: ":quit\n")
            #expect(run.status == 1, "\(command): \(run.stderr)")
            #expect(run.stderr == "tillit: \(file) is not a folder; tillit keeps talks in a folder (name one with --home or TILLIT_HOME)\n", "\(command)")
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "mine\n")
    }

    // MARK: A full disk

    /// Before, each try on a full disk left an empty `<id>.lock` behind. A file
    /// size limit of 0 fails the pid's write as a full disk would.
    @Test func aFullDiskLeavesNoEmptyLockFileBehind() throws {
        let home = try TemporaryHome()
        let id = try oneTalk(home)
        for _ in 0..<2 {
            let run = runProgram("/bin/sh", ["-c", "ulimit -f 0 && exec \"$0\" \"$@\"", tillitBinaryURL.path, "resume", id, "--plain"],
                                 environment: home.environment(), stdin: ":quit\n")
            #expect(run.status == 1, "\(run.stderr)")
            #expect(run.stderr.contains("cannot lock \(sessionsFolder(home))/\(id).lock: File too large"), "\(run.stderr)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: sessionsFolder(home))
        #expect(names == ["\(id).json"], "\(names)")
    }

    /// Before, a quit after a failed save said only "Could not save"; the words went with the process.
    @Test func aQuitOnAFullDiskSaysWhichWordsWereNotSaved() throws {
        let home = try TemporaryHome()
        let id = try oneTalk(home)
        var info = stat()
        try #require(stat((sessionsFolder(home) as NSString).appendingPathComponent("\(id).json"), &info) == 0)
        // Room for the talk as it is (ulimit -f counts 512-byte blocks), not for a long answer.
        let blocks = Int(info.st_size) / 512 + 1
        let answer = "Dette er ord som ikke fikk plass på disken " + String(repeating: "og mer ", count: 300) + "til slutt"
        let run = runProgram("/bin/sh", ["-c", "ulimit -f \(blocks) && exec \"$0\" \"$@\"", tillitBinaryURL.path, "resume", id, "--plain"],
                             environment: home.environment(), stdin: ":next\n\(answer)\n:quit\n")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("Could not save"), "\(run.stderr)")
        #expect(run.stderr.contains("These words are not saved. Copy them somewhere before you close this window:\n  card 2, Kari: \(answer)"),
                "\(run.stderr)")
        #expect(!run.stderr.contains("card 1"), "the answer that was saved is not repeated")
    }
}
