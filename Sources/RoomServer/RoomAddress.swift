import Foundation
import RoomProtocol
#if canImport(Glibc)
import Glibc
#endif

/// Where the room listens: the meeting network's private address, never the
/// internet's, unless the facilitator names an address outright.
enum RoomAddress {
    typealias Kind = RoomAddressKind

    static func kind(of address: String) -> Kind? { Kind(of: address) }

    /// The best private address of this machine: RFC 1918 first, then ULA, then
    /// IPv4 link-local. IPv6 link-local needs a zone a phone cannot type, so it is left out.
    static func pickPrivate(from addresses: [String]) -> String? {
        let candidates = addresses.filter { Kind.isIPv4($0) || kind(of: $0) == .uniqueLocal }
        for wanted in [Kind.privateNetwork, .uniqueLocal, .linkLocal] {
            if let found = candidates.first(where: { kind(of: $0) == wanted }) { return found }
        }
        return nil
    }

    /// The addresses on this machine's interfaces that are up.
    static func interfaceAddresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var addresses: [String] = []
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, entry.pointee.ifa_flags & UInt32(IFF_UP) != 0 else { continue }
            let family = Int32(address.pointee.sa_family)
            guard family == AF_INET || family == AF_INET6 else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            let length = socklen_t(family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
            if getnameinfo(address, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 {
                addresses.append(String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
        }
        return addresses
    }

    /// `host` as it goes into a URL (IPv6 in brackets).
    static func urlHost(_ address: String) -> String { Kind.isIPv6(address) ? "[\(address)]" : address }
}
