import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What kind of IP address `--room-address` names: read by tillit to refuse a
/// bad one before the talk starts, and by the room before it listens. Parsing
/// only: nothing here opens a socket.
package enum RoomAddressKind: Equatable, Sendable {
    case loopback, privateNetwork, linkLocal, uniqueLocal, unspecified, publicAddress

    /// Nil when `address` is not an IPv4 or IPv6 address.
    package init?(of address: String) {
        if let octets = Self.ipv4(address) {
            switch (octets[0], octets[1]) {
            case (127, _): self = .loopback
            case (10, _), (172, 16...31), (192, 168): self = .privateNetwork
            case (169, 254): self = .linkLocal
            case (0, _) where octets.allSatisfy({ $0 == 0 }): self = .unspecified
            default: self = .publicAddress
            }
        } else if let bytes = Self.ipv6(address) {
            if bytes.allSatisfy({ $0 == 0 }) { self = .unspecified }
            else if bytes.dropLast().allSatisfy({ $0 == 0 }) && bytes[15] == 1 { self = .loopback }
            else if bytes[0] & 0xfe == 0xfc { self = .uniqueLocal }
            else if bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80 { self = .linkLocal }
            else { self = .publicAddress }
        } else {
            return nil
        }
    }

    /// Reachable from beyond the meeting's network (a public address), or from
    /// every network the computer is on (0.0.0.0, ::): only when the facilitator
    /// says so with `--room-allow-public`.
    package var needsPermission: Bool { self == .publicAddress || self == .unspecified }

    package static func isIPv4(_ text: String) -> Bool { ipv4(text) != nil }
    package static func isIPv6(_ text: String) -> Bool { ipv6(text) != nil }

    private static func ipv4(_ text: String) -> [UInt8]? {
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: address) { Array($0) }
    }

    private static func ipv6(_ text: String) -> [UInt8]? {
        var address = in6_addr()
        guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: address) { Array($0) }
    }
}
