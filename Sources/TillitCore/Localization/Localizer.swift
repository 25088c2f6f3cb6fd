import Foundation

/// Looks up a UI string in the table of one language. Each language has one
/// table (`Strings+nb.swift`, `Strings+en.swift`, …); a key missing from a table
/// falls back the way deck texts do, so a half-translated table still works.
package struct Localizer: Sendable {
    package var language: Language

    package init(_ language: Language) { self.language = language }

    package static func table(_ language: Language) -> [UIString: String] {
        switch language {
        case .nb: return Strings.nb
        case .en: return Strings.en
        case .da: return Strings.da
        }
    }

    /// The text for `key`, with `{0}`, `{1}`… replaced by `arguments`. The
    /// arguments are where paths, names and the room's words come in from
    /// outside, so they pass the deck text's sanitiser: no escape sequence in a
    /// file name reaches a terminal through a message.
    package func callAsFunction(_ key: UIString, _ arguments: CustomStringConvertible...) -> String {
        Self.format(Self.text(for: key, in: language, tables: Self.table), arguments.map { SafeText.clean($0.description) })
    }

    /// The text for `key` in `language`, else in its first fallback that has
    /// one (`Language.fallbacks`), else the key's name.
    static func text(for key: UIString, in language: Language, tables: (Language) -> [UIString: String]) -> String {
        for candidate in [language] + language.fallbacks {
            if let text = tables(candidate)[key] { return text }
        }
        return key.rawValue
    }

    /// Replaces `{0}`, `{1}`… in one pass, so an argument that itself holds
    /// `{1}` (a deck label, a name) is shown as written. Unknown indexes stay.
    static func format(_ template: String, _ arguments: [String]) -> String {
        guard !arguments.isEmpty else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"),
               let index = Int(rest[afterOpen..<close]), arguments.indices.contains(index) {
                result += arguments[index]
                rest = rest[rest.index(after: close)...]
            } else {
                result.append("{")
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }
}

/// Namespace for the per-language tables.
package enum Strings {}

extension Localizer {
    /// `1 stemme` or `4 stemmer`: the singular key for one, the plural for the rest.
    package func count(_ n: Int, one: UIString, many: UIString) -> String {
        self(n == 1 ? one : many, n)
    }
}
