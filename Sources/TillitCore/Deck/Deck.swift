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
