import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TillitCore

/// `settings.json` in the data folder (0600, folder 0700).
extension Settings {
    package static func path(in home: TillitHome) -> String {
        (home.path as NSString).appendingPathComponent("settings.json")
    }

    /// Read as talks are (see `POSIXFile.openFile`): a link, a pipe or a
    /// file far larger than any settings is "nothing chosen", and the next
    /// save puts a file of tillit's own in its place.
    package static func load(from home: TillitHome) -> Settings {
        var buffer: [UInt8] = []
        guard let count = try? POSIXFile.readAll(path(in: home), limit: 64_000, into: &buffer),
              let settings = try? JSONDecoder().decode(Settings.self, from: Data(buffer[..<count])) else { return Settings() }
        return settings
    }

    /// Written the way talks are: atomically, only the owner may read it.
    package func save(to home: TillitHome) throws(SaveError) {
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
