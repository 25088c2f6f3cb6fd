#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import TillitCore

/// The folder where tillit keeps a user's talks and own decks.
package struct TillitHome: Hashable, Sendable {
    package var path: String

    package init(path: String) { self.path = (path as NSString).standardizingPath }

    /// `--home`, else `TILLIT_HOME`, else `$XDG_DATA_HOME/tillit`, else `~/.local/share/tillit`.
    package static func resolve(explicit: String?, environment: [String: String]) -> TillitHome {
        if let explicit, !explicit.isEmpty { return TillitHome(path: expand(explicit, environment)) }
        if let home = environment["TILLIT_HOME"], !home.isEmpty { return TillitHome(path: expand(home, environment)) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return TillitHome(path: (xdg as NSString).appendingPathComponent("tillit"))
        }
        let userHome = environment["HOME"] ?? NSHomeDirectory()
        return TillitHome(path: (userHome as NSString).appendingPathComponent(".local/share/tillit"))
    }

    private static func expand(_ path: String, _ environment: [String: String]) -> String {
        if path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] {
            return home + path.dropFirst()
        }
        if path.hasPrefix("/") { return path }
        return (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }

    package var sessionsFolder: String { (path as NSString).appendingPathComponent("sessions") }
    package var decksFolder: String { (path as NSString).appendingPathComponent("decks") }
}

extension TillitHome {
    /// The data folder, and its `sessions/` where there is one, must be
    /// folders of the user's own that no one else may write to: another user
    /// who could would plant links or files among the talks. tillit makes
    /// them so (0700); one that is not is refused, with how to fix it, and
    /// never changed behind the user's back. Run once at start.
    package func checkPrivate() throws(StoreError) {
        for folder in [path, sessionsFolder] {
            var info = stat()
            // A folder not made yet is made private when it is first needed.
            guard stat(folder, &info) == 0 else { continue }
            guard info.st_mode & S_IFMT == S_IFDIR else { throw .homeNotAFolder(path: folder) }
            guard info.st_uid == geteuid() else { throw .folderNotOwned(path: folder) }
            let mode = info.st_mode & 0o7777
            if mode & (S_IWGRP | S_IWOTH) != 0 { throw .folderOpenToOthers(path: folder, mode: mode) }
        }
    }
}
