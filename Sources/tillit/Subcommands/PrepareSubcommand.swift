import ArgumentParser
import Foundation
import TillitCore
import TillitStore

/// `tillit prepare --deck ID --participant NAME`: a sheet to prepare the next
/// 1:1 with that person (`PreparationSheet`), as Markdown or a printable page.
struct PrepareSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "prepare", abstract: cli(.cliPrepareAbstract))

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptStartDeck), valueName: cli(.cliValueDeckID))) var deck: String
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptPrepareParticipant), valueName: cli(.cliValueName))) var participant: String?
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptPrepareFormat), valueName: cli(.cliValueFormat)))
    var format: PrepareFormat = .markdown
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(cli(.cliOptPrepareOutput), valueName: cli(.cliValueFile)))
    var output: String?
    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptForce))) var force = false

    enum PrepareFormat: String, ExpressibleByArgument, CaseIterable { case markdown, html }

    func run() throws {
        let context = try global.context()
        let t = context.text
        guard let person = participant.map(SafeText.line), !person.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw fail(t(.argPrepareNeedsParticipant))
        }
        guard let chosen = context.loadCatalog().deck(id: deck) else { throw fail(t(.unknownDeck, SafeText.line(deck))) }
        let talks = SessionStore(home: context.home).loadAll().sessions
        let sheet = PreparationSheet(deck: chosen, person: person, language: context.language, talks: talks)
        let text = format == .html ? sheet.html() : sheet.markdown()
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do { try PrivateFile.write(text, to: output, overwrite: force) } catch { throw fail(error.description) }
        print(t(.prepareWritten, output))
    }
}
