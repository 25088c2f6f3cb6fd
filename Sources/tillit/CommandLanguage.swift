import Foundation
import TillitCore
import TillitStore

/// The language of everything tillit writes on the command line, known before
/// swift-argument-parser runs: usage errors, `validate()` messages and help
/// come out in it. The same rule as `GlobalOptions.context()`: `--lang`, else
/// `TILLIT_LANG`, else the language remembered in the data folder, else the locale.
enum CommandLanguage {
    static let current: Language = detect(Array(CommandLine.arguments.dropFirst()), ProcessInfo.processInfo.environment)

    static var text: Localizer { Localizer(current) }

    static func detect(_ arguments: [String], _ environment: [String: String]) -> Language {
        let home = TillitHome.resolve(explicit: value(of: "--home", in: arguments), environment: environment)
        return Language.detect(explicit: value(of: "--lang", in: arguments),
                               remembered: Settings.load(from: home).language, environment: environment)
    }

    /// The last value given for `option` (`--lang nb` or `--lang=nb`), before any `--`.
    static func value(of option: String, in arguments: [String]) -> String? {
        var found: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == option, index + 1 < arguments.count { found = arguments[index + 1] }
            if argument.hasPrefix(option + "=") { found = String(argument.dropFirst(option.count + 1)) }
        }
        return found
    }
}

/// A text of the command line's help, in the command line's language.
func cli(_ key: UIString) -> String { CommandLanguage.text(key) }
