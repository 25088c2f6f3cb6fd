import Foundation
import TillitCore

/// Keys of the decks and of a deck's cards: `DecksKeys`.
enum DecksScreen {
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] { DecksKeys.table.handle(key, &state) ?? [] }

    static func handlePreview(_ key: Key, _ state: inout AppState) -> [Effect] { DecksKeys.preview.handle(key, &state) ?? [] }
}
