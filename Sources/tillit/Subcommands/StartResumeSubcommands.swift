import ArgumentParser
import Foundation
import TillitCore
import TillitTerminal
import TillitUI
import TillitStore

struct StartSubcommand: ParsableCommand {
    // `_superCommandName`: see `Tillit.commonForm(_:)`.
    static let configuration = CommandConfiguration(
        commandName: "start", _superCommandName: "tillit", abstract: cli(.cliStartAbstract))

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp(cli(.cliOptStartDeck), valueName: cli(.cliValueDeckID)))
    var deck: [String] = []

    @Option(name: .long, help: ArgumentHelp(cli(.cliOptKind), valueName: cli(.cliValueKind)))
    var kind: String?

    @Option(name: .long, help: ArgumentHelp(cli(.cliOptParticipant), valueName: cli(.cliValueNameRole)))
    var participant: [String] = []

    @Option(name: .long, help: ArgumentHelp(cli(.cliOptTitle), valueName: cli(.cliValueTitle)))
    var title: String?

    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptShuffle)))
    var shuffle = false

    @Option(name: .long, help: ArgumentHelp(cli(.cliOptSeed), valueName: cli(.cliValueSeed)))
    var seed: UInt64?

    @Option(name: .long, help: ArgumentHelp(cli(.cliOptTimer), valueName: cli(.cliValueSeconds)))
    var timer: Int?

    @Flag(name: .long, help: bellHelp) var bell = false

    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptAnonymous)))
    var anonymous = false

    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptOpenRatings)))
    var openRatings = false

    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptPlainStart)))
    var plain = false

    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptRoom)))
    var room = false

    @Option(name: .long, help: ArgumentHelp(cli(.cliOptPeople), valueName: cli(.cliValueCount)))
    var people: Int?

    @OptionGroup var roomArguments: RoomArguments

    func validate() throws {
        // `CommandLanguage` is looked up only for a message: a good command line costs nothing.
        let t = { CommandLanguage.text }
        if deck.isEmpty { throw ValidationError(t()(.argNeedsDeck)) }
        if let kind, TalkKind(rawValue: kind) == nil { throw ValidationError(t()(.argBadKind, SafeText.line(kind))) }
        if let timer, timer <= 0 || timer > 24 * 3600 { throw ValidationError(t()(.argTimerRange)) }
        if seed != nil && !shuffle { throw ValidationError(t()(.argSeedNeedsShuffle)) }
        if let title, title.count > TalkSetup.maximumTitleLength {
            throw ValidationError(t()(.argTitleTooLong, TalkSetup.maximumTitleLength, title.count))
        }
        _ = try participants(kind: .oneOnOne, language: .en)
    }

    /// The deck ids and the `--home` a command line for `start` names, read ahead
    /// of swift-argument-parser so the decks can be parsed meanwhile. A guess:
    /// a wrong one costs only the work done ahead, as `run` still loads what it needs.
    static func decksNamed(in arguments: [String]) -> (ids: Set<String>, home: String?)? {
        guard arguments.contains("start") else { return nil }
        var ids: Set<String> = []
        var home: String?
        func value(of option: String, at index: Int) -> String? {
            if arguments[index] == option { return index + 1 < arguments.count ? arguments[index + 1] : nil }
            return arguments[index].hasPrefix(option + "=") ? String(arguments[index].dropFirst(option.count + 1)) : nil
        }
        for index in arguments.indices {
            if arguments[index] == "--" { break }
            if let id = value(of: "--deck", at: index) { ids.insert(id) }
            if let folder = value(of: "--home", at: index) { home = folder }
        }
        return ids.isEmpty ? nil : (ids, home)
    }

    /// Parses `--participant` values; a missing role follows the kind of talk.
    func participants(kind: TalkKind, language: Language) throws -> [Participant] {
        var result: [Participant] = []
        for (index, value) in participant.enumerated() {
            let parts = value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).trimmingSpacesAndTabs()
            }
            let name = SafeText.line(parts[0])
            let t = { CommandLanguage.text }
            guard !name.isEmpty else { throw ValidationError(t()(.argParticipantNoName, SafeText.line(value))) }
            guard name.count <= TalkSetup.maximumNameLength else {
                throw ValidationError(t()(.argNameTooLong, TalkSetup.maximumNameLength, name.count))
            }
            let role: Role
            if parts.count > 1 && !parts[1].isEmpty {
                guard let parsed = Role(written: parts[1]) else {
                    throw ValidationError(t()(.argUnknownRole, SafeText.line(parts[1])))
                }
                role = parsed
            } else {
                switch kind {
                case .oneOnOne: role = index == 0 ? .leader : .employee
                case .team: role = index == 0 ? .facilitator : .member
                }
            }
            result.append(Participant(id: "p\(index + 1)", name: name, role: role))
        }
        return result
    }

    func run() throws {
        let context = try global.context()
        let t = context.text
        // The talk's decks only: the screens beyond it get the rest after the first frame.
        let catalog = context.loadCatalog(onlyIDs: Set(deck))
        for id in deck where catalog.deck(id: id) == nil {
            throw fail(t(.unknownDeck, SafeText.line(id)))
        }
        let firstDeck = catalog.deck(id: deck[0])!
        let talkKind = kind.flatMap(TalkKind.init(rawValue:)) ?? (firstDeck.audience.first == .team ? .team : .oneOnOne)
        var people = try participants(kind: talkKind, language: context.language)
        if talkKind == .team, openRatings { throw fail(t(.argOpenRatingsIsForOneOnOne)) }
        if talkKind == .oneOnOne {
            if anonymous { throw fail(t(.argAnonymousIsForTeams)) }
            if room { throw fail(t(.argRoomIsForTeams)) }
            if self.people != nil { throw fail(t(.argPeopleIsForTeams)) }
            let leaders = people.filter { $0.role == .leader }.count, employees = people.filter { $0.role == .employee }.count
            if leaders > 1 || employees > 1 || leaders + employees < people.count {
                throw fail(t(.argOneOnOneRoles))
            }
            if people.count == 1 { throw fail(t(.argOneOnOneNeedsBoth, people[0].name)) }
        }
        if let count = self.people, !RoomTurnout.people.contains(count) { throw fail(t(.argPeopleOutOfRange, count)) }
        let plainMode = wantsPlainMode(plain, context)
        if !plainMode { try requireTerminal(context) }
        switch talkKind {
        case .oneOnOne:
            if !people.contains(where: { $0.role == .leader }) {
                people.insert(Participant(id: "p\(people.count + 1)", name: t(.roleLeader), role: .leader), at: 0)
            }
            if !people.contains(where: { $0.role == .employee }) {
                people.append(Participant(id: "p\(people.count + 1)", name: t(.roleEmployee), role: .employee))
            }
        case .team:
            if !people.contains(where: { $0.role == .facilitator }) {
                people.insert(Participant(id: "p\(people.count + 1)", name: t(.theTeam), role: .facilitator), at: 0)
            }
        }
        let setup = TalkSetup(kind: talkKind, title: title.map(SafeText.line) ?? "", language: context.language,
                              participants: people, deckIDs: deck, shuffle: shuffle, seed: seed,
                              anonymous: anonymous, timerSeconds: timer, votesFromPhones: room,
                              ratingsTogether: !openRatings, people: self.people)
        let roomSettings = roomArguments.settings
        if plainMode { throw ExitCode(try runPlain(context, catalog: catalog, room: roomSettings, openRoom: setup.votesFromPhones) { try $0.start(setup) }) }
        let runner = TalkRunner(context: context, catalog: catalog, store: SessionStore(home: context.home),
                                catalogIsPartial: true, room: roomSettings, bell: bell)
        do { try runner.prepareStart(setup) } catch { throw fail(describe(error, context)) }
        throw ExitCode(try runTerminal(runner))
    }
}

/// Silent unless asked: a bell in a meeting room startles more than it helps.
let bellHelp: ArgumentHelp = ArgumentHelp(cli(.cliOptBell))

struct ResumeSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", _superCommandName: "tillit", abstract: cli(.cliResumeAbstract))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(cli(.cliArgResumeTalk), valueName: cli(.cliValueSession)))
    var session: String?
    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptPlainResume)))
    var plain = false
    @Flag(name: .long, help: bellHelp) var bell = false
    @OptionGroup var roomArguments: RoomArguments

    func run() throws {
        let context = try global.context()
        let store = SessionStore(home: context.home)
        let id: String
        if let session {
            id = try resolveTalk(session, in: store, context.text)
        } else {
            guard let latest = try newestTalk(in: store, context.text, where: { !$0.isFinished }) else {
                throw fail(context.text(.argNoUnfinishedTalk))
            }
            id = latest
        }
        if wantsPlainMode(plain, context) {
            throw ExitCode(try runPlain(context, catalog: context.loadCatalog(), room: roomArguments.settings) {
                try $0.openForWriting(id: id)
            })
        }
        try requireTerminal(context)
        let runner = TalkRunner(context: context, catalog: context.loadCatalog(), store: store,
                                room: roomArguments.settings, bell: bell)
        do { try runner.prepareResume(id: id) } catch { throw fail(describe(error, context)) }
        throw ExitCode(try runTerminal(runner))
    }
}

/// The home screen, for `tillit` without a subcommand.
func runHome(_ context: AppContext, room: RoomSettings = RoomSettings()) throws {
    try requireTerminal(context)
    // Every deck is read right after the first frame (see `TalkRunner.run`): parsing them all
    // took more instructions than the rest of the way to the home screen.
    let runner = TalkRunner(context: context, catalog: DeckCatalog(entries: [], problems: []),
                            store: SessionStore(home: context.home), catalogIsPartial: true, room: room)
    throw ExitCode(try runTerminal(runner))
}

/// Stops before anything is written when there is no terminal to draw on.
func requireTerminal(_ context: AppContext) throws {
    do { try Terminal.checkUsable(environment: context.environment) } catch let error as TerminalError {
        throw fail(error.message(context.text), code: 2)
    }
}

func runTerminal(_ runner: TalkRunner) throws -> Int32 {
    do {
        return try runner.run()
    } catch let error as TerminalError {
        throw fail(error.message(CommandLanguage.text), code: 2)
    }
}

func describe(_ error: Error, _ context: AppContext) -> String { describe(error, context.text) }
