import RoomServer
import TillitCore

CoreDumps.forbid()
await RoomMain.run(arguments: Array(CommandLine.arguments.dropFirst()))
