/// The languages tillit speaks. `nb` is Norwegian bokmål.
package enum Language: String, CaseIterable, Codable, Sendable, Comparable {
    case nb, en, da

    /// When a text lacks the wanted language, these are tried next, in order.
    /// Danish readers understand Norwegian better than English; Norwegian and
    /// English readers fall back on each other.
    package var fallbacks: [Language] {
        switch self {
        case .nb: return [.en, .da]
        case .en: return [.nb, .da]
        case .da: return [.nb, .en]
        }
    }

    /// The language's name in itself, as a choice of language is shown.
    package var ownName: String {
        switch self {
        case .nb: return "norsk bokmål"
        case .en: return "English"
        case .da: return "dansk"
        }
    }

    /// The next language in `allCases`, round again after the last.
    package var next: Language { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }

    package static func < (lhs: Language, rhs: Language) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Reads a locale name as found in `LANG`/`LC_ALL` (`nb_NO.UTF-8`, `no`, `en_GB`).
    /// Nynorsk and plain `no` map to bokmål, the only Norwegian we ship.
    package init?(localeName: String) {
        let base = localeName
            .split(separator: ".").first.map(String.init)?
            .split(separator: "@").first.map(String.init)?
            .lowercased() ?? ""
        let code = base.split(whereSeparator: { $0 == "_" || $0 == "-" }).first.map(String.init) ?? ""
        switch code {
        case "nb", "nn", "no": self = .nb
        case "da": self = .da
        case "en": self = .en
        default: return nil
        }
    }

    /// Picks the language: an explicit choice (`--lang`), else `TILLIT_LANG`,
    /// else the one `remembered` from the home screen, else the environment the
    /// way POSIX orders it (`LC_ALL`, then `LC_MESSAGES`, then `LANG`). A locale
    /// that names no language at all (`C`, `POSIX`, `C.UTF-8`, nothing set)
    /// means Norwegian, the language tillit is made for; one that names a
    /// language we lack (`sv_SE`) means English.
    package static func detect(explicit: String? = nil, remembered: Language? = nil,
                              environment: [String: String]) -> Language {
        if let explicit, let language = Language(localeName: explicit) { return language }
        if let chosen = environment["TILLIT_LANG"], let language = Language(localeName: chosen) { return language }
        if let remembered { return remembered }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            // The first set variable decides, even when it names a language we lack.
            if let language = Language(localeName: value) { return language }
            return namesNoLanguage(value) ? .nb : .en
        }
        return .nb
    }

    /// `C`, `POSIX`, `C.UTF-8`: the locales that are no language at all.
    static func namesNoLanguage(_ localeName: String) -> Bool {
        let base = localeName.split(separator: ".").first.map(String.init)?.split(separator: "@").first.map(String.init) ?? ""
        return base == "C" || base == "POSIX"
    }
}

/// A text in several languages, as written in a deck file.
package struct LocalizedText: Hashable, Sendable, Codable {
    package var values: [Language: String]

    package init(_ values: [Language: String]) { self.values = values }

    /// The text in `language`, else in its first fallback that has one.
    package func resolve(_ language: Language) -> String {
        if let text = values[language], !text.isEmpty { return text }
        for fallback in language.fallbacks {
            if let text = values[fallback], !text.isEmpty { return text }
        }
        return ""
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) }))
    }

    package init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode([String: String].self)
        values = Dictionary(uniqueKeysWithValues: raw.compactMap { key, value in
            Language(rawValue: key).map { ($0, value) }
        })
    }
}
