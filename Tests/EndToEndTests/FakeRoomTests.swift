import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TillitCore
@testable import TillitStore

/// Issue 26: tillit trusts nothing the room says. A stand-in for `tillit-room`
/// (a short Python script beside a copy of tillit) waits for the card, then says
/// one hostile thing; tillit closes it, says so in one line, keeps the talk going,
/// and the talk's file opens again afterwards.
@Suite(.serialized) struct FakeRoomTests {
    /// A plain team talk that goes to its first rating card (1–5) and opens the room there.
    static let talk = ["start", "--deck", "psykologisk-trygghet", "--kind", "team", "--anonymous", "--lang", "en", "--plain"]
    static let input = ":card 2\n:room\n:rate 4\n"

    /// The five messages of the audit (the 300 MB line cut short: the room writes without end).
    static let hostile: [(name: String, afterShow: String)] = [
        ("a count that overflows", #"out(ready); out('{"count":{"card":"%s","votes":1,"counts":{"3":9223372036854775807}}}' % key)"#),
        ("a count no talk file holds", #"out(ready); out('{"count":{"card":"%s","votes":1,"counts":{"3":1000001}}}' % key)"#),
        ("a vote off the scale", #"out(ready); out('{"tally":{"card":"%s","counts":{"9":1}}}' % key)"#),
        ("a line without end", #"out(ready); [sys.stdout.write("a" * 65536) for _ in range(5000)]"#),
        ("a QR code of 3000 modules", #"out(json.dumps({"ready": {"url": "http://127.0.0.1:9/x/", "code": "ABCD", "qr": ["1" * 3000] * 3000}}))"#),
        ("a QR code of 178 modules", #"out(json.dumps({"ready": {"url": "http://127.0.0.1:9/x/", "code": "ABCD", "qr": ["1" * 178] * 178}}))"#),
    ]

    /// A folder with a copy of tillit and, as its `tillit-room`, a script that runs `afterShow` once tillit shows a card.
    static func tillitBesideFakeRoom(_ afterShow: String) throws -> (folder: URL, tillit: String) {
        let script = """
        #!/usr/bin/env python3
        import json, re, sys
        def out(line):
            sys.stdout.write(line + "\\n"); sys.stdout.flush()
        ready = '{"ready":{"url":"http://127.0.0.1:9/x/","code":"ABCD","qr":["101","010","101"]}}'
        show = sys.stdin.readline()
        key = re.search(r'"key":"([^"]*)"', show).group(1)
        try:
            \(afterShow)
            sys.stdout.flush()
            for _ in sys.stdin: pass
        except BrokenPipeError:
            pass

        """
        return try tillitBeside(room: script)
    }

    /// A folder with a copy of tillit and `room` (a script) as its `tillit-room`.
    static func tillitBeside(room script: String) throws -> (folder: URL, tillit: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-fake-room-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tillit = folder.appendingPathComponent("tillit")
        // A hard link, where the folders share a file system: a copy is a file open for writing,
        // and a child another test forks meanwhile keeps it so ("Text file busy" when it is run).
        do { try FileManager.default.linkItem(at: tillitBinaryURL, to: tillit) } catch {
            try FileManager.default.copyItem(at: tillitBinaryURL, to: tillit)
        }
        let room = folder.appendingPathComponent("tillit-room")
        try script.write(to: room, atomically: true, encoding: .utf8)
        chmod(room.path, 0o755)
        return (folder, tillit.path)
    }

    /// Runs the copy; a file just written may still be "busy" for a moment (see above), so that is tried again.
    static func run(_ tillit: String, _ home: TemporaryHome) -> TillitRun {
        for _ in 0..<3 {
            let run = runProgram(tillit, talk, environment: home.environment(), stdin: input, timeout: 30)
            if !run.stderr.contains("Text file busy") { return run }
            Thread.sleep(forTimeInterval: 0.3)
        }
        return runProgram(tillit, talk, environment: home.environment(), stdin: input, timeout: 30)
    }

    @Test(arguments: hostile.indices)
    func aRoomThatSaysSomethingTillitCannotUseIsClosedAndReported(index: Int) throws {
        let (name, afterShow) = Self.hostile[index]
        let home = try TemporaryHome()
        let (folder, tillit) = try Self.tillitBesideFakeRoom(afterShow)
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = Date()
        let run = Self.run(tillit, home)
        #expect(run.status == 0, "\(name): \(run.stderr)")
        CLITests.expectNoCrash(run)
        #expect(Date().timeIntervalSince(started) < 15, "\(name): the room is cut off, not read to its end")
        let reports = run.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("The voting room sent something tillit cannot use") }
        #expect(reports.count == 1, "\(name): \(run.stdout)")
        // The talk went on (the typed vote after it is kept) and its file opens again.
        let list = runTillit(["sessions", "--lang", "en"], environment: home.environment())
        #expect(list.status == 0 && list.stderr.isEmpty, "\(name): \(list.stderr)")
        let store = SessionStore(home: TillitHome(path: home.path))
        let saved = try #require(try store.list().summaries.first.map { try store.load(id: $0.id) })
        #expect(saved.cards[1].anonymousVotes == [4: 1], "\(name)")
        #expect(saved.cards[1].phoneVotes == nil)
    }

    /// Plain mode said the room's words as they came: a reason with an OSC 52 and a screen clear.
    @Test func theRoomsWordsReachTheTerminalWithoutEscapes() throws {
        let home = try TemporaryHome()
        let (folder, tillit) = try Self.tillitBesideFakeRoom(
            #"out('{"failed":{"reason":"\\u001b]52;c;ZXZpbA==\\u0007\\u001b[2Jno network"}}')"#)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = Self.run(tillit, home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("The voting room could not open: ]52;c;ZXZpbA==[2Jno network"), "\(run.stdout)")
        #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
}

/// Issue 26, item 8: what goes wrong opening the room is said in the facilitator's words, before the talk
/// starts where it can be (a malformed address, one open to the internet), and as it happens where it
/// cannot (a port another program has).
@Suite struct RoomAddressArgumentsTests {
    static let talk = FakeRoomTests.talk

    @Test(arguments: ["8.8.8.8.8", "room.local", "256.1.1.1", "127.0.0.1:8080"])
    func aMalformedAddressIsRefusedBeforeTheTalkStarts(address: String) throws {
        let home = try TemporaryHome()
        let run = runTillit(Self.talk + ["--room", "--room-address", address], environment: home.environment(), stdin: "")
        #expect(run.status != 0)
        #expect(run.stderr.contains("--room-address takes an IP address such as 192.168.1.20, not '\(address)'"), "\(run.stderr)")
        let talks = (try? FileManager.default.contentsOfDirectory(atPath: home.path + "/sessions")) ?? []
        #expect(talks.isEmpty, "no talk was started: \(talks)")
        CLITests.expectNoCrash(run)
    }

    /// The README promised it: a public address, or every network, only with the facilitator's word.
    @Test(arguments: ["0.0.0.0", "::", "8.8.8.8"])
    func aWildcardOrPublicAddressNeedsRoomAllowPublic(address: String) throws {
        let home = try TemporaryHome()
        let run = runTillit(Self.talk + ["--room", "--room-address", address], environment: home.environment(), stdin: "")
        #expect(run.status != 0)
        #expect(run.stderr.contains("--room-address \(address) can be reached from the internet or from every network; add --room-allow-public"), "\(run.stderr)")
        let norwegian = runTillit(["start", "--deck", "psykologisk-trygghet", "--kind", "team", "--lang", "nb", "--plain",
                                   "--room-address", address], environment: home.environment(), stdin: "")
        #expect(norwegian.stderr.contains("kan nås fra internett eller fra alle nettverk; legg til --room-allow-public"), "\(norwegian.stderr)")
    }

    @Test func aTakenPortIsSaidAsTaken() throws {
        let home = try TemporaryHome()
        let holder = try #require(ListeningPort())
        let run = runTillit(Self.talk + ["--room", "--room-address", "127.0.0.1", "--room-port", String(holder.port)],
                            environment: home.environment(), stdin: ":next\n")
        #expect(run.status == 0, "the talk goes on without the room: \(run.stderr)")
        #expect(run.stdout.contains("The voting room could not open: port \(holder.port) is in use; try another with --room-port"), "\(run.stdout)")
        #expect(!run.stdout.contains("errno"))
    }
}

/// A port on loopback held by a listening socket while this lives.
final class ListeningPort {
    let descriptor: Int32
    let port: Int

    init?() {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, length) == 0 && listen(socketDescriptor, 1) == 0
                    && getsockname(socketDescriptor, $0, &length) == 0
            }
        }
        guard socketDescriptor >= 0, listening else { close(socketDescriptor); return nil }
        descriptor = socketDescriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}
