import Foundation
import Testing
import TillitCore
@testable import TillitStore

/// The store against real processes: `kill -9` mid-save, a file size limit,
/// a read-only home, two tillits on one talk. The writer is `tillit-devtools
/// stress-writer` (tillit's own store and lock), which saves over and over and prints `saved N`
/// after each save that returned; save N leaves `svar N: …` on card N % 20 and
/// `N` in the notes.
@Suite("Store faults, with the real binary")
struct StoreFaultTests {
    static let cardCount = 20
    let id = "2026-11-23-1934-f00d"

    /// Starts a writer; its stdout is read line by line in the background.
    final class Writer: @unchecked Sendable {
        let process = Process()
        private let output = Pipe()
        private let condition = NSCondition()
        private var text = ""
        private var ended = false

        init(home: String, id: String, extra: [String] = []) throws {
            process.executableURL = devToolsBinaryURL
            process.arguments = ["stress-writer", "--home", home, "--id", id] + extra
            process.environment = ["PATH": "/usr/bin:/bin", "LANG": "en_US.UTF-8"]
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let handle = output.fileHandleForReading
            Thread.detachNewThread { [self] in
                while true {
                    let data = handle.availableData
                    condition.lock()
                    if data.isEmpty { ended = true } else { text += String(decoding: data, as: UTF8.self) }
                    condition.broadcast()
                    condition.unlock()
                    if data.isEmpty { return }
                }
            }
        }

        /// Waits until the writer has reported a save (or ended, or `timeout` passed).
        func waitForFirstSave(timeout: TimeInterval = 20) -> Bool {
            let deadline = Date() + timeout
            condition.lock()
            defer { condition.unlock() }
            while !text.contains("saved ") && !ended && condition.wait(until: deadline) {}
            return text.contains("saved ")
        }

        func kill() {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        /// The numbers of the saves it reported, once its output has ended.
        func reportedSaves() -> [Int] {
            condition.lock()
            defer { condition.unlock() }
            while !ended { condition.wait() }
            // Only whole lines count: a line cut off by the kill was not reported.
            return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                .compactMap { $0.hasPrefix("saved ") ? Int($0.dropFirst(6)) : nil }
        }
    }

    /// Every reported save is on disk: the notes hold a number at least as
    /// high as the last one reported, and the last twenty answers are there.
    func expectNothingLost(_ store: SessionStore, lastReported: Int, _ comment: Comment) throws {
        let talk = try store.load(id: id)
        let saved = try #require(Int(talk.notes), comment)
        #expect(saved >= lastReported, comment)
        for number in max(1, saved - Self.cardCount + 1)...max(1, saved) where saved > 0 {
            let text = talk.cards[number % Self.cardCount].response(of: "p1")?.text ?? ""
            #expect(text.hasPrefix("svar \(number): æøå"), comment)
        }
    }

    func temporaryFiles(_ store: SessionStore) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: store.folder)) ?? []).filter { $0.hasSuffix(".tmp") }
    }

    @Test(.timeLimit(.minutes(5)))
    func killingTheWriterAtRandomMomentsLosesNoReportedSave() throws {
        let home = try TemporaryHome()
        let store = SessionStore(home: TillitHome(path: home.path))
        let seed = UInt64(Date().timeIntervalSince1970 * 1000)
        var random = SeededGenerator(seed: seed)
        var lastReported = 0
        var roundsWithSaves = 0
        var roundsKilledMidSave = 0
        let started = Date()
        for round in 1...200 {
            let writer = try Writer(home: home.path, id: id)
            if round % 4 == 0 {
                // Timed from launch: before, during or just after the first save.
                usleep(UInt32.random(in: 0...60_000, using: &random))
            } else {
                // Timed from the first save, however slow start-up is: somewhere in the
                // loop of saves, at any point of one (a save takes a few ms).
                #expect(writer.waitForFirstSave(), "round \(round): the writer never saved")
                usleep(UInt32.random(in: 0...25_000, using: &random))
            }
            writer.kill()
            let reported = writer.reportedSaves()
            if let last = reported.last {
                lastReported = last
                roundsWithSaves += 1
            }
            let comment: Comment = "round \(round), seed \(seed), last reported save \(lastReported)"
            if !temporaryFiles(store).isEmpty { roundsKilledMidSave += 1 }
            if lastReported > 0 { try expectNothingLost(store, lastReported: lastReported, comment) }
        }
        #expect(roundsWithSaves >= 150, "three rounds in four wait for a save (seed \(seed))")
        print("store fault test: 200 kills in \(Int(Date().timeIntervalSince(started))) s, \(roundsWithSaves) after saves, "
              + "\(roundsKilledMidSave) left a temp file, \(lastReported) saves in all (seed \(seed))")

        // The next writer takes over the dead one's lock and clears its temp files.
        let last = try Writer(home: home.path, id: id, extra: ["--count", "1"])
        #expect(last.reportedSaves().count == 1 && last.reportedSaves()[0] > lastReported)
        last.process.waitUntilExit()
        #expect(last.process.terminationStatus == 0)
        #expect(temporaryFiles(store).isEmpty)
        #expect(store.list().problems.isEmpty)
    }

    @Test func aFileSizeLimitFailsTheSaveAndKeepsTheOldFile() throws {
        let home = try TemporaryHome()
        let store = SessionStore(home: TillitHome(path: home.path))
        let first = runDevTools(["stress-writer", "--home", home.path, "--id", id, "--count", "3"], environment: home.environment())
        #expect(first.status == 0 && first.stdout == "saved 1\nsaved 2\nsaved 3\n", "\(first.stderr)")
        let path = try store.path(for: id)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(before.count > 4000)

        let limited = runDevTools(["stress-writer", "--home", home.path, "--id", id, "--count", "1", "--file-size-limit", "4000"],
                                environment: home.environment())
        #expect(limited.status == 1)
        #expect(limited.stdout == "")
        #expect(limited.stderr == "tillit: could not save \(path): File too large. What was saved before is kept\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the old file is intact")
        #expect(try store.load(id: id).notes == "3")
        #expect(temporaryFiles(store).isEmpty, "the half-written temp file is removed")
    }

    /// As root, permissions do not stop a write: the writer then runs as `nobody`.
    @Test(.enabled(if: geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func aReadOnlyHomeGivesOneClearLineAndKeepsTheOldFile() throws {
        let home = try TemporaryHome()
        let store = SessionStore(home: TillitHome(path: home.path))
        let asNobody = geteuid() == 0
        let first = try Writer(home: home.path, id: id, extra: ["--count", "2"])
        #expect(first.reportedSaves() == [1, 2])
        let path = try store.path(for: id)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        if asNobody {
            for item in [home.path, store.folder, path, store.folder + "/\(id).lock"] { chown(item, 65534, 65534) }
        }
        chmod(store.folder, 0o500)
        defer { chmod(store.folder, 0o700) }

        let run = runAs(asNobody, ["stress-writer", "--home", home.path, "--id", id, "--count", "1"], home: home)
        #expect(run.status == 1)
        // The lock file goes when a talk closes, so a folder no one may write in
        // stops the talk at its lock, before a word is typed that could not be saved.
        #expect(run.stderr == "tillit: cannot lock \(store.folder)/\(id).lock: Permission denied\n", "\(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

        // A home where even the sessions folder cannot be made.
        let bare = try TemporaryHome()
        if asNobody { chown(bare.path, 65534, 65534) }
        chmod(bare.path, 0o500)
        defer { chmod(bare.path, 0o700) }
        let none = runAs(asNobody, ["stress-writer", "--home", bare.path, "--id", id, "--count", "1"], home: bare)
        #expect(none.status == 1)
        #expect(none.stderr == "tillit: cannot create the folder \(bare.path)/sessions: Permission denied\n")
    }

    private func runAs(_ nobody: Bool, _ arguments: [String], home: TemporaryHome) -> TillitRun {
        guard nobody else { return runDevTools(arguments, environment: home.environment()) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", devToolsBinaryURL.path] + arguments
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "en_US.UTF-8"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { return (-1, "", "\(error)") }
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, "", text)
    }

    @Test func aSecondTillitOnTheSameTalkIsToldWhichProcessHasIt() throws {
        let home = try TemporaryHome()
        let holder = try Writer(home: home.path, id: id)
        defer { holder.kill() }
        #expect(holder.waitForFirstSave())
        let second = runDevTools(["stress-writer", "--home", home.path, "--id", id, "--count", "1"], environment: home.environment())
        #expect(second.status == 1)
        #expect(second.stderr == "tillit: this talk is open in another tillit (process \(holder.process.processIdentifier))\n")
        let other = runDevTools(["stress-writer", "--home", home.path, "--id", "another-talk", "--count", "1"],
                              environment: home.environment())
        #expect(other.status == 0, "other talks are not blocked")
    }
}
