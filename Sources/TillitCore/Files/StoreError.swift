import Foundation

/// What can go wrong with the files of talks. Every message names the file
/// (or the other process), says what happened, and, where it matters, that the
/// file was left as it was.
package indirect enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A talk id may use only `a–z`, `0–9` and `-`, so it can never point outside the folder.
    case invalidID(String)
    case notFound(id: String, path: String)
    /// The system would not let us read the file (permissions, I/O error).
    case unreadable(path: String, reason: String)
    /// Not JSON, or cut off in the middle.
    case damaged(path: String)
    /// JSON, but not a talk.
    case wrongShape(path: String, reason: String)
    /// Written by a newer tillit; this one does not know what it would lose.
    case newerSchema(path: String, version: Int)
    case folderFailed(path: String, reason: String)
    /// Disk full, file too large, read-only folder…: the file saved before is kept.
    case writeFailed(path: String, reason: String)
    /// The file already there could not be read, or is newer: it is not saved over.
    case wontOverwrite(path: String, because: StoreError)
    /// Another tillit holds the talk open; `pid` when it could be read from the lock file.
    case locked(pid: Int32?)
    case lockFailed(path: String, reason: String)
    case deleteFailed(path: String, reason: String)
    /// A link, a pipe, a folder… where a file of tillit's belongs: never followed, read or written.
    case notAFile(path: String, kind: FileKind)
    /// Larger than any talk (`Session.maximumFileSize`): reported, not read.
    case tooLarge(path: String, size: Int)
    /// JSON the decoder would take, or reject in words of its own, that tillit never writes.
    case malformed(path: String, problem: JSONShapeProblem)
    /// Its owner took away the write permission: tillit does not save over it.
    case readOnly(path: String)
    /// `--home` (or TILLIT_HOME) names a file, not a folder.
    case homeNotAFolder(path: String)
    /// The data folder or `sessions/` belongs to another user.
    case folderNotOwned(path: String)
    /// Others may write to the data folder or `sessions/`.
    case folderOpenToOthers(path: String, mode: UInt32)

    /// The message in the user's language.
    package func message(_ t: Localizer) -> String {
        switch self {
        case .invalidID(let id): return t(.storeInvalidID, SafeText.line(id))
        case .notFound(let id, let path): return t(.storeNotFound, id, path)
        case .unreadable(let path, let reason): return t(.storeUnreadable, path, reason)
        case .damaged(let path): return t(.storeDamaged, path)
        case .wrongShape(let path, let reason): return t(.storeWrongShape, path, reason)
        case .newerSchema(let path, let version):
            return t(.storeNewerSchema, path, version, Session.currentSchemaVersion)
        case .folderFailed(let path, let reason): return t(.storeFolderFailed, path, reason)
        case .writeFailed(let path, let reason): return t(.storeWriteFailed, path, reason)
        case .wontOverwrite(let path, let because): return t(.storeWontOverwrite, path, because.message(t))
        case .locked(let pid?): return t(.storeLocked, pid)
        case .locked(nil): return t(.storeLockedUnknownProcess)
        case .lockFailed(let path, let reason): return t(.storeLockFailed, path, reason)
        case .deleteFailed(let path, let reason): return t(.storeDeleteFailed, path, reason)
        case .notAFile(let path, let kind): return t(.storeNotAFile, path, t(kind.name))
        case .tooLarge(let path, let size):
            return t(.storeTooLarge, path, DeckParser.sizeText(size), DeckParser.sizeText(Session.maximumFileSize))
        case .malformed(let path, .notUTF8(let line)): return t(.storeNotUTF8, path, line)
        case .malformed(let path, .nestedTooDeeply(let line)):
            return t(.storeNestedTooDeeply, path, JSONShapeProblem.maximumDepth, line)
        case .malformed(let path, .duplicateKey(let key, let line)): return t(.storeDuplicateKey, path, SafeText.line(key), line)
        case .malformed(let path, .numberTooLarge(let number, let line)): return t(.storeNumberTooLarge, path, number, line)
        case .readOnly(let path): return t(.storeReadOnly, path)
        case .homeNotAFolder(let path): return t(.storeHomeNotAFolder, path)
        case .folderNotOwned(let path): return t(.storeFolderNotOwned, path)
        case .folderOpenToOthers(let path, let mode): return t(.storeFolderOpenToOthers, path, "0" + String(mode, radix: 8))
        }
    }

    package var description: String { message(Localizer(.en)) }
}

/// A file in the sessions folder that could not be read, and why.
package struct StoreProblem: Hashable, Sendable, CustomStringConvertible {
    package var path: String
    package var error: StoreError

    package init(path: String, error: StoreError) {
        self.path = path
        self.error = error
    }

    package var reason: String { error.description }
    package var description: String { reason }
}

extension FileKind {
    /// `a symbolic link`, `a named pipe`…, to fit into a sentence.
    var name: UIString {
        switch self {
        case .symbolicLink: return .fileKindSymbolicLink
        case .folder: return .fileKindFolder
        case .pipe: return .fileKindPipe
        case .device: return .fileKindDevice
        case .socket: return .fileKindSocket
        }
    }
}
