import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One HTTP/1.1 exchange from a chosen loopback address (127.0.0.0/8 is all this
/// machine's), so each test phone has a network address of its own, as real phones
/// have: the room holds each address to one vote per card. URLSession cannot pick one.
enum LoopbackHTTP {
    struct Answer: Sendable {
        var status: Int
        var headers: [(String, String)]
        var body: String

        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    /// 127.0.2.1, 127.0.2.2, …: a new address for every phone a test makes.
    static func nextAddress() -> String {
        let number = counter.withLock { value -> Int in value += 1; return value }
        return "127.0.\(2 + number / 250).\(1 + number % 250)"
    }
    private static let counter = Mutex(0)

    /// Sends `method` `url` from `source` with `headers` and `body`, and reads the whole answer (`Connection: close`).
    static func exchange(_ method: String, _ url: URL, from source: String, headers: [String: String] = [:], body: String = "") async throws -> Answer {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try blockingExchange(method, url, from: source, headers: headers, body: body) }) }.start()
        }
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    private static func blockingExchange(_ method: String, _ url: URL, from source: String, headers: [String: String], body: String) throws -> Answer {
        guard let host = url.host, let port = url.port else { throw Failure(description: "no host or port in \(url)") }
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket") }
        defer { close(descriptor) }
        var local = address(source, port: 0), remote = address(host, port: port)
        let bound = withUnsafePointer(to: &local) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        let connected = withUnsafePointer(to: &remote) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, connected == 0 else { throw Failure(description: "cannot connect from \(source) to \(host):\(port)") }
        var request = "\(method) \(Self.target(of: url)) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        if method == "POST" { request += "Content-Length: \(body.utf8.count)\r\n" }
        request += "\r\n" + body
        let bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBufferPointer { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "send") }
            sent += count
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16384)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 1000) > 0 else { continue }
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        let text = String(decoding: received, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure(description: "no answer from the room") }
        let lines = text[..<split.lowerBound].split(separator: "\r\n")
        guard let first = lines.first, let status = Int(first.split(separator: " ").dropFirst().first ?? "") else {
            throw Failure(description: "not an HTTP answer")
        }
        let fields = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Answer(status: status, headers: fields, body: String(text[split.upperBound...]))
    }

    /// The path as the request line carries it, the trailing slash kept.
    private static func target(of url: URL) -> String {
        let text = url.absoluteString
        guard let schemeEnd = text.range(of: "://"), let slash = text[schemeEnd.upperBound...].firstIndex(of: "/") else { return "/" }
        return String(text[slash...])
    }

    private static func address(_ text: String, port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr(text)
        return address
    }
}
