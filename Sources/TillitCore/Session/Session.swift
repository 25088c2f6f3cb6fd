import Foundation

package enum TalkKind: String, Codable, CaseIterable, Sendable {
    case oneOnOne = "one-on-one"
    case team
}

package enum Role: String, Codable, CaseIterable, Sendable {
    case leader, employee, member, facilitator
}

package struct Participant: Codable, Hashable, Sendable, Identifiable {
    /// Stable within a talk (`p1`, `p2`…), so a renamed person keeps their answers.
    package var id: String
    package var name: String
    package var role: Role

    package init(id: String, name: String, role: Role) {
        self.id = id
        self.name = name
        self.role = role
    }
}

/// The decks a talk was started with, and the version of each at the time.
package struct DeckReference: Codable, Hashable, Sendable {
    package var id: String
    package var version: Int
    package var title: String

    package init(id: String, version: Int, title: String) {
        self.id = id
        self.version = version
        self.title = title
    }
}

package enum CardStatus: String, Codable, CaseIterable, Sendable {
    /// Not yet dealt with.
    case open
    case answered
    case skipped
    /// Put aside to come back to later in the same talk.
    case parked
}

/// One person's words and rating on one card.
package struct Response: Codable, Hashable, Sendable {
    package var participant: String
    package var text: String
    package var rating: Int?
    package var updatedAt: Date
    /// The person keeps this answer out of the minutes (`u`): it stays in the
    /// talk and on screen for the two of them, and leaves in no export
    /// (`Session.forMinutes`). In the file only when set (`"keptOut": true`).
    package var keptOut: Bool

    package init(participant: String, text: String = "", rating: Int? = nil, updatedAt: Date, keptOut: Bool = false) {
        self.participant = participant
        self.text = text
        self.rating = rating
        self.updatedAt = updatedAt
        self.keptOut = keptOut
    }

    package var isEmpty: Bool { text.isEmpty && rating == nil }

    enum CodingKeys: String, CodingKey { case participant, text, rating, updatedAt, keptOut }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        participant = try c.decode(String.self, forKey: .participant)
        text = try c.decode(String.self, forKey: .text)
        rating = try c.decodeIfPresent(Int.self, forKey: .rating)
        updatedAt = try c.decode(Date.self, forKey: .updatedAt)
        keptOut = try c.decodeIfPresent(Bool.self, forKey: .keptOut) ?? false
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(participant, forKey: .participant)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(rating, forKey: .rating)
        try c.encode(updatedAt, forKey: .updatedAt)
        if keptOut { try c.encode(true, forKey: .keptOut) }
    }
}

/// A card as it was dealt in this talk. The prompt and scale are copied in so
/// the record stays readable even if the deck file changes later.
package struct CardRecord: Codable, Hashable, Sendable {
    package var deck: String
    package var card: String
    package var prompt: String
    package var answer: AnswerForm
    package var scaleMin: Int?
    package var scaleMax: Int?
    package var status: CardStatus
    package var responses: [Response]
    /// Team votes when the talk is anonymous: how many chose each value, no
    /// names. Keyed by the value; in the file the keys are strings (`"4": 2`).
    package var anonymousVotes: [Int: Int]?
    /// The part of `anonymousVotes` that came from people's phones through the
    /// voting room, value → count; nil when none did (and in files from before it).
    package var phoneVotes: [Int: Int]?
    /// The votes (value → count) as they were when the facilitator revealed
    /// them. Kept in the file so a resumed talk, or a return to the card, shows
    /// what the room already saw, and nothing newer: see `votesRevealed`.
    package var revealedVotes: [Int: Int]?
    package var secondsSpent: Double
    /// The deck's `about: self`: each rates their own state, never compared as
    /// disagreement. Nil (not written) for other cards and in older files.
    package var aboutSelf: Bool?

    package init(deck: String, card: Card, language: Language) {
        self.deck = deck
        self.card = card.id
        self.prompt = card.prompt.resolve(language)
        self.answer = card.answer.form
        self.scaleMin = card.answer.scale?.min
        self.scaleMax = card.answer.scale?.max
        self.status = .open
        self.responses = []
        self.anonymousVotes = nil
        self.phoneVotes = nil
        self.revealedVotes = nil
        self.secondsSpent = 0
        self.aboutSelf = card.aboutSelf ? true : nil
    }

    /// Two people's ratings here are about the same thing, so they can differ (not `about: self`).
    package var ratingsCompare: Bool { aboutSelf != true }

    /// `deck/card`: the key that trends and carry-over join on.
    package var key: String { "\(deck)/\(card)" }
    /// A card people rate: its form rates (`AnswerForm.takesRating`) and the record carries the scale.
    package var isRating: Bool { answer.takesRating && scaleRange != nil }
    package var scaleRange: ClosedRange<Int>? {
        guard let scaleMin, let scaleMax, scaleMin <= scaleMax else { return nil }
        return scaleMin...scaleMax
    }

    package func response(of participant: String) -> Response? {
        responses.first { $0.participant == participant }
    }

    /// Every rating given on this card, named or anonymous, as value → count.
    package var ratingCounts: [Int: Int] {
        var counts: [Int: Int] = [:]
        for response in responses { if let rating = response.rating { counts[rating, default: 0] += 1 } }
        for (value, count) in anonymousVotes ?? [:] { counts[value, default: 0] += count }
        return counts
    }

    package var ratingCount: Int { ratingCounts.values.reduce(0, +) }

    package var ratingMean: Double? {
        let counts = ratingCounts
        let total = counts.values.reduce(0, +)
        guard total > 0 else { return nil }
        return Double(counts.reduce(0) { $0 + $1.key * $1.value }) / Double(total)
    }

    package var hasContent: Bool {
        responses.contains { !$0.isEmpty } || !(anonymousVotes ?? [:]).isEmpty
    }
}

/// Something the people in the talk agreed to do.
package struct Action: Codable, Hashable, Sendable, Identifiable {
    package var id: String
    package var text: String
    package var owner: String
    /// A calendar day, `YYYY-MM-DD`, or none.
    package var due: String?
    package var done: Bool
    /// `deck/card` of the card it was agreed on, if any.
    package var fromCard: String?
    package var createdAt: Date
    /// The talk it was agreed in, when this talk kept it from an earlier one
    /// (`resolveCarried` `.kept`): it is on this talk's list, marked so.
    package var carriedFrom: String?

    package init(id: String, text: String, owner: String, due: String? = nil, done: Bool = false,
                fromCard: String? = nil, createdAt: Date, carriedFrom: String? = nil) {
        self.id = id
        self.text = text
        self.owner = owner
        self.due = due
        self.done = done
        self.fromCard = fromCard
        self.createdAt = createdAt
        self.carriedFrom = carriedFrom
    }
}

package enum CarryOverOutcome: String, Codable, CaseIterable, Sendable {
    /// Not yet looked at in this talk.
    case pending
    case done
    /// Still open; it is carried on to the next talk.
    case kept
    case dropped
}

/// An open action from an earlier talk, and what became of it in this one.
package struct CarriedAction: Codable, Hashable, Sendable, Identifiable {
    package var action: Action
    package var fromSession: String
    package var outcome: CarryOverOutcome

    package init(action: Action, fromSession: String, outcome: CarryOverOutcome = .pending) {
        self.action = action
        self.fromSession = fromSession
        self.outcome = outcome
    }

    package var id: String { action.id }
}

/// One talk: everything that was said, rated and agreed. This is the JSON record.
package struct Session: Codable, Hashable, Sendable, Identifiable {
    /// 2: the clean-up list (`cleanup`). A file of version 1 is read as a talk without one.
    package static let currentSchemaVersion = 2
    /// The version a talk without clean-up items is written as, so an older tillit can still open it.
    package static let schemaVersionWithoutCleanup = 1

    package var schemaVersion: Int
    package var id: String
    package var kind: TalkKind
    package var title: String
    package var language: Language
    package var participants: [Participant]
    package var decks: [DeckReference]
    package var shuffleSeed: UInt64?
    package var anonymous: Bool
    /// How a 1:1 shows its ratings (`RatingsRule`); nil in team talks and in
    /// files from before the rule, which read as `.open`, as they were recorded.
    package var ratings: RatingsRule?
    package var timerSeconds: Int?
    package var cards: [CardRecord]
    package var currentIndex: Int
    package var actions: [Action]
    package var carriedOver: [CarriedAction]
    /// The clean-up items added in this talk and those brought in from the
    /// talks before (`CleanupItem`); nil (not in the file) when there are none.
    package var cleanup: [CleanupItem]?
    package var notes: String
    /// The leader's own notes: kept in the file, left out of exports unless asked for.
    package var privateNotes: String
    /// When the private notes were deleted because their time was up (`PrivateNotesExpiry`), so the talk can say so.
    package var privateNotesExpiredAt: Date?
    /// How many answers an export left out because their writers kept them out
    /// of the minutes (`forMinutes`); set in `tillit export --format json` only, never in the talk's file.
    package var keptOutOfMinutes: Int?
    /// Who confirmed the minutes, and when (`MinutesConfirmation`); nil until someone has.
    package var confirmations: [MinutesConfirmation]?
    /// SHA-256 (hex) of the minutes' exact text as they were confirmed.
    package var minutesFingerprint: String?
    package var createdAt: Date
    package var updatedAt: Date
    package var finishedAt: Date?

    /// When the current card was last timed; not saved, so a pause between a
    /// crash and a resume is not counted as time on the card.
    package var timingSince: Date?

    enum CodingKeys: String, CodingKey {
        case schemaVersion, id, kind, title, language, participants, decks, shuffleSeed, anonymous, ratings,
             timerSeconds, cards, currentIndex, actions, carriedOver, cleanup, notes, privateNotes, privateNotesExpiredAt, keptOutOfMinutes,
             confirmations, minutesFingerprint, createdAt, updatedAt, finishedAt
    }

    package init(id: String, kind: TalkKind, title: String, language: Language, participants: [Participant],
                decks: [DeckReference], shuffleSeed: UInt64?, anonymous: Bool, timerSeconds: Int?,
                cards: [CardRecord], createdAt: Date) {
        // A new talk has no clean-up items yet: it is of the version that holds none (`schemaVersionToWrite`).
        self.schemaVersion = Self.schemaVersionWithoutCleanup
        self.id = id
        self.kind = kind
        self.title = title
        self.language = language
        self.participants = participants
        self.decks = decks
        self.shuffleSeed = shuffleSeed
        self.anonymous = anonymous
        self.ratings = nil
        self.timerSeconds = timerSeconds
        self.cards = cards
        self.currentIndex = 0
        self.actions = []
        self.carriedOver = []
        self.notes = ""
        self.privateNotes = ""
        self.keptOutOfMinutes = nil
        self.confirmations = nil
        self.minutesFingerprint = nil
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.finishedAt = nil
        self.timingSince = createdAt
    }

    package var isFinished: Bool { finishedAt != nil }
    package var currentCard: CardRecord? { cards.indices.contains(currentIndex) ? cards[currentIndex] : nil }
    package var isAnonymousTeam: Bool { kind == .team && anonymous }

    package func participant(id: String) -> Participant? { participants.first { $0.id == id } }

    /// The person `typed` names: the same name in any case (`_` for a space),
    /// else the one name it begins, else an id (`p2`). The one rule for who is
    /// meant, whether choosing who writes or naming an action's owner.
    package func participant(named typed: String) -> Participant? {
        let query = typed.replacingOccurrences(of: "_", with: " ").trimmingCharacters(in: .whitespaces).lowercased()
        guard !query.isEmpty else { return nil }
        if let exact = participants.first(where: { $0.name.lowercased() == query }) { return exact }
        let starting = participants.filter { $0.name.lowercased().hasPrefix(query) }
        if starting.count == 1 { return starting[0] }
        return participants.first { $0.id == query }
    }

    /// An action's owner as it is kept: someone in the talk written as the talk
    /// spells them; anyone else (a colleague, "økonomi") as typed, for an action
    /// may well be someone's outside the room.
    package func ownerName(_ typed: String) -> String {
        participant(named: typed)?.name ?? typed.replacingOccurrences(of: "_", with: " ").trimmingCharacters(in: .whitespaces)
    }

    /// Cards that are answered, skipped or parked, for progress displays.
    package var handledCount: Int { cards.filter { $0.status != .open }.count }
    package var answeredCount: Int { cards.filter { $0.status == .answered }.count }
    package var openActions: [Action] { actions.filter { !$0.done } }

    /// Actions still open when this talk ended, including earlier ones it kept:
    /// what the next talk with the same people brings in first. A kept action
    /// is on this talk's list (older files have it only among `carriedOver`).
    package var actionsToCarryOn: [(action: Action, fromSession: String)] {
        let listed = Set(actions.map(\.id))
        return carriedOver.filter { $0.outcome == .pending || ($0.outcome == .kept && !listed.contains($0.action.id)) }
            .map { ($0.action, $0.fromSession) }
            + openActions.map { action in
                var carried = action
                carried.carriedFrom = nil
                return (carried, action.carriedFrom ?? id)
            }
    }

    /// Who a talk is "the same people" as: for a 1:1 the names, for a team the title.
    package var continuityKey: String { Self.continuityKey(kind: kind, title: title, participants: participants) }

    /// The same key from the parts a listing reads, so a summary need not load the whole talk.
    package static func continuityKey(kind: TalkKind, title: String, participants: [Participant]) -> String {
        switch kind {
        case .oneOnOne:
            return "one-on-one:" + participants.map { $0.name.lowercased().trimmingSpacesAndTabs() }
                .sorted().joined(separator: "|")
        case .team:
            return "team:" + title.lowercased().trimmingSpacesAndTabs()
        }
    }
}

extension Session {
    /// What a readable talk is: the fields its listing reads (`SessionSummary`)
    /// must be there; the rest a person may have left out or set to `null` by
    /// hand, and is read as empty. So a talk that `tillit sessions` and the
    /// history list can also be resumed.
    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(TalkKind.self, forKey: .kind)
        title = try c.decode(String.self, forKey: .title)
        language = try c.decode(Language.self, forKey: .language)
        participants = try c.decode([Participant].self, forKey: .participants)
        decks = try c.decode([DeckReference].self, forKey: .decks)
        cards = try c.decode([CardRecord].self, forKey: .cards)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        updatedAt = try c.decode(Date.self, forKey: .updatedAt)
        finishedAt = try c.decodeIfPresent(Date.self, forKey: .finishedAt)
        shuffleSeed = try c.decodeIfPresent(UInt64.self, forKey: .shuffleSeed)
        timerSeconds = try c.decodeIfPresent(Int.self, forKey: .timerSeconds)
        anonymous = try c.decodeIfPresent(Bool.self, forKey: .anonymous) ?? false
        // A rule this tillit does not know (a file edited by hand) reads as the fairer one.
        ratings = try c.decodeIfPresent(String.self, forKey: .ratings).map { RatingsRule(rawValue: $0) ?? .together }
        currentIndex = try c.decodeIfPresent(Int.self, forKey: .currentIndex) ?? 0
        actions = try c.decodeIfPresent([Action].self, forKey: .actions) ?? []
        carriedOver = try c.decodeIfPresent([CarriedAction].self, forKey: .carriedOver) ?? []
        // Version 1 files have no clean-up list: read as none.
        cleanup = schemaVersion >= 2 ? try c.decodeIfPresent([CleanupItem].self, forKey: .cleanup) : nil
        notes = try c.decodeIfPresent(String.self, forKey: .notes) ?? ""
        privateNotes = try c.decodeIfPresent(String.self, forKey: .privateNotes) ?? ""
        privateNotesExpiredAt = try c.decodeIfPresent(Date.self, forKey: .privateNotesExpiredAt)
        keptOutOfMinutes = try c.decodeIfPresent(Int.self, forKey: .keptOutOfMinutes)
        confirmations = try c.decodeIfPresent([MinutesConfirmation].self, forKey: .confirmations)
        minutesFingerprint = try c.decodeIfPresent(String.self, forKey: .minutesFingerprint)
        timingSince = nil
    }
}
