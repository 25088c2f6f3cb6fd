import Foundation

/// The few choices tillit remembers between runs, in `settings.json` in the
/// data folder (0600, folder 0700): the language picked on the home screen
/// and how many months talks are kept. A missing or unreadable file means
/// "nothing chosen yet".
package struct Settings: Codable, Equatable, Sendable {
    package var language: Language?
    /// Months a talk is kept (`RetentionPolicy`); nil: the default, 0: until deleted.
    package var retentionMonths: Int?
    /// Days after a talk that the leader's private notes delete themselves; nil or 0: never.
    package var privateNotesDays: Int?

    package init(language: Language? = nil, retentionMonths: Int? = nil, privateNotesDays: Int? = nil) {
        self.language = language
        self.retentionMonths = retentionMonths
        self.privateNotesDays = privateNotesDays
    }

    package var privateNotesExpiry: PrivateNotesExpiry { PrivateNotesExpiry(days: privateNotesDays) }

    /// The retention in force. A hand-edited value outside the allowed range counts as the default.
    package var retention: RetentionPolicy {
        RetentionPolicy(months: retentionMonths.flatMap { RetentionPolicy.allowedMonths.contains($0) ? $0 : nil })
    }

    package struct SaveError: Error, Equatable {
        package var reason: String
        package init(reason: String) { self.reason = reason }
    }
}
