import ArgumentParser
import Foundation
import TillitCore

@main
struct Tillit: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "tillit",
        abstract: "Dialogue cards for trust-based leadership talks, one card at a time.",
        discussion: """
            Without a subcommand tillit opens its home screen. Talks are kept as JSON in \
            $TILLIT_HOME (default ~/.local/share/tillit); nothing leaves this machine unless you export it.
            """,
        version: version,
        subcommands: [
            StartCommand.self, ResumeCommand.self, CrashDrillCommand.self,
            DecksCommand.self, ShowCommand.self, PrintCommand.self, LintCommand.self, SessionsCommand.self, DeleteCommand.self, ExportCommand.self, TrendsCommand.self, StressWriterCommand.self, BenchKeysCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try runHome(try global.context())
    }

    /// ArgumentParser's own `main`, except that a usage error is one line on
    /// stderr (with where to read more), not the usage text as well. The decks
    /// that a `start` names begin loading on the other core while the command
    /// line is parsed (see `DeckPrefetch`).
    static func main() {
        if let named = StartCommand.decksNamed(in: Array(CommandLine.arguments.dropFirst())) {
            DeckPrefetch.start(onlyIDs: named.ids) {
                let environment = ProcessInfo.processInfo.environment
                return AppContext.deckFolders(home: TillitHome.resolve(explicit: named.home, environment: environment),
                                              environment: environment)
            }
        }
        if let position = firstArgumentNotInUTF8() {
            printError("tillit: " + CommandLanguage.text(.argNotUTF8, position))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(UsageErrorText.joiningNegativeNumbers(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode { exit(withError: error) }
            printError(usageErrorLine(message(for: error), fullMessage: fullMessage(for: error)))
            Foundation.exit(code.rawValue)
        }
    }

    /// One line in the user's language, then the usage (see `UsageErrorText`).
    static func usageErrorLine(_ message: String, fullMessage: String) -> String {
        UsageErrorText.render(message: message, fullMessage: fullMessage, CommandLanguage.text)
    }

    /// Swift's `CommandLine.arguments` turns bytes that are not UTF-8 into
    /// U+FFFD without a word; a name or path garbled that way is refused instead.
    static func firstArgumentNotInUTF8() -> Int? {
        for index in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[index] else { continue }
            if String(validatingCString: raw) == nil { return index }
        }
        return nil
    }
}
