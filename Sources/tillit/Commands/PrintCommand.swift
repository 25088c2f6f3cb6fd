import ArgumentParser
import Foundation
import TillitCore

struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Write a deck as cards to print and cut: one HTML file, eight cards to an A4 page.",
        discussion: """
            Open the file in a browser and print it on A4 at 100 % (no scaling), then cut along the marks. \
            The file needs no network and holds no scripts. With -o it is written whole or not at all, \
            and an existing file is kept unless --force; without -o the HTML goes to standard output.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The deck's id (see `tillit decks`).") var deck: String
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The HTML file to write, e.g. cards.html.", valueName: "file"))
    var output: String?
    @Flag(name: .long, help: "Replace the file given with -o if it exists.") var force = false

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
