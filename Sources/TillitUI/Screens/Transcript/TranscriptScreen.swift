import Foundation
import TillitCore

/// Keys of a talk read from the history: `TranscriptKeys`.
enum TranscriptScreen {
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard state.talk != nil else { state.screen = .history; return [] }
        return TranscriptKeys.table.handle(key, &state) ?? []
    }
}
