import Hummingbird
import NIOCore
import RoomProtocol

/// A 1:1's room (`--personal`): only the two people's links answer, each under
/// the room's token and the person's own (`/<room>/<person>/`); the room's
/// address alone, or with any other second part, is 404 with the same headers
/// as every answer. The checks are the team room's: the limit per address,
/// the token, then on a post the origin, the phone's cookie and the form value.
enum PersonalRouter {
    static func make(room: Room) -> Router<RoomRequestContext> {
        let router = Router(context: RoomRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: AddressLimitMiddleware(room: room))
        router.add(middleware: TokenGateMiddleware(token: room.token))
        router.add(middleware: PersonGateMiddleware(room: room))
        let person = router.group(RouterPath(room.token)).group(":person")
        person.get { request, context in try page(request, token: try token(context), room: room) }
        person.get("style.css") { _, _ in RoomResponse.make(.ok, type: "text/css; charset=utf-8", body: PhoneAssets.stylesheet) }
        person.get("refresh.js") { _, _ in RoomResponse.make(.ok, type: "text/javascript; charset=utf-8", body: PhoneAssets.refreshScript) }
        person.get("state") { _, _ in RoomResponse.plain(.ok, PhonePage.state(of: room.snapshot(device: nil).round)) }
        person.group()
            .add(middleware: OriginCheckMiddleware(room: room, page: .person))
            .add(middleware: PhoneFormMiddleware(room: room, page: .person))
            .post("vote") { _, context in try rate(context, token: try token(context), room: room) }
        return router
    }

    /// The person's token from the path (`PersonGateMiddleware` let only a known one through).
    static func token(_ context: RoomRequestContext) throws -> String {
        guard let token = context.parameters.get("person") else { throw HTTPError(.notFound) }
        return token
    }

    /// The form value a page gives one device on one person's link: the device and the
    /// person together, so a form from one person's page does not fit the other's.
    static func formDevice(_ device: String, token: String) -> String { device + "/" + token }

    private static func page(_ request: Request, token: String, room: Room) throws -> Response {
        guard let invites = room.personal, let invitee = invites.invitee(token: Substring(token)) else { throw HTTPError(.notFound) }
        let known = RoomRouter.device(in: request)
        let device = known ?? RoomSecret.deviceID()
        let (round, _, form) = room.snapshot(device: formDevice(device, token: token))
        let page = PersonalPage(room: room, token: token, round: round)
        let html = page.render(invitee: invitee, hiddenUntilBoth: invites.hiddenUntilBoth, form: form ?? "")
        var response = RoomResponse.make(.ok, type: "text/html; charset=utf-8", body: html)
        if known == nil { RoomRouter.setDevice(device, on: &response, room: room) }
        return response
    }

    private static func rate(_ context: RoomRequestContext, token: String, room: Room) throws -> Response {
        guard let invites = room.personal else { throw HTTPError(.notFound) }
        guard let phone = context.phone else { return message(.badRequest, token: token, room: room) { $0.badForm } }
        switch invites.rate(token: token, serial: phone.form.card, value: phone.form.value, room: room) {
        case .counted: return backToPage(token: token, room: room)
        case .cardNotShown: return message(.conflict, token: token, room: room) { $0.cardNotShown }
        case .votingClosed: return message(.gone, token: token, room: room) { $0.votingClosed }
        case .notOnScale: return message(.unprocessableContent, token: token, room: room) { $0.notOnScale }
        }
    }

    /// 303 to the person's page: after a rating, and instead of one when the post had no cookie or no form of this page's.
    static func backToPage(token: String, room: Room, newDevice: String? = nil) -> Response {
        var response = RoomResponse.make(.seeOther, type: "text/plain; charset=utf-8", body: "")
        response.headers[.location] = "/\(room.token)/\(token)/"
        if let newDevice { RoomRouter.setDevice(newDevice, on: &response, room: room) }
        return response
    }

    /// A refusal the phone can read, with the way back to the person's own page.
    static func message(_ status: HTTPResponse.Status, token: String, room: Room, _ text: (PhoneStrings) -> String) -> Response {
        let page = PersonalPage(room: room, token: token, round: room.snapshot(device: nil).round)
        return RoomResponse.make(status, type: "text/html; charset=utf-8", body: page.phonePage.message(text(page.phonePage.strings)))
    }
}

/// A path whose second part is not one of the two people's tokens is 404, as an unknown room is.
struct PersonGateMiddleware: RouterMiddleware {
    typealias Context = RoomRequestContext
    let room: Room

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let parts = request.uri.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().dropFirst()
        guard let second = parts.first, room.personal?.invitee(token: second) != nil else { throw HTTPError(.notFound) }
        return try await next(request, context)
    }
}
