import ArgumentParser
import Foundation
import TillitCore

enum ExportFormatOption: String, ExpressibleByArgument, CaseIterable {
    case markdown, json
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a talk as a Markdown referat (or as JSON), to the screen or to a file.",
        discussion: """
            The referat is in the talk's language. The leader's private notes are left out unless \
            --include-private. With -o the file is written whole or not at all, readable only by you, \
            and an existing file is kept unless --force.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The talk's id (see `tillit sessions`), or last; without it, the newest talk."))
    var session: String?
    @Option(name: .long, help: "markdown (a referat) or json (the talk's record).") var format: ExportFormatOption = .markdown
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of the screen.", valueName: "file"))
    var output: String?
    @Flag(name: .long, help: "Replace the file given with -o if it exists.") var force = false
    @Flag(name: .long, help: "Include the leader's private notes.") var includePrivate = false

    func run() throws {
        let context = try global.context()
        let t = context.text
        let store = SessionStore(home: context.home)
        guard let id = resolveTalk(session ?? "last", in: store) else { throw fail(t(.noTalksYet)) }
        let talk: Session
        do { talk = try store.load(id: id) } catch { throw fail(error.message(t)) }
        // Which talk was taken, when none was named: on stderr, so the referat on stdout stays clean.
        if session?.lowercased() != id.lowercased() { printError(t(.exportLatest, id, SafeText.line(talk.title))) }
        let text: String
        switch format {
        case .markdown:
            text = MarkdownExporter.render(talk, includePrivate: includePrivate)
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
