#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

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

    /// Reads the whole file into `buffer` (which grows as needed and serves
    /// again for the next file) and returns its length, or says why it could not.
    static func readAll(_ path: String, into buffer: inout [UInt8]) throws(SystemCallError) -> Int {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw SystemCallError() }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { throw SystemCallError() }
        if info.st_mode & S_IFMT == S_IFDIR { throw SystemCallError(code: EISDIR) }
        // The size is a hint: the file may grow or shrink while it is read.
        if buffer.count <= Int(info.st_size) { buffer = [UInt8](repeating: 0, count: Int(info.st_size) + 4096) }
        var length = 0
        while true {
            if length == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + length, $0.count - length) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemCallError()
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
        let fd = open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        if fd < 0 { throw SystemCallError() }
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
        guard stat(path, &info) == 0 else { return nil }
        return stamp(info)
    }

    private static func stamp(_ info: stat) -> Stamp {
        Stamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
              modified: info.st_mtim.tv_sec, modifiedNanos: info.st_mtim.tv_nsec,
              changed: info.st_ctim.tv_sec, changedNanos: info.st_ctim.tv_nsec)
    }
}
