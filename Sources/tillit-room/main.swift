import RoomServer
await RoomMain.run(arguments: Array(CommandLine.arguments.dropFirst()))
