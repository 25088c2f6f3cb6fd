import ArgumentParser
import Foundation
import TillitCore
import TillitStore

/// Drills and measurements for tillit's tests and `scripts/bench`, kept out of
/// the `tillit` that users get: a crash on purpose, a writer that saves until
/// it is killed, and key-to-screen timing. Built beside `tillit` by `swift build`
/// and `swift test`; never installed.
@main
struct DevTools: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tillit-devtools",
        abstract: "Crash drills, stress writers and key benchmarks for tillit's tests (not installed).",
        subcommands: [CrashDrillSubcommand.self, StressWriterSubcommand.self, BenchKeysSubcommand.self]
    )
}

/// The data folder and terminal settings a drill works with, read as `tillit` reads them.
struct DevOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder for talks and own decks (same as TILLIT_HOME).", valueName: "dir"))
    var home: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }
    var tillitHome: TillitHome { TillitHome.resolve(explicit: home, environment: environment) }
    var colorEnabled: Bool { (environment["NO_COLOR"] ?? "").isEmpty }

    /// Every deck: the shipped ones (found from this binary, which sits beside `tillit`) and the own ones.
    func loadCatalog() -> DeckCatalog {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return DeckCatalog.load(shippedFolder: ShippedDecks.folder(executablePath: executable, environment: environment),
                                ownFolder: tillitHome.decksFolder)
    }
}

/// One line on stderr and a non-zero exit, worded as `tillit` words it, so the
/// fault tests check the very line a user would read.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("tillit: \(message)\n".utf8))
    return ExitCode(1)
}
