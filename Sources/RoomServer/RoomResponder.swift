import Foundation
import Hummingbird
import NIOCore
import RoomProtocol

/// A request context that knows which address a request came from (for the rate limit).
public struct RoomRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let remoteAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}

/// Every request the room answers. Paths without the room token are 404 for
/// any method, so a scan of the network learns nothing.
struct RoomResponder: HTTPResponder {
    typealias Context = RoomRequestContext
    static let bodyLimit = 1024
    static let deviceCookie = "tillit-device"

    let room: Room

    func respond(to request: Request, context: Context) async throws -> Response {
        guard room.allow(address: context.remoteAddress) else {
            var response = message(.tooManyRequests) { $0.tooMany }
            response.headers[.retryAfter] = "1"
            return response
        }
        let parts = request.uri.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard let first = parts.first, RoomSecret.matches(first, room.token) else { return plain(.notFound, "Not found") }
        let rest = parts.dropFirst().joined(separator: "/")
        switch (request.method, rest) {
        case (.get, ""), (.head, ""): return page(request)
        case (.get, "style.css"): return asset(PhoneAssets.stylesheet, type: "text/css; charset=utf-8")
        case (.get, "refresh.js"): return asset(PhoneAssets.refreshScript, type: "text/javascript; charset=utf-8")
        case (.get, "state"): return plain(.ok, PhonePage.state(of: room.snapshot(device: nil).round))
        case (.post, "vote"): return try await vote(request)
        case (_, ""), (_, "style.css"), (_, "refresh.js"), (_, "state"), (_, "vote"):
            return plain(.methodNotAllowed, "Method not allowed")
        default: return plain(.notFound, "Not found")
        }
    }

    private func page(_ request: Request) -> Response {
        let device = Self.device(in: request)
        let (round, myVote) = room.snapshot(device: device)
        let (strings, language) = room.strings(for: round)
        let html = PhonePage(token: room.token, joinCode: room.joinCode, strings: strings, language: language)
            .render(round: round, myVote: myVote)
        var response = Self.secured(.ok, type: "text/html; charset=utf-8", body: html)
        if device == nil { setDevice(RoomSecret.deviceID(), on: &response) }
        return response
    }

    private func vote(_ request: Request) async throws -> Response {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.bodyLimit)
        } catch {
            return message(.contentTooLarge) { $0.tooLarge }
        }
        let fields = FormBody.parse(String(buffer: body))
        guard let serial = fields["card"], let value = fields["value"] else {
            return message(.badRequest) { $0.badForm }
        }
        let known = Self.device(in: request)
        let device = known ?? RoomSecret.deviceID()
        switch room.vote(device: device, serial: serial, value: value) {
        case .counted:
            var response = Self.secured(.seeOther, type: "text/plain; charset=utf-8", body: "")
            response.headers[.location] = "/\(room.token)/"
            if known == nil { setDevice(device, on: &response) }
            return response
        case .cardNotShown: return message(.conflict) { $0.cardNotShown }
        case .votingClosed: return message(.gone) { $0.votingClosed }
        case .notOnScale: return message(.unprocessableContent) { $0.notOnScale }
        }
    }

    private func message(_ status: HTTPResponse.Status, _ text: (PhoneStrings) -> String) -> Response {
        let (strings, language) = room.strings(for: room.snapshot(device: nil).round)
        let html = PhonePage(token: room.token, joinCode: room.joinCode, strings: strings, language: language).message(text(strings))
        return Self.secured(status, type: "text/html; charset=utf-8", body: html)
    }

    private func asset(_ text: String, type: String) -> Response { Self.secured(.ok, type: type, body: text) }

    private func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Self.secured(status, type: "text/plain; charset=utf-8", body: text)
    }

    private func setDevice(_ id: String, on response: inout Response) {
        // A session cookie for this room's path only: gone when the browser closes.
        response.headers[.setCookie] = "\(Self.deviceCookie)=\(id); Path=/\(room.token)/; HttpOnly; SameSite=Strict"
    }

    static func device(in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == deviceCookie,
                   RoomSecret.isDeviceID(parts[1]) {
                    return String(parts[1])
                }
            }
        }
        return nil
    }

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'none'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// Every answer, refusals included: strict CSP, no sniffing, no caching, no referrer.
    static func secured(_ status: HTTPResponse.Status, type: String, body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[.cacheControl] = "no-store"
        headers[.init("Pragma")!] = "no-cache"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        headers[.init("X-Frame-Options")!] = "DENY"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

/// `application/x-www-form-urlencoded`, as a browser sends a form.
enum FormBody {
    static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]) else { continue }
            fields[name] = parts.count > 1 ? decode(parts[1]) ?? "" : ""
        }
        return fields
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
