import ArgumentParser
import TillitCore

/// Where a voting room listens, for every way into a team talk: `tillit start`, `tillit resume`
/// and the home screen's new talk ("Votes from phones", or `v` later).
struct RoomArguments: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptRoomAddress), valueName: cli(.cliValueAddress)))
    var roomAddress: String?

    @Option(name: .long, help: ArgumentHelp(cli(.cliOptRoomPort), valueName: cli(.cliValuePort)))
    var roomPort: Int?

    func validate() throws {
        if let roomPort, !(0...65535).contains(roomPort) { throw ValidationError(CommandLanguage.text(.argRoomPort)) }
    }

    var settings: RoomSettings { RoomSettings(address: roomAddress, port: roomPort) }
}
