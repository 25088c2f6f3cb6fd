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

    public static func path(in home: TillitHome) -> String {
        (home.path as NSString).appendingPathComponent("settings.json")
    }

    /// Read as talks are (see `POSIXFile.openFile`): a link, a pipe or a
    /// file far larger than any settings is "nothing chosen", and the next
    /// save puts a file of tillit's own in its place.
    public static func load(from home: TillitHome) -> Settings {
        var buffer: [UInt8] = []
        guard let count = try? POSIXFile.readAll(path(in: home), limit: 64_000, into: &buffer),
              let settings = try? JSONDecoder().decode(Settings.self, from: Data(buffer[..<count])) else { return Settings() }
        return settings
    }

    public struct SaveError: Error, Equatable { public var reason: String }

    /// Written the way talks are: atomically, only the owner may read it.
    public func save(to home: TillitHome) throws(SaveError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        let target = Self.path(in: home)
        do {
            try POSIXFile.makeFolder(home.path)
            try POSIXFile.replace(target, with: data + Data("\n".utf8),
                                  tempPath: (home.path as NSString).appendingPathComponent(".settings.json.\(getpid()).tmp"))
        } catch {
            throw SaveError(reason: error.reason)
        }
    }
}
