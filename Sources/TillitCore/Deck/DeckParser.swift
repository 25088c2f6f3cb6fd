import Foundation
import Yams

/// Reads a deck file into a `Deck`, collecting every problem with its line and
/// column. Works on Yams' node tree (not a Decodable) so that semantic errors
/// such as a duplicate card id can point at the place in the file.
package struct DeckParser {
    /// Decks are short texts (the shipped ones are about 10 kB); anything larger
    /// is a mistake, refused before parsing. The bound also bounds the time:
    /// the worst YAML of this size (a flat list of 125,000 numbers) still loads
    /// and is refused well within a second in a debug build.
    package static let maximumFileSize = 250_000
    /// The shipped decks hold under a thousand YAML values (about 40 a card);
    /// a file with more than this is refused before it is read as a deck.
    package static let maximumNodeCount = 20_000
    /// Problems reported for one file; after these, one line says there are more.
    package static let maximumDiagnostics = 100

    package static let topLevelKeys = ["id", "version", "title", "description", "audience", "cards"]
    package static let cardKeys = ["id", "prompt", "hint", "answer", "about"]
    package static let scaleKeys = ["min", "max", "low", "high"]
    package static let answerKinds = AnswerForm.allCases.map(\.fileName)
    package static let requiredLanguages: [Language] = [.nb, .en]

    package struct Result: Sendable {
        package var deck: Deck?
        package var diagnostics: [Diagnostic]
        package var isValid: Bool { deck != nil && !diagnostics.hasErrors }
    }

    private let path: String
    private var diagnostics: [Diagnostic] = []

    private init(path: String) { self.path = path }

    /// Top to bottom, as an editor shows the file; the note that more were
    /// left out stays last.
    private var diagnosticsInFileOrder: [Diagnostic] {
        let shown = diagnostics.prefix(Self.maximumDiagnostics).enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }.map(\.element)
        return shown + diagnostics.dropFirst(Self.maximumDiagnostics)
    }

    /// Checks YAML text that claims to come from `path`.
    package static func parse(yaml: String, path: String) -> Result {
        var parser = DeckParser(path: path)
        return parser.parseText(yaml)
    }

    /// Why a deck file could not be read at all (the store reads it; see `DeckParser.parse(fileAt:)`).
    package enum FileProblem: Equatable, Sendable {
        case noSuchFile, isFolder, unreadable
        case notAFile(FileKind)
        case tooBig(size: Int)
    }

    /// The one diagnostic of a file that could not be read.
    package static func result(path: String, problem: FileProblem) -> Result {
        var parser = DeckParser(path: path)
        switch problem {
        case .noSuchFile: parser.error(.deckNoSuchFile)
        case .isFolder: parser.error(.deckIsFolder)
        case .notAFile(let kind): parser.error(.deckNotAFile, .phrase(kind.name))
        case .tooBig(let size):
            parser.error(.deckFileTooBig, .text(Self.sizeText(size)), .text(Self.sizeText(Self.maximumFileSize)))
        case .unreadable: parser.error(.deckUnreadable)
        }
        return Result(deck: nil, diagnostics: parser.diagnostics)
    }

    /// Checks the bytes of a deck file: UTF-8 without NUL, then the YAML.
    package static func parse(data: Data, path: String) -> Result {
        var parser = DeckParser(path: path)
        guard let text = String(data: data, encoding: .utf8) else {
            parser.error(.deckNotUTF8)
            return Result(deck: nil, diagnostics: parser.diagnostics)
        }
        if text.unicodeScalars.contains(where: { $0.value == 0 }) {
            parser.error(.deckHasNUL)
            return Result(deck: nil, diagnostics: parser.diagnostics)
        }
        return parser.parseText(text)
    }

    /// `999 bytes`, `250 kB`, `10.0 MB`.
    package static func sizeText(_ bytes: Int) -> String {
        if bytes < 1_000 { return "\(bytes) bytes" }
        if bytes < 1_000_000 { return "\(bytes / 1_000) kB" }
        return String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }

    // MARK: - Parsing

    private mutating func parseText(_ text: String) -> Result {
        if text.utf8.count > Self.maximumFileSize {
            error(.deckTextTooBig, .text(Self.sizeText(text.utf8.count)), .text(Self.sizeText(Self.maximumFileSize)))
            return Result(deck: nil, diagnostics: diagnostics)
        }
        let root: Node?
        let treeProblem: TreeProblem?
        do {
            // The basic resolver leaves every scalar a string: the deck reads
            // numbers itself, and Yams' default resolver runs a handful of
            // regular expressions on every value (most of a deck's load time).
            // Nothing is constructed from the nodes, so the constructor has no
            // tables; the text is UTF-8. (Yams' defaults for both are built
            // anew on every call, the encoding from the process environment.)
            let parser = try Yams.Parser(yaml: text, resolver: .basic, constructor: Constructor([:], [:], [:]), encoding: .utf8)
            root = try parser.singleRoot()
            // Yams holds a node's anchor weakly, owned by the parser: look for
            // anchors while the parser lives, or every node reports none.
            treeProblem = withExtendedLifetime(parser) {
                root.flatMap { Self.treeProblem(in: $0, budget: Self.maximumNodeCount) }
            }
        } catch let yamlError as YamlError {
            diagnostics.append(Self.diagnostic(for: yamlError, path: path))
            return Result(deck: nil, diagnostics: diagnostics)
        } catch {
            self.error(.deckNotYAML, .text(String(describing: error)))
            return Result(deck: nil, diagnostics: diagnostics)
        }
        guard let root else {
            error(.deckEmpty)
            return Result(deck: nil, diagnostics: diagnostics)
        }
        // A deck needs no anchors or aliases; refusing them also rules out alias bombs.
        switch treeProblem {
        case .anchor(let anchored)?:
            error(.deckAnchors, at: anchored)
            return Result(deck: nil, diagnostics: diagnostics)
        case .tooManyValues(let node)?:
            error(.deckTooManyValues, .text(String(Self.maximumNodeCount)), at: node)
            return Result(deck: nil, diagnostics: diagnostics)
        case nil:
            break
        }
        let deck = parseDeck(root)
        return Result(deck: diagnostics.hasErrors ? nil : deck, diagnostics: diagnosticsInFileOrder)
    }

    private enum TreeProblem {
        case anchor(Node)
        case tooManyValues(Node)
    }

    /// The first anchored or aliased node, or the node where the walk ran out of budget.
    private static func treeProblem(in node: Node, budget: Int) -> TreeProblem? {
        var stack = [node]
        var visited = 0
        while let current = stack.popLast() {
            visited += 1
            if current.anchor != nil { return .anchor(current) }
            if visited > budget { return .tooManyValues(current) }
            switch current {
            case .alias: return .anchor(current)
            case .scalar: break
            // Pushed in reverse, so the walk meets nodes in the order of the file.
            case .sequence(let sequence): stack.append(contentsOf: sequence.reversed())
            case .mapping(let mapping):
                for (key, value) in mapping.pairsInOrder.reversed() { stack.append(value); stack.append(key) }
            }
        }
        return nil
    }

    static func diagnostic(for yamlError: YamlError, path: String) -> Diagnostic {
        switch yamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            if problem.contains("nesting level") {
                // libyaml's own text names the C function that sets the limit.
                return Diagnostic(path: path, line: mark.line, column: mark.column,
                                  key: .deckNestedTooDeeply)
            }
            let where_ = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return Diagnostic(path: path, line: mark.line, column: mark.column,
                              key: .deckInvalidYAML, arguments: [.text(problem), .text(where_)])
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams gives the place of the first of the repeated keys.
            let keys = duplicates.map { "'\(SafeText.line($0))'" }.joined(separator: ", ")
            return Diagnostic(path: path, line: context.mark.line, column: context.mark.column,
                              key: .deckDuplicateKeys, arguments: [.text(keys)])
        case let .reader(problem, offset, _, yaml):
            let position = offset.map { Self.lineAndColumn(ofByte: $0, in: yaml) } ?? (1, 1)
            return Diagnostic(path: path, line: position.0, column: position.1, key: .deckUnreadableText, arguments: [.text(problem)])
        default:
            return Diagnostic(path: path, key: .deckInvalidYAML, arguments: [.text(String(describing: yamlError)), .text("")])
        }
    }

    private static func lineAndColumn(ofByte offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for (index, byte) in text.utf8.enumerated() {
            if index >= offset { break }
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    private mutating func parseDeck(_ root: Node) -> Deck? {
        guard let fields = mapping(root, allowed: Self.topLevelKeys, what: .phrase(.deckSubjectDeck)) else {
            return nil
        }
        let id = identifier(fields["id"], in: root, what: .phrase(.deckSubjectDeck))
        let version = fields["version"].flatMap { integer($0, what: "version") } ?? 1
        if version < 1, let node = fields["version"] { error(.deckVersion, at: node) }
        let title = localized(fields["title"], key: "title", in: root)
        let description = fields["description"].flatMap { localized($0, key: "description", in: root) }
        let audience = parseAudience(fields["audience"])
        let cards = parseCards(fields["cards"], in: root)
        guard let id, let title, let cards else { return nil }
        return Deck(id: id, version: version, title: title, description: description,
                    audience: audience, cards: cards)
    }

    private mutating func parseAudience(_ node: Node?) -> [Audience] {
        guard let node else { return [.oneOnOne, .team] }
        let items: [Node]
        switch node {
        case .scalar: items = [node]
        case .sequence(let sequence): items = Array(sequence)
        default:
            error(.deckAudienceList, at: node)
            return []
        }
        var audience: [Audience] = []
        for item in items {
            guard let name = item.scalar?.string else {
                error(.deckAudienceName, at: item)
                continue
            }
            if let value = Audience(rawValue: name) {
                if !audience.contains(value) { audience.append(value) }
            } else {
                error(.deckUnknownAudience, .text(name), Self.suggestion(for: name, among: Audience.allCases.map(\.rawValue)), at: item)
            }
        }
        return audience
    }

    private mutating func parseCards(_ node: Node?, in parent: Node) -> [Card]? {
        guard let node else {
            error(.deckMissingCards, at: parent)
            return nil
        }
        guard case .sequence(let sequence) = node else {
            error(.deckCardsList, at: node)
            return nil
        }
        if sequence.isEmpty { error(.deckNoCards, at: node) }
        var cards: [Card] = []
        var seen: [String: Node] = [:]
        for cardNode in sequence {
            let card = parseCard(cardNode)
            // A card with other problems still claims its id, so a duplicate is reported too.
            let idNode = cardNode.mapping?["id"]
            guard let id = card?.id ?? idNode?.string else { continue }
            if let first = seen[id] {
                error(.deckDuplicateCard, .text(SafeText.line(id)), .text(String(first.mark?.line ?? 0)), at: idNode ?? cardNode)
                continue
            }
            seen[id] = idNode ?? cardNode
            if let card { cards.append(card) }
        }
        return cards
    }

    private mutating func parseCard(_ node: Node) -> Card? {
        guard let fields = mapping(node, allowed: Self.cardKeys, what: .phrase(.deckSubjectCard)) else { return nil }
        let id = identifier(fields["id"], in: node, what: .phrase(.deckSubjectCard))
        let prompt = localized(fields["prompt"], key: "prompt", in: node)
        let hint = fields["hint"].flatMap { localized($0, key: "hint", in: node) }
        var answer: AnswerKind? = .text
        if let answerNode = fields["answer"] { answer = parseAnswer(answerNode) }
        let aboutSelf = fields["about"].map { parseAbout($0, answer: answer) } ?? false
        guard let id, let prompt, let answer else { return nil }
        return Card(id: id, prompt: prompt, hint: hint, answer: answer, aboutSelf: aboutSelf)
    }

    /// `about: self` is the one value; on a card without a rating it says nothing, so lint warns.
    private mutating func parseAbout(_ node: Node, answer: AnswerKind?) -> Bool {
        guard node.scalar?.string == "self" else {
            error(.deckUnknownAbout, .text(SafeText.line(node.scalar?.string ?? "")), at: node)
            return false
        }
        if let answer, answer.scale == nil { warning(.deckAboutSelfWithoutRating, at: node) }
        return true
    }

    private mutating func parseAnswer(_ node: Node) -> AnswerKind? {
        if let name = node.scalar?.string {
            guard let form = AnswerForm(rawValue: name) else {
                error(.deckUnknownAnswer, .text(name), Self.suggestion(for: name, among: Self.answerKinds), at: node)
                return nil
            }
            // A form that rates is written with its scale: `{ scale: {…} }`.
            guard let answer = AnswerKind(form, scale: nil) else {
                error(.deckAnswerNeedsScale, .text(name), at: node)
                return nil
            }
            return answer
        }
        guard case .mapping(let mapping) = node, mapping.count == 1, let (keyNode, value) = mapping.first,
              let key = keyNode.scalar?.string else {
            error(.deckAnswerForm, at: node)
            return nil
        }
        guard let form = AnswerForm(rawValue: key), form.takesRating else {
            error(.deckUnknownAnswer, .text(key), Self.suggestion(for: key, among: Self.answerKinds.filter { $0 != key }), at: keyNode)
            return nil
        }
        return parseScale(value).flatMap { AnswerKind(form, scale: $0) }
    }

    private mutating func parseScale(_ node: Node) -> Scale? {
        guard let fields = mapping(node, allowed: Self.scaleKeys, what: .phrase(.deckSubjectScale)) else { return nil }
        guard let minNode = fields["min"], let maxNode = fields["max"] else {
            error(.deckScaleMinMax, at: node)
            return nil
        }
        guard let min = integer(minNode, what: "min"), let max = integer(maxNode, what: "max") else { return nil }
        guard min < max else {
            error(.deckScaleOrder, .text(String(min)), .text(String(max)), at: minNode)
            return nil
        }
        guard min >= 0, max <= 10, max - min < RatingKeys.maximumValues else {
            error(.deckScaleRange, .text(String(min)), .text(String(max)), at: minNode)
            return nil
        }
        var labels: [String: LocalizedText] = [:]
        for key in ["low", "high"] {
            if let labelNode = fields[key] {
                labels[key] = localized(labelNode, key: key, in: node)
            } else {
                warning(.deckScaleLabel, .text(key), .phrase(key == "low" ? .deckLowest : .deckHighest), at: node)
            }
        }
        return Scale(min: min, max: max, low: labels["low"] ?? LocalizedText([:]), high: labels["high"] ?? LocalizedText([:]))
    }

    // MARK: - Small readers

    /// A mapping's values by key, after reporting unknown and repeated keys.
    private mutating func mapping(_ node: Node, allowed: [String], what: DiagnosticArgument) -> [String: Node]? {
        guard case .mapping(let mapping) = node else {
            error(.deckNotMapping, what, at: node)
            return nil
        }
        var fields: [String: Node] = [:]
        for (keyNode, value) in mapping.pairsInOrder {
            guard let key = keyNode.scalar?.string else {
                error(.deckKeysWords, at: keyNode)
                continue
            }
            if fields[key] != nil {
                error(.deckKeyTwice, .text(key), at: keyNode)
                continue
            }
            if !allowed.contains(key) {
                warning(.deckUnknownKey, .text(key), what, Self.suggestion(for: key, among: allowed), at: keyNode)
                continue
            }
            fields[key] = value
        }
        return fields
    }

    private mutating func identifier(_ node: Node?, in parent: Node, what: DiagnosticArgument) -> String? {
        guard let node else {
            error(.deckMissingID, what, at: parent)
            return nil
        }
        guard let value = node.scalar?.string, !value.isEmpty else {
            error(.deckIDWord, at: node)
            return nil
        }
        let allowed = value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard allowed, value.first != "-", value.count <= 64 else {
            error(.deckIDForm, .text(SafeText.line(value)), at: node)
            return nil
        }
        return value
    }

    private mutating func integer(_ node: Node, what: String) -> Int? {
        guard let text = node.scalar?.string, let value = Int(text) else {
            error(.deckWholeNumber, .text(what), at: node)
            return nil
        }
        return value
    }

    /// A text with `nb` and `en` (and optionally `da`), or a plain string, which
    /// is reported because the other language would be missing.
    private mutating func localized(_ node: Node?, key: String, in parent: Node) -> LocalizedText? {
        guard let node else {
            error(.deckMissingKey, .text(key), at: parent)
            return nil
        }
        if node.scalar != nil {
            error(.deckEachLanguage, .text(key), at: node)
            return nil
        }
        guard let fields = mapping(node, allowed: Language.allCases.map(\.rawValue), what: .text("'\(key)'")) else {
            return nil
        }
        var values: [Language: String] = [:]
        for language in Language.allCases {
            guard let valueNode = fields[language.rawValue] else { continue }
            guard let text = valueNode.scalar?.string else {
                error(.deckMustBeText, .text(key + "." + language.rawValue), at: valueNode)
                continue
            }
            let trimmed = Self.trimmed(text)
            if trimmed.isEmpty {
                error(.deckEmptyText, .text(key + "." + language.rawValue), at: valueNode)
                continue
            }
            values[language] = trimmed
        }
        var complete = true
        for language in Self.requiredLanguages where values[language] == nil {
            complete = false
            if fields[language.rawValue] == nil {
                error(.deckMissingLanguage, .text(key), .text(language.rawValue), at: node)
            }
        }
        return complete ? LocalizedText(values) : nil
    }

    /// `text` without leading and trailing white space (the same characters as
    /// `.whitespacesAndNewlines`), without a round trip through NSString.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace else { return text }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    private mutating func error(_ key: UIString, _ arguments: DiagnosticArgument..., at node: Node? = nil) {
        report(.error, key, arguments, at: node)
    }

    private mutating func warning(_ key: UIString, _ arguments: DiagnosticArgument..., at node: Node) {
        report(.warning, key, arguments, at: node)
    }

    private mutating func report(_ severity: Diagnostic.Severity, _ key: UIString, _ arguments: [DiagnosticArgument], at node: Node?) {
        // The problems past the limit are not shown, but an error among them still
        // refuses the deck: the line that stands for them is an error if one is.
        guard diagnostics.count <= Self.maximumDiagnostics else {
            if severity == .error { diagnostics[diagnostics.count - 1].severity = .error }
            return
        }
        let mark = node?.mark
        if diagnostics.count == Self.maximumDiagnostics {
            diagnostics.append(Diagnostic(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1,
                                          severity: severity, key: .deckTooManyProblems))
            return
        }
        diagnostics.append(Diagnostic(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1,
                                      severity: severity, key: key, arguments: arguments))
    }

    // MARK: - Suggestions

    /// ` (did you mean 'x'?)` for the closest candidate, when it is close enough
    /// to be a typo: one edit, or one per three letters of the candidate.
    static func suggestion(for word: String, among candidates: [String]) -> DiagnosticArgument {
        let scored = candidates.map { ($0, TextDistance.edits(word.lowercased(), $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, best.0.count / 3) else { return .text("") }
        return .didYouMean(best.0)
    }
}

private extension Node.Mapping {
    /// The pairs in file order, read in place: iterating a Mapping itself first
    /// copies all its pairs into a new array.
    var pairsInOrder: LazyMapCollection<Range<Int>, (key: Node, value: Node)> {
        (startIndex..<endIndex).lazy.map { self[$0] }
    }
}
