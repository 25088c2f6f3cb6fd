import Foundation

extension Session {
    /// The talk as JSON in the format of its file. The leader's private notes
    /// are left out unless `includePrivate`. Invisible controls are escaped (`JSONEscaping`).
    public func exportJSON(includePrivate: Bool) throws -> String {
        var copy = self
        if !includePrivate { copy.privateNotes = "" }
        let data = try SessionStore.encoder().encode(copy)
        return JSONEscaping.escapingInvisibles(String(decoding: data, as: UTF8.self)) + "\n"
    }
}
