import Foundation
import WebText
import Testing
@testable import TillitCore

/// Deck text in HTML stays text: escaped by Unicode scalar, not by grapheme,
/// so a mark that joins the next character (U+0600 before `<`, a combining
/// accent after it) cannot carry a raw `<` past the escaper.
@Suite("HTML escaping")
struct HTMLEscapeTests {
    /// The audit's payloads: the grapheme trick and the usual ones.
    static let payloads = [
        "\u{0600}<img src=x onerror=document.title='XSS'\u{0600}>",
        "\u{0600}<meta http-equiv=\"refresh\" content=\"0;url=https://example.invalid\">",
        "\u{0600}<a href=\"https://example.invalid\">press\u{0600}</a>",
        "<\u{0301}script>alert(1)</script>",
        "<script>alert(1)</script>",
        "\"><svg onload=alert(1)>",
        "' onmouseover='alert(1)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "&lt;already&gt; &amp; &#60;",
    ]

    /// The bytes HTML gives meaning to, found by byte so no grapheme hides one.
    static func rawMarkup(in text: String) -> [UInt8] {
        text.utf8.filter { [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'")].contains($0) }
    }

    static func containsBytes(_ text: String, _ needle: String) -> Bool {
        let haystack = Array(text.utf8), part = Array(needle.utf8)
        guard haystack.count >= part.count else { return false }
        return (0...(haystack.count - part.count)).contains { haystack[$0..<($0 + part.count)].elementsEqual(part) }
    }

    @Test(arguments: payloads)
    func escapedTextHasNoMarkupLeft(payload: String) {
        let escaped = HTMLText.escape(payload)
        #expect(Self.rawMarkup(in: escaped).isEmpty, "\(escaped.debugDescription)")
        #expect(!Self.containsBytes(escaped, "&&"), "every & starts an entity of its own")
    }

    @Test func escapingKeepsEveryOtherScalar() {
        let text = "\u{0600}<b>Ærlig talt, Åse & Øystein\u{0301}</b> 👩🏽‍💻"
        let escaped = HTMLText.escape(text)
        let back = escaped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        #expect(Array(back.unicodeScalars) == Array(text.unicodeScalars))
    }

    static func deck(prompt: String) -> Deck {
        let text = LocalizedText([.nb: prompt, .en: prompt, .da: prompt])
        return Deck(id: "x", title: text, audience: [.team], cards: [
            Card(id: "a", prompt: text, hint: text,
                 answer: .textAndScale(Scale(min: 1, max: 5, low: text, high: text))),
        ])
    }

    @Test(arguments: payloads)
    func thePrintedDeckCarriesNoMarkupFromTheDeck(payload: String) {
        let html = PrintableDeck.render(Self.deck(prompt: payload), language: .nb)
        for tag in ["<img", "<meta http-equiv=\"refresh\"", "<a href", "<script", "<svg", "<\u{0301}"] {
            #expect(!Self.containsBytes(html, tag), "\(tag) from \(payload.debugDescription)")
        }
    }

    @Test func thePrintedDeckHasAStrictContentSecurityPolicy() throws {
        let html = PrintableDeck.render(Self.deck(prompt: "Hei"), language: .nb)
        let head = try #require(html.components(separatedBy: "</head>").first)
        let meta = try #require(head.split(separator: "\n").first { $0.hasPrefix("<meta http-equiv=\"Content-Security-Policy\"") })
        #expect(meta.contains("default-src 'none'"))
        #expect(!meta.contains("script-src"), "no script may run in a printed deck")
        #expect(meta.contains("base-uri 'none'") && meta.contains("form-action 'none'"))
        // Before the title: nothing from the deck comes before the policy.
        #expect(head.range(of: "Content-Security-Policy")!.lowerBound < head.range(of: "<title>")!.lowerBound)
    }

    @Test(arguments: payloads)
    func markdownEscapesTheAngleBracketBehindAJoiningMark(payload: String) {
        let escaped = MarkdownExporter.escape(payload)
        let scalars = Array(escaped.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where scalar == "<" {
            #expect(index > 0 && scalars[index - 1] == "\\", "\(escaped.debugDescription)")
        }
    }
}
