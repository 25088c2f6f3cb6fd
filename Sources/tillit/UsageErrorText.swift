import Foundation
import TillitCore

/// A usage error as tillit prints it: one line in the user's language, then
/// the command's usage. swift-argument-parser writes its own errors in English
/// only, so the common ones (a missing argument or value, an unknown option, a
/// bad value, an argument too many) are read back and said again in the
/// chosen language; `validate()` messages come from our tables already.
enum UsageErrorText {
    /// `tillit: <message> (see 'tillit start --help')`, then `Usage: …`.
    /// `arguments` and `commands` (the root's subcommands) tell a mistyped command from other mistakes.
    static func render(message: String, fullMessage: String, arguments: [String], commands: [String],
                       _ t: Localizer) -> String {
        let message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        let usage = usage(in: fullMessage)
        var helpCommand: String?
        if let start = fullMessage.range(of: "See '"),
           let end = fullMessage[start.upperBound...].firstIndex(of: "'") {
            helpCommand = String(fullMessage[start.upperBound..<end])
        }
        var text = "tillit: "
        // The root takes no argument of its own: a word where the command goes is a command mistyped,
        // whatever ArgumentParser tripped over first (`tillit strat --deck x` is "unknown option --deck").
        if helpCommand == "tillit --help",
           let word = commandWord(in: arguments, valueOptions: valueOptions(in: usage ?? "")),
           !commands.contains(word) {
            if let near = nearest(to: word, in: commands) {
                text += t(.argUnknownCommandSuggestion, word, near) + " " + t(.argSeeHelp, "tillit --help")
            } else {
                text += t(.argUnknownCommand, word)
            }
        } else {
            text += translate(message, t)
            if let helpCommand { text += " " + t(.argSeeHelp, helpCommand) }
        }
        if let usage { text += "\n" + t(.argUsage, placeholders(usage, t)) }
        return text
    }

    /// The first argument that is neither an option nor an option's value (after `--`, the
    /// first argument of all): where the command goes.
    static func commandWord(in arguments: [String], valueOptions: Set<String>) -> String? {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { return index + 1 < arguments.count ? arguments[index + 1] : nil }
            if !argument.hasPrefix("-") { return argument }
            index += valueOptions.contains(argument) ? 2 : 1
        }
        return nil
    }

    /// The options a usage line shows with a value (`[--home <dir>]`): the root's, read from its usage.
    static func valueOptions(in usage: String) -> Set<String> {
        let pattern = try? NSRegularExpression(pattern: "(--[a-z-]+) <")
        let matches = pattern?.matches(in: usage, range: NSRange(usage.startIndex..., in: usage)) ?? []
        return Set(matches.compactMap { Range($0.range(at: 1), in: usage).map { String(usage[$0]) } })
    }

    /// The command `word` most likely meant: one or two letters off, or the start of it.
    static func nearest(to word: String, in commands: [String]) -> String? {
        let lower = word.lowercased()
        let scored = commands.map { ($0, TextDistance.edits(lower, $0)) }.filter { $0.1 <= min(2, $0.0.count / 3) }
        if let best = scored.min(by: { $0.1 < $1.1 }) { return best.0 }
        guard lower.count >= 2 else { return nil }
        let starts = commands.filter { $0.hasPrefix(lower) }
        return starts.count == 1 ? starts[0] : nil
    }

    /// ArgumentParser's own placeholders (`<options>`, `<subcommand>`) in the chosen language;
    /// the value names of our options come from the tables already.
    static func placeholders(_ text: String, _ t: Localizer) -> String {
        guard t.language != .en else { return text }
        return text.replacingOccurrences(of: "<options>", with: "<\(t(.cliValueOptions))>")
            .replacingOccurrences(of: "<subcommand>", with: "<\(t(.cliValueSubcommand))>")
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
            return placeholders(line, t)
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
