import ArgumentParser
import Foundation
import TillitCore
import TillitStore

enum TrendsFormatOption: String, ExpressibleByArgument, CaseIterable {
    case text, csv
}

struct TrendsSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trends",
        abstract: cli(.cliTrendsAbstract),
        discussion: CommandLanguage.text(.cliTrendsDiscussion, TrendsReport.minimumVotes))

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptTrendsDeck), valueName: cli(.cliValueDeckID)))
    var deck: String?
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptOnlyTeam), valueName: cli(.cliValueTitle))) var team: String?
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptTrendsParticipant), valueName: cli(.cliValueName))) var participant: String?
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptLast), valueName: cli(.cliValueCount))) var last: Int?
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptTrendsFormat), valueName: cli(.cliValueFormat))) var format: TrendsFormatOption = .text

    func validate() throws {
        if team != nil, participant != nil { throw ValidationError(CommandLanguage.text(.argTeamOrParticipant)) }
        if let last, last < 1 { throw ValidationError(CommandLanguage.text(.argLastRange)) }
    }

    func run() throws {
        let context = try global.context()
        let t = context.text
        let decks = context.loadCatalog().decks
        guard let deck else {
            print(Self.decksWithTrends(SessionStore(home: context.home), decks: decks, t), terminator: "")
            return
        }
        let (report, problems) = TrendsReport.load(from: SessionStore(home: context.home), deckID: deck, team: team,
                                                   participant: participant, last: last, decks: decks, language: context.language)
        for problem in problems { printError(SafeText.line(problem.error.message(t))) }
        if participant == nil, report.isOneOnOne, report.employeeCount > 1 {
            printError("tillit: " + t(.trendsSeveralEmployees, report.employeeCount))
        }
        if report.talks.isEmpty, !decks.contains(where: { $0.id.lowercased() == deck.lowercased() }),
           !SessionStore(home: context.home).list().summaries.contains(where: { TalkFilter(deck: deck).matches($0) }) {
            throw fail(t(.unknownDeck, SafeText.line(deck)))
        }
        switch format {
        case .text: FileHandle.standardOutput.write(Data(report.text(t).utf8))
        case .csv: FileHandle.standardOutput.write(Data(report.csv().utf8))
        }
    }

    /// The decks whose rating cards the saved talks used, with how many talks each,
    /// and the command that shows one: what `tillit trends` alone answers.
    static func decksWithTrends(_ store: SessionStore, decks: [Deck], _ t: Localizer) -> String {
        let listing = store.list()
        var talks: [String: Int] = [:]
        for summary in listing.summaries { for id in Set(summary.deckIDs.map { $0.lowercased() }) { talks[id, default: 0] += 1 } }
        // A deck with no rating card has nothing to follow; a deck no longer installed still has its talks.
        let rated = decks.filter { deck in deck.cards.contains { $0.answer.scale != nil } }
        var rows: [[String]] = []
        for deck in rated where talks[deck.id.lowercased()] != nil {
            rows.append([deck.id, SafeText.line(deck.title.resolve(t.language)),
                         t.count(talks[deck.id.lowercased()] ?? 0, one: .talkCountOne, many: .talkCount)])
        }
        guard !rows.isEmpty else { return t(.trendsNoDecksYet) + "\n" }
        let table = TextTable.render(rows, rightAligned: []).split(separator: "\n").map { "  " + $0 }
        return t(.trendsChooseDeck) + "\n" + table.joined(separator: "\n") + "\n"
    }
}
