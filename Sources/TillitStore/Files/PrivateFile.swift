import Foundation
import TillitCore

/// Writes an export (a referat, a JSON copy) the way the store writes talks:
/// atomically, mode 0600, never over an existing file unless asked.
package enum PrivateFile {
    package enum WriteError: Error, Equatable, CustomStringConvertible {
        case exists(String)
        case noFolder(String)
        case failed(String, reason: String)

        package var description: String {
            switch self {
            case .exists(let path): return "\(path) already exists; use --force to replace it"
            case .noFolder(let path): return "the folder \((path as NSString).deletingLastPathComponent) does not exist"
            case .failed(let path, let reason): return "could not write \(path): \(reason)"
            }
        }

        /// The message in the user's language.
        package func message(_ t: Localizer) -> String {
            switch self {
            case .exists(let path): return t(.exportExists, path)
            case .noFolder(let path): return t(.exportNoFolder, path, (path as NSString).deletingLastPathComponent)
            case .failed(let path, let reason): return t(.exportFailed, path, reason)
            }
        }
    }

    package static func write(_ text: String, to path: String, overwrite: Bool) throws(WriteError) {
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) || !isFolder.boolValue {
            throw .noFolder(path)
        }
        if !overwrite, FileManager.default.fileExists(atPath: path) { throw .exists(path) }
        let name = (path as NSString).lastPathComponent
        let temp = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(".\(name).\(getpid()).tmp")
        do {
            try POSIXFile.replace(path, with: Data(text.utf8), tempPath: temp)
        } catch {
            throw .failed(path, reason: error.reason)
        }
    }
}
