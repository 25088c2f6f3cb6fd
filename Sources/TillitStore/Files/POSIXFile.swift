#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import TillitCore

/// A failed system call: its errno, and the reason the system gives for it.
struct SystemCallError: Error, Equatable {
    var code: Int32
    var reason: String { String(cString: strerror(code)) }

    init(code: Int32 = errno) { self.code = code }
}

/// The few POSIX file operations the store needs, each checked. Foundation's
/// `.atomic` write neither fsyncs the folder nor lets us refuse to follow a
/// half-written file, so the store does it by hand.
enum POSIXFile {
    /// Files hold people's words: only their owner reads them.
    static let fileMode: mode_t = 0o600
    static let folderMode: mode_t = 0o700

    /// Creates `path` and any missing parents with mode 0700 (whatever the umask).
    static func makeFolder(_ path: String) throws(SystemCallError) {
        var info = stat()
        if stat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { return }
            throw SystemCallError(code: ENOTDIR)
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeFolder(parent) }
        if mkdir(path, folderMode) != 0 {
            if errno == EEXIST { return }
            throw SystemCallError()
        }
        if chmod(path, folderMode) != 0 { throw SystemCallError() }
    }

    /// Opens a file in the data folder, the one way the store does: never
    /// through a symbolic link (`O_NOFOLLOW`), never inherited by a child
    /// (`O_CLOEXEC`), without waiting on a named pipe (`O_NONBLOCK`, which a
    /// regular file ignores), and only if the descriptor it got is a regular
    /// file (`fstat` on it, so nothing can be swapped in between a look and
    /// the open). Anything else is closed again and named in the error.
    /// `followingLinks` is for own deck files only, which a user may link in on purpose.
    static func openFile(_ path: String, _ flags: Int32, mode: mode_t = fileMode,
                         followingLinks: Bool = false) throws(DataFileError) -> (fd: Int32, info: stat) {
        let fd = open(path, flags | (followingLinks ? 0 : O_NOFOLLOW) | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, mode)
        if fd < 0 {
            let failure = SystemCallError()
            // ELOOP (a link), ENXIO (a pipe opened for writing), EISDIR…: say what is there instead.
            var info = stat()
            if lstat(path, &info) == 0, let kind = FileKind(mode: info.st_mode) { throw .notAFile(kind) }
            throw .system(failure)
        }
        var info = stat()
        if fstat(fd, &info) != 0 {
            let failure = SystemCallError()
            close(fd)
            throw .system(failure)
        }
        if let kind = FileKind(mode: info.st_mode) {
            close(fd)
            throw .notAFile(kind)
        }
        return (fd, info)
    }

    /// Reads the whole file into `buffer` (which grows as needed and serves
    /// again for the next file) and returns its length, or says why it could
    /// not. A file larger than `limit` is reported, not read.
    static func readAll(_ path: String, limit: Int, followingLinks: Bool = false,
                        into buffer: inout [UInt8]) throws(DataFileError) -> Int {
        let (fd, info) = try openFile(path, O_RDONLY, followingLinks: followingLinks)
        defer { close(fd) }
        if Int(info.st_size) > limit { throw .tooLarge(size: Int(info.st_size)) }
        // The size is a hint: the file may grow or shrink while it is read.
        if buffer.count <= Int(info.st_size) { buffer = [UInt8](repeating: 0, count: Int(info.st_size) + 4096) }
        var length = 0
        while true {
            if length > limit { throw .tooLarge(size: length) }
            if length == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + length, $0.count - length) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(SystemCallError())
            }
            if count == 0 { return length }
            length += count
        }
    }

    /// Replaces `path` with `data` so that at every moment the file is either
    /// the old one or the new one, complete: a temp file in the same folder
    /// (created exclusively, 0600), every byte written and checked, fsync,
    /// rename over the target, fsync of the folder. On any failure the temp
    /// file is removed and the old file is left as it was.
    static func replace(_ path: String, with data: Data, tempPath: String) throws(SystemCallError) {
        ignoreFileSizeSignal()
        let fd: Int32
        do { fd = try openFile(tempPath, O_WRONLY | O_CREAT | O_EXCL).fd } catch {
            // With O_EXCL the file is new, so a regular one: only the system can say no here.
            throw error.systemCallError
        }
        var failure: SystemCallError?
        if fchmod(fd, fileMode) != 0 { failure = SystemCallError() }
        if failure == nil { failure = writeAll(fd, data) }
        if failure == nil, fsync(fd) != 0 { failure = SystemCallError() }
        if close(fd) != 0, failure == nil { failure = SystemCallError() }
        if failure == nil, rename(tempPath, path) != 0 { failure = SystemCallError() }
        if let failure {
            unlink(tempPath)
            throw failure
        }
        try syncFolder(of: path)
    }

    /// Writes every byte, going on after short writes; a full disk or a file
    /// size limit ends in an error instead of a silently shorter file.
    private static func writeAll(_ fd: Int32, _ data: Data) -> SystemCallError? {
        data.withUnsafeBytes { buffer -> SystemCallError? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return SystemCallError()
                }
                if written == 0 { return SystemCallError(code: EIO) }
                offset += written
            }
            return nil
        }
    }

    /// Makes a rename or an unlink in the folder of `path` durable.
    static func syncFolder(of path: String) throws(SystemCallError) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw SystemCallError() }
        defer { close(fd) }
        // Some file systems cannot sync a folder (EINVAL); nothing more can be done there.
        if fsync(fd) != 0, errno != EINVAL { throw SystemCallError() }
    }

    /// Without this, a write past `ulimit -f` kills the process (SIGXFSZ)
    /// instead of failing with EFBIG, and the talk would end without a word.
    private static let ignoringFileSizeSignal: Void = { _ = signal(SIGXFSZ, SIG_IGN) }()
    static func ignoreFileSizeSignal() { ignoringFileSizeSignal }

    /// Device, inode, size and change times: equal stamps mean the file was not
    /// replaced or written since the stamp was taken.
    struct Stamp: Hashable, Sendable {
        var device: UInt64, inode: UInt64, size: Int64
        var modified: Int, modifiedNanos: Int, changed: Int, changedNanos: Int
    }

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        // lstat: a link put in the file's place is not the file that was saved.
        guard lstat(path, &info) == 0 else { return nil }
        return stamp(info)
    }

    private static func stamp(_ info: stat) -> Stamp {
        Stamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
              modified: info.st_mtim.tv_sec, modifiedNanos: info.st_mtim.tv_nsec,
              changed: info.st_ctim.tv_sec, changedNanos: info.st_ctim.tv_nsec)
    }
}

/// What stands at a path where tillit expects an ordinary file of its own.
extension FileKind {
    /// Nil for a regular file.
    init?(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFLNK: self = .symbolicLink
        case S_IFDIR: self = .folder
        case S_IFIFO: self = .pipe
        case S_IFSOCK: self = .socket
        default: self = .device
        }
    }
}

/// Why a file in the data folder was not used.
enum DataFileError: Error, Equatable {
    /// The system said no.
    case system(SystemCallError)
    /// Not an ordinary file: never read, written or followed.
    case notAFile(FileKind)
    /// Larger than any file tillit writes there: reported, not read.
    case tooLarge(size: Int)

    /// For the few callers that only pass on the system's reason.
    var systemCallError: SystemCallError {
        switch self {
        case .system(let error): return error
        case .notAFile(.symbolicLink): return SystemCallError(code: ELOOP)
        case .notAFile(.folder): return SystemCallError(code: EISDIR)
        case .notAFile: return SystemCallError(code: EINVAL)
        case .tooLarge: return SystemCallError(code: EFBIG)
        }
    }
}

extension DataFileError {
    /// In the store's words; `system` says what a failed system call means to the caller.
    func storeError(path: String, system: (SystemCallError) -> StoreError) -> StoreError {
        switch self {
        case .system(let failure): return system(failure)
        case .notAFile(let kind): return .notAFile(path: path, kind: kind)
        case .tooLarge(let size): return .tooLarge(path: path, size: size)
        }
    }
}
