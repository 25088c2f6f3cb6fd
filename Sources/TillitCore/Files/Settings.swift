import Foundation

/// The few choices tillit remembers between runs, in `settings.json` in the
/// data folder (0600, folder 0700): the language picked on the home screen
/// and how many months talks are kept. A missing or unreadable file means
/// "nothing chosen yet".
public struct Settings: Codable, Equatable, Sendable {
    public var language: Language?
    /// Months a talk is kept (`RetentionPolicy`); nil: the default, 0: until deleted.
    public var retentionMonths: Int?
    /// Days after a talk that the leader's private notes delete themselves; nil or 0: never.
    public var privateNotesDays: Int?

    public init(language: Language? = nil, retentionMonths: Int? = nil, privateNotesDays: Int? = nil) {
        self.language = language
        self.retentionMonths = retentionMonths
        self.privateNotesDays = privateNotesDays
    }

    public var privateNotesExpiry: PrivateNotesExpiry { PrivateNotesExpiry(days: privateNotesDays) }

    /// The retention in force. A hand-edited value outside the allowed range counts as the default.
    public var retention: RetentionPolicy {
        RetentionPolicy(months: retentionMonths.flatMap { RetentionPolicy.allowedMonths.contains($0) ? $0 : nil })
    }

    public struct SaveError: Error, Equatable {
        public var reason: String
        public init(reason: String) { self.reason = reason }
    }
}
