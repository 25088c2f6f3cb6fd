// libFuzzer entry point for the deck loader: any bytes, read as the text of a
// deck file. Built by scripts/fuzz with -sanitize=fuzzer,address.
import Foundation
import TillitCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDeck(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // parse(fileAt:) refuses text that is not UTF-8; parse(yaml:) gets the rest.
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    let result = DeckParser.parse(yaml: text, path: "fuzz.yaml")
    if let deck = result.deck {
        // What a loaded deck goes on to do: be shown and dealt.
        for language in Language.allCases {
            for card in deck.cards {
                _ = SafeText.clean(card.prompt.resolve(language))
                _ = card.hint?.resolve(language)
                _ = card.answer.scale.map { $0.min...$0.max }
            }
        }
        // What `tillit print` and the phone page make of it: deck text never leaves the escaper as markup,
        // whatever joins the characters around a `<` (issue 26).
        _ = PrintableDeck.render(deck, language: .nb)
        for card in deck.cards {
            let escaped = HTMLText.escape(card.prompt.resolve(.nb))
            if escaped.unicodeScalars.contains(where: { $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "'" }) {
                fatalError("markup left in escaped deck text: \(escaped.debugDescription)")
            }
        }
        let setup = TalkSetup(kind: .oneOnOne, language: .nb,
                              participants: [Participant(id: "p1", name: "Kari", role: .leader)], deckIDs: [deck.id])
        _ = try? Session.start(setup, decks: [deck], id: "fuzz", now: Date(timeIntervalSince1970: 0))
    }
    for diagnostic in result.diagnostics { _ = diagnostic.description }
    return 0
}
