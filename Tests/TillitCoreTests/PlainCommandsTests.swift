import Testing
import TillitCore
@testable import TillitPlain

/// Plain mode's `:help` is read off the same table that reads a line, so a
/// command cannot be added without its line in the help, nor the other way round.
struct PlainCommandsTests {
    @Test(arguments: Language.allCases)
    func helpNamesEveryCommandOfTheTable(language: Language) {
        let help = PlainCommands.help(Localizer(language))
        for command in PlainCommands.table {
            #expect(help.contains(":" + command.words[0]), "\(command.words[0]) missing from :help in \(language)")
        }
        #expect(!help.contains("{"), "a placeholder left in the help")
    }

    @Test func everyWordOfACommandReadsAsThatCommand() {
        for command in PlainCommands.table {
            for word in command.words {
                #expect(PlainInput(line: ":" + word.uppercased() + " 2") == command.input("2"), ":\(word)")
            }
        }
        #expect(PlainInput(line: ":nonsense") == .unknown(":nonsense"))
    }

    @Test func helpListsEachCommandOnce() {
        let help = PlainCommands.help(Localizer(.en))
        let named = help.split(separator: "\n").dropFirst(2).flatMap { line in
            line.split(separator: "–")[0].split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) }
        }
        #expect(named == PlainCommands.table.map { ":" + $0.words[0] })
    }
}
