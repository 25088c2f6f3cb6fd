#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import TillitCore

/// One writer per talk: an exclusive `flock` on `sessions/<id>.lock`, which
/// holds the pid of the process that has the talk open. The kernel lets go of
/// the lock when that process ends in any way (even `kill -9`), so a lock file
/// left behind by a dead process is simply taken over.
package final class SessionLock: @unchecked Sendable {
    package let id: String
    package let path: String
    /// -1 once released. Only `release` changes it, under `mutex`.
    private var fd: Int32
    private let mutex = NSLock()

    /// Takes the lock or throws `StoreError.locked(pid:)` naming the process that holds it.
    init(id: String, path: String) throws(StoreError) {
        var fd: Int32 = -1
        while true {
            do { fd = try POSIXFile.openFile(path, O_RDWR | O_CREAT).fd } catch {
                throw error.storeError(path: path) { .lockFailed(path: path, reason: $0.reason) }
            }
            fchmod(fd, POSIXFile.fileMode)
            while flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                if code == EINTR { continue }
                defer { close(fd) }
                if code == EWOULDBLOCK { throw .locked(pid: Self.readPID(fd)) }
                throw .lockFailed(path: path, reason: SystemCallError(code: code).reason)
            }
            // The holder before us removes the file as it lets go (see `release`):
            // a lock on a file no longer at `path` holds nothing, so open it anew.
            if Self.isStillAtPath(fd, path) { break }
            close(fd)
        }
        let text = Array("\(getpid())\n".utf8)
        POSIXFile.ignoreFileSizeSignal()
        if ftruncate(fd, 0) != 0 || pwrite(fd, text, text.count, 0) != text.count {
            let reason = SystemCallError().reason
            // Still held, so no one else uses it: a full disk leaves no empty lock file behind.
            if Self.isStillAtPath(fd, path) { unlink(path) }
            close(fd)
            throw .lockFailed(path: path, reason: reason)
        }
        self.id = id
        self.path = path
        self.fd = fd
    }

    deinit { release() }

    package var isHeld: Bool { mutex.withLock { fd >= 0 } }

    /// Lets go of the talk and removes the lock file, still holding the lock
    /// so no one else can have taken it meanwhile. Whoever opened the old file
    /// and waits for it finds it gone and opens a new one (see `init`). After
    /// `kill -9` the file stays, unlocked, and the next tillit takes it over.
    package func release() {
        mutex.withLock {
            guard fd >= 0 else { return }
            if Self.isStillAtPath(fd, path) { unlink(path) }
            close(fd)
            fd = -1
        }
    }

    /// True while `path` names the very file `fd` has open.
    private static func isStillAtPath(_ fd: Int32, _ path: String) -> Bool {
        var open = stat(), named = stat()
        guard fstat(fd, &open) == 0, lstat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text).flatMap { $0 > 0 ? $0 : nil }
    }
}
