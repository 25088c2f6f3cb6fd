import ArgumentParser
import Foundation
import TillitCore
import TillitStore

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
        let context = try AppContext.checked(lang: lang, home: home, noColor: noColor)
        context.expirePrivateNotes()
        return context
    }
}

/// What every command works from: the language, the data folder and the decks.
struct AppContext {
    var language: Language
    var home: TillitHome
    var colorEnabled: Bool
    var environment: [String: String]
    /// `settings.json` of the data folder, read once.
    var settings: Settings
    /// Now; `TILLIT_NOW` (ISO 8601, `2028-12-01T10:00:00Z`) moves the clock for tests of what ages.
    var now: Date {
        guard let moved = environment["TILLIT_NOW"], !moved.isEmpty else { return Date() }
        return ISO8601DateFormatter().date(from: moved) ?? Date()
    }

    /// The context of these option values (nil and false: not given) and the process's environment.
    init(lang: String?, home: String?, noColor: Bool) {
        environment = ProcessInfo.processInfo.environment
        self.home = TillitHome.resolve(explicit: home, environment: environment)
        settings = Settings.load(from: self.home)
        language = Language.detect(explicit: lang, remembered: settings.language, environment: environment)
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

    /// Private notes set to delete themselves go when tillit starts after their time is up (off unless set).
    func expirePrivateNotes() {
        let expiry = settings.privateNotesExpiry
        guard expiry.isOn else { return }
        _ = SessionStore(home: home).expirePrivateNotes(expiry, now: now)
    }

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
    printError("tillit: \(message)")
    return ExitCode(code)
}

/// A message on stderr. It may name a file or quote a deck, so it passes the
/// deck text's sanitiser: nothing in it can act on the terminal.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("\(SafeText.clean(message))\n".utf8))
}
