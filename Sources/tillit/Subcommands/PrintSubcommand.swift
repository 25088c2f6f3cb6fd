import ArgumentParser
import Foundation
import TillitCore
import TillitStore

struct PrintSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: cli(.cliPrintAbstract),
        discussion: cli(.cliPrintDiscussion))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(cli(.cliArgDeck), valueName: cli(.cliValueDeck))) var deck: String
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(cli(.cliOptPrintOutput), valueName: cli(.cliValueFile)))
    var output: String?
    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptForce))) var force = false

    func run() throws {
        let context = try global.context()
        let t = context.text
        guard let deck = context.loadCatalog().deck(id: deck) else {
            throw fail(context.text(.unknownDeck, SafeText.line(self.deck)))
        }
        let html = PrintableDeck.render(deck, language: context.language)
        guard let output else {
            FileHandle.standardOutput.write(Data(html.utf8))
            return
        }
        do { try PrivateFile.write(html, to: output, overwrite: force) } catch { throw fail(error.description) }
        print(t(.printWritten, output, deck.cards.count))
    }
}
