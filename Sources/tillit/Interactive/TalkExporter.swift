import Foundation
import TillitCore
import TillitUI
import TillitStore

/// `e` on a summary or in the history: the talk's minutes as Markdown beside its file.
struct TalkExporter {
    let store: SessionStore

    func export(id: String, _ program: Program) {
        do {
            let session = try store.load(id: id)
            let markdown = MinutesFile.markdown(session, includePrivate: false)
            let path = try store.referatPath(for: id)
            try PrivateFile.write(markdown, to: path, overwrite: true)
            program.send(.exported(path: path))
        } catch {
            program.send(.failed(describe(error, program.state.text)))
        }
    }
}

/// A store error in the screen's language; anything else as it describes itself.
func describe(_ error: Error, _ text: Localizer) -> String {
    if let storeError = error as? StoreError { return storeError.message(text) }
    return String(describing: error)
}
