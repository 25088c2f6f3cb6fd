import TillitCore

/// The voting room as the screens see it: the phones' address while it is
/// open. The room itself is another process; the run loop talks to it.
public struct VotingRoom: Equatable, Sendable {
    public enum Phase: Equatable, Sendable {
        /// Asked to open; no address yet.
        case opening
        case open(url: String, code: String, picture: QRPicture?)
        /// The room stopped by itself (or never started): `v` opens a new one.
        case ended
    }

    public var phase: Phase = .opening
    /// Counts the new rounds the facilitator started (`n`): the room shows the card
    /// afresh for each, so it forgets the devices and phones vote again.
    public var round = 0

    public init(phase: Phase = .opening) { self.phase = phase }

    public var isOpen: Bool { if case .open = phase { return true } else { return false } }
    public var isRunning: Bool { phase != .ended }
}
