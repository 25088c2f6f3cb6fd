import Foundation

/// What a new talk needs to know before its first card.
package struct TalkSetup: Hashable, Sendable {
    /// Long enough for any real name or team; short enough for a key bar and a table column.
    package static let maximumNameLength = 60
    package static let maximumTitleLength = 120

    package var kind: TalkKind
    package var title: String
    package var language: Language
    package var participants: [Participant]
    package var deckIDs: [String]
    package var shuffle: Bool
    package var seed: UInt64?
    package var anonymous: Bool
    package var timerSeconds: Int?
    /// Open the voting room as soon as the first card is on screen (a team talk's
    /// "Votes from phones", `tillit start --room`). Not part of the talk's file:
    /// a resumed talk opens its room with `v`.
    package var votesFromPhones: Bool
    /// A 1:1's ratings are shown together (`RatingsRule.together`), unless turned
    /// off (`--open-ratings`, the form's row). Recorded in the talk's file.
    package var ratingsTogether: Bool
    /// How many take part in a team meeting (`--people`, the form's row), for the
    /// shared screen's "5 of 7 voted"; nil when not said. Not part of the talk's file.
    package var people: Int?

    package init(kind: TalkKind, title: String = "", language: Language, participants: [Participant] = [],
                deckIDs: [String], shuffle: Bool = false, seed: UInt64? = nil, anonymous: Bool = false,
                timerSeconds: Int? = nil, votesFromPhones: Bool = false, ratingsTogether: Bool = true, people: Int? = nil) {
        self.kind = kind
        self.title = title
        self.language = language
        self.participants = participants
        self.deckIDs = deckIDs
        self.shuffle = shuffle
        self.seed = seed
        self.anonymous = anonymous
        self.timerSeconds = timerSeconds
        self.votesFromPhones = votesFromPhones
        self.ratingsTogether = ratingsTogether
        self.people = people
    }
}

package enum TalkSetupError: Error, Equatable, CustomStringConvertible {
    case noDecks
    case unknownDeck(String)
    case emptyDeck(String)

    package var description: String {
        switch self {
        case .noDecks: return "choose at least one deck"
        case .unknownDeck(let id): return "unknown deck '\(id)'"
        case .emptyDeck(let id): return "deck '\(id)' has no cards"
        }
    }
}

extension Session {
    /// Deals the cards of the chosen decks and opens the talk. With `shuffle`,
    /// the order comes from `seed` (or `randomSeed`), which is recorded so the
    /// same seed always gives the same order. Open actions from `previous` (the
    /// latest talk with the same people) are brought in first.
    package static func start(_ setup: TalkSetup, decks: [Deck], id: String, now: Date,
                             previous: Session? = nil, randomSeed: UInt64 = 0) throws -> Session {
        guard !setup.deckIDs.isEmpty else { throw TalkSetupError.noDecks }
        var records: [CardRecord] = []
        var references: [DeckReference] = []
        // A deck named twice is dealt once: card ids must stay unique within a talk.
        var seen = Set<String>()
        for deckID in setup.deckIDs where seen.insert(deckID).inserted {
            guard let deck = decks.first(where: { $0.id == deckID }) else { throw TalkSetupError.unknownDeck(deckID) }
            guard !deck.cards.isEmpty else { throw TalkSetupError.emptyDeck(deckID) }
            references.append(DeckReference(id: deck.id, version: deck.version, title: deck.title.resolve(setup.language)))
            records += deck.cards.map { CardRecord(deck: deck.id, card: $0, language: setup.language) }
        }
        let seed = setup.shuffle ? (setup.seed ?? randomSeed) : nil
        if let seed {
            var generator = SeededGenerator(seed: seed)
            records.shuffle(using: &generator)
        }
        let title = setup.title.trimmingCharacters(in: .whitespacesAndNewlines)
        var session = Session(
            id: id, kind: setup.kind,
            title: title.isEmpty ? references.map(\.title).joined(separator: " + ") : title,
            language: setup.language, participants: setup.participants, decks: references,
            shuffleSeed: seed, anonymous: setup.kind == .team && setup.anonymous,
            timerSeconds: setup.timerSeconds.flatMap { $0 > 0 ? $0 : nil }, cards: records, createdAt: now)
        if setup.kind == .oneOnOne { session.ratings = setup.ratingsTogether ? .together : .open }
        if let previous {
            session.carriedOver = previous.actionsToCarryOn.map { CarriedAction(action: $0.action, fromSession: $0.fromSession) }
            session.cleanupItems = previous.cleanupToCarryOn
            session.schemaVersion = session.schemaVersionToWrite
        }
        return session
    }

    /// The most recent talk, other than `excluding`, with the same people as `session`.
    package static func previousTalk(for continuityKey: String, among sessions: [Session], excluding id: String? = nil) -> Session? {
        sessions
            .filter { $0.id != id && $0.continuityKey == continuityKey }
            .max { $0.createdAt < $1.createdAt }
    }

    /// A readable, sortable, unique-enough id: `2026-11-23-1934-a3f9`.
    /// The local time comes from `localtime_r`, the C library's reading of `TZ` or
    /// /etc/localtime, as `TimeZone.current` would: Foundation's `Calendar` and time
    /// zone cost 0.8 M instructions (callgrind) on the way to a new talk's first card.
    package static func makeID(now: Date, random: UInt64) -> String {
        var seconds = time_t(now.timeIntervalSince1970.rounded(.down))
        var local = tm()
        localtime_r(&seconds, &local)
        let suffix = String(random & 0xFFFF, radix: 16)
        return String(Int(local.tm_year) + 1900, zeroPaddedTo: 4) + "-" + String(Int(local.tm_mon) + 1, zeroPaddedTo: 2)
            + "-" + String(Int(local.tm_mday), zeroPaddedTo: 2) + "-" + String(Int(local.tm_hour), zeroPaddedTo: 2)
            + String(Int(local.tm_min), zeroPaddedTo: 2) + "-" + String(repeating: "0", count: 4 - suffix.count) + suffix
    }
}

/// SplitMix64: small, fast and the same on every platform, so a recorded seed
/// reproduces its card order anywhere.
package struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
