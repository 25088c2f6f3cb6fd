import Foundation
import TillitCore

/// A usage error as tillit prints it: one line in the user's language, then
/// the command's usage. swift-argument-parser writes its own errors in English
/// only, so the common ones (a missing argument or value, an unknown option, a
/// bad value, an argument too many) are read back and said again in the
/// chosen language; `validate()` messages come from our tables already.
enum UsageErrorText {
    /// `tillit: <message> (see 'tillit start --help')`, then `Usage: …`.
    static func render(message: String, fullMessage: String, _ t: Localizer) -> String {
        let line = translate(message.split(whereSeparator: \.isNewline).joined(separator: " "), t)
        var text = "tillit: \(line)"
        if let start = fullMessage.range(of: "See '"),
           let end = fullMessage[start.upperBound...].firstIndex(of: "'") {
            text += " " + t(.argSeeHelp, String(fullMessage[start.upperBound..<end]))
        }
        if let usage = usage(in: fullMessage) { text += "\n" + t(.argUsage, usage) }
        return text
    }

    /// ArgumentParser's help with its own words (headings, the help and
    /// version flags, the pointer to more help) in the chosen language; the
    /// rest is ours and comes from the tables already.
    static func help(_ text: String, _ t: Localizer) -> String {
        guard t.language != .en else { return text }
        let words: [(String, UIString)] = [
            ("OVERVIEW:", .cliHeadingOverview), ("USAGE:", .cliHeadingUsage), ("ARGUMENTS:", .cliHeadingArguments),
            ("OPTIONS:", .cliHeadingOptions), ("SUBCOMMANDS:", .cliHeadingSubcommands),
            ("Show the version.", .cliShowVersion), ("Show help information.", .cliShowHelp),
            ("See 'tillit help <subcommand>' for detailed help.", .cliSeeSubcommandHelp),
        ]
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var line = String(line)
            for (english, key) in words where line.contains(english) {
                // A heading starts its line; the flags' texts end theirs.
                if english.hasSuffix(":") ? line.hasPrefix(english) : line.hasSuffix(english) {
                    line = line.replacingOccurrences(of: english, with: t(key))
                }
            }
            return line
        }.joined(separator: "\n")
    }

    /// The usage lines of ArgumentParser's full message, without the word `Usage:`.
    static func usage(in fullMessage: String) -> String? {
        let lines = fullMessage.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.firstIndex(where: { $0.hasPrefix("Usage: ") }) else { return nil }
        var usage = [String(lines[first].dropFirst("Usage: ".count))]
        for line in lines[(first + 1)...] {
            guard line.hasPrefix(" "), !line.trimmingCharacters(in: .whitespaces).hasPrefix("See '") else { break }
            usage.append(String(line))
        }
        return usage.joined(separator: "\n")
    }

    static func translate(_ message: String, _ t: Localizer) -> String {
        func match(_ pattern: String) -> [String]? {
            guard let regex = try? NSRegularExpression(pattern: "^" + pattern + "$"),
                  let found = regex.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)) else { return nil }
            return (1..<found.numberOfRanges).map {
                Range(found.range(at: $0), in: message).map { String(message[$0]) } ?? ""
            }
        }
        if let m = match("Missing expected argument '(.+)'") { return t(.argMissingArgument, m[0]) }
        if let m = match("Unknown option '([^']+)'\\. Did you mean '([^']+)'\\?") { return t(.argUnknownOptionSuggestion, m[0], m[1]) }
        if let m = match("Unknown option '([^']+)'") { return t(.argUnknownOption, m[0]) }
        if let m = match("Missing value for '([^']+)'") { return t(.argMissingValue, m[0]) }
        if let m = match("The value '(.*)' is invalid for '([^']+)'(.*)") {
            let choices = quoted(in: m[2])
            return choices.isEmpty ? t(.argBadValue, m[0], m[1]) : t(.argBadValueChoices, m[0], m[1], choices.joined(separator: ", "))
        }
        if let m = match("Unexpected argument '(.*)'") { return t(.argUnexpected, m[0]) }
        if let m = match("[0-9]+ unexpected arguments: (.*)") { return t(.argUnexpected, quoted(in: m[0]).joined(separator: " ")) }
        return message
    }

    private static func quoted(in text: String) -> [String] {
        text.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// `--timer -5` and `--last -3`: a negative number after an option is read
    /// by ArgumentParser as an option of its own ("Missing value for '--timer'").
    /// Joined as `--timer=-5` it reaches the option, whose check names the range.
    static func joiningNegativeNumbers(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { return result + arguments[index...] }
            if argument.hasPrefix("--"), !argument.contains("="), index + 1 < arguments.count,
               arguments[index + 1].count > 1, arguments[index + 1].hasPrefix("-"),
               Int(arguments[index + 1]) != nil {
                result.append(argument + "=" + arguments[index + 1])
                index += 2
            } else {
                result.append(argument)
                index += 1
            }
        }
        return result
    }
}
