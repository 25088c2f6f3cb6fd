import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A Markdown document as `cmark-gfm`, the reference CommonMark parser with
/// GitHub's tables, reads it: its syntax tree (`--to xml`) as nested nodes.
/// A second, independent reader beside `MarkdownDocument`: what a renderer
/// really makes of the referat, not what we think it makes of it.
struct CommonMarkTree {
    final class Node {
        let name: String
        let attributes: [String: String]
        var children: [Node] = []
        var text = ""

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        /// This node and every node below it, in document order.
        var all: [Node] { [self] + children.flatMap(\.all) }

        /// The words a reader sees: line breaks as `\n`, paragraphs apart by a blank line.
        var plainText: String {
            switch name {
            case "text", "code": return text
            case "linebreak", "softbreak": return "\n"
            default:
                let separator = children.contains { $0.name == "paragraph" } ? "\n\n" : ""
                return children.map(\.plainText).joined(separator: separator)
            }
        }
    }

    static let executable = "/usr/bin/cmark-gfm"

    let root: Node

    init(_ markdown: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["--extension", "table", "--to", "xml"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // Written from another thread, so a large document cannot fill both pipes and stall.
        let writer = Thread { input.fileHandleForWriting.write(Data(markdown.utf8)); try? input.fileHandleForWriting.close() }
        writer.start()
        let xml = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CommonMarkError.failed(process.terminationStatus) }
        let reader = TreeReader()
        let parser = XMLParser(data: xml)
        parser.delegate = reader
        guard parser.parse(), let root = reader.root else { throw CommonMarkError.unreadableXML }
        self.root = root
    }

    var nodes: [Node] { root.all }
    func nodes(_ name: String) -> [Node] { nodes.filter { $0.name == name } }

    /// `(level, text)` of every heading.
    var headings: [(level: Int, text: String)] {
        nodes("heading").map { (Int($0.attributes["level"] ?? "") ?? 0, $0.plainText) }
    }

    /// The plain text of the list items under the heading `title`, up to the next heading.
    func items(under title: String) -> [String] {
        let top = root.children
        guard let start = top.firstIndex(where: { $0.name == "heading" && $0.plainText == title }) else { return [] }
        let rest = top[(start + 1)...]
        let end = rest.firstIndex { $0.name == "heading" } ?? top.endIndex
        return top[(start + 1)..<end].filter { $0.name == "list" }.flatMap(\.children).map(\.plainText)
    }
}

enum CommonMarkError: Error {
    case failed(Int32)
    case unreadableXML
}

private final class TreeReader: NSObject, XMLParserDelegate {
    var root: CommonMarkTree.Node?
    private var stack: [CommonMarkTree.Node] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let node = CommonMarkTree.Node(name: name, attributes: attributes)
        stack.last?.children.append(node)
        if root == nil { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard let node = stack.last, node.name == "text" || node.name == "code" else { return }
        node.text += string
    }
}
