import CNCurses
import Foundation

/// Puts the terminal back when the program is stopped by a signal or crashes,
/// so no one is left with a raw, invisible-cursor shell.
package enum TerminalRestorer {
    /// Set by SIGINT, SIGTERM and SIGHUP; the run loop saves and leaves when it sees it.
    nonisolated(unsafe) package static var stopSignal: Int32 = 0

    static func install() {
        // A parent may hand us a blocked signal mask (seen under tmux's
        // respawn-pane); then Ctrl-C from `kill`, SIGTERM, SIGHUP and even
        // SIGWINCH for resizes would never arrive.
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGSEGV, SIGABRT, SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGCONT, SIGTSTP] {
            sigaddset(&set, signal)
        }
        sigprocmask(SIG_UNBLOCK, &set, nil)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Foundation.signal(signal) { received in TerminalRestorer.stopSignal = received }
        }
        for signal in [SIGSEGV, SIGABRT, SIGILL, SIGTRAP, SIGBUS, SIGFPE] {
            Foundation.signal(signal) { received in
                endwin()
                tillit_write_out("\u{1B}[?2004l")
                Foundation.signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
