import Foundation
import HummingbirdTesting
import NIOCore
import RoomProtocol
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import RoomServer

/// Issue 26, item 6: one hostile phone could hold every descriptor with half-sent
/// requests, and a real phone's page then timed out. Small limits here, so the
/// tests stay short; the bench (`scripts/bench-room-slow`) runs 1,000 connections.
@Suite(.serialized) struct RoomConnectionLimitsTests {
    static let limits = ConnectionLimits(requestDeadline: .milliseconds(300), perAddress: 4, total: 8)

    func run(_ limits: ConnectionLimits = Self.limits, _ test: @escaping @Sendable (RoomUnderTest, Int, any TestClientProtocol) async throws -> Void) async throws {
        let room = RoomUnderTest()
        room.show(Cards.safety)
        try await RoomMain.makeApplication(room: room.room, address: "127.0.0.1", port: 0, limits: limits).test(.live) { client in
            try await test(room, try #require(client.port), client)
        }
    }

    @Test func aConnectionThatSendsHalfARequestIsClosedAfterTheDeadline() async throws {
        try await run { _, port, _ in
            let slow = try #require(RawConnection(port: port))
            slow.send("GET /abc")
            let silent = try #require(RawConnection(port: port))
            let started = Date()
            #expect((await slow.waitForClose(within: 5)), "half a request line is not held for ever")
            #expect((await silent.waitForClose(within: 5)), "nor is a connection that says nothing")
            // Not before the deadline; the upper bound only says "not held": a busy machine is slow to say so.
            let waited = Date().timeIntervalSince(started)
            #expect(waited >= 0.2 && waited < 10, "\(waited)")
        }
    }

    /// A deadline of 2 s here, not 300 ms: on a busy machine the test itself may
    /// take longer than that between connecting and sending, which is no phone's fault.
    @Test func aKeptAliveConnectionIsClosedWhenIdleAndAnsweredWhileBusy() async throws {
        try await run(ConnectionLimits(requestDeadline: .seconds(2), perAddress: 4, total: 8)) { room, port, _ in
            let phone = try #require(RawConnection(port: port))
            for _ in 0..<3 {
                phone.send("GET \(room.base)state HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect((await phone.readResponse(within: 10))?.hasPrefix("HTTP/1.1 200") == true)
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect((await phone.waitForClose(within: 6)))
        }
    }

    /// (The test client holds a connection from 127.0.0.1, so these come from 127.0.0.3.)
    /// The request deadline is far off (30 s), so a close within 5 s is the cap's doing,
    /// not the deadline's. Which of the five is turned away is not fixed: the room admits
    /// connections on several event loops, so the fifth to connect may be admitted before
    /// the fourth (CI saw that twice). What is fixed: one of the five goes, four stay.
    @Test func oneAddressCannotTakeMoreThanItsShare() async throws {
        try await run(ConnectionLimits(requestDeadline: .seconds(30), perAddress: 4, total: 8)) { room, port, _ in
            let five = (0..<5).compactMap { _ in RawConnection(port: port, from: "127.0.0.3") }
            #expect(five.count == 5)
            var turnedAway: Set<Int> = []
            let deadline = Date().addingTimeInterval(5)
            while turnedAway.isEmpty && Date() < deadline {
                for (index, connection) in five.enumerated() {
                    if await connection.waitForClose(within: 0.05) { turnedAway.insert(index) }
                }
            }
            #expect(turnedAway.count == 1, "one of five from one address is turned away: \(turnedAway)")
            for (index, connection) in five.enumerated() where !turnedAway.contains(index) {
                let closed = await connection.waitForClose(within: 0.1)
                #expect(!closed, "the other four stay")
            }
            // Another address is let in.
            let other = try #require(RawConnection(port: port, from: "127.0.0.2"))
            other.send("GET \(room.base)state HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect((await other.readResponse(within: 10))?.hasPrefix("HTTP/1.1 200") == true)
        }
    }

    /// At the total, a new connection (a phone) pushes out the one idle longest.
    @Test func atTheTotalTheLongestIdleMakesWayForANewPhone() async throws {
        try await run(ConnectionLimits(requestDeadline: .seconds(5), perAddress: 4, total: 8)) { room, port, _ in
            var slow: [RawConnection] = []
            for index in 0..<8 {
                let connection = try #require(RawConnection(port: port, from: "127.0.0.\(10 + index / 4)"))
                connection.send("GET /")
                slow.append(connection)
                try await Task.sleep(for: .milliseconds(20))
            }
            let phone = try #require(RawConnection(port: port, from: "127.0.0.20"))
            phone.send("GET \(room.base)state HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect((await phone.readResponse(within: 10))?.hasPrefix("HTTP/1.1 200") == true, "the phone is answered")
            // The oldest made way (the test client's own idle connection may have gone first).
            let oldestClosed = await slow[0].waitForClose(within: 1)
            let nextClosed = await slow[1].waitForClose(within: 0.1)
            #expect(oldestClosed || nextClosed, "the oldest slow one made way")
            #expect(!(await slow[7].waitForClose(within: 0.1)))
        }
    }

    @Test func theDescriptorLimitIsRaisedWhereTheHardLimitAllows() {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        let soft = ConnectionLimits.raiseDescriptorLimit()
        #expect(UInt64(soft) == min(limit.rlim_max, 8192) || UInt64(soft) >= limit.rlim_cur)
        #expect(ConnectionLimits.totalForDescriptors() <= max(16, soft - 64))
    }
}

/// A TCP connection on loopback made by hand, to send half a request or nothing.
final class RawConnection: Sendable {
    let descriptor: Int32

    init?(port: Int, from source: String = "127.0.0.1") {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var local = Self.address(source, port: 0)
        var remote = Self.address("127.0.0.1", port: port)
        let bound = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        let connected = withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, connected == 0 else { close(descriptor); return nil }
    }

    deinit { close(descriptor) }

    static func address(_ text: String, port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr(text)
        return address
    }

    func send(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.send(descriptor, $0.baseAddress, $0.count - 1, Int32(MSG_NOSIGNAL)) }
    }

    /// True when the room closed (or reset) the connection within `seconds`.
    /// The wait blocks a thread of its own, never one of the cooperative pool:
    /// the room's handlers run there, and it has only as many threads as cores.
    func waitForClose(within seconds: Double) async -> Bool {
        await Self.onOwnThread { self.blockingWaitForClose(within: seconds) }
    }

    /// The first bytes of an answer, or nil when none came within `seconds` (on a thread of its own).
    func readResponse(within seconds: Double) async -> String? {
        await Self.onOwnThread { self.blockingReadResponse(within: seconds) }
    }

    private static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in Thread { continuation.resume(returning: work()) }.start() }
    }

    private func blockingWaitForClose(within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let remaining = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
            guard poll(&poller, 1, remaining) > 0 else { continue }
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { return true }
        }
        return false
    }

    private func blockingReadResponse(within seconds: Double) -> String? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(seconds * 1000)) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 8192)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
    }
}
