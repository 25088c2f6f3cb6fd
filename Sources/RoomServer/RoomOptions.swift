import RoomProtocol

/// `tillit-room [--room-address A] [--room-allow-public] [--room-port N] [--language nb|en|da] [--personal]`.
struct RoomOptions: Equatable {
    var address: String?
    var port = 0
    var language = "en"
    /// The facilitator's word that a public or every-network address is meant.
    var allowPublic = false
    /// A 1:1's room: a personal link for each of the two, no anonymous page (`PersonalRouter`).
    var personal = false

    static func parse(_ arguments: [String]) throws(RoomStartError) -> RoomOptions {
        var options = RoomOptions()
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            if flag == "--room-allow-public" { options.allowPublic = true; continue }
            if flag == "--personal" { options.personal = true; continue }
            guard let value = rest.popFirst() else { throw .usage("\(flag) needs a value") }
            switch flag {
            case "--room-address": options.address = value
            case "--room-port":
                guard let port = Int(value), (0...65535).contains(port) else { throw .usage("--room-port takes 0–65535, not '\(value)'") }
                options.port = port
            case "--language": options.language = value
            default: throw .usage("unknown option '\(flag)'")
            }
        }
        return options
    }

    /// Where to listen: the address named, or this machine's private address.
    func listenAddress(interfaces: () -> [String]) throws(RoomStartError) -> ListenAddress {
        guard let address else {
            guard let found = RoomAddress.pickPrivate(from: interfaces()) else { throw .noPrivateAddress }
            return ListenAddress(bind: found, shown: found)
        }
        return try listenAddress(of: address, interfaces: interfaces)
    }

    func listenAddress(of address: String, interfaces: () -> [String]) throws(RoomStartError) -> ListenAddress {
        guard let kind = RoomAddressKind(of: address) else { throw .usage("'\(address)' is not an IP address") }
        if kind.needsPermission && !allowPublic {
            throw .usage("\(address) can be reached from the internet or from every network; add --room-allow-public if that is meant")
        }
        guard kind == .unspecified else { return ListenAddress(bind: address, shown: address) }
        // Every network: the phones still need one address to open.
        guard let found = RoomAddress.pickPrivate(from: interfaces()) else { throw .noPrivateAddress }
        return ListenAddress(bind: address, shown: found)
    }
}

/// The address the room binds, and the one the phones are given (they differ for 0.0.0.0 and ::).
struct ListenAddress: Equatable {
    var bind: String
    var shown: String
}

enum RoomStartError: Error, Equatable, CustomStringConvertible {
    case usage(String)
    case noPrivateAddress

    var description: String {
        switch self {
        case .usage(let text): return text
        case .noPrivateAddress:
            return "this computer has no address on a local network (not connected to Wi-Fi?); name one with --room-address"
        }
    }
}
