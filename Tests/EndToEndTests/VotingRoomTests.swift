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

    /// Starts a team talk with the room open on loopback and moves to the first rating card.
    static func openRoom(_ tmux: TmuxSession) throws -> URL {
        try tmux.launch(team + ["--room", "--room-address", "127.0.0.1"])
        let screen = try tmux.waitFor("Room code")
        let address = try #require(screen.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") })
        for _ in 0..<14 where !(try tmux.screen().contains("1 = ")) { try tmux.press("Right"); Thread.sleep(forTimeInterval: 0.2) }
        _ = try tmux.waitFor("votes in from phones")
        return try #require(URL(string: String(address).trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test func thirtyPhonesVoteAndTheTalkCountsThem() async throws {
        let tmux = try TmuxSession()
        let room = try Self.openRoom(tmux)
        let phones = (0..<30).map { Phone(room: room, value: 1 + $0 % 5) }
        // Ten phones at a time: one address (loopback) may make 50 requests a second.
        for batch in stride(from: 0, to: phones.count, by: 10) {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for phone in phones[batch..<(batch + 10)] { group.addTask { try await phone.vote() } }
                for try await status in group { #expect(status == 303) }
            }
            try await Task.sleep(for: .milliseconds(600))
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

/// One phone: its own cookie jar of one cookie, as a browser keeps it.
struct Phone: Sendable {
    let room: URL
    let value: Int

    /// Opens the page, then votes with the form's card field and the room's cookie.
    func vote() async throws -> Int {
        let session = URLSession(configuration: Self.configuration, delegate: NoRedirects(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let (body, response) = try await session.data(from: room)
        let page = String(decoding: body, as: UTF8.self)
        let cookie = ((response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Set-Cookie") ?? "")
            .split(separator: ";").first.map(String.init) ?? ""
        guard let range = page.range(of: "name=\"card\" value=\"") else { return 0 }
        let serial = page[range.upperBound...].prefix { $0 != "\"" }
        var request = URLRequest(url: room.appendingPathComponent("vote"))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue(cookie, forHTTPHeaderField: "Cookie")
        request.httpBody = Data("card=\(serial)&value=\(value)".utf8)
        let (_, answer) = try await session.data(for: request)
        return (answer as? HTTPURLResponse)?.statusCode ?? 0
    }

    static var configuration: URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.connectionProxyDictionary = [:]
        return configuration
    }
}

/// The 303 after a vote is the answer itself: the test reads its status.
final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
