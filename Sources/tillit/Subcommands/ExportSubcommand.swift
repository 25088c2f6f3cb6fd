import ArgumentParser
import Foundation
import TillitCore
import TillitStore

enum ExportFormatOption: String, ExpressibleByArgument, CaseIterable {
    case markdown, html, json
}

struct ExportSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: cli(.cliExportAbstract),
        discussion: cli(.cliExportDiscussion))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(cli(.cliArgExportTalk), valueName: cli(.cliValueSession)))
    var session: String?
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptExportFormat), valueName: cli(.cliValueFormat))) var format: ExportFormatOption = .markdown
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(cli(.cliOptExportOutput), valueName: cli(.cliValueFile)))
    var output: String?
    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptForce))) var force = false
    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptIncludePrivate))) var includePrivate = false
    @Option(name: .long, help: ArgumentHelp(cli(.cliOptExportParticipant), valueName: cli(.cliValueName))) var participant: String?
    @Flag(name: .long, help: ArgumentHelp(cli(.cliOptExportAll))) var all = false

    func run() throws {
        let context = try global.context()
        let t = context.text
        let store = SessionStore(home: context.home)
        if let participant {
            guard all, session == nil, let output else { throw fail(t(.accessNeedsAllAndFolder, SafeText.line(participant))) }
            return try exportEverything(about: PersonName(participant), to: output, store, context)
        }
        let id = try resolveTalk(session ?? "last", in: store, t)
        let talk: Session
        do { talk = try store.load(id: id) } catch { throw fail(error.message(t)) }
        // Which talk was taken, when none was named: on stderr, so the referat on stdout stays clean.
        if id != session { printError(t(.exportLatest, id, SafeText.line(talk.title))) }
        let text: String
        switch format {
        case .markdown:
            text = MinutesFile.markdown(talk, includePrivate: includePrivate)
        case .html:
            text = MinutesFile.html(talk, includePrivate: includePrivate)
        case .json:
            do { text = try talk.exportJSON(includePrivate: includePrivate) } catch {
                throw fail(String(describing: error))
            }
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do { try PrivateFile.write(text, to: output, overwrite: force) } catch { throw fail(error.message(t)) }
        switch format {
        case .markdown: print(t(.exportedTo, output))
        case .html: print(t(.exportPageWritten, output))
        case .json: print(t(.exportJSONWritten, output))
        }
    }
}

extension ExportSubcommand {
    /// The right of access: every talk that names the person, into a new or empty folder.
    private func exportEverything(about person: PersonName, to folder: String, _ store: SessionStore,
                                  _ context: AppContext) throws {
        let t = context.text
        let loaded = store.loadAll()
        for problem in loaded.problems { printError(SafeText.line(problem.error.message(t))) }
        let export = AccessExport(person: person, includePrivate: includePrivate)
        let count = export.talks(in: loaded.sessions).count
        guard count > 0 else { throw fail(t(.accessNoSuchPerson, SafeText.line(person.typed))) }
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: folder), !existing.isEmpty {
            throw fail(t(.accessFolderNotEmpty, SafeText.line(folder)))
        }
        do {
            // Personal data: a folder only its owner can open, like the data folder.
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            for file in try export.files(for: loaded.sessions, t, generatedAt: context.now) {
                try PrivateFile.write(file.text, to: (folder as NSString).appendingPathComponent(file.name), overwrite: false)
            }
        } catch let error as PrivateFile.WriteError {
            throw fail(error.message(t))
        } catch {
            throw fail(t(.accessFolderFailed, SafeText.line(folder), SafeText.line(error.localizedDescription)))
        }
        print(t(.accessWritten, count, SafeText.line(person.typed), SafeText.line(folder)))
    }
}
