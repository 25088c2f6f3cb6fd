import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TillitCore

extension DeckParser {
    /// Loads and checks the file at `path`. Never throws: every failure is a diagnostic.
    /// Opened as the store opens its files, so a named pipe among the decks is
    /// named instead of waited on; a link to a deck elsewhere is followed.
    package static func parse(fileAt path: String) -> Result {
        var buffer: [UInt8] = []
        let count: Int
        do { count = try POSIXFile.readAll(path, limit: maximumFileSize, followingLinks: true, into: &buffer) } catch {
            switch error {
            case .system(let failure) where failure.code == ENOENT: return result(path: path, problem: .noSuchFile)
            case .notAFile(.folder): return result(path: path, problem: .isFolder)
            case .notAFile(let kind): return result(path: path, problem: .notAFile(kind))
            case .tooLarge(let size): return result(path: path, problem: .tooBig(size: size))
            case .system: return result(path: path, problem: .unreadable)
            }
        }
        return parse(data: Data(buffer[..<count]), path: path)
    }
}
