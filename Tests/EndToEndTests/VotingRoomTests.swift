import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TillitCore

/// The voting room end to end: tillit in tmux opens it, phones (a real HTTP
/// client, on loopback) vote, and the shared screen and the talk's file count them.
@Suite(.serialized) struct VotingRoomTests {
    static let team = ["start", "--deck", "psykologisk-trygghet", "--kind", "team", "--anonymous", "--lang", "en"]

    /// The bar rows of the card screen, value → count (`    4 ████ 2`); empty while no result shows.
    static func distribution(_ screen: String) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for line in screen.split(separator: "\n") {
            if let match = line.firstMatch(of: /^ {2,8}([1-9]) █* ([0-9]+)(?: |$)/) { counts[Int(match.1)!] = Int(match.2)! }
        }
        return counts
    }

    /// The talk as saved once `done` holds for it (the file follows the screen by up to half a second).
    static func saved(_ tmux: TmuxSession, until done: (Session) -> Bool) throws -> Session {
        let deadline = Date().addingTimeInterval(10)
        var last: Session?
        while Date() < deadline {
            last = try tmux.sessions().first
            if let last, done(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return try #require(last)
    }

    /// Starts a team talk with the room open on loopback and moves to the first rating card.
    static func openRoom(_ tmux: TmuxSession) throws -> URL {
        try tmux.launch(team + ["--room", "--room-address", "127.0.0.1"])
        let room = try roomAddress(on: try tmux.waitFor("Room code"))
        try toTheFirstRatingCard(tmux)
        return room
    }

    /// The phones' address the room panel shows.
    static func roomAddress(on screen: String) throws -> URL {
        let address = try #require(screen.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") })
        return try #require(URL(string: String(address).trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    static func toTheFirstRatingCard(_ tmux: TmuxSession, counting: String = "votes in from phones") throws {
        // PgDn: a card with text opens ready to write, where → moves the cursor.
        for _ in 0..<14 where !(try tmux.screen().contains("1 = ")) { try tmux.press("PageDown"); Thread.sleep(forTimeInterval: 0.2) }
        _ = try tmux.waitFor(counting)
    }

    /// Waits (5 s at most) until the pane's program has no voting room left.
    static func waitUntilNoRoom(_ tmux: TmuxSession) throws {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, !(try roomProcesses(of: tmux).isEmpty) { Thread.sleep(forTimeInterval: 0.05) }
    }

    @Test func thirtyPhonesVoteAndTheTalkCountsThem() async throws {
        let tmux = try TmuxSession()
        let room = try Self.openRoom(tmux)
        let phones = (0..<30).map { Phone(room: room, value: 1 + $0 % 5) }
        // Five phones at a time, each from a loopback address of its own (`LoopbackHTTP`), as real phones are.
        for batch in stride(from: 0, to: phones.count, by: 5) {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for phone in phones[batch..<(batch + 5)] { group.addTask { try await phone.vote() } }
                for try await status in group { #expect(status == 303) }
            }
            try await Task.sleep(for: .milliseconds(300))
        }
        _ = try tmux.waitFor("30 votes in from phones")
        let saved = try #require(try tmux.waitForSessions().first)
        let card = try #require(saved.cards.first { $0.phoneVotes != nil })
        #expect(card.phoneVotes == [1: 6, 2: 6, 3: 6, 4: 6, 5: 6])
        #expect(card.anonymousVotes == card.phoneVotes)
        try tmux.press("q")
        try tmux.waitForExit()
        #expect(try Self.roomProcesses(of: tmux).isEmpty)
    }

    /// The home screen's new team meeting with "Votes from phones" ticked opens the room with its first card, as `--room` does.
    @Test func theSetupFormsVotesFromPhonesOpensTheRoomAtStart() async throws {
        let tmux = try TmuxSession()
        try tmux.launch(["--lang", "en", "--room-address", "127.0.0.1"])
        try tmux.waitFor("New team meeting")
        try tmux.press("t")
        try tmux.waitFor("Team name")
        try tmux.type("Solsiden")
        // ↓ stops on Start; above it how many take part, and above that the room's row.
        for _ in 0..<30 { try tmux.press("Down") }
        try tmux.press("Up", "Up", "Space")
        let form = try tmux.waitFor("[x] yes")
        #expect(form.contains("Votes from phones     [x] yes"), "\(form)")
        try tmux.press("Down", "Right", "Right", "Right")
        let people = try tmux.waitFor("‹ 3 ›")
        #expect(people.contains("People taking part    ‹ 3 ›"), "\(people)")
        try tmux.press("Enter")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("Room code")
        #expect(screen.contains("1 / "))
        let room = try Self.roomAddress(on: screen)
        #expect(try Self.roomProcesses(of: tmux).count == 1)
        try Self.toTheFirstRatingCard(tmux, counting: "0 of 3 voted")
        #expect(try await Phone(room: room, value: 3).vote() == 303)
        _ = try tmux.waitFor("1 of 3 voted")
        let saved = try #require(try tmux.waitForSessions().first)
        #expect(saved.title == "Solsiden" && saved.kind == .team)
        #expect(saved.cards.contains { $0.phoneVotes == [3: 1] })
        try tmux.press("q")
        try tmux.waitFor("Continue:")
        try Self.waitUntilNoRoom(tmux)
        #expect(try Self.roomProcesses(of: tmux).isEmpty, "leaving the talk closes its room")
        try tmux.press("q")
        try tmux.waitForExit()
    }

    /// Phones vote, the shared screen counts them only; r shows their spread and mean, and closes the phones' voting.
    @Test func phonesVoteAndTheRevealShowsTheirDistributionAndMean() async throws {
        let tmux = try TmuxSession(width: 160, height: 45)
        let room = try Self.openRoom(tmux)
        for value in [1, 2, 4, 4, 5, 5, 5] { #expect(try await Phone(room: room, value: value).vote() == 303) }
        _ = try tmux.waitFor("7 votes in from phones")
        let late = try await Phone(room: room, value: 1).open()
        var screen = try tmux.waitFor("7 votes · r shows the result")
        #expect(!screen.contains("average") && Self.distribution(screen).isEmpty, "nothing but the count before r: \(screen)")
        try tmux.press("r")
        screen = try tmux.waitFor("7 votes · average 3.7")
        #expect(Self.distribution(screen) == [1: 1, 2: 1, 3: 0, 4: 2, 5: 3], "\(screen)")
        // A form a phone opened before the reveal is refused after it; the result stays as revealed.
        #expect(try await Phone(room: room, value: 1).send(late) == 410)
        #expect(try await Phone(room: room, value: 1).open().serial == nil, "the page offers no buttons after the reveal")
        try await Task.sleep(for: .milliseconds(500))
        #expect(try tmux.screen().contains("7 votes · average 3.7"))
        try tmux.press("q")
        try tmux.waitForExit()
        let card = try #require(try tmux.sessions().first?.cards.first { $0.phoneVotes != nil })
        #expect(card.phoneVotes == [1: 1, 2: 1, 4: 2, 5: 3])
        #expect(card.anonymousVotes == card.phoneVotes && card.revealedVotes == card.phoneVotes)
    }

    /// Two phone votes: r shows no spread and says why; the phones can still vote, and r from three shows it.
    @Test func twoPhoneVotesAreNotRevealedAndTheScreenSaysWhy() async throws {
        let tmux = try TmuxSession(width: 160, height: 45)
        let room = try Self.openRoom(tmux)
        for value in [2, 4] { #expect(try await Phone(room: room, value: value).vote() == 303) }
        _ = try tmux.waitFor("2 votes in from phones")
        try tmux.press("r")
        var screen = try tmux.waitFor("The result shows from 3 votes, so no single vote can be read off")
        #expect(screen.contains("2 votes · shown from 3 votes"), "\(screen)")
        #expect(!screen.contains("average") && Self.distribution(screen).isEmpty, "\(screen)")
        // Below the minimum the reveal does not close the room: a third phone still votes.
        #expect(try await Phone(room: room, value: 5).vote() == 303)
        screen = try tmux.waitFor("3 votes · r shows the result")
        #expect(!screen.contains("average") && Self.distribution(screen).isEmpty, "a new vote waits for the next r: \(screen)")
        try tmux.press("r")
        screen = try tmux.waitFor("3 votes · average 3.7")
        #expect(Self.distribution(screen) == [1: 0, 2: 1, 3: 0, 4: 1, 5: 1], "\(screen)")
        try tmux.press("q")
        try tmux.waitForExit()
        let card = try #require(try tmux.sessions().first?.cards.first { $0.phoneVotes != nil })
        #expect(card.phoneVotes == [2: 1, 4: 1, 5: 1] && card.revealedVotes == card.phoneVotes)
    }

    /// Back on a card after moving on: the earlier round stands until a phone votes in the new
    /// one, which then replaces it (never adds to it: the room cannot tell the same phone again).
    /// A digit typed while the room is open adds no vote: typed and phone votes never mix on a card.
    /// A card revealed before stays closed to phones.
    @Test func aCardShownAgainStartsARoundThatReplacesTheEarlierOne() async throws {
        let tmux = try TmuxSession(width: 160, height: 45)
        let room = try Self.openRoom(tmux)
        try tmux.press("2")
        _ = try tmux.waitFor("Votes come from the phones while the room is open")
        for value in [4, 4, 5] { #expect(try await Phone(room: room, value: value).vote() == 303) }
        _ = try tmux.waitFor("3 votes in from phones")
        let index = try Self.saved(tmux) { $0.currentCard?.phoneVotes == [4: 2, 5: 1] }.currentIndex
        let stale = try await Phone(room: room, value: 1).open()
        try tmux.press("Right")
        _ = try tmux.waitFor("\(index + 2) / 14")
        try tmux.press("Left")
        _ = try tmux.waitFor("3 votes in from phones")
        var talk = try Self.saved(tmux) { $0.currentIndex == index }
        #expect(talk.cards[index].phoneVotes == [4: 2, 5: 1], "paging through a card loses none of its votes")
        #expect(talk.cards[index].anonymousVotes == [4: 2, 5: 1], "the typed 2 was not added")
        #expect(try await Phone(room: room, value: 1).send(stale) == 409, "a form from the earlier round is refused")
        // The new round's first vote replaces the earlier round's three.
        #expect(try await Phone(room: room, value: 1).vote() == 303)
        _ = try tmux.waitFor("1 vote in from phones")
        for value in [3, 4] { #expect(try await Phone(room: room, value: value).vote() == 303) }
        _ = try tmux.waitFor("3 votes in from phones")
        talk = try Self.saved(tmux) { $0.cards[index].phoneVotes == [1: 1, 3: 1, 4: 1] }
        #expect(talk.cards[index].phoneVotes == [1: 1, 3: 1, 4: 1])
        #expect(talk.cards[index].anonymousVotes == [1: 1, 3: 1, 4: 1], "this round's votes, counted once")
        // Revealed, left and come back to: the result stands and the phones are shown no buttons.
        try tmux.press("r")
        _ = try tmux.waitFor("3 votes · average 2.7")
        try tmux.press("Right")
        _ = try tmux.waitFor("\(index + 2) / 14")
        try tmux.press("Left")
        let screen = try tmux.waitFor("3 votes · average 2.7")
        #expect(Self.distribution(screen) == [1: 1, 2: 0, 3: 1, 4: 1, 5: 0], "\(screen)")
        let page = try await Phone(room: room, value: 5).open()
        #expect(page.serial == nil, "voting on a revealed card is over")
        try tmux.press("q")
        try tmux.waitForExit()
        talk = try #require(try tmux.sessions().first)
        #expect(talk.cards[index].phoneVotes == [1: 1, 3: 1, 4: 1])
        #expect(talk.cards[index].revealedVotes == [1: 1, 3: 1, 4: 1])
    }

    @Test func theRoomDyingMidCardKeepsTheVotesAndTheTalkGoesOn() async throws {
        let tmux = try TmuxSession()
        let room = try Self.openRoom(tmux)
        for value in [2, 4] { #expect(try await Phone(room: room, value: value).vote() == 303) }
        _ = try tmux.waitFor("2 votes in from phones")
        for pid in try Self.roomProcesses(of: tmux) { kill(pid, SIGKILL) }
        _ = try tmux.waitFor("The voting room stopped. The votes so far are kept. Press v to open a new one.")
        #expect(try tmux.isRunning())
        try tmux.press("v")
        let screen = try tmux.waitFor("Room code")
        #expect(!screen.contains(room.absoluteString), "a new room has a new address")
        let saved = try #require(try tmux.sessions().first)
        #expect(saved.cards.contains { $0.phoneVotes == [2: 1, 4: 1] })
    }

    @Test func plainModeOpensTheRoomAndSaysItsAddress() throws {
        let home = try TemporaryHome()
        let run = runTillit(Self.team + ["--plain", "--room-address", "127.0.0.1"], environment: home.environment([:]),
                            stdin: ":next\n:next\n:room\n:room\n:room close\n:room wat\n")
        #expect(run.status == 0, "\(run.stderr)")
        let open = run.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("The voting room is open: http://127.0.0.1:") }
        #expect(open.count == 2 && open[0] == open[1], "\(run.stdout)")
        #expect(open.first?.contains("(room code ") == true)
        #expect(run.stdout.contains("The voting room is closed."))
        #expect(run.stdout.contains("Type :room to open the voting room"))
    }

    /// `--plain --room` opens the room with the first card, as on the screens.
    @Test func plainModeWithRoomOpensItAtStart() throws {
        let home = try TemporaryHome()
        let run = runTillit(Self.team + ["--plain", "--room", "--room-address", "127.0.0.1"], environment: home.environment([:]),
                            stdin: ":next\n:room\n")
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.components(separatedBy: "\n")
        let open = lines.filter { $0.hasPrefix("The voting room is open: http://127.0.0.1:") }
        // One :room in the input, two lines: the first is the room opened at start.
        #expect(open.count == 2 && open[0] == open[1], "opened at start, said again on :room: \(run.stdout)")
    }

    /// A real browser on a phone-sized screen taps a value; the shared screen's count goes up.
    /// The screenshot stays in the test artifacts (`.build/test-artifacts/`).
    @Test func aPhoneBrowserVotesAndTheSharedScreenCountsIt() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/phone.py")
        let artifacts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/test-artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let screenshot = artifacts.appendingPathComponent("voting-room-phone.png")
        let tmux = try TmuxSession()
        let room = try Self.openRoom(tmux)
        try tmux.press("p")
        _ = try tmux.waitFor("0 votes in from phones")
        let run = runProgram("/usr/bin/env", ["python3", script.path, room.absoluteString, "4", screenshot.path],
                             environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin", "HOME": tmux.home.path], timeout: 90)
        if run.status == 77 {
            // Only where Chromium cannot be installed; .ci/run installs it.
            print("SKIPPED: no headless Chromium here (\(run.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        _ = try tmux.waitFor("1 vote in from phones")
        #expect(FileManager.default.fileExists(atPath: screenshot.path))
    }

    @Test func aOneOnOneTalkHasNoRoom() throws {
        let tmux = try TmuxSession()
        try tmux.launch(["start", "--deck", "selvledelse", "--lang", "en", "--room"])
        try tmux.waitForExit()
        #expect(try tmux.screen().contains("--room is for team meetings"))
    }

    /// The `tillit-room` children of the program in the pane.
    static func roomProcesses(of tmux: TmuxSession) throws -> [Int32] {
        let parent = try tmux.pid()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 2 && Int32(fields[1]) == parent && stat.contains("(tillit-room)")
        }
    }
}

/// One phone: its own cookie jar of one cookie, as a browser keeps it, and a
/// loopback address of its own (the room counts one vote per address per card).
struct Phone: Sendable {
    let room: URL
    let value: Int
    let address = LoopbackHTTP.nextAddress()

    /// The page as a phone has it open: the room's cookie and its form's card and form values (nil: no buttons).
    struct Page: Sendable {
        let cookie: String
        let serial: String?
        let form: String?
    }

    /// Opens the page, then votes with the form's values and the room's cookie (0: no form to vote with).
    func vote() async throws -> Int {
        let page = try await open()
        return page.serial == nil ? 0 : try await send(page)
    }

    func open() async throws -> Page {
        let answer = try await LoopbackHTTP.exchange("GET", room, from: address)
        let cookie = (answer.header("Set-Cookie") ?? "").split(separator: ";").first.map(String.init) ?? ""
        return Page(cookie: cookie, serial: Self.hidden("card", in: answer.body), form: Self.hidden("form", in: answer.body))
    }

    static func hidden(_ name: String, in page: String) -> String? {
        page.range(of: "name=\"\(name)\" value=\"").map { String(page[$0.upperBound...].prefix { $0 != "\"" }) }
    }

    /// Submits `page`'s form with this phone's value, whenever it was opened, as a browser does (with its Origin).
    func send(_ page: Page) async throws -> Int {
        let origin = "http://\(room.host ?? ""):\(room.port ?? 0)"
        let answer = try await LoopbackHTTP.exchange(
            "POST", room.appendingPathComponent("vote"), from: address,
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": page.cookie, "Origin": origin],
            body: "card=\(page.serial ?? "")&form=\(page.form ?? "")&value=\(value)")
        return answer.status
    }
}

/// The talk process itself never opens a socket: only the voting room, a
/// separate program, listens, and only while it is open.
@Suite struct NoSocketTests {
    static var strace: String? {
        ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a talk under `strace -f -e trace=network` and returns the calls it saw.
    static func networkCalls(_ args: [String], keys: [String]) throws -> [String] {
        let strace = try #require(strace, "strace is missing (.ci/run installs it)")
        let tmux = try TmuxSession()
        let log = tmux.home.appendingPathComponent("strace.log").path
        try tmux.launch(args, wrapper: [strace, "-f", "-qq", "-e", "trace=network", "-o", log])
        _ = try tmux.waitFor("1 / ")
        for key in keys { try tmux.press(key); Thread.sleep(forTimeInterval: 0.2) }
        try tmux.press("q")
        try tmux.waitForExit()
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init).filter { !$0.contains("+++ exited") && !$0.contains("--- SIG") }
    }

    @Test func aOneOnOneTalkMakesNoNetworkCall() throws {
        let calls = try Self.networkCalls(["start", "--deck", "selvledelse", "--lang", "en"], keys: ["PageDown", "3", "PageDown", "Escape"])
        #expect(calls.isEmpty, "\(calls)")
    }

    @Test func aTeamTalkWithoutARoomMakesNoNetworkCall() throws {
        let calls = try Self.networkCalls(VotingRoomTests.team, keys: ["PageDown", "PageDown", "4", "4", "p", "Right"])
        #expect(calls.isEmpty, "\(calls)")
    }

    /// A team's room (`--room`), and a 1:1's with a link for each (`v` on its rating card).
    @Test(arguments: [
        (VotingRoomTests.team + ["--room", "--room-address", "127.0.0.1"], []),
        (["start", "--deck", "selvledelse", "--lang", "en", "--room-address", "127.0.0.1"], ["PageDown", "PageDown", "PageDown", "Escape", "v"]),
    ])
    func theRoomListensInItsOwnProcessOnly(arguments: [String], keys: [String]) throws {
        let strace = try #require(Self.strace, "strace is missing (.ci/run installs it)")
        let tmux = try TmuxSession()
        let log = tmux.home.appendingPathComponent("strace.log").path
        try tmux.launch(arguments, wrapper: [strace, "-f", "-qq", "-e", "trace=network,execve,clone,clone3,fork,vfork", "-o", log])
        _ = try tmux.waitFor("1 / ", timeout: 30)
        for key in keys { try tmux.press(key); Thread.sleep(forTimeInterval: 0.3) }
        _ = try tmux.waitFor("Room code", timeout: 30)
        try tmux.press("Escape", "q")
        try tmux.waitForExit()
        let lines = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        func pid(execing binary: String) -> Substring? {
            lines.first { $0.contains("execve(\"") && $0.contains("/\(binary)\"") }?.split(separator: " ").first
        }
        let talk = try #require(pid(execing: "tillit").map(String.init), "\(lines.prefix(5))")
        let room = try #require(pid(execing: "tillit-room").map(String.init))
        // Threads and children: which thread or process each new id came from.
        var parent: [String: String] = [:]
        for line in lines where line.contains("clone") || line.contains("fork") {
            guard let id = line.split(separator: " ").first, let result = line.components(separatedBy: "= ").last,
                  let child = Int(result.trimmingCharacters(in: .whitespaces)) else { continue }
            parent[String(child)] = String(id)
        }
        func owner(_ id: String) -> String? {
            var current = id
            for _ in 0..<64 {
                if current == room || current == talk { return current }
                guard let up = parent[current] else { return nil }
                current = up
            }
            return nil
        }
        let network = lines.filter { ["socket(", "bind(", "connect(", "listen(", "accept", "sendto(", "recvfrom("].contains(where: $0.contains) }
        let byRoom = network.filter { $0.split(separator: " ").first.flatMap { owner(String($0)) } == room }
        let byTalk = network.filter { $0.split(separator: " ").first.flatMap { owner(String($0)) } == talk }
        #expect(byRoom.contains { $0.contains("bind(") && $0.contains("127.0.0.1") }, "\(network.prefix(5))")
        #expect(byTalk.isEmpty, "tillit itself: \(byTalk)")
    }
}
