import Foundation
import RoomProtocol
import Synchronization

/// One voting room: its secrets, the card on the phones and the rate limit,
/// shared by every connection. Counts leave through `report`, nothing else does.
package final class Room: Sendable {
    package let token: String
    package let joinCode: String
    let language: String
    /// A 1:1's two people and their links; nil in a team's room.
    let personal: PersonalInvites?
    let report: @Sendable (RoomEvent) -> Void
    private let state: Mutex<(round: VotingRound, limiter: RateLimiter)>
    /// The written answers on a text card (`WrittenRound`), and the order they are revealed in.
    let writing: Mutex<(round: WrittenRound, shuffle: AnswerShuffle)>

    /// The values a scale may run between, as in a talk file (`Session.scaleBounds` in tillit).
    static let scaleBounds = -1_000...1_000

    init(language: String, token: String = RoomSecret.roomToken(), joinCode: String = RoomSecret.joinCode(),
                rateLimit: Int = RateLimiter.requestsPerSecond, answerSeed: UInt64? = nil, personal: Bool = false,
                report: @escaping @Sendable (RoomEvent) -> Void) {
        self.token = token
        self.personal = personal ? PersonalInvites(report: report) : nil
        self.joinCode = joinCode
        self.language = language
        self.report = report
        state = Mutex((VotingRound(serial: RoomSecret.serial()), RateLimiter(limit: rateLimit)))
        writing = Mutex((WrittenRound(), AnswerShuffle(seed: answerSeed)))
    }

    /// Applies one line from tillit; false (and nothing changes) for a card no talk has.
    @discardableResult
    package func handle(_ command: RoomCommand) -> Bool {
        switch command {
        case .show(let card):
            // The page draws a button per value: a scale upside down, or one without end, is no card's.
            if let scale = card.scale, !(Self.scaleBounds.contains(scale.min) && Self.scaleBounds.contains(scale.max) && scale.min <= scale.max) {
                state.withLock { $0.round.close(serial: RoomSecret.serial()) }
                return false
            }
            state.withLock { $0.round.show(card, serial: RoomSecret.serial()) }
            report(.count(card: card.key, votes: 0, counts: [:]))
        case .reveal:
            // A text card's answers, when the phones write on it (`Room.revealAnswers`).
            if revealAnswers() { return true }
            if let tally = state.withLock({ $0.round.reveal() }) {
                report(.tally(card: tally.card, counts: tally.counts))
            }
        case .close:
            state.withLock { $0.round.close(serial: RoomSecret.serial()) }
        case .invite(let people, let hiddenUntilBoth):
            return personal?.invite(people, hiddenUntilBoth: hiddenUntilBoth) ?? false
        }
        // The last card's written answers are forgotten as soon as it leaves the phones.
        let serial = state.withLock { $0.round.serial }
        writing.withLock { $0.round.follow(serial: serial) }
        return true
    }

    /// The card on screen takes no more votes or answers (its answers were revealed).
    func markRevealed() {
        state.withLock { _ = $0.round.reveal() }
    }

    func allow(address: String) -> Bool {
        let now = Date().timeIntervalSince1970
        return state.withLock { $0.limiter.allow(address, now: now) }
    }

    /// The round as `device` sees it: its own vote, and the form value its page carries.
    func snapshot(device: String?) -> (round: VotingRound, myVote: Int?, form: String?) {
        state.withLock { state in
            (state.round, device.flatMap(state.round.vote(of:)), device.map(state.round.formValue(for:)))
        }
    }

    /// Whether `form` is what the page gave `device` for the card `serial`; true for a card
    /// not shown, which the vote itself refuses with its own words.
    func formFits(_ form: String, device: String, serial: String) -> Bool {
        state.withLock { $0.round.serial != serial || $0.round.formFits(form, device: device) }
    }

    func vote(device: String, address: String, serial: String, value: String) -> VotingRound.VoteOutcome {
        // Reported while the round is held: two phones voting at once must not
        // report their counts in the other order, or tillit would keep the older.
        state.withLock {
            let outcome = $0.round.vote(device: device, address: address, serial: serial, value: value)
            if case .counted(let total) = outcome, let key = $0.round.card?.key {
                report(.count(card: key, votes: total, counts: $0.round.counts))
            }
            return outcome
        }
    }

    func strings(for round: VotingRound) -> (PhoneStrings, String) {
        let language = round.card?.language ?? self.language
        return (PhoneStrings.forLanguage(language), language)
    }
}
