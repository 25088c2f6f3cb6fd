/// What a card asks for, and every rule that follows from it: what it records,
/// what the card shows, what the minutes and `decks show` say, what the
/// voting room's phones may give. A new kind of answer is a new case here,
/// its answers to these questions, and its strings; nothing else switches on it.
/// As a talk file records it: `"answer": "text+scale"` (the scale's ends are in
/// the record's `scaleMin`/`scaleMax`).
package enum AnswerForm: String, Codable, Hashable, Sendable, CaseIterable {
    case text
    case scale
    case textAndScale = "text+scale"

    /// People write on the card: a field each in a 1:1, the group's in a team.
    package var takesText: Bool {
        switch self {
        case .text, .textAndScale: return true
        case .scale: return false
        }
    }

    /// People rate on the card's scale (in a team, a vote each).
    package var takesRating: Bool {
        switch self {
        case .scale, .textAndScale: return true
        case .text: return false
        }
    }

    /// What the voting room's phones may give while the card is on screen.
    /// A card that takes text alone lets the phones write anonymous answers (`WrittenAnswers`).
    package var roomAsks: RoomQuestion { takesRating ? .rating : (takesText ? .writing : .nothing) }

    package enum RoomQuestion: Hashable, Sendable { case rating, writing, nothing }

    /// How `tillit decks show` names it.
    package var shownAs: UIString {
        switch self {
        case .text: return .showAnswerText
        case .scale: return .showAnswerScale
        case .textAndScale: return .showAnswerTextAndScale
        }
    }

    /// The name used in deck files (`answer: text`, `answer: { scale: {…} }`).
    package var fileName: String { rawValue }

    /// A spelling tillit never wrote reads as a card with words, so whatever
    /// the file holds stays in reach rather than the file being refused.
    package init(from decoder: Decoder) throws {
        self = AnswerForm(rawValue: try decoder.singleValueContainer().decode(String.self)) ?? .text
    }
}

/// A deck card's answer: its form, with the scale when the form rates.
package enum AnswerKind: Hashable, Sendable {
    case text
    case scale(Scale)
    case textAndScale(Scale)

    /// The answer of `form`; nil when the form rates and no scale is given.
    package init?(_ form: AnswerForm, scale: Scale?) {
        switch (form, scale) {
        case (.text, _): self = .text
        case (.scale, let scale?): self = .scale(scale)
        case (.textAndScale, let scale?): self = .textAndScale(scale)
        default: return nil
        }
    }

    package var scale: Scale? {
        switch self {
        case .text: return nil
        case .scale(let scale), .textAndScale(let scale): return scale
        }
    }

    /// What the card asks for, without its scale's words: as a talk records it.
    package var form: AnswerForm {
        switch self {
        case .text: return .text
        case .scale: return .scale
        case .textAndScale: return .textAndScale
        }
    }

    package var takesText: Bool { form.takesText }

    /// The name used in deck files.
    package var fileName: String { form.fileName }
}
