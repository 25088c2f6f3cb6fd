/// One problem found in a deck file, with the place it was found. Its words
/// are a key of the string tables with its arguments, so `tillit lint` and the
/// decks screen say it in the chosen language; `message` is the English.
package struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    package enum Severity: String, Sendable { case error, warning }

    package var path: String
    package var line: Int
    package var column: Int
    package var severity: Severity
    package var key: UIString
    package var arguments: [DiagnosticArgument]

    package init(path: String, line: Int = 1, column: Int = 1, severity: Severity = .error, key: UIString,
                arguments: [DiagnosticArgument] = []) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.key = key
        self.arguments = arguments
    }

    /// A problem in words that need no translating (libyaml's own, a test's).
    package init(path: String, line: Int = 1, column: Int = 1, severity: Severity = .error, message: String) {
        self.init(path: path, line: line, column: column, severity: severity, key: .deckProblemText, arguments: [.text(message)])
    }

    /// The problem in `t`'s language.
    package func text(_ t: Localizer) -> String { Localizer.format(t(key), arguments.map { $0.text(t) }) }

    package var message: String { text(Localizer(.en)) }

    /// `path:line:column: error: message`, the form editors and compilers use
    /// (`error` and `warning` stay as they are: tools read them).
    package func line(_ t: Localizer) -> String { "\(path):\(line):\(column): \(severity.rawValue): \(text(t))" }

    package var description: String { line(Localizer(.en)) }
}

/// A part of a problem's words: text as it stands, or words of the string tables.
package enum DiagnosticArgument: Hashable, Sendable {
    case text(String)
    case phrase(UIString)
    /// ` (did you mean 'audience'?)`
    case didYouMean(String)

    package func text(_ t: Localizer) -> String {
        switch self {
        case .text(let text): return text
        case .phrase(let key): return t(key)
        case .didYouMean(let word): return t(.deckDidYouMean, word)
        }
    }
}

extension Array where Element == Diagnostic {
    package var hasErrors: Bool { contains { $0.severity == .error } }
}
