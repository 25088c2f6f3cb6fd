import ArgumentParser
import Foundation
import TillitCore
import TillitStore

/// `tillit cleanup`: the clean-up list of a team or person, for reading or for sending up the line.
struct CleanupSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanup",
        abstract: cli(.cliCleanupAbstract),
        discussion: cli(.cliCleanupDiscussion))

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptOnlyTeam), valueName: cli(.cliValueTitle))) var team: String?
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptTrendsParticipant), valueName: cli(.cliValueName))) var participant: String?
    // Words, not enums: an unknown one gets the one line that names the right ones (`CleanupError`).
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptCleanupWaitingOn), valueName: cli(.cliValueWho))) var waitingOn: String?
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptCleanupKind), valueName: cli(.cliValueKind))) var kind: String?
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptCleanupFormat), valueName: cli(.cliValueFormat))) var format = "text"
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(cli(.cliOptExportOutput), valueName: cli(.cliValueFile)))
    var output: String?
    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptForce))) var force = false

    func validate() throws {
        if team != nil, participant != nil { throw ValidationError(CommandLanguage.text(.argTeamOrParticipant)) }
    }

    func run() throws {
        let context = try global.context()
        let t = context.text
        let decider: CleanupDecider?
        let onlyKind: CleanupKind?
        do throws(CleanupError) {
            if let waitingOn { decider = try CleanupDraft.decider(waitingOn) } else { decider = nil }
            if let kind { onlyKind = try CleanupDraft.kind(kind) } else { onlyKind = nil }
        } catch { throw fail(error.message(t)) }
        guard ["text", "markdown", "csv"].contains(format) else { throw fail(t(.cleanupUnknownFormat, SafeText.line(format))) }

        let loaded = SessionStore(home: context.home).loadAll()
        for problem in loaded.problems { printError(SafeText.line(problem.error.message(t))) }
        // Without a name: every team's list. A 1:1's list is asked for by the person's name, so none is sent up by accident.
        let scopes = team != nil || participant != nil ? [(team: team, participant: participant)]
            : CleanupRegister.scopes(in: loaded.sessions).filter { $0.team != nil }
        var registers = scopes.map { CleanupRegister.build(talks: loaded.sessions, team: $0.team, participant: $0.participant) }
            .filter { !$0.items.isEmpty || team != nil || participant != nil }
        guard !registers.isEmpty, registers.contains(where: { !$0.items.isEmpty }) else {
            let whose = (team ?? participant).map { " (" + SafeText.line($0) + ")" } ?? ""
            throw fail(t(.cleanupNoList, whose))
        }
        registers = registers.map { register in
            var chosen = register.filtered(kind: onlyKind, decider: decider)
            // Waiting on someone: only what is still open.
            if decider != nil { chosen.items = chosen.items.filter(\.isOpen) }
            return chosen
        }
        let reports = registers.map { CleanupReport(register: $0, language: context.language, now: context.now) }
        let text: String
        switch format {
        case "csv":
            text = reports.enumerated().map { $0.element.csv(header: $0.offset == 0) }.joined()
        case "markdown": text = reports.map { $0.markdown() }.joined(separator: "\n")
        default: text = reports.map { $0.text() }.joined(separator: "\n")
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do { try PrivateFile.write(text, to: output, overwrite: force) } catch { throw fail(error.message(t)) }
        print(t(.cleanupWritten, output))
    }
}
