/// `tillit-room [--room-address A] [--room-port N] [--language nb|en|da]`.
struct RoomOptions: Equatable {
    var address: String?
    var port = 0
    var language = "en"

    static func parse(_ arguments: [String]) throws(RoomStartError) -> RoomOptions {
        var options = RoomOptions()
        var rest = arguments[...]
        while let flag = rest.popFirst() {
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

    /// The address to listen on: the one named, or this machine's private address.
    func listenAddress(interfaces: () -> [String]) throws(RoomStartError) -> String {
        if let address {
            switch RoomAddress.kind(of: address) {
            case nil: throw .usage("'\(address)' is not an IP address")
            case .unspecified: throw .usage("name one address, not \(address) (every network)")
            default: return address
            }
        }
        guard let found = RoomAddress.pickPrivate(from: interfaces()) else { throw .noPrivateAddress }
        return found
    }
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
