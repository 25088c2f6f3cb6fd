import Foundation

/// Everything tillit holds about one person (their right of access): for
/// each talk that names them, its minutes and its whole record as JSON, and
/// a summary of what is in the folder. The leader's private notes come along
/// only when asked for, and the summary says whether they did.
package struct AccessExport: Sendable {
    package struct File: Equatable, Sendable {
        package var name: String
        package var text: String
    }

    package var person: PersonName
    package var includePrivate: Bool

    package init(person: PersonName, includePrivate: Bool) {
        self.person = person
        self.includePrivate = includePrivate
    }

    /// The talks of `sessions` that name the person, oldest first.
    package func talks(in sessions: [Session]) -> [Session] {
        sessions.filter(person.isNamed).sorted { $0.createdAt < $1.createdAt }
    }

    /// The talk as this person may see it: as the minutes tell it, and with
    /// their own answers that they kept out of the minutes (those are theirs;
    /// what the other person kept out stays out). As JSON, in the file's format.
    func record(of talk: Session) throws -> String {
        var shown = talk.forMinutes(includePrivate: includePrivate).session
        let own = Set(talk.participants.filter { person.matches($0.name) }.map(\.id))
        for index in talk.cards.indices where shown.cards.indices.contains(index) {
            // `forMinutes` left every kept-out answer out; the person's own come back.
            shown.cards[index].responses += talk.cards[index].responses.filter { $0.keptOut && own.contains($0.participant) }
        }
        let data = try SessionCoding.encoder().encode(shown)
        return JSONEscaping.escapingInvisibles(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// The folder's files: per talk `<id>.md` and `<id>.json`, then `README.md`.
    package func files(for sessions: [Session], _ t: Localizer, generatedAt: Date,
                      timeZone: TimeZone = .current) throws -> [File] {
        let chosen = talks(in: sessions)
        var files: [File] = []
        var lines = ["# " + t(.accessTitle, MarkdownExporter.inline(person.typed)), "",
                     t(.accessIntro, ExportFormat.dateTime(generatedAt, t.language, timeZone: timeZone)), "",
                     includePrivate ? t(.accessWithPrivate) : t(.accessWithoutPrivate), ""]
        if chosen.isEmpty { lines.append(t(.accessNone)) }
        for talk in chosen {
            let markdown = MarkdownExporter.render(talk, includePrivate: includePrivate)
            files.append(File(name: talk.id + ".md", text: markdown))
            files.append(File(name: talk.id + ".json", text: try record(of: talk)))
            let who = talk.kind == .team ? talk.title : talk.participants.map(\.name).joined(separator: ", ")
            let kind = talk.kind == .team ? t(.audienceTeam) : t(.audienceOneOnOne)
            lines.append("- " + [ExportFormat.date(talk.createdAt, t.language, timeZone: timeZone), kind,
                                 MarkdownExporter.inline(who),
                                 "[\(talk.id).md](\(talk.id).md)", "[JSON](\(talk.id).json)"].joined(separator: " · "))
        }
        files.append(File(name: "README.md", text: lines.joined(separator: "\n") + "\n"))
        return files
    }
}
