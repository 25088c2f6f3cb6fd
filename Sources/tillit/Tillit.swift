import ArgumentParser
import Foundation
import TillitCore
import TillitStore
import ProcessPrivacy

@main
struct Tillit: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "tillit",
        abstract: cli(.cliTillitAbstract),
        discussion: cli(.cliTillitDiscussion),
        version: version,
        subcommands: [
            StartSubcommand.self, ResumeSubcommand.self,
            DecksSubcommand.self, ShowSubcommand.self, PrintSubcommand.self, LintSubcommand.self, SessionsSubcommand.self, DeleteSubcommand.self, ExportSubcommand.self, CleanupSubcommand.self, VerifySubcommand.self, PrepareSubcommand.self, TrendsSubcommand.self,
            SettingsSubcommand.self, PrivacySubcommand.self, ForgetSubcommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var roomArguments: RoomArguments

    func run() throws {
        try runHome(try global.context(), room: roomArguments.settings)
    }

    /// ArgumentParser's own `main`, except that a usage error is one line on
    /// stderr (with where to read more), not the usage text as well. The decks
    /// that a `start` names begin loading on the other core while the command
    /// line is parsed (see `DeckPrefetch`). Every error, of either parse, is
    /// printed here.
    static func main() {
        CoreDumps.forbid()
        let arguments = UsageErrorText.joiningNegativeNumbers(Array(CommandLine.arguments.dropFirst()))
        if let named = StartSubcommand.decksNamed(in: arguments) {
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
            if arguments.isEmpty {
                let context = try AppContext.checked(lang: nil, home: nil, noColor: false)
                context.expirePrivateNotes()
                return try runHome(context)
            }
            if arguments == ["--version"] { return print(version) }
            var command = try commonForm(arguments) ?? parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success, !(error is ExitCode) {
                // Help and the version: printed as the library would, in the chosen language.
                print(UsageErrorText.help(fullMessage(for: error), CommandLanguage.text))
                Foundation.exit(0)
            }
            if error is ExitCode { exit(withError: error) }
            printError(usageErrorLine(message(for: error), fullMessage: fullMessage(for: error), arguments: arguments))
            Foundation.exit(code.rawValue)
        }
    }

    /// `tillit start …` and `tillit resume …`, parsed by their own command type
    /// (a bare `tillit` and `tillit --version` need no parsing at all, above):
    /// the root's parse walks the whole command tree first, some 3 M instructions
    /// (callgrind) more than the subcommand's own. Both name `tillit` as their
    /// `_superCommandName`, which tells the library that they are not a tool of
    /// their own, so it skips the check for `--generate-completion-script` that
    /// parses two more commands (1.5 M instructions fewer; the check's protocol-
    /// conformance look-ups are mostly ones the real parse makes next). Anything that does not parse there (help, a completion
    /// request, a mistake) is nil and goes through `parseAsRoot`, so help,
    /// completions and errors read exactly as before.
    static func commonForm(_ arguments: [String]) -> ParsableCommand? {
        let rest = Array(arguments.dropFirst())
        switch arguments.first {
        case "start": return try? StartSubcommand.parse(rest)
        case "resume": return try? ResumeSubcommand.parse(rest)
        default: return nil
        }
    }

    /// One line in the user's language, then the usage (see `UsageErrorText`).
    static func usageErrorLine(_ message: String, fullMessage: String, arguments: [String]) -> String {
        UsageErrorText.render(message: message, fullMessage: fullMessage, arguments: arguments,
                              commands: configuration.subcommands.map { $0._commandName } + ["help"], CommandLanguage.text)
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
