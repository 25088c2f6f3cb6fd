import Foundation

/// Minutes with their confirmations: the Markdown minutes, then a blank line
/// and a block that names who confirmed when and carries the fingerprint of
/// the text above it. The block's first line is a comment a reader does not
/// see and `tillit verify` reads: `<!-- tillit-minutes sha256=… talk=… -->`.
package enum ConfirmedMinutes {
    static let marker = "<!-- tillit-minutes sha256="

    /// `minutes` with the confirmation block when `session`'s confirmations are
    /// for exactly this text (`fingerprint` is its SHA-256); else `minutes` as it is.
    package static func text(_ minutes: String, fingerprint: String, of session: Session,
                            timeZone: TimeZone = .current) -> String {
        guard session.minutesConfirmed(as: fingerprint) else { return minutes }
        let t = Localizer(session.language)
        let names = confirmers(of: session, timeZone: timeZone, name: MarkdownExporter.inline)
        return minutes + "\n" + marker + fingerprint + " talk=" + session.id + " -->\n\n---\n\n"
            + "**\(t(.minutesConfirmedBy)):** " + names.joined(separator: "; ") + "\\\n"
            + "**\(t(.minutesFingerprint)):** `\(fingerprint)`\n"
    }

    /// `Kari (leder), 19.11.2026 13:00` for each confirmation, the name made
    /// safe by `name` (Markdown escaping, or none for a page that escapes it all).
    package static func confirmers(of session: Session, timeZone: TimeZone = .current,
                                  name: (String) -> String = SafeText.line) -> [String] {
        let t = Localizer(session.language)
        return session.minutesConfirmations.map { confirmation -> String in
            let person = session.participant(id: confirmation.participant)
            var shown = name(confirmation.name)
            if let person, !person.nameIsRole(t) { shown += " (\(t.role(person.role)))" }
            return shown + ", " + ExportFormat.dateTime(confirmation.confirmedAt, session.language, timeZone: timeZone)
        }
    }

    /// A minutes file taken apart: the text that was fingerprinted, the
    /// fingerprint the block states and the talk it names. Nil when the file
    /// has no confirmation block.
    package static func parse(_ file: String) -> (minutes: String, fingerprint: String, talkID: String)? {
        guard let start = file.range(of: "\n" + marker, options: .backwards) else { return nil }
        let line = file[start.upperBound...].prefix { $0 != "\n" }
        let fields = line.split(separator: " ")
        guard let fingerprint = fields.first.map(String.init), fingerprint.count == 64,
              fingerprint.allSatisfy(\.isHexDigit),
              let talk = fields.first(where: { $0.hasPrefix("talk=") })?.dropFirst(5) else { return nil }
        return (String(file[..<start.lowerBound]), fingerprint, String(talk))
    }
}
