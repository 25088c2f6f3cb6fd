import ArgumentParser
import Foundation
import TillitCore
import TillitStore

struct SessionsSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions", abstract: cli(.cliSessionsAbstract))

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptOnlyDeck), valueName: cli(.cliValueDeckID))) var deck: String?
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptOnlyParticipant), valueName: cli(.cliValueName)))
    var participant: String?
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptOnlyTeam), valueName: cli(.cliValueTitle))) var team: String?
    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptUnfinished))) var unfinished = false
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptOlderThan), valueName: cli(.cliValueAge))) var olderThan: String?
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptSessionsFormat), valueName: cli(.cliValueFormat))) var format: SessionsFormatOption = .table

    func run() throws {
        let context = try global.context()
        let t = context.text
        let age = try parseAge(olderThan, t)
        var listing = SessionStore(home: context.home).list()
        for problem in listing.problems { printError(SafeText.line(problem.error.message(t))) }
        let filter = TalkFilter(deck: deck, participant: participant, team: team, unfinishedOnly: unfinished)
        let hadTalks = !listing.summaries.isEmpty
        // Files are there but none can be read: not "no talks yet", and not a success.
        let noneReadable = hadTalks || listing.problems.isEmpty ? nil : noTalkReadable(listing.problems, t)
        listing.summaries = listing.summaries.filter(filter.matches)
        if let age {
            let older = Set(RetentionPolicy.older(listing.summaries, than: age, now: context.now).map(\.id))
            listing.summaries = listing.summaries.filter { older.contains($0.id) }
        }
        if format == .json {
            FileHandle.standardOutput.write(Data(try SessionListJSON.render(listing.summaries).utf8))
            if let noneReadable { throw fail(noneReadable) }
            return
        }
        guard !listing.summaries.isEmpty else {
            if let noneReadable { throw fail(noneReadable) }
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
    @Argument(help: talkArgumentHelp) var session: String?
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptDeleteOlderThan), valueName: cli(.cliValueAge))) var olderThan: String?
    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptYes))) var yes = false

    /// Neither a talk nor an age: a usage error, with the usage line after it.
    func validate() throws {
        if session == nil && olderThan == nil { throw ValidationError(cli(.deleteWhich)) }
    }

    func run() throws {
        let context = try global.context()
        let t = context.text
        let store = SessionStore(home: context.home)
        if let age = try parseAge(olderThan, t) {
            guard session == nil else { throw fail(t(.deleteTalkOrAge)) }
            return try deleteOlder(than: age, store, context)
        }
        guard let session else { throw fail(t(.deleteWhich)) }
        let id = try resolveTalk(session, in: store, t)
        let talk: Session
        do { talk = try store.load(id: id) } catch { throw fail(error.message(t)) }
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else { throw fail(t(.deleteNeedsYes, id)) }
            guard ask(Self.question(talk, t)) else {
                print(t(.deleteKept))
                return
            }
        }
        do { try store.delete(id: id) } catch { throw fail(error.message(t)) }
        print(t(.deleteDone, id))
    }

    /// Lists what will go, asks once, then deletes each; a talk that cannot be deleted is named and the rest go on.
    private func deleteOlder(than age: TalkAge, _ store: SessionStore, _ context: AppContext) throws {
        let t = context.text
        let listing = store.list()
        for problem in listing.problems { printError(SafeText.line(problem.error.message(t))) }
        let older = RetentionPolicy.older(listing.summaries, than: age, now: context.now)
        guard !older.isEmpty else {
            print(t(.deleteOlderNone, age.text))
            return
        }
        print(t(.deleteOlderList, older.count, age.text))
        for talk in older { print("  " + talkLine(talk, t)) }
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else { throw fail(t(.deleteOlderNeedsYes)) }
            guard ask(t(.deleteOlderAsk)) else {
                print(t(.deleteKept))
                return
            }
        }
        var failures = 0
        for talk in older {
            do { try store.delete(id: talk.id) } catch {
                failures += 1
                printError("tillit: " + SafeText.line(error.message(t)))
            }
        }
        print(t(.deleteOlderDone, older.count - failures))
        if failures > 0 { throw ExitCode.failure }
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

/// One line a person can recognise a talk by: date, who, deck.
func talkLine(_ talk: SessionSummary, _ t: Localizer) -> String {
    let dates = DateFormatter()
    dates.locale = Locale(identifier: "en_US_POSIX")
    dates.dateFormat = "yyyy-MM-dd"
    let names = talk.participants.map { SafeText.line($0.name) }.joined(separator: ", ")
    let who = talk.kind == .team ? SafeText.line(talk.title) : (names.isEmpty ? "–" : names)
    return [dates.string(from: talk.createdAt), DisplayWidth.truncate(who, to: 40),
            talk.deckIDs.joined(separator: ", "), talk.id].joined(separator: "  ")
}

/// Asks a yes-or-no question on the terminal; yes only when the answer says so.
func ask(_ question: String) -> Bool {
    FileHandle.standardOutput.write(Data(question.utf8))
    let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    return ["y", "yes", "j", "ja"].contains(answer)
}

/// `last` names the newest talk, as people expect of a command line; anything
/// else is a talk id. Files that cannot be read are named first (the newest
/// may be among them); with no talk to take, it fails with why.
func resolveTalk(_ reference: String, in store: SessionStore, _ t: Localizer) throws -> String {
    guard reference.lowercased() == "last" else { return reference }
    guard let newest = try newestTalk(in: store, t, where: { _ in true }) else { throw fail(t(.noTalksYet)) }
    return newest
}

/// The newest talk that `matches`, after naming on stderr each file that
/// could not be read. Nil when none matches; when there were files and none
/// could be read, it fails and says so.
func newestTalk(in store: SessionStore, _ t: Localizer, where matches: (SessionSummary) -> Bool) throws -> String? {
    let listing = store.list()
    for problem in listing.problems { printError(SafeText.line(problem.error.message(t))) }
    if listing.summaries.isEmpty, !listing.problems.isEmpty { throw fail(noTalkReadable(listing.problems, t)) }
    return listing.summaries.first(where: matches)?.id
}

/// "The one talk file here cannot be read (see above)."
func noTalkReadable(_ problems: [StoreProblem], _ t: Localizer) -> String {
    t.count(problems.count, one: .sessionsNoneReadableOne, many: .sessionsNoneReadableMany)
}

/// The help of a talk argument that also takes `last`.
let talkArgumentHelp: ArgumentHelp = ArgumentHelp(cli(.cliArgTalk), valueName: cli(.cliValueSession))
