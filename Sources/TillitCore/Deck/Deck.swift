/// Who a deck is written for.
package enum Audience: String, CaseIterable, Codable, Sendable {
    case oneOnOne = "one-on-one"
    case team
}

/// A rating scale such as 1–5, with words for what the two ends mean.
package struct Scale: Hashable, Sendable {
    package var min: Int
    package var max: Int
    package var low: LocalizedText
    package var high: LocalizedText

    package init(min: Int, max: Int, low: LocalizedText, high: LocalizedText) {
        self.min = min
        self.max = max
        self.low = low
        self.high = high
    }

    package var values: ClosedRange<Int> { min...max }
}

package struct Card: Hashable, Sendable, Identifiable {
    package var id: String
    package var prompt: LocalizedText
    package var hint: LocalizedText?
    package var answer: AnswerKind
    /// `about: self`: each person rates their own state (their own energy), so
    /// two ratings that differ are two people, not a disagreement.
    package var aboutSelf: Bool

    package init(id: String, prompt: LocalizedText, hint: LocalizedText? = nil, answer: AnswerKind = .text, aboutSelf: Bool = false) {
        self.id = id
        self.prompt = prompt
        self.hint = hint
        self.answer = answer
        self.aboutSelf = aboutSelf
    }
}

package struct Deck: Hashable, Sendable, Identifiable {
    package var id: String
    package var version: Int
    package var title: LocalizedText
    package var description: LocalizedText?
    package var audience: [Audience]
    package var cards: [Card]

    package init(id: String, version: Int = 1, title: LocalizedText, description: LocalizedText? = nil,
                audience: [Audience] = [.oneOnOne], cards: [Card]) {
        self.id = id
        self.version = version
        self.title = title
        self.description = description
        self.audience = audience
        self.cards = cards
    }

    package func card(id cardID: String) -> Card? { cards.first { $0.id == cardID } }

    package var ratingCardCount: Int { cards.filter { $0.answer.scale != nil }.count }
}
