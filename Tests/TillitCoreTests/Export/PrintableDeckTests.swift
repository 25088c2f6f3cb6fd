import Foundation
import Testing
@testable import TillitCore

/// `tillit print`: a deck as one HTML file of A4 pages, eight cards a page.
@Suite("Printable deck")
struct PrintableDeckTests {
    static func text(_ value: String) -> LocalizedText { LocalizedText([.nb: value, .en: value + " (en)", .da: value + " (da)"]) }

    static let scale = Scale(min: 1, max: 5, low: text("Sjelden"), high: text("Ofte"))

    /// A deck of `count` cards; every third is a rating card and every other has a hint.
    static func deck(cards count: Int) -> Deck {
        Deck(id: "prove", title: text("Prøvekort"), audience: [.team], cards: (1...count).map { number in
            Card(id: "kort-\(number)", prompt: text("Spørsmål nummer \(number)?"),
                 hint: number % 2 == 0 ? text("Hint \(number)") : nil,
                 answer: number % 3 == 0 ? .textAndScale(scale) : .text)
        })
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The HTML of each page, in order.
    static func pages(_ html: String) -> [String] {
        Array(html.components(separatedBy: "<div class=\"page\">").dropFirst())
    }

    @Test(arguments: [1, 7, 8, 9, 13, 16, 17])
    func oneCardElementPerCardAndEightToAPage(count: Int) {
        let html = PrintableDeck.render(Self.deck(cards: count), language: .nb)
        #expect(Self.occurrences(of: "<section class=\"card\"", in: html) == count)
        let pages = Self.pages(html)
        #expect(pages.count == (count + 7) / 8)
        #expect(pages.count == PrintableDeck.pageCount(cards: count))
        for (index, page) in pages.enumerated() {
            let expected = index < pages.count - 1 ? 8 : count - 8 * (pages.count - 1)
            #expect(Self.occurrences(of: "<section class=\"card\"", in: page) == expected, "page \(index + 1)")
        }
    }

    @Test func cardsKeepTheDeckOrderWithTheirNumbers() throws {
        let html = PrintableDeck.render(Self.deck(cards: 10), language: .nb)
        var rest = html[...]
        for number in 1...10 {
            let found = try #require(rest.range(of: "Spørsmål nummer \(number)?"), "card \(number) in order")
            #expect(rest[..<found.lowerBound].contains("\(number)/10"))
            rest = rest[found.upperBound...]
        }
    }

    @Test func everyCardCarriesTheDeckTitleThePromptLargeAndTheHintSmall() {
        let html = PrintableDeck.render(Self.deck(cards: 4), language: .nb)
        #expect(Self.occurrences(of: "<span class=\"deck\">Prøvekort</span>", in: html) == 4)
        #expect(Self.occurrences(of: "<p class=\"prompt ", in: html) == 4)
        #expect(Self.occurrences(of: "<p class=\"hint\">", in: html) == 2, "only cards with a hint get one")
        #expect(html.contains("<p class=\"hint\">Hint 2</p>"))
        #expect(html.contains(".prompt.large { font-size: 16pt; }"))
        #expect(html.contains("font-size: 8pt"), "the hint is set small")
    }

    @Test func ratingCardsShowTheirScaleAndOthersDoNot() {
        let html = PrintableDeck.render(Self.deck(cards: 6), language: .nb)
        #expect(Self.occurrences(of: "<div class=\"scale\">", in: html) == 2)
        #expect(html.contains("<span>1</span><span>2</span><span>3</span><span>4</span><span>5</span>"))
        #expect(html.contains("1 = Sjelden · 5 = Ofte"))
    }

    @Test(arguments: Language.allCases)
    func theChosenLanguageIsUsedThroughout(language: Language) {
        let html = PrintableDeck.render(Self.deck(cards: 3), language: language)
        #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
        #expect(html.contains(Self.text("Spørsmål nummer 1?").resolve(language)))
        let footer = Localizer(language)(.printPageFooter, Self.text("Prøvekort").resolve(language), 1, 1)
        #expect(html.contains(footer))
    }

    @Test func theFileIsSelfContainedWithNoScriptAndNoNetwork() {
        let html = PrintableDeck.render(Self.deck(cards: 9), language: .nb).lowercased()
        for forbidden in ["<script", "http:", "https:", "//", "src=", "href=", "url(", "@import", "<link", "<iframe", "<img"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("@page { size: a4; margin: 0; }"))
        #expect(Self.occurrences(of: "<style>", in: html) == 1, "the CSS is inline")
    }

    @Test func deckTextIsEscapedEverywhere() {
        let nasty = "<script>alert('x')</script> & \"quoted\" <img src=x onerror=alert(1)>"
        let deck = Deck(id: "ond", title: LocalizedText([.nb: "Tittel <b>fet</b> & co"]), cards: [
            Card(id: "a", prompt: LocalizedText([.nb: nasty]), hint: LocalizedText([.nb: "</p><script>x</script>"]),
                 answer: .scale(Scale(min: 1, max: 5, low: LocalizedText([.nb: "<i>lav</i>"]), high: LocalizedText([.nb: "høy\"'"])))),
        ])
        let html = PrintableDeck.render(deck, language: .nb)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>fet</b>"))
        #expect(!html.contains("<i>lav</i>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"))
        #expect(html.contains("Tittel &lt;b&gt;fet&lt;/b&gt; &amp; co"))
        #expect(html.contains("&lt;/p&gt;&lt;script&gt;x&lt;/script&gt;"))
        #expect(html.contains("1 = &lt;i&gt;lav&lt;/i&gt; · 5 = høy&quot;&#39;"))
    }

    @Test func controlCharactersNeverReachThePage() {
        let deck = Deck(id: "k", title: LocalizedText([.nb: "T\u{1B}[31m"]), cards: [
            Card(id: "a", prompt: LocalizedText([.nb: "Hei\u{07}\u{202E} du\u{9B}?"])),
        ])
        let html = PrintableDeck.render(deck, language: .nb)
        #expect(!html.unicodeScalars.contains { $0 != "\n" && SafeText.isUnsafe($0) })
        #expect(html.contains("Hei du?"))
    }

    @Test(arguments: DeckShippedTests.expectedIDs)
    func everyShippedDeckPrintsEveryCard(id: String) throws {
        let deck = try DeckShippedTests.load(id)
        for language in Language.allCases {
            let html = PrintableDeck.render(deck, language: language)
            #expect(Self.occurrences(of: "<section class=\"card\"", in: html) == deck.cards.count)
            #expect(Self.pages(html).count == PrintableDeck.pageCount(cards: deck.cards.count))
            #expect(Self.occurrences(of: "<div class=\"scale\">", in: html) == deck.ratingCardCount)
        }
    }

    @Test func cardsOfAPageFitOnA4WithoutOverlapping() {
        let html = PrintableDeck.render(Self.deck(cards: 8), language: .nb)
        let page = Self.pages(html)[0]
        var corners: Set<String> = []
        for part in page.components(separatedBy: "<section class=\"card\" style=\"").dropFirst() {
            corners.insert(String(part.prefix { $0 != "\"" }))
        }
        #expect(corners.count == 8, "each card has its own place: \(corners.sorted())")
        #expect(PrintableDeck.left >= 10 && PrintableDeck.top >= 10, "room for the cut marks")
        #expect(PrintableDeck.left * 2 + 2 * PrintableDeck.cardWidth <= 210)
        #expect(PrintableDeck.top * 2 + 4 * PrintableDeck.cardHeight <= 297)
    }
}
