import Foundation

/// A small, strict reader of the Markdown the referat uses, written from the
/// CommonMark and GFM rules and kept apart from the exporter, so a test can
/// check the structure a renderer would see: heading levels, list items,
/// tables (header, separator, the same number of cells in every row), and
/// paragraphs, each with its text as a renderer would show it.
struct MarkdownDocument {
    enum Block: Equatable {
        case heading(level: Int, text: String)
        case listItem(String)
        case table(header: [String], rows: [[String]])
        case paragraph(String)
    }

    var blocks: [Block] = []
    /// What a renderer would not take the way the exporter meant it.
    var problems: [String] = []

    var headings: [(level: Int, text: String)] {
        blocks.compactMap { if case .heading(let level, let text) = $0 { return (level, text) } else { return nil } }
    }

    var tables: [(header: [String], rows: [[String]])] {
        blocks.compactMap { if case .table(let header, let rows) = $0 { return (header, rows) } else { return nil } }
    }

    var listItems: [String] { blocks.compactMap { if case .listItem(let text) = $0 { return text } else { return nil } } }
    var paragraphs: [String] { blocks.compactMap { if case .paragraph(let text) = $0 { return text } else { return nil } } }

    /// Every text a reader would see, one block a line.
    var visibleText: String {
        blocks.map { block in
            switch block {
            case .heading(_, let text), .listItem(let text), .paragraph(let text): return text
            case .table(let header, let rows): return ([header] + rows).map { $0.joined(separator: " | ") }.joined(separator: "\n")
            }
        }.joined(separator: "\n")
    }

    /// The blocks under the heading `title`, up to the next heading of the same or a higher level.
    func section(_ title: String) -> [Block] {
        guard let start = blocks.firstIndex(where: { if case .heading(_, title) = $0 { return true } else { return false } }),
              case .heading(let level, _) = blocks[start] else { return [] }
        let rest = blocks[(start + 1)...]
        let end = rest.firstIndex { if case .heading(let other, _) = $0 { return other <= level } else { return false } } ?? blocks.endIndex
        return Array(blocks[(start + 1)..<end])
    }

    init(_ markdown: String) {
        for scalar in markdown.unicodeScalars where scalar.value < 0x20 && scalar != "\n" || (0x7F...0x9F).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) {
            problems.append("control character U+\(String(scalar.value, radix: 16, uppercase: true))")
        }
        if !markdown.hasSuffix("\n") { problems.append("no line break at the end") }
        let lines = markdown.components(separatedBy: "\n")
        var index = 0
        var previousBlank = true
        while index < lines.count {
            let line = lines[index]
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                previousBlank = true
                index += 1
                continue
            }
            checkInlineHTML(line, at: index + 1)
            if line.hasPrefix(" ") || line.hasPrefix("\t") {
                problems.append("line \(index + 1): indented where no block continues: \(line)")
            }
            if let level = Self.headingLevel(line) {
                // A renderer drops a closing run of unescaped `#`.
                var content = String(line.dropFirst(level + 1))
                if let closing = content.range(of: #"(^| )#+ *$"#, options: .regularExpression) { content.removeSubrange(closing) }
                blocks.append(.heading(level: level, text: Self.inline(content)))
                index += 1
            } else if line.hasPrefix("|") {
                if !previousBlank { problems.append("line \(index + 1): a table must follow a blank line") }
                var rows: [String] = []
                while index < lines.count, lines[index].hasPrefix("|") { rows.append(lines[index]); index += 1 }
                readTable(rows, firstLine: index - rows.count + 1)
            } else if line.hasPrefix("- ") {
                // A list item runs on over lines indented by two (a hard break before each);
                // after a blank line, text indented by two is a new paragraph of the same item.
                var text = String(line.dropFirst(2))
                index += 1
                while index < lines.count {
                    var next = index
                    while next < lines.count, lines[next].trimmingCharacters(in: .whitespaces).isEmpty { next += 1 }
                    guard next < lines.count, lines[next].hasPrefix("  ") else { break }
                    checkInlineHTML(lines[next], at: next + 1)
                    text += (next > index ? "\n\n" : "\n") + String(lines[next].dropFirst(2))
                    index = next + 1
                }
                checkBlockStarts(in: text, at: index)
                blocks.append(.listItem(Self.inline(text)))
            } else {
                var text = line
                index += 1
                while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).isEmpty,
                      Self.headingLevel(lines[index]) == nil, !lines[index].hasPrefix("|"), !lines[index].hasPrefix("- ") {
                    checkInlineHTML(lines[index], at: index + 1)
                    text += "\n" + lines[index]
                    index += 1
                }
                if ["* ", "+ ", ">", "=", "```", "~~~", "***", "___"].contains(where: text.hasPrefix) || Self.startsOrderedList(text) {
                    problems.append("line \(index): paragraph starts like another block: \(text)")
                }
                checkBlockStarts(in: text, at: index)
                blocks.append(.paragraph(Self.inline(text)))
            }
            previousBlank = false
        }
        checkHeadingLevels()
    }

    private mutating func readTable(_ rows: [String], firstLine: Int) {
        guard rows.count >= 2 else {
            problems.append("line \(firstLine): a table needs a header and a separator row")
            return
        }
        let header = Self.cells(rows[0])
        let separator = Self.cells(rows[1])
        if separator.count != header.count || !separator.allSatisfy({ $0.range(of: #"^:?-{3,}:?$"#, options: .regularExpression) != nil }) {
            problems.append("line \(firstLine + 1): not a separator row for \(header.count) columns: \(rows[1])")
        }
        var body: [[String]] = []
        for (offset, row) in rows.dropFirst(2).enumerated() {
            if !row.hasSuffix("|") || row.hasSuffix("\\|") { problems.append("line \(firstLine + 2 + offset): row does not end with |") }
            let cells = Self.cells(row)
            if cells.count != header.count {
                problems.append("line \(firstLine + 2 + offset): \(cells.count) cells, the header has \(header.count)")
            }
            body.append(cells.map(Self.inline))
        }
        blocks.append(.table(header: header.map(Self.inline), rows: body))
    }

    /// Cells between unescaped pipes, trimmed.
    static func cells(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in row.dropFirst() {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\" { current.append(character); escaped = true; continue }
            if character == "|" { cells.append(current.trimmingCharacters(in: .whitespaces)); current = ""; continue }
            current.append(character)
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { cells.append(current.trimmingCharacters(in: .whitespaces)) }
        return cells
    }

    static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    static func startsOrderedList(_ text: String) -> Bool {
        text.range(of: #"^[0-9]{1,9}[.)]( |$)"#, options: .regularExpression) != nil
    }

    /// A `<` or `&entity;` that is not escaped would be raw HTML or an entity to a renderer.
    private mutating func checkInlineHTML(_ line: String, at number: Int) {
        var escaped = false
        var rest = line[...]
        while let character = rest.popFirst() {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "<" { problems.append("line \(number): raw HTML or autolink: \(line)") }
            if character == "&", rest.range(of: #"^#?[A-Za-z0-9]+;"#, options: .regularExpression) != nil {
                problems.append("line \(number): character reference: \(line)")
            }
            if character == "`" { problems.append("line \(number): code span: \(line)") }
        }
    }

    /// Inside a list item or paragraph, a continued line must not start a new block.
    private mutating func checkBlockStarts(in text: String, at number: Int) {
        for line in text.split(separator: "\n").dropFirst() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if Self.headingLevel(trimmed) != nil || Self.startsOrderedList(trimmed)
                || ["- ", "* ", "+ ", "> "].contains(where: trimmed.hasPrefix) || trimmed.hasPrefix("=") || trimmed.hasPrefix("---") {
                problems.append("near line \(number): a continued line starts a block: \(trimmed)")
            }
        }
    }

    private mutating func checkHeadingLevels() {
        let levels = headings.map(\.level)
        guard !levels.isEmpty else { return }  // a fragment
        if levels.first != 1 || levels.filter({ $0 == 1 }).count != 1 { problems.append("one level-1 heading, first: \(levels)") }
        for (before, after) in zip(levels, levels.dropFirst()) where after > before + 1 {
            problems.append("heading level jumps from \(before) to \(after)")
        }
    }

    /// Inline text as a renderer shows it: backslash escapes resolved, hard
    /// breaks as line breaks, unescaped emphasis markers (`*`, `_` at a word's
    /// edge, `~`) dropped, and an unescaped link `[text](url)` as its text. So an
    /// answer that was not escaped does not read back as written.
    static func inline(_ text: String) -> String {
        var result = ""
        var rest = text[...]
        while let character = rest.popFirst() {
            if character == "\\" {
                if let next = rest.first, next == "\n" { result.append("\n"); rest = rest.dropFirst(); continue }
                if let next = rest.first, next.isASCII, next.isPunctuation || next.isSymbol { result.append(next); rest = rest.dropFirst(); continue }
                result.append(character)
                continue
            }
            if character == "*" || character == "~" || character == "[" { continue }
            if character == "]" {
                if rest.first == "(", let close = rest.firstIndex(of: ")") { rest = rest[rest.index(after: close)...] }
                continue
            }
            if character == "_", result.last.map({ !$0.isLetter && !$0.isNumber }) ?? true || rest.first.map({ !$0.isLetter }) ?? true {
                continue
            }
            result.append(character)
        }
        return result
    }
}
