import Foundation
import TillitCore

/// Keys of the history (`HistoryKeys`), or of "delete it?" while it is asked (`HistoryDeleteKeys`).
enum HistoryScreen {
    static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        let asking = state.confirmDelete != nil || state.confirmDeleteAll
        return (asking ? HistoryDeleteKeys.table : HistoryKeys.table).handle(key, &state) ?? []
    }
}
