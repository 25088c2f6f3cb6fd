import ArgumentParser
import RoomProtocol
import TillitCore

/// Where a voting room listens, for every way into a team talk: `tillit start`, `tillit resume`
/// and the home screen's new talk ("Votes from phones", or `v` later).
struct RoomArguments: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptRoomAddress), valueName: cli(.cliValueAddress)))
    var roomAddress: String?

    @Option(name: .long, help: ArgumentHelp(cli(.cliOptRoomPort), valueName: cli(.cliValuePort)))
    var roomPort: Int?

    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptRoomAllowPublic)))
    var roomAllowPublic = false

    /// Before the talk starts, not when the room fails to open in the middle of it.
    func validate() throws {
        if let roomPort, !(0...65535).contains(roomPort) { throw ValidationError(CommandLanguage.text(.argRoomPort)) }
        if let roomAddress {
            guard let kind = RoomAddressKind(of: roomAddress) else {
                throw ValidationError(CommandLanguage.text(.argRoomAddressMalformed, roomAddress))
            }
            if kind.needsPermission && !roomAllowPublic {
                throw ValidationError(CommandLanguage.text(.argRoomAddressIsPublic, roomAddress))
            }
        }
    }

    var settings: RoomSettings { RoomSettings(address: roomAddress, port: roomPort, allowPublic: roomAllowPublic) }
}
