import Foundation
import Hummingbird
import Logging
import NIOCore
import QRMatrix
import RoomProtocol
import Synchronization

/// The `tillit-room` process: listens, reads tillit's lines from stdin, and
/// exits as soon as stdin closes, so a killed tillit never leaves it behind.
package enum RoomMain {
    package static func run(arguments: [String]) async {
        let options: RoomOptions
        let address: ListenAddress
        do {
            options = try RoomOptions.parse(arguments)
            address = try options.listenAddress(interfaces: RoomAddress.interfaceAddresses)
        } catch .noPrivateAddress {
            fail(.cannotListen(.noPrivateAddress), RoomStartError.noPrivateAddress.description, status: 1)
        } catch {
            fail(.failed(reason: error.description), error.description, status: 2)
        }
        ConnectionLimits.raiseDescriptorLimit()
        let room = Room(language: options.language, answerSeed: AnswerShuffle.seed(from: ProcessInfo.processInfo.environment),
                        personal: options.personal, report: EventOutput.write)
        readCommands(into: room)
        let app = makeApplication(room: room, address: address.bind, port: options.port, limits: ConnectionLimits()) { port in
            let url = "http://\(RoomAddress.urlHost(address.shown)):\(port)/\(room.token)/"
            EventOutput.write(.ready(url: url, code: room.joinCode, qr: QRCode(url)?.rows ?? []))
            room.personal?.listening(at: url)
        }
        do {
            try await app.runService()
        } catch {
            let detail = "cannot listen on \(address.bind) port \(options.port): \(error)"
            let problem = listenProblem(error, address: address.bind, port: options.port)
            fail(problem.map { .cannotListen($0) } ?? .failed(reason: detail), detail, status: 1)
        }
    }

    /// What the facilitator can do something about, from the error binding gave.
    static func listenProblem(_ error: any Error, address: String, port: Int) -> RoomListenProblem? {
        switch (error as? IOError)?.errnoCode {
        case EADDRINUSE: return .portInUse(port: port)
        case EADDRNOTAVAIL: return .addressNotHere(address: address)
        default: return nil
        }
    }

    package static func makeApplication(room: Room, address: String, port: Int, limits: ConnectionLimits = ConnectionLimits(),
                                       onListening: @escaping @Sendable (Int) -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "tillit-room")
        logger.logLevel = .critical
        let registry = ConnectionRegistry(limits: limits)
        return Application(
            router: room.personal == nil ? RoomRouter.make(room: room) : PersonalRouter.make(room: room),
            server: .http1(configuration: .init(additionalChannelHandlers: [ConnectionGuard(registry: registry)])),
            configuration: .init(address: .hostname(address, port: port), serverName: nil),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }

    /// tillit's commands arrive on a thread of their own; end of input ends the room.
    private static func readCommands(into room: Room) {
        Thread.detachNewThread {
            while let line = readLine() { apply(line: line, to: room) }
            exit(0)
        }
    }

    /// One line from tillit: a command the room can carry out, or a line it says it ignored.
    static func apply(line: String, to room: Room) {
        if let command = RoomLine.decode(RoomCommand.self, from: line), room.handle(command) { return }
        if !line.isEmpty {
            FileHandle.standardError.write(Data("tillit-room: ignored a line it does not understand\n".utf8))
        }
    }

    private static func fail(_ event: RoomEvent, _ detail: String, status: Int32) -> Never {
        EventOutput.write(event)
        FileHandle.standardError.write(Data("tillit-room: \(detail)\n".utf8))
        exit(status)
    }
}

/// One event a line on stdout, whole lines only even when connections report at once.
enum EventOutput {
    private static let lock = Mutex(())

    @Sendable static func write(_ event: RoomEvent) {
        let line = Data((RoomLine.encode(event) + "\n").utf8)
        lock.withLock { _ in FileHandle.standardOutput.write(line) }
    }
}
