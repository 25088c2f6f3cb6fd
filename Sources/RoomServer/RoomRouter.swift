import Hummingbird
import NIOCore
import RoomProtocol

/// A request context that knows which address a request came from (for the limits
/// per address) and, on a post, the phone and the form that middleware checked.
package struct RoomRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    let remoteAddress: String
    var phone: PhonePost?

    package init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}

/// What a phone posts: the card it saw, the form value its page carried, and its choice.
struct PhoneForm: Decodable, Sendable {
    var card: String
    var form: String
    var value: String
}

/// A post the middleware let through: a device the room knows by its cookie, with a form its page gave.
struct PhonePost: Sendable {
    let device: String
    let form: PhoneForm
}

/// Every route the room answers, under its token; everything else is 404 for any method,
/// so a scan of the network learns nothing. The checks sit in middleware, outermost first:
/// headers on every answer, the limit per address, the token, then (posts only) the
/// origin and the phone's cookie and form value.
enum RoomRouter {
    /// A written answer of 280 characters, each up to four bytes and each byte sent as `%XX`, fits.
    static let bodyLimit = 4096
    static let deviceCookie = "tillit-device"

    static func make(room: Room) -> Router<RoomRequestContext> {
        let router = Router(context: RoomRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: AddressLimitMiddleware(room: room))
        router.add(middleware: TokenGateMiddleware(token: room.token))
        let phone = router.group(RouterPath(room.token))
        phone.get { request, _ in page(request, room: room) }
        phone.get("style.css") { _, _ in RoomResponse.make(.ok, type: "text/css; charset=utf-8", body: PhoneAssets.stylesheet) }
        phone.get("refresh.js") { _, _ in RoomResponse.make(.ok, type: "text/javascript; charset=utf-8", body: PhoneAssets.refreshScript) }
        phone.get("state") { _, _ in RoomResponse.plain(.ok, PhonePage.state(of: room.snapshot(device: nil).round)) }
        phone.group()
            .add(middleware: OriginCheckMiddleware(room: room))
            .add(middleware: PhoneFormMiddleware(room: room))
            .post("vote") { _, context in vote(context, room: room) }
            .post("write") { _, context in write(context, room: room) }
        return router
    }

    private static func page(_ request: Request, room: Room) -> Response {
        let known = device(in: request)
        let device = known ?? RoomSecret.deviceID()
        let (round, myVote, form) = room.snapshot(device: device)
        let (strings, language) = room.strings(for: round)
        let html = PhonePage(token: room.token, joinCode: room.joinCode, strings: strings, language: language)
            .render(round: round, myVote: myVote, form: form ?? "", written: room.written(by: device, on: round))
        var response = RoomResponse.make(.ok, type: "text/html; charset=utf-8", body: html)
        if known == nil { setDevice(device, on: &response, room: room) }
        return response
    }

    private static func vote(_ context: RoomRequestContext, room: Room) -> Response {
        guard let phone = context.phone else { return RoomResponse.message(.badRequest, room: room) { $0.badForm } }
        switch room.vote(device: phone.device, address: context.remoteAddress, serial: phone.form.card, value: phone.form.value) {
        case .counted: return backToPage(room: room)
        case .cardNotShown: return RoomResponse.message(.conflict, room: room) { $0.cardNotShown }
        case .votingClosed: return RoomResponse.message(.gone, room: room) { $0.votingClosed }
        case .notOnScale: return RoomResponse.message(.unprocessableContent, room: room) { $0.notOnScale }
        }
    }

    /// 303 to the page: after a vote, and instead of one (nothing counted) when the post had no cookie or no form of this page's.
    static func backToPage(room: Room, newDevice: String? = nil) -> Response {
        var response = RoomResponse.make(.seeOther, type: "text/plain; charset=utf-8", body: "")
        response.headers[.location] = "/\(room.token)/"
        if let newDevice { setDevice(newDevice, on: &response, room: room) }
        return response
    }

    static func setDevice(_ id: String, on response: inout Response, room: Room) {
        // A session cookie for this room's path only: gone when the browser closes.
        response.setCookie(Cookie(name: deviceCookie, value: id, path: "/\(room.token)/", httpOnly: true, sameSite: .strict))
    }

    static func device(in request: Request) -> String? {
        guard let value = request.cookies[deviceCookie]?.value, RoomSecret.isDeviceID(Substring(value)) else { return nil }
        return value
    }
}

/// The room's own answers. The security headers are added by `SecurityHeadersMiddleware`, to every answer.
enum RoomResponse {
    static func make(_ status: HTTPResponse.Status, type: String, body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        make(status, type: "text/plain; charset=utf-8", body: text)
    }

    /// A refusal the phone can read, in the talk's language, with the way back.
    static func message(_ status: HTTPResponse.Status, room: Room, _ text: (PhoneStrings) -> String) -> Response {
        let (strings, language) = room.strings(for: room.snapshot(device: nil).round)
        let html = PhonePage(token: room.token, joinCode: room.joinCode, strings: strings, language: language)
            .message(text(strings), linkBack: room.personal == nil)
        return make(status, type: "text/html; charset=utf-8", body: html)
    }
}
