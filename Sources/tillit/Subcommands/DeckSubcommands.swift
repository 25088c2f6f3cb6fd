import ArgumentParser
import Foundation
import TillitCore
import TillitStore

struct DecksSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decks", abstract: cli(.cliDecksAbstract))

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try global.context()
        let catalog = context.loadCatalog()
        // "(skipped)" only on the files that were: a deck with warnings alone is listed.
        let skipped = Set(catalog.skippedFiles.map(\.path))
        for problem in catalog.problems {
            printError(skipped.contains(problem.path) ? "\(problem) (\(context.text(.skippedDeck)))" : "\(problem)")
        }
        let t = context.text
        var rows = [[t(.decksHeaderID), t(.decksHeaderTitle), t(.decksHeaderCards), t(.decksHeaderAudience), t(.decksHeaderSource)]]
        for entry in catalog.entries {
            let deck = entry.deck
            let source: String
            switch entry.origin {
            case .shipped: source = t(.sourceShipped)
            case .own(let path): source = entry.replacesShippedPath == nil ? t(.sourceOwn, path) : t(.sourceOwnReplaces, path)
            }
            let audience = deck.audience.map { $0 == .team ? t(.audienceTeam) : t(.audienceOneOnOne) }.joined(separator: ", ")
            rows.append([deck.id, SafeText.line(deck.title.resolve(context.language)), String(deck.cards.count), audience, source])
        }
        print(TextTable.render(rows, rightAligned: [2]))
        if catalog.entries.isEmpty { throw ExitCode(1) }
    }
}

struct ShowSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: cli(.cliShowAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(cli(.cliArgDeck), valueName: cli(.cliValueDeck))) var deck: String

    func run() throws {
        let context = try global.context()
        let catalog = context.loadCatalog()
        guard let deck = catalog.deck(id: deck) else {
            throw fail(context.text(.unknownDeck, SafeText.line(self.deck)))
        }
        print(DeckText.render(deck, language: context.language))
    }
}

struct LintSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: cli(.cliLintAbstract))

    @Argument(help: ArgumentHelp(cli(.cliArgLintFiles), valueName: cli(.cliValueFiles))) var files: [String]
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError(CommandLanguage.text(.argLintNeedsFiles)) }
    }

    func run() throws {
        let context = try global.context()
        let t = context.text
        var failed = 0
        for file in files {
            let result = DeckParser.parse(fileAt: file)
            for diagnostic in result.diagnostics { printError(SafeText.line(diagnostic.line(t))) }
            if !result.isValid { failed += 1 }
        }
        if failed > 0 {
            printError("tillit: " + (files.count == 1 ? t(.lintFailedOne) : t(.lintFailed, failed, files.count)))
            throw ExitCode(1)
        }
        print(files.count == 1 ? t(.lintAllValidOne) : t(.lintAllValid, files.count))
    }
}
