import RoomServer
import ProcessPrivacy

CoreDumps.forbid()
await RoomMain.run(arguments: Array(CommandLine.arguments.dropFirst()))
