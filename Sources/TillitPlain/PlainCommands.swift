import TillitCore

/// One `:` command of plain line mode: the words that call it (the first is
/// its name), what it takes after them, its line in `:help`, and the input it
/// stands for. Reading a line and `:help` both come from `PlainCommands.table`.
struct PlainCommand: Sendable {
    var words: [String]
    /// What follows the name in `:help` (`N`, `TEXT`); nil when nothing does.
    var argument: UIString?
    /// Commands next to each other with the same help share one line of it.
    var help: UIString
    var input: @Sendable (_ argument: String) -> PlainInput

    init(_ words: [String], _ argument: UIString? = nil, help: UIString, _ input: @escaping @Sendable (String) -> PlainInput) {
        self.words = words
        self.argument = argument
        self.help = help
        self.input = input
    }

    init(_ words: [String], help: UIString, _ input: PlainInput) {
        self.init(words, help: help) { _ in input }
    }
}

enum PlainCommands {
    static let table: [PlainCommand] = [
        PlainCommand(["next", "n"], help: .plainHelpNext, .next),
        PlainCommand(["back", "prev", "previous", "b"], help: .plainHelpBack, .back),
        PlainCommand(["card", "go"], .plainArgNumber, help: .plainHelpCard) { .card($0) },
        PlainCommand(["hint"], help: .plainHelpHint, .hint),
        PlainCommand(["rate"], .plainArgNumber, help: .plainHelpRate) { .rate($0) },
        PlainCommand(["unvote"], .plainArgNumber, help: .plainHelpUnvote) { .unvote($0) },
        PlainCommand(["reveal"], help: .plainHelpReveal, .reveal),
        PlainCommand(["answers"], help: .plainHelpAnswers, .answers),
        PlainCommand(["room"], help: .plainHelpRoom) { .room($0) },
        PlainCommand(["who"], .plainArgName, help: .plainHelpWho) { .who($0) },
        PlainCommand(["next-person", "nextperson"], help: .plainHelpNextPerson, .nextPerson),
        PlainCommand(["skip"], help: .plainHelpSkip, .skip),
        PlainCommand(["park"], help: .plainHelpPark, .park),
        PlainCommand(["action"], .plainArgAction, help: .plainHelpAction) { .action($0) },
        PlainCommand(["actions"], help: .plainHelpActions, .actions),
        PlainCommand(["edit"], .plainArgEdit, help: .plainHelpEdit) { .editAction($0) },
        PlainCommand(["done-action"], .plainArgNumber, help: .plainHelpActionDone) { .setActionDone(true, $0) },
        PlainCommand(["reopen-action"], .plainArgNumber, help: .plainHelpActionDone) { .setActionDone(false, $0) },
        PlainCommand(["remove"], .plainArgNumber, help: .plainHelpRemove) { .removeAction($0) },
        PlainCommand(["note"], .plainArgText, help: .plainHelpNote) { .note($0) },
        PlainCommand(["private"], .plainArgText, help: .plainHelpPrivate) { .privateNote($0) },
        PlainCommand(["keep-out"], help: .plainHelpKeepOut, .keepOut(true)),
        PlainCommand(["keep-in"], help: .plainHelpKeepOut, .keepOut(false)),
        PlainCommand(["minutes"], help: .plainHelpMinutes, .minutes),
        PlainCommand(["confirm"], help: .plainHelpConfirm, .confirmMinutes),
        PlainCommand(["done"], .plainArgNumber, help: .plainHelpCarried) { .carried(.done, $0) },
        PlainCommand(["keep"], .plainArgNumber, help: .plainHelpCarried) { .carried(.kept, $0) },
        PlainCommand(["drop"], .plainArgNumber, help: .plainHelpCarried) { .carried(.dropped, $0) },
        PlainCommand(["cleanup", "rydd"], help: .plainCleanupHelp) { .cleanup($0) },
        PlainCommand(["status"], help: .plainHelpStatus, .status),
        PlainCommand(["finish"], help: .plainHelpFinish, .finish),
        PlainCommand(["reopen"], help: .plainHelpFinish, .reopen),
        PlainCommand(["help", "h", "?"], help: .plainHelpHelp, .help),
        PlainCommand(["quit", "q", "exit"], help: .plainHelpQuit, .quit),
    ]

    /// The command `word` calls (in any case), if any.
    static func command(_ word: String) -> PlainCommand? {
        let word = word.lowercased()
        return table.first { $0.words.contains(word) }
    }

    /// `:help`: the text line, then each command of the table by its name.
    static func help(_ t: Localizer) -> String {
        var lines = [t(.plainHelpHeader), "  " + t(.plainHelpText)]
        var index = table.startIndex
        while index < table.endIndex {
            let group = table[index...].prefix { $0.help == table[index].help }
            let usage = group.map { ":" + $0.words[0] + ($0.argument.map { " " + t($0) } ?? "") }.joined(separator: ", ")
            lines.append("  " + usage + " – " + t(table[index].help))
            index += group.count
        }
        return lines.joined(separator: "\n")
    }
}
