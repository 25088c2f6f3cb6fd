import Foundation
import TillitCore
import TillitUI
import TillitStore

/// `e` on a summary or in the history: the talk's minutes beside its file, as
/// Markdown and as a page to print (HTML), both written anew each time.
struct TalkExporter {
    let store: SessionStore

    func export(id: String, _ program: Program) {
        do {
            let session = try store.load(id: id)
            try PrivateFile.write(MinutesFile.markdown(session, includePrivate: false), to: try store.referatPath(for: id),
                                  overwrite: true)
            let page = try store.minutesPagePath(for: id)
            try PrivateFile.write(MinutesFile.html(session, includePrivate: false), to: page, overwrite: true)
            program.send(.exported(talkID: id, page: page))
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
