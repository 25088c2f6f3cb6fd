import Foundation

/// Looks up a UI string in the table of one language. Each language has one
/// table (`Strings+nb.swift`, `Strings+en.swift`, …); a key missing from a table
/// falls back the way deck texts do, so a half-translated table still works.
public struct Localizer: Sendable {
    public var language: Language

    public init(_ language: Language) { self.language = language }

    public static func table(_ language: Language) -> [UIString: String] {
        switch language {
        case .nb: return Strings.nb
        case .en: return Strings.en
        case .da: return Strings.da
        }
    }

    /// The text for `key`, with `{0}`, `{1}`… replaced by `arguments`.
    public func callAsFunction(_ key: UIString, _ arguments: CustomStringConvertible...) -> String {
        var text = Self.table(language)[key]
            ?? language.fallbacks.lazy.compactMap { Self.table($0)[key] }.first
            ?? key.rawValue
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument.description)
        }
        return text
    }
}

/// Namespace for the per-language tables.
public enum Strings {}
