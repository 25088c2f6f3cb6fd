/// A deck as plain text for reading on screen or on paper (`tillit show`).
package enum DeckText {
    package static func render(_ deck: Deck, language: Language, width: Int = 78) -> String {
        let t = Localizer(language)
        var lines: [String] = []
        let title = SafeText.line(deck.title.resolve(language))
        lines.append(title)
        lines.append(String(repeating: "=", count: max(3, DisplayWidth.of(title))))
        if let description = deck.description {
            lines.append("")
            lines += TextWrap.lines(SafeText.clean(description.resolve(language)), width: width)
        }
        for (index, card) in deck.cards.enumerated() {
            lines.append("")
            let kind = t(card.answer.form.shownAs)
            lines.append("\(t(.showCardNumber, index + 1, deck.cards.count)) · \(card.id) · \(kind)")
            lines += TextWrap.lines(SafeText.clean(card.prompt.resolve(language)), width: width - 2).map { "  " + $0 }
            if let scale = card.answer.scale {
                let line = t(.showScale, scale.min, scale.max,
                             SafeText.line(scale.low.resolve(language)), SafeText.line(scale.high.resolve(language)))
                lines += TextWrap.lines(line, width: width - 4).map { "    " + $0 }
            }
            if let hint = card.hint {
                lines += TextWrap.lines("\(t(.showHint)): " + SafeText.clean(hint.resolve(language)), width: width - 4).map { "    " + $0 }
            }
        }
        return lines.joined(separator: "\n")
    }
}
