/// Who a deck is written for.
public enum Audience: String, CaseIterable, Codable, Sendable {
    case oneOnOne = "one-on-one"
    case team
}

/// A rating scale such as 1–5, with words for what the two ends mean.
public struct Scale: Hashable, Sendable {
    public var min: Int
    public var max: Int
    public var low: LocalizedText
    public var high: LocalizedText

    public init(min: Int, max: Int, low: LocalizedText, high: LocalizedText) {
        self.min = min
        self.max = max
        self.low = low
        self.high = high
    }

    public var values: ClosedRange<Int> { min...max }
}

/// What a card asks for: words, a rating, or both.
public enum AnswerKind: Hashable, Sendable {
    case text
    case scale(Scale)
    case textAndScale(Scale)

    public var scale: Scale? {
        switch self {
        case .text: return nil
        case .scale(let scale), .textAndScale(let scale): return scale
        }
    }

    public var takesText: Bool {
        switch self {
        case .text, .textAndScale: return true
        case .scale: return false
        }
    }

    /// What the card asks for, without its scale's words: as a talk records it.
    public var form: AnswerForm {
        switch self {
        case .text: return .text
        case .scale: return .scale
        case .textAndScale: return .textAndScale
        }
    }

    /// The name used in deck files.
    public var fileName: String { form.rawValue }
}

/// What a card asks for, as a talk file records it (`"answer": "text+scale"`);
/// the scale's ends are in the record's `scaleMin`/`scaleMax`.
public enum AnswerForm: String, Codable, Hashable, Sendable {
    case text
    case scale
    case textAndScale = "text+scale"

    /// Whether people write on the card (a scale-only card takes a number only).
    public var takesText: Bool { self != .scale }

    /// A spelling tillit never wrote reads as a card with words, so whatever
    /// the file holds stays in reach rather than the file being refused.
    public init(from decoder: Decoder) throws {
        self = AnswerForm(rawValue: try decoder.singleValueContainer().decode(String.self)) ?? .text
    }
}

public struct Card: Hashable, Sendable, Identifiable {
    public var id: String
    public var prompt: LocalizedText
    public var hint: LocalizedText?
    public var answer: AnswerKind
    /// `about: self`: each person rates their own state (their own energy), so
    /// two ratings that differ are two people, not a disagreement.
    public var aboutSelf: Bool

    public init(id: String, prompt: LocalizedText, hint: LocalizedText? = nil, answer: AnswerKind = .text, aboutSelf: Bool = false) {
        self.id = id
        self.prompt = prompt
        self.hint = hint
        self.answer = answer
        self.aboutSelf = aboutSelf
    }
}

public struct Deck: Hashable, Sendable, Identifiable {
    public var id: String
    public var version: Int
    public var title: LocalizedText
    public var description: LocalizedText?
    public var audience: [Audience]
    public var cards: [Card]

    public init(id: String, version: Int = 1, title: LocalizedText, description: LocalizedText? = nil,
                audience: [Audience] = [.oneOnOne], cards: [Card]) {
        self.id = id
        self.version = version
        self.title = title
        self.description = description
        self.audience = audience
        self.cards = cards
    }

    public func card(id cardID: String) -> Card? { cards.first { $0.id == cardID } }

    public var ratingCardCount: Int { cards.filter { $0.answer.scale != nil }.count }
}
