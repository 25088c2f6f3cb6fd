import Foundation
import RoomProtocol
import TillitCore
import TillitUI

/// Where the voting room should listen, from `tillit start --room-address/--room-port`.
struct RoomSettings {
    var address: String?
    var port: Int?
    /// `--room-allow-public`: a public or every-network address is meant.
    var allowPublic = false

    func arguments(language: Language) -> [String] {
        ["--language", language.rawValue] + (address.map { ["--room-address", $0] } ?? [])
            + (port.map { ["--room-port", String($0)] } ?? []) + (allowPublic ? ["--room-allow-public"] : [])
    }
}

/// Keeps the voting room in step with the talk on screen: it shows the phones
/// the current card, reveals when the facilitator does, and brings the room's
/// news back as messages. Only this and `RoomClient` know there is a room.
final class RoomLink {
    private let settings: RoomSettings
    private var client: RoomClient?
    /// The card the room shows (index in the talk), and the talk's index of every
    /// card key it showed, so a count that arrives late still finds its card.
    private var shown: Int?
    private var indexOfKey: [String: Int] = [:]
    private var revealSent = false
    /// The new round (`VotingRoom.round`) the room last showed its card for.
    private var shownRound = 0
    /// The card is held back from the phones: it has typed votes the facilitator has not let a phone round replace.
    private var heldBack = false
    /// Written answers taken since the last reveal was asked for (`revealAnswers`).
    private var answersTaken = 0
    /// A 1:1's room: the ids of the two people it made links for; empty in a team's.
    private var invited: Set<String> = []

    init(settings: RoomSettings) { self.settings = settings }

    var isOpen: Bool { client != nil }

    /// Starts `tillit-room`; a message when it cannot. With `invitation` (a 1:1) it has a personal link per person.
    func open(language: Language, invitation: RoomInvitation? = nil) -> Msg? {
        close()
        do {
            client = try RoomClient(binary: RoomClient.binaryPath(besides: AppContext.executablePath),
                                    arguments: settings.arguments(language: language) + (invitation == nil ? [] : ["--personal"]))
            if let invitation {
                client?.send(invitation.command)
                invited = invitation.ids
            }
            return nil
        } catch {
            return .roomEnded(reason: String(describing: error))
        }
    }

    func close() {
        client?.close()
        client = nil
        shown = nil
        indexOfKey = [:]
        revealSent = false
        shownRound = 0
        heldBack = false
        invited = []
    }

    /// What the room said, for the screens (`Msg`) or plain mode.
    enum News: Equatable {
        case opened(url: String, code: String, qr: [String])
        case votes(card: Int, counts: [Int: Int])
        /// How many written answers the phones have sent on the card (never their words).
        case answers(card: Int, count: Int)
        /// One written answer on the card, once the facilitator revealed them (`revealAnswers`).
        case answer(card: Int, text: String)
        /// The room stopped (nil), or could not open for `reason` (in the talk's language).
        case ended(reason: String?)
        /// The room sent something tillit cannot use and was closed (`RoomEventCheck`).
        case misbehaved(problem: String)
        /// A 1:1's room: `person`'s own link.
        case invited(person: String, url: String, qr: [String])
        /// A 1:1's room: `person` rated card `card` (an index) from their link, or took it back (nil).
        case rated(card: Int, person: String, value: Int?)
    }

    /// One turn of the run loop: the room's news in, the card on screen out.
    func exchange(_ state: AppState) -> [Msg] {
        guard let talk = state.talk, talk.room?.isRunning == true else { close(); return [] }
        let shownCard = talk.phase == .cards && !talk.readOnly ? talk.session.currentIndex : nil
        // A 1:1's typed ratings are each person's own, not votes a phone round would replace.
        return exchange(talk.session, showing: shownCard, round: talk.room?.round ?? 0, holdingBackTyped: talk.session.kind == .team,
                        decks: state.config.decks).map { news in
            switch news {
            case .opened(let url, let code, let qr): return .roomOpened(url: url, code: code, qr: qr)
            case .votes(let card, let counts): return .roomVotes(card: card, counts: counts)
            case .answers(let card, let count): return .roomAnswers(card: card, count: count)
            case .answer(let card, let text): return .roomAnswer(card: card, text: text)
            case .ended(let reason): return .roomEnded(reason: reason)
            case .misbehaved(let problem): return .roomMisbehaved(problem: problem)
            case .invited(let person, let url, let qr): return .roomInvited(person: person, url: url, qr: qr)
            case .rated(let card, let person, let value): return .roomRated(card: card, person: person, value: value)
            }
        }
    }

    /// The room's news since the last call; then the phones are shown card
    /// `showing` of `session` (none when nil or the talk is finished).
    /// `holdingBackTyped`: a card with typed votes is not shown to the phones until the
    /// facilitator lets a phone round replace them (`y` on the screens, `:room replace` in plain mode).
    func exchange(_ session: Session, showing: Int?, round: Int = 0, holdingBackTyped: Bool = false, decks: [Deck]) -> [News] {
        guard let client else { return [] }
        var news: [News] = []
        let scale = { [indexOfKey] (key: String) throws(RoomEventCheck.Problem) -> ClosedRange<Int>? in
            guard let index = indexOfKey[key], session.cards.indices.contains(index) else { throw .unknownCard(key) }
            return session.cards[index].scaleRange
        }
        for line in client.receive() {
            let checked: (event: RoomEvent, counts: RoomEventCheck.Counts)
            do throws(RoomEventCheck.Problem) {
                checked = try RoomEventCheck.check(line: line, maximumVotes: Session.maximumVotes, people: invited, scale: scale)
            } catch {
                return stop(news + [.misbehaved(problem: error.description)])
            }
            switch checked.event {
            case .ready(let url, let code, let qr):
                news.append(.opened(url: url, code: code, qr: qr))
            case .count(let key, _, _), .tally(let key, _):
                // Each showing of a card is a round of its own, and the room's counts are that
                // round's. A card shown again (← back to it) starts a new round: its first vote
                // *replaces* the earlier round's phone votes rather than adding to them, because
                // the room forgets the devices when the card changes and could not tell a phone
                // voting again from a new one (adding would count people twice). Until that first
                // vote the earlier round stands, so paging through a card loses nothing; typed
                // votes are never touched (`CardRecord.replacePhoneVotes`). A card revealed
                // before stays closed to phones when shown again (`sync` reveals it at once).
                // An empty count is a card just shown: it must not wipe votes from an earlier showing.
                guard !checked.counts.isEmpty, let index = indexOfKey[key] else { continue }
                news.append(.votes(card: index, counts: checked.counts))
            case .answers(let key, let count):
                guard let index = indexOfKey[key] else { continue }
                news.append(.answers(card: index, count: count))
            case .answer(let key, let text):
                // Words go into the talk only after this tillit asked for them, for the card on
                // screen, and no more of them than a room may take: anything else is a room gone wrong.
                guard revealSent, let index = indexOfKey[key], index == shown, answersTaken < RoomWriting.maximumAnswers else {
                    return stop(news + [.misbehaved(problem: RoomEventCheck.Problem.answersNotAskedFor.description)])
                }
                answersTaken += 1
                news.append(.answer(card: index, text: text))
            case .cannotListen(let problem):
                return stop(news + [.ended(reason: Self.words(for: problem, Localizer(session.language)))])
            case .failed(let reason):
                return stop(news + [.ended(reason: reason)])
            case .invited(let person, let url, let qr):
                news.append(.invited(person: person, url: url, qr: qr))
            case .rated(let key, let person, let value):
                guard let index = indexOfKey[key] else { continue }
                news.append(.rated(card: index, person: person, value: value))
            }
        }
        if client.wroteTooLongALine { return stop(news + [.misbehaved(problem: RoomEventCheck.Problem.lineTooLong.description)]) }
        if client.ended { return stop(news + [.ended(reason: nil)]) }
        sync(session, showing: session.isFinished ? nil : showing, round: round, holdingBackTyped: holdingBackTyped, decks: decks, client)
        return news
    }

    private func stop(_ news: [News]) -> [News] {
        close()
        return news
    }

    static func words(for problem: RoomListenProblem, _ t: Localizer) -> String {
        switch problem {
        case .portInUse(let port): return t(.roomPortInUse, port)
        case .addressNotHere(let address): return t(.roomAddressNotHere, address)
        case .noPrivateAddress: return t(.roomNoPrivateAddress)
        }
    }

    /// Waits (a few seconds at most) until the room listens or gives up: for plain mode, which has no loop to wait in.
    func waitUntilOpen(_ session: Session, decks: [Deck]) -> [News] {
        var news: [News] = []
        for _ in 0..<500 where client != nil {
            news += exchange(session, showing: session.currentIndex, holdingBackTyped: true, decks: decks)
            if news.contains(where: { if case .votes = $0 { return false } else { return true } }) { break }
            usleep(10_000)
        }
        return news
    }

    private func sync(_ session: Session, showing wanted: Int?, round: Int, holdingBackTyped: Bool, decks: [Deck], _ client: RoomClient) {
        // A new round (`n`) shows the same card afresh: the room forgets its devices.
        // A card with typed votes is held back (the phones see no card) until they are dropped.
        let holdBack = holdingBackTyped && (wanted.map { session.cards.indices.contains($0) && RoomVoteRules.holdsBack(session.cards[$0]) } ?? false)
        if wanted != shown || round != shownRound || holdBack != heldBack {
            shownRound = round
            heldBack = holdBack
            if let wanted, !holdBack, session.cards.indices.contains(wanted) {
                let record = session.cards[wanted]
                client.send(.show(card: Self.roomCard(record, decks: decks, language: session.language)))
                indexOfKey[record.key] = wanted
            } else {
                client.send(.close)
            }
            shown = wanted
            revealSent = false
            answersTaken = 0
        }
        // The phones' voting closes only on a reveal that shows the result: below the minimum
        // the screen says why, and the room stays open for the votes still to come.
        if let shown, !revealSent, session.cards.indices.contains(shown), session.cards[shown].votesRevealed,
           session.voteDisclosure(of: session.cards[shown]).tally != nil {
            client.send(.reveal)
            revealSent = true
        }
    }

    /// The facilitator reveals the written answers on the card the phones show (the check
    /// that enough are in is `WrittenAnswers.canReveal`'s): the room sends them back, each on a line.
    func revealAnswers() {
        guard let client, shown != nil, !revealSent else { return }
        client.send(.reveal)
        revealSent = true
        answersTaken = 0
    }

    /// The card as the phones see it: prompt and scale, nothing of the talk.
    static func roomCard(_ record: CardRecord, decks: [Deck], language: Language) -> RoomCard {
        var scale: RoomScale?
        if let range = record.scaleRange {
            let labels = decks.first { $0.id == record.deck }?.card(id: record.card)?.answer.scale
            scale = RoomScale(min: range.lowerBound, max: range.upperBound,
                              low: labels.map { SafeText.line($0.low.resolve(language)) } ?? "",
                              high: labels.map { SafeText.line($0.high.resolve(language)) } ?? "")
        }
        return RoomCard(key: record.key, prompt: SafeText.clean(record.prompt), scale: scale, language: language.rawValue,
                        writes: record.answer.roomAsks == .writing ? true : nil)
    }
}
