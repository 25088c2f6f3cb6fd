import ArgumentParser
import Foundation
import TillitCore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptLang), valueName: cli(.cliValueLang)))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp(cli(.cliOptHome), valueName: cli(.cliValueDir)))
    var home: String?

    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptNoColor)))
    var noColor = false

    func validate() throws {
        if let lang, Language(localeName: lang) == nil {
            throw ValidationError(CommandLanguage.text(.argUnknownLanguage, SafeText.line(lang)))
        }
    }

    func context() throws -> AppContext {
        try AppContext.checked(lang: lang, home: home, noColor: noColor)
    }
}

/// What every command works from: the language, the data folder and the decks.
struct AppContext {
    var language: Language
    var home: TillitHome
    var colorEnabled: Bool
    var environment: [String: String]

    /// The context of these option values (nil and false: not given) and the process's environment.
    init(lang: String?, home: String?, noColor: Bool) {
        environment = ProcessInfo.processInfo.environment
        self.home = TillitHome.resolve(explicit: home, environment: environment)
        language = Language.detect(explicit: lang, remembered: Settings.load(from: self.home).language,
                                   environment: environment)
        colorEnabled = !noColor && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The context, once its data folder is known to be a folder of the
    /// user's own that no one else can write to (see `TillitHome.checkPrivate`).
    static func checked(lang: String?, home: String?, noColor: Bool) throws -> AppContext {
        let context = AppContext(lang: lang, home: home, noColor: noColor)
        do { try context.home.checkPrivate() } catch { throw fail(error.message(context.text)) }
        return context
    }

    var text: Localizer { Localizer(language) }

    /// Every deck, or with `onlyIDs` just those (see `DeckCatalog.load(shippedFolder:ownFolder:onlyIDs:)`).
    func loadCatalog(onlyIDs ids: Set<String>? = nil) -> DeckCatalog {
        let folders = Self.deckFolders(home: home, environment: environment)
        return DeckCatalog.load(shippedFolder: folders.shipped, ownFolder: folders.own, onlyIDs: ids)
    }

    /// The shipped decks' folder and the own decks' folder of `home`.
    static func deckFolders(home: TillitHome, environment: [String: String]) -> (shipped: String?, own: String?) {
        (ShippedDecks.folder(executablePath: executablePath, environment: environment), home.decksFolder)
    }

    /// The running binary, resolved through symlinks so an installed copy finds its share folder.
    static var executablePath: String {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}

/// Prints one clear line on stderr and ends the command with `code`.
func fail(_ message: String, code: Int32 = 1) -> ExitCode {
    FileHandle.standardError.write(Data("tillit: \(message)\n".utf8))
    return ExitCode(code)
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
}
