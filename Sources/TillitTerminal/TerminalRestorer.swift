import CNCurses
import Foundation

/// Puts the terminal back when the program is stopped by a signal or crashes,
/// so no one is left with a raw, invisible-cursor shell.
public enum TerminalRestorer {
    /// Set by SIGINT, SIGTERM and SIGHUP; the run loop saves and leaves when it sees it.
    nonisolated(unsafe) public static var stopSignal: Int32 = 0

    static func install() {
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
