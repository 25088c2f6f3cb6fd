import ArgumentParser
import Foundation
import TillitCore

struct SessionsSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions", abstract: cli(.cliSessionsAbstract))

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptOnlyDeck), valueName: cli(.cliValueDeckID))) var deck: String?
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptOnlyParticipant), valueName: cli(.cliValueName)))
    var participant: String?
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptOnlyTeam), valueName: cli(.cliValueTitle))) var team: String?
    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptUnfinished))) var unfinished = false
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptSessionsFormat), valueName: cli(.cliValueFormat))) var format: SessionsFormatOption = .table

    func run() throws {
        let context = try global.context()
        let t = context.text
        var listing = SessionStore(home: context.home).list()
        for problem in listing.problems { printError(SafeText.line(problem.error.message(t))) }
        let filter = TalkFilter(deck: deck, participant: participant, team: team, unfinishedOnly: unfinished)
        let hadTalks = !listing.summaries.isEmpty
        listing.summaries = listing.summaries.filter(filter.matches)
        if format == .json {
            FileHandle.standardOutput.write(Data(try SessionListJSON.render(listing.summaries).utf8))
            return
        }
        guard !listing.summaries.isEmpty else {
            print(hadTalks ? t(.sessionsNoMatch) : t(.noTalksYet))
            return
        }
        var rows = [[t(.sessionsHeaderID), t(.sessionsHeaderDate), t(.sessionsHeaderKind), t(.sessionsHeaderTitle),
                     t(.sessionsHeaderParticipants), t(.sessionsHeaderProgress), t(.sessionsHeaderStatus)]]
        let dates = DateFormatter()
        dates.locale = Locale(identifier: "en_US_POSIX")
        dates.dateFormat = "yyyy-MM-dd HH:mm"
        for talk in listing.summaries {
            let names = talk.participants.map { SafeText.line($0.name) }.joined(separator: ", ")
            rows.append([
                talk.id,
                dates.string(from: talk.createdAt),
                talk.kind == .team ? t(.audienceTeam) : t(.audienceOneOnOne),
                DisplayWidth.truncate(SafeText.line(talk.title), to: 40),
                DisplayWidth.truncate(names.isEmpty ? "–" : names, to: 40),
                "\(talk.handledCount)/\(talk.cardCount)",
                talk.isFinished ? t(.finished) : t(.unfinished),
            ])
        }
        print(TextTable.render(rows, rightAligned: [5]))
    }
}

enum SessionsFormatOption: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

struct DeleteSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: cli(.cliDeleteAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: talkArgumentHelp) var session: String
    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptYes))) var yes = false

    func run() throws {
        let context = try global.context()
        let t = context.text
        let store = SessionStore(home: context.home)
        guard let session = resolveTalk(session, in: store) else { throw fail(t(.noTalksYet)) }
        let talk: Session
        do { talk = try store.load(id: session) } catch { throw fail(error.message(t)) }
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else { throw fail(t(.deleteNeedsYes, session)) }
            FileHandle.standardOutput.write(Data(Self.question(talk, t).utf8))
            let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            guard ["y", "yes", "j", "ja"].contains(answer) else {
                print(t(.deleteKept))
                return
            }
        }
        do { try store.delete(id: session) } catch { throw fail(error.message(t)) }
        print(t(.deleteDone, session))
    }

    /// "delete 2026-12-06-2303-a91f?" says too little to be sure: the question
    /// names the people (or the team), the decks and the day, then the id.
    static func question(_ talk: Session, _ t: Localizer) -> String {
        let names = talk.participants.map { SafeText.line($0.name) }
        let who: String
        if talk.kind == .team || names.isEmpty {
            who = SafeText.line(talk.title)
        } else {
            who = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " " + t(.and) + " " + names[names.count - 1]
        }
        let decks = talk.decks.map { SafeText.line($0.title) }.joined(separator: ", ")
        return t(.deleteAsk, who, decks, ExportFormat.dateTime(talk.createdAt, t.language, timeZone: .current), talk.id)
    }
}

/// `last` names the newest talk, as people expect of a command line; anything
/// else is a talk id. Nil when there are no talks (the caller says so).
func resolveTalk(_ reference: String, in store: SessionStore) -> String? {
    guard reference.lowercased() == "last" else { return reference }
    return store.list().summaries.first?.id
}

/// The help of a talk argument that also takes `last`.
let talkArgumentHelp: ArgumentHelp = ArgumentHelp(cli(.cliArgTalk), valueName: cli(.cliValueSession))
