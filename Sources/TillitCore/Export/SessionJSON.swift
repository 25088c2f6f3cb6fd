import Foundation

extension Session {
    /// The talk as JSON in the format of its file, as the minutes may tell it
    /// (`forMinutes`: no answer kept out, no rating not yet shown, the leader's
    /// private notes only with `includePrivate`), with `keptOutOfMinutes`
    /// saying how many answers were kept out, when any were. Invisible controls are escaped (`JSONEscaping`).
    package func exportJSON(includePrivate: Bool) throws -> String {
        let minutes = forMinutes(includePrivate: includePrivate)
        var copy = minutes.session.withTeamVotesAsShown
        copy.keptOutOfMinutes = minutes.keptOut > 0 ? minutes.keptOut : nil
        let data = try SessionCoding.encoder().encode(copy)
        return JSONEscaping.escapingInvisibles(String(decoding: data, as: UTF8.self)) + "\n"
    }
}
