import Foundation
import Testing
import TillitCore
import TillitStore

/// Issue 27, item 4 end to end: tillit in tmux opens the room on a text card, four
/// phones (each from a loopback address of its own) write, the shared screen counts
/// them only, `r` reveals them in the seed's random order, `x` hides one, and that
/// one is in no file afterwards.
@Suite(.serialized) struct WrittenAnswersEndToEndTests {
    static let sent = ["Why we do it this way", "Who decides the rota", "What the budget is", "Whether no is allowed"]

    @Test func fourPhonesWriteTheScreenCountsRevealsAndAHiddenOneLeavesEveryFile() async throws {
        let tmux = try TmuxSession(width: 160, height: 45)
        try tmux.launch(VotingRoomTests.team + ["--room", "--room-address", "127.0.0.1"], environment: ["TILLIT_ROOM_SEED": "11"])
        let room = try VotingRoomTests.roomAddress(on: try tmux.waitFor("Room code"))
        _ = try tmux.waitFor("0 answers in")
        let phones = Self.sent.map { WritingPhone(room: room, text: $0) }
        for phone in phones.prefix(2) { #expect(try await phone.write() == 303) }
        _ = try tmux.waitFor("2 answers in")
        // Writing mode first (a text card opens ready to write): Esc, then r is a command.
        try tmux.press("Escape", "r")
        let tooFew = try tmux.waitFor("The answers show from 3")
        #expect(!Self.sent.contains { tooFew.contains($0) })
        for phone in phones.dropFirst(2) { #expect(try await phone.write() == 303) }
        let counted = try tmux.waitFor("4 answers in")
        #expect(!Self.sent.contains { counted.contains($0) }, "the screen shows a count, never the words")

        try tmux.press("r")
        let revealed = try tmux.waitFor("x hides one")
        let shownOrder = Self.sent.compactMap { text in revealed.range(of: "– " + text).map { (text, $0.lowerBound) } }
            .sorted { $0.1 < $1.1 }.map(\.0)
        #expect(shownOrder.count == 4, "\(revealed)")
        #expect(shownOrder != Self.sent, "the seed gives an order unlike the order they were sent in")
        let saved = try VotingRoomTests.saved(tmux) { talk in Self.sent.allSatisfy { talk.cards[0].responses.first?.text.contains($0) == true } }
        #expect(saved.cards[0].responses.count == 1, "kept as the group's words, under no device")

        // x, Enter on the first answer shown, y: hidden.
        let hidden = shownOrder[0]
        try tmux.press("x")
        _ = try tmux.waitFor("Choose the answer to hide")
        try tmux.press("Enter")
        _ = try tmux.waitFor("Hide the answer")
        try tmux.press("y")
        _ = try tmux.waitFor("The answer is hidden")
        _ = try VotingRoomTests.saved(tmux) { !($0.cards[0].responses.first?.text.contains(hidden) ?? true) }
        try tmux.press("q")
        try tmux.waitForExit()

        let environment = ["TILLIT_HOME": tmux.dataFolder.path, "HOME": tmux.home.path, "LANG": "en_US.UTF-8", "TZ": "UTC"]
        let minutes = runTillit(["export", "last"], environment: environment)
        #expect(minutes.status == 0)
        for text in shownOrder.dropFirst() { #expect(minutes.stdout.contains(text), "\(minutes.stdout)") }
        #expect(!minutes.stdout.contains(hidden))
        let json = runTillit(["export", "last", "--format", "json"], environment: environment)
        #expect(json.stdout.contains(shownOrder[1]) && !json.stdout.contains(hidden))
        let files = FileManager.default.enumerator(atPath: tmux.dataFolder.path)?.compactMap { $0 as? String } ?? []
        for file in files {
            let contents = (try? String(contentsOfFile: tmux.dataFolder.appendingPathComponent(file).path, encoding: .utf8)) ?? ""
            #expect(!contents.contains(hidden), "\(file) holds the hidden answer")
        }
    }

    /// Plain mode: `:answers` says the count, `:reveal` shows the answers and keeps them.
    @Test func plainModeCountsAndReveals() async throws {
        let home = try TemporaryHome()
        let plain = try PlainProcess(VotingRoomTests.team + ["--plain", "--room", "--room-address", "127.0.0.1"], home: home,
                                     environment: ["TILLIT_ROOM_SEED": "11"])
        let room = try #require(plain.roomURL(in: try plain.said("http://127.0.0.1:")))
        for text in Self.sent.prefix(2) { #expect(try await WritingPhone(room: room, text: text).write() == 303) }
        plain.send(":reveal\n")
        _ = try plain.said("The answers show from 3")
        #expect(try await WritingPhone(room: room, text: Self.sent[2]).write() == 303)
        plain.send(":answers\n")
        _ = try plain.said("3 answers in")
        plain.send(":reveal\n")
        let revealed = try plain.said("Answers from the phones")
        for text in Self.sent.prefix(3) { #expect(revealed.contains("– " + text)) }
        plain.send(":quit\n")
        plain.finish()
        let json = runTillit(["export", "last", "--format", "json"], environment: home.environment())
        #expect(Self.sent.prefix(3).allSatisfy { json.stdout.contains($0) }, "\(json.stdout)")
    }
}

/// A phone that writes an answer on the text card, as a browser does (cookie, the page's form value, Origin).
struct WritingPhone: Sendable {
    let room: URL
    let text: String
    let address = LoopbackHTTP.nextAddress()

    func write() async throws -> Int {
        let page = try await LoopbackHTTP.exchange("GET", room, from: address)
        let cookie = (page.header("Set-Cookie") ?? "").split(separator: ";").first.map(String.init) ?? ""
        guard let serial = Phone.hidden("card", in: page.body), let form = Phone.hidden("form", in: page.body) else { return 0 }
        let value = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let answer = try await LoopbackHTTP.exchange(
            "POST", room.appendingPathComponent("write"), from: address,
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie,
                      "Origin": "http://\(room.host ?? ""):\(room.port ?? 0)"],
            body: "card=\(serial)&form=\(form)&value=\(value)")
        return answer.status
    }
}

/// Item 6: a phone-sized browser with JavaScript off writes an answer and sees it on its page.
@Suite struct WrittenAnswerBrowserTests {
    @Test func aPhoneBrowserWithoutJavaScriptWritesAndSeesItsAnswer() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let script = folder.appendingPathComponent("Browser/writer.py")
        let artifacts = folder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/test-artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let screenshot = artifacts.appendingPathComponent("voting-room-writer.png")
        let tmux = try TmuxSession(width: 160, height: 45)
        try tmux.launch(VotingRoomTests.team + ["--room", "--room-address", "127.0.0.1"])
        let room = try VotingRoomTests.roomAddress(on: try tmux.waitFor("Room code"))
        _ = try tmux.waitFor("0 answers in")
        let run = runProgram("/usr/bin/env", ["python3", script.path, room.absoluteString, "Hvorfor spør vi så lite? <b>", screenshot.path],
                             environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
                                           "HOME": tmux.home.path], timeout: 90)
        if run.status == 77 {
            print("SKIPPED: no headless Chromium here (\(run.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        _ = try tmux.waitFor("1 answer in")
        // The text card is still ready to write: Esc, then q leaves.
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
    }
}

/// Issue 27, item 3's leftover: plain mode keeps typed and phone votes apart as the screens do
/// (`RoomVoteRules`): a typed vote is refused while the room is open on a rating card, and a card
/// with typed votes is held back from the phones until `:room replace`.
@Suite struct PlainTypedVotesTests {
    @Test func plainModeHoldsTypedVotesApartFromPhones() async throws {
        let home = try TemporaryHome()
        let plain = try PlainProcess(VotingRoomTests.team + ["--plain", "--room-address", "127.0.0.1"], home: home)
        plain.send(":next\n:rate 3\n:rate 4\n:room\n")
        let opened = try plain.said("This card has 2 votes typed here")
        let room = try #require(plain.roomURL(in: opened))
        #expect(try await Phone(room: room, value: 5).vote() == 0, "held back: the phones see no card to vote on")
        plain.send(":rate 2\n")
        _ = try plain.said("Votes come from the phones while the room is open")
        plain.send(":room replace\n")
        _ = try plain.said("The typed votes are dropped")
        plain.send(":status\n")
        _ = try plain.said("Card 2 of")
        #expect(try await Phone(room: room, value: 5).vote() == 303)
        plain.send(":quit\n")
        plain.finish()
        // The talk's own file (the export hides a count below three): the phone's vote, and no typed one.
        let store = SessionStore(home: TillitHome(path: home.path))
        let talk = try store.load(id: try #require(try store.list().summaries.first).id)
        #expect(talk.cards[1].phoneVotes == [5: 1])
        #expect(talk.cards[1].ratingCounts == [5: 1])
    }
}

/// tillit in plain mode with a pipe for its input, its output read as it comes.
final class PlainProcess {
    let process = Process()
    let input = Pipe()
    let output: String

    init(_ arguments: [String], home: TemporaryHome, environment: [String: String] = [:]) throws {
        output = home.path + "/output"
        FileManager.default.createFile(atPath: output, contents: nil)
        process.executableURL = tillitBinaryURL
        process.arguments = arguments
        process.environment = home.environment(environment)
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        try process.run()
    }

    func send(_ lines: String) { input.fileHandleForWriting.write(Data(lines.utf8)) }

    /// All it said so far, once it has said `text` (15 s at most).
    func said(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            let now = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            if now.contains(text) { return now }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let now = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        Issue.record("never said \(text): \(now)", sourceLocation: sourceLocation)
        return now
    }

    func roomURL(in text: String) -> URL? {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("http://127.0.0.1:") }.flatMap { URL(string: String($0)) }
    }

    func finish() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

/// A room (or a binary in its place) that sends written answers tillit did not ask for, or
/// answers for a rating card, is closed and reported; none of its words reach the talk.
@Suite struct HostileWrittenAnswersTests {
    @Test(arguments: [
        // On the text card, before any :reveal.
        ("unasked", #"out(ready); out('{"answer":{"card":"%s","text":"injected words"}}' % key)"#, ":room\n:answers\n:quit\n", "written answers nobody asked for"),
        // On a rating card.
        ("rating card", #"out(ready); out('{"answers":{"card":"%s","count":3}}' % key)"#, ":card 2\n:room\n:status\n:quit\n", "written answers for a card with a scale"),
        // A control character in an answer tillit asked for (three counted, then :reveal).
        ("escape", #"out(ready); out('{"answers":{"card":"%s","count":3}}' % key); sys.stdin.readline(); out('{"answer":{"card":"%s","text":"a\\u001b[2Jb injected"}}' % key)"#,
         ":room\n:reveal\n:quit\n", "a written answer that is empty"),
    ])
    func aRoomThatSendsWordsUnaskedIsClosed(name: String, afterShow: String, input: String, problem: String) throws {
        let home = try TemporaryHome()
        let (folder, tillit) = try FakeRoomTests.tillitBesideFakeRoom(afterShow)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A script just written may still be "busy" for a moment (see `FakeRoomTests.run`): tried again then.
        var run = runProgram(tillit, FakeRoomTests.talk, environment: home.environment(), stdin: input, timeout: 30)
        for _ in 0..<3 where run.stdout.contains("Text file busy") {
            Thread.sleep(forTimeInterval: 0.3)
            try? FileManager.default.removeItem(atPath: home.path + "/sessions")
            run = runProgram(tillit, FakeRoomTests.talk, environment: home.environment(), stdin: input, timeout: 30)
        }
        #expect(run.status == 0, "\(name): \(run.stderr)")
        #expect(run.stdout.contains("The voting room sent something tillit cannot use (\(problem)"), "\(name): \(run.stdout)")
        #expect(!run.stdout.contains("injected"))
        let store = SessionStore(home: TillitHome(path: home.path))
        let saved = try #require(try store.list().summaries.first.map { try store.load(id: $0.id) })
        #expect(saved.cards.allSatisfy { $0.responses.isEmpty }, "\(name)")
    }
}
