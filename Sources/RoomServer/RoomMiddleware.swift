import Hummingbird
import NIOCore

/// Outermost: every answer carries the same headers, the 404s and 400s Hummingbird
/// makes itself included (strict CSP, no sniffing, no caching, no framing).
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = RoomRequestContext

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'none'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// `same-origin`, not `no-referrer`: with `no-referrer` a browser sends `Origin: null`
    /// on the page's own form, and the origin check could not tell it from a foreign page.
    static let referrerPolicy = "same-origin"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            // Its body is not passed on (it could echo the request); its status is.
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            response = RoomResponse.plain(status, status == .notFound ? "Not found" : status.reasonPhrase)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.cacheControl] = "no-store"
        response.headers[.init("Pragma")!] = "no-cache"
        response.headers[.init("Referrer-Policy")!] = Self.referrerPolicy
        response.headers[.init("X-Frame-Options")!] = "DENY"
        return response
    }
}

/// At most `RateLimiter.requestsPerSecond` requests a second from one address, counted
/// before anything else: one busy phone (or a script) cannot crowd the others out.
struct AddressLimitMiddleware: RouterMiddleware {
    typealias Context = RoomRequestContext
    let room: Room

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard room.allow(address: context.remoteAddress) else {
            var response = RoomResponse.message(.tooManyRequests, room: room) { $0.tooMany }
            response.headers[.retryAfter] = "1"
            return response
        }
        return try await next(request, context)
    }
}

/// A path whose first part is not the room's token is 404, compared in constant time
/// so the answer's timing does not give the token away letter by letter.
struct TokenGateMiddleware: RouterMiddleware {
    typealias Context = RoomRequestContext
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let parts = request.uri.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard let first = parts.first, RoomSecret.matches(first, token) else { throw HTTPError(.notFound) }
        return try await next(request, context)
    }
}

/// A post must come from the room's own page: an `Origin` or `Referer` that names
/// another site (or `null`, as a sandboxed or `file:` page sends) is refused. A post
/// with neither (a script) passes here; the cookie, the form value and the limit
/// per address are what hold it to one vote.
struct OriginCheckMiddleware: RouterMiddleware {
    typealias Context = RoomRequestContext
    let room: Room
    var page = PhonePageOwner.room

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.isOwnOrigin(origin: request.headers[.origin], referer: request.headers[.referer], host: request.head.authority) else {
            return try page.message(.forbidden, context, room: room) { $0.otherOrigin }
        }
        return try await next(request, context)
    }

    static func isOwnOrigin(origin: String?, referer: String?, host: String?) -> Bool {
        guard origin != nil || referer != nil else { return true }
        guard let host, !host.isEmpty else { return false }
        let own = "http://\(host)"
        if let origin, origin != own { return false }
        if let referer, referer != own && !referer.hasPrefix(own + "/") { return false }
        return true
    }
}

/// A post needs the device cookie the page set and the form value that page gave
/// that device for the card (no cookie, a made-up one, or another phone's form:
/// the page is shown again and nothing is counted). The form is read with
/// Hummingbird's `URLEncodedFormDecoder`, at most `RoomRouter.bodyLimit` bytes.
struct PhoneFormMiddleware: RouterMiddleware {
    typealias Context = RoomRequestContext
    let room: Room
    var page = PhonePageOwner.room

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: RoomRouter.bodyLimit)
        } catch {
            return try page.message(.contentTooLarge, context, room: room) { $0.tooLarge }
        }
        guard let form = try? URLEncodedFormDecoder().decode(PhoneForm.self, from: String(buffer: body)) else {
            return try page.message(.badRequest, context, room: room) { $0.badForm }
        }
        guard let device = RoomRouter.device(in: request) else {
            return try page.backToPage(context, room: room, newDevice: RoomSecret.deviceID())
        }
        guard room.formFits(form.form, device: try page.formDevice(device, context), serial: form.card) else {
            return try page.backToPage(context, room: room)
        }
        var context = context
        context.phone = PhonePost(device: device, form: form)
        return try await next(request, context)
    }
}

/// Whose page a phone's post came from: the team room's, or one person's in a 1:1
/// (`/<room>/<person>/`). The checks above are the same for both; only where a
/// refusal or the way back points, and whose form value fits, differ.
enum PhonePageOwner: Sendable {
    case room, person

    func message(_ status: HTTPResponse.Status, _ context: RoomRequestContext, room: Room,
                 _ text: (PhoneStrings) -> String) throws -> Response {
        switch self {
        case .room: return RoomResponse.message(status, room: room, text)
        case .person: return PersonalRouter.message(status, token: try PersonalRouter.token(context), room: room, text)
        }
    }

    func backToPage(_ context: RoomRequestContext, room: Room, newDevice: String? = nil) throws -> Response {
        switch self {
        case .room: return RoomRouter.backToPage(room: room, newDevice: newDevice)
        case .person: return PersonalRouter.backToPage(token: try PersonalRouter.token(context), room: room, newDevice: newDevice)
        }
    }

    /// The device a form value was given to: in a 1:1, the device and the person together.
    func formDevice(_ device: String, _ context: RoomRequestContext) throws -> String {
        switch self {
        case .room: return device
        case .person: return PersonalRouter.formDevice(device, token: try PersonalRouter.token(context))
        }
    }
}
