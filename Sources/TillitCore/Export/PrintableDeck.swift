import Foundation
import WebText

/// A deck as one self-contained HTML file to print and cut into cards, for a
/// team that meets without a screen: A4 pages with eight cards each (two
/// across, four down) and cut marks in the margins. On each card the deck's
/// title is small, the prompt large, the hint small, and a rating card shows
/// its scale with numbers to circle. Inline CSS only: no scripts, no fonts or
/// images to fetch, nothing that reaches the network. Every deck text is
/// escaped, so a deck file cannot put markup into the page.
package enum PrintableDeck {
    package static let cardsPerPage = 8
    package static let columns = 2
    static let rows = cardsPerPage / columns

    /// Card and page geometry in millimetres. The cards touch, so one cut
    /// serves two cards; the marks show where the cuts go.
    static let cardWidth = 90.0, cardHeight = 65.0
    static let pageWidth = 210.0, pageHeight = 297.0
    static let left = (pageWidth - Double(columns) * cardWidth) / 2
    static let top = (pageHeight - Double(rows) * cardHeight) / 2

    /// Nothing runs and nothing loads: the inline style only (its `style` attributes
    /// place the cards, so `'unsafe-inline'` for style; there is no script to allow).
    static let contentSecurityPolicy = PrintStyle.contentSecurityPolicy

    package static func pageCount(cards: Int) -> Int { (cards + cardsPerPage - 1) / cardsPerPage }

    package static func render(_ deck: Deck, language: Language) -> String {
        let t = Localizer(language)
        let title = SafeText.line(deck.title.resolve(language))
        let pages = pageCount(cards: deck.cards.count)
        var html = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            \(HTMLText.policyMeta(contentSecurityPolicy))
            <title>\(escape(t(.printDocumentTitle, title)))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>

            """
        for page in 0..<pages {
            let first = page * cardsPerPage
            let cards = deck.cards[first..<min(first + cardsPerPage, deck.cards.count)]
            html += "<div class=\"page\">\n"
            html += cutMarks(cards: cards.count)
            for (offset, card) in cards.enumerated() {
                html += cardHTML(card, number: first + offset + 1, of: deck.cards.count, slot: offset,
                                 deckTitle: title, language: language)
            }
            html += "<p class=\"footer\">\(escape(t(.printPageFooter, title, page + 1, pages)))</p>\n"
            html += "</div>\n"
        }
        return html + "</body>\n</html>\n"
    }

    private static func cardHTML(_ card: Card, number: Int, of count: Int, slot: Int, deckTitle: String,
                                 language: Language) -> String {
        let x = left + Double(slot % columns) * cardWidth
        let y = top + Double(slot / columns) * cardHeight
        let prompt = SafeText.clean(card.prompt.resolve(language)).trimmingCharacters(in: .whitespacesAndNewlines)
        var html = "<section class=\"card\" style=\"left:\(mm(x));top:\(mm(y))\">\n"
        html += "<header><span class=\"deck\">\(escape(deckTitle))</span><span class=\"number\">\(number)/\(count)</span></header>\n"
        html += "<p class=\"prompt \(promptSize(prompt))\">\(escape(prompt))</p>\n"
        if let scale = card.answer.scale {
            let low = SafeText.line(scale.low.resolve(language)), high = SafeText.line(scale.high.resolve(language))
            html += "<div class=\"scale\"><p class=\"values\">"
            html += scale.values.map { "<span>\($0)</span>" }.joined()
            html += "</p><p class=\"legend\">\(scale.min) = \(escape(low)) · \(scale.max) = \(escape(high))</p></div>\n"
        }
        if let hint = card.hint {
            let text = SafeText.clean(hint.resolve(language)).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { html += "<p class=\"hint\">\(escape(text))</p>\n" }
        }
        return html + "</section>\n"
    }

    /// Shorter prompts are set larger; the longest still fit beside a hint and a scale.
    private static func promptSize(_ prompt: String) -> String {
        switch prompt.count {
        case ..<70: return "large"
        case ..<110: return "medium"
        default: return "small"
        }
    }

    /// Short lines in the margins, in line with every edge between and around
    /// the cards on the page (a last page that is not full has fewer).
    private static func cutMarks(cards: Int) -> String {
        let gap = 2.0, length = 6.0
        let usedColumns = min(cards, columns), usedRows = (cards + columns - 1) / columns
        var marks = ""
        for column in 0...usedColumns {
            let x = left + Double(column) * cardWidth
            marks += "<i class=\"cut v\" style=\"left:\(mm(x));top:\(mm(top - gap - length))\"></i>"
            marks += "<i class=\"cut v\" style=\"left:\(mm(x));top:\(mm(top + Double(usedRows) * cardHeight + gap))\"></i>\n"
        }
        for row in 0...usedRows {
            let y = top + Double(row) * cardHeight
            marks += "<i class=\"cut h\" style=\"top:\(mm(y));left:\(mm(left - gap - length))\"></i>"
            marks += "<i class=\"cut h\" style=\"top:\(mm(y));left:\(mm(left + Double(usedColumns) * cardWidth + gap))\"></i>\n"
        }
        return marks
    }

    private static func mm(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + "mm"
    }

    private static let style = PrintStyle.base + "\n" + """
        .page { position: relative; width: \(mm(pageWidth)); height: \(mm(pageHeight)); overflow: hidden;
                break-after: page; page-break-after: always; }
        .page:last-child { break-after: auto; page-break-after: auto; }
        .card { position: absolute; width: \(mm(cardWidth)); height: \(mm(cardHeight)); padding: 5mm 6mm;
                outline: 0.2mm dotted #bbb; outline-offset: -0.1mm;
                display: flex; flex-direction: column; overflow: hidden; }
        .card header { display: flex; justify-content: space-between; font-size: 7.5pt; color: #555;
                       letter-spacing: 0.04em; text-transform: uppercase; }
        .prompt { flex: 1; margin: 3mm 0 2mm; font-weight: 600; line-height: 1.25; hyphens: auto; white-space: pre-line; }
        .prompt.large { font-size: 16pt; }
        .prompt.medium { font-size: 14pt; }
        .prompt.small { font-size: 12.5pt; }
        .scale { margin: 0 0 1.5mm; }
        .scale p { margin: 0; }
        .values { display: flex; gap: 3mm; margin-bottom: 1.5mm; }
        .values span { display: inline-block; width: 6.5mm; height: 6.5mm; line-height: 6.2mm; text-align: center;
                       border: 0.3mm solid #000; border-radius: 50%; font-size: 9pt; }
        .legend { font-size: 7.5pt; color: #333; }
        .hint { margin: 0; font-size: 8pt; font-style: italic; color: #444; line-height: 1.3; white-space: pre-line; }
        .cut { position: absolute; display: block; background: #000; }
        .cut.v { width: 0.2mm; height: 6mm; margin-left: -0.1mm; }
        .cut.h { height: 0.2mm; width: 6mm; margin-top: -0.1mm; }
        .footer { position: absolute; left: 0; right: 0; bottom: 4mm; margin: 0; text-align: center;
                  font-size: 7pt; color: #777; }
        """

    /// Makes text safe inside an element or a quoted attribute.
    package static func escape(_ text: String) -> String { HTMLText.escape(text) }
}
