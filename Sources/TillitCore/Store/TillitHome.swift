import Foundation

/// The folder where tillit keeps a user's talks and own decks.
public struct TillitHome: Hashable, Sendable {
    public var path: String

    public init(path: String) { self.path = (path as NSString).standardizingPath }

    /// `--home`, else `TILLIT_HOME`, else `$XDG_DATA_HOME/tillit`, else `~/.local/share/tillit`.
    public static func resolve(explicit: String?, environment: [String: String]) -> TillitHome {
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

    public var sessionsFolder: String { (path as NSString).appendingPathComponent("sessions") }
    public var decksFolder: String { (path as NSString).appendingPathComponent("decks") }
}
