import ArgumentParser
import Foundation
import TillitCore

enum ExportFormatOption: String, ExpressibleByArgument, CaseIterable {
    case markdown, json
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

    func run() throws {
        let context = try global.context()
        let t = context.text
        let store = SessionStore(home: context.home)
        guard let id = resolveTalk(session ?? "last", in: store) else { throw fail(t(.noTalksYet)) }
        let talk: Session
        do { talk = try store.load(id: id) } catch { throw fail(error.message(t)) }
        // Which talk was taken, when none was named: on stderr, so the referat on stdout stays clean.
        if id != session { printError(t(.exportLatest, id, SafeText.line(talk.title))) }
        let text: String
        switch format {
        case .markdown:
            text = MinutesFile.markdown(talk, includePrivate: includePrivate)
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
        print(format == .markdown ? t(.exportedTo, output) : t(.exportJSONWritten, output))
    }
}
