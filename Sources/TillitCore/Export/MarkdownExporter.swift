import Foundation

/// A talk as a Markdown referat: what a person would file or mail. Headings and
/// labels are in the talk's language; every text that came from a person or a
/// file is escaped so it shows as written and never turns into markup or HTML.
package enum MarkdownExporter {
    package static func render(_ session: Session, includePrivate: Bool, timeZone: TimeZone = .current) -> String {
        // Only what may leave the talk (`forMinutes`): whatever the flags, a kept-out answer stays out.
        let (minutes, keptOut) = session.forMinutes(includePrivate: includePrivate)
        var referat = Referat(session: minutes, t: Localizer(session.language), timeZone: timeZone)
        referat.writeSections(keptOut: keptOut, includePrivate: includePrivate)
        return referat.text
    }

    // MARK: Making untrusted text inert

    /// One line of text for a heading, a list item or a label: control
    /// characters removed, line breaks and runs of spaces made one space,
    /// Markdown escaped.
    static func inline(_ text: String) -> String {
        escape(collapse(SafeText.line(text)))
    }

    /// A table cell: like `inline` (but a cell starts no block, so `3.` stays
    /// as it is), and an empty cell shows a dash.
    static func cell(_ text: String) -> String {
        let line = escape(collapse(SafeText.line(text)), atLineStart: false)
        return line.isEmpty ? "–" : line
    }

    /// Text of several lines inside a list item: each line escaped, the lines
    /// kept apart by hard breaks (a backslash at the end of a line), and indented
    /// by `indent` so they stay in the item. A blank line (or several) between
    /// paragraphs stays one blank line: followed by indented text it continues
    /// the item rather than ending it.
    static func lines(_ text: String, indent: String) -> String {
        let paragraphs = SafeText.clean(text).components(separatedBy: "\n")
            .map { escape(collapse($0)) }
            .split { $0.isEmpty }
        return paragraphs.map { $0.joined(separator: "\\\n" + indent) }.joined(separator: "\n\n" + indent)
    }

    /// Backslash-escapes every character that could start Markdown markup or
    /// HTML (`<`, `&`, emphasis, links, code, tables, headings), and a line
    /// start that would make a list, a quote or a heading underline.
    static func escape(_ text: String, atLineStart: Bool = true) -> String {
        // By Unicode scalar, as HTMLText escapes: a joining mark before `<` must not hide it.
        var scalars = String.UnicodeScalarView()
        var rest = text.unicodeScalars[...]
        while let scalar = rest.popFirst() {
            // `&` only where it could start an entity such as `&lt;`, so `Kari & Ola` stays readable.
            if markupCharacters.contains(scalar)
                || (scalar == "&" && rest.first.map { $0 == "#" || $0.properties.isAlphabetic } == true) {
                scalars.append("\\")
            }
            scalars.append(scalar)
        }
        var result = String(scalars)
        guard atLineStart else { return result }
        if let first = result.first, "-+=".contains(first) {
            result.insert("\\", at: result.startIndex)
        } else if let marker = orderedListMarker(in: result) {
            // `3. ` or `3) ` at the start would make an ordered list.
            result.insert("\\", at: marker)
        }
        return result
    }

    private static let markupCharacters: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~"]

    private static func orderedListMarker(in text: String) -> String.Index? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9, digits.endIndex < text.endIndex else { return nil }
        return [".", ")"].contains(text[digits.endIndex]) ? digits.endIndex : nil
    }

    /// Tabs and runs of spaces as one space, no space at either end.
    private static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}

/// The referat being written, section by section.
struct Referat: MinutesSections {
    let session: Session
    let t: Localizer
    let timeZone: TimeZone
    private var out: [String] = []

    init(session: Session, t: Localizer, timeZone: TimeZone) {
        self.session = session
        self.t = t
        self.timeZone = timeZone
    }

    var text: String {
        var lines = out
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    private var language: Language { session.language }

    private mutating func add(_ lines: String...) { out += lines }

    mutating func heading(_ level: Int, _ text: String) {
        add(String(repeating: "#", count: level) + " " + text, "")
    }

    mutating func table(_ header: [String], _ rows: [[String]]) {
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        add(row(header), row(header.map { _ in "---" }))
        for cells in rows { add(row(cells)) }
        add("")
    }

    private func name(of participantID: String) -> String {
        let name = session.participant(id: participantID)?.name ?? ""
        let shown = MarkdownExporter.inline(name)
        return shown.isEmpty ? MarkdownExporter.inline(participantID) : shown
    }


    private func status(_ status: CardStatus) -> String { TalkText.status(status, t) }

    // MARK: Sections

    mutating func header(keptOut: Int) {
        let title = MarkdownExporter.inline(session.title)
        heading(1, title.isEmpty ? MarkdownExporter.inline(session.decks.map(\.title).joined(separator: " + ")) : title)
        let seconds = session.cards.reduce(0) { $0 + $1.secondsSpent }
        let people = session.participants.map { $0.nameIsRole(t) ? name(of: $0.id) : "\(name(of: $0.id)) (\(t.role($0.role)))" }
            .joined(separator: ", ")
        let decks = session.decks.map { MarkdownExporter.inline($0.title.isEmpty ? $0.id : $0.title) }.joined(separator: ", ")
        add("- **\(t(.referatDate)):** " + ExportFormat.dateTime(session.createdAt, language, timeZone: timeZone),
            "- **\(t(.referatTimeSpent)):** " + ExportFormat.duration(seconds: seconds, t),
            "- **\(t(.setupKind)):** " + (session.kind == .team ? t(.kindTeam) : t(.kindOneOnOne)))
        if !people.isEmpty { add("- **\(t(.referatParticipants)):** " + people) }
        add("- **\(t(.referatDecks)):** " + (decks.isEmpty ? "–" : decks),
            "- **\(t(.referatStatus)):** " + (session.isFinished ? t(.finished) : t(.unfinished)),
            "")
        if session.isAnonymousTeam { add(t(.referatAnonymous), "") }
        if keptOut > 0 { add(t.count(keptOut, one: .referatKeptOutOne, many: .referatKeptOut), "") }
    }

    /// Open actions from the last talk, and what this talk decided about each.
    mutating func carriedOver() {
        guard !session.carriedOver.isEmpty else { return }
        heading(2, t(.sinceLastTime))
        table([t(.actionWhat), t(.actionWho), t(.actionDue), t(.referatOutcome)], session.carriedOver.map { carried in
            let outcome = TalkText.outcome(carried.outcome, t)
            return [MarkdownExporter.cell(carried.action.text), MarkdownExporter.cell(carried.action.owner),
                    MarkdownExporter.cell(carried.action.due.map { ExportFormat.due($0, language) } ?? ""), outcome]
        })
    }

    /// Every card something was said or rated on, in the order of the talk.
    mutating func cards() {
        let said = session.cards.indices.filter { session.cards[$0].hasContent }
        guard !said.isEmpty else { return }
        heading(2, t(.referatCards))
        for index in said {
            let card = session.cards[index]
            heading(3, "\(index + 1). " + MarkdownExporter.inline(card.prompt))
            if card.status == .parked || card.status == .skipped { add("_\(status(card.status))_", "") }
            if session.kind == .team, card.isRating, card.ratingCount > 0 { votes(card) }
            let answers = card.responses.filter { !$0.isEmpty }
            for response in answers { add(answer(response, on: card)) }
            if !answers.isEmpty { add("") }
        }
    }

    /// A team's ratings on a card: how many, the average and the spread, unless
    /// there are so few that a single vote could be read off.
    private mutating func votes(_ card: CardRecord) {
        let total = card.ratingCount
        var line = "**\(t(.votes))**"
        if let range = card.scaleRange { line += " (" + t(.referatScale, range.lowerBound, range.upperBound) + ")" }
        line += ": " + TalkText.voteCount(total, t)
        guard let tally = session.result(of: card)?.tally else {
            add(line + " — " + t(.referatTooFew), "")
            return
        }
        add(line + ", " + TalkText.mean(tally.mean, t), "")
        let counts = tally.counts
        let values = card.scaleRange.map(Array.init) ?? counts.keys.sorted()
        table(values.map(String.init), [values.map { String(counts[$0] ?? 0) }])
    }

    private func answer(_ response: Response, on card: CardRecord) -> String {
        let person = session.participant(id: response.participant)
        var label: String
        if session.kind == .team, person?.role == .facilitator, !response.text.isEmpty {
            label = "**\(t(.teamNotesLabel))**"
        } else {
            label = "**\(name(of: response.participant))**"
            if let person, !person.nameIsRole(t) { label += " (\(t.role(person.role)))" }
        }
        switch session.ratingDisclosure(of: response.participant, on: card) {
        case .shown(let rating): label += ", " + (card.scaleMax.map { t(.referatRating, rating, $0) } ?? String(rating))
        case .hidden: label += ", ✓ (" + t(.ratingsShownTogether) + ")"
        case .notRated: break
        }
        let text = MarkdownExporter.lines(response.text, indent: "  ")
        return "- " + label + (text.isEmpty ? "" : ": " + text)
    }

    /// Parked, skipped and never-reached cards, so the referat says what is left.
    mutating func notAnswered() {
        let left = session.cards.indices.filter { session.cards[$0].status != .answered }
        guard !left.isEmpty else { return }
        heading(2, t(.referatNotAnswered))
        for index in left {
            let card = session.cards[index]
            // `3\.` so the number is not read as the start of a numbered list.
            add("- \(index + 1)\\. " + MarkdownExporter.inline(card.prompt) + " — _\(status(card.status))_")
        }
        add("")
    }

    mutating func actions() {
        heading(2, t(.actionsHeading))
        guard !session.actions.isEmpty else {
            add(t(.referatNoActions), "")
            return
        }
        table([t(.actionWhat), t(.actionWho), t(.actionDue), t(.referatActionStatus), t(.referatFromCard)],
              session.actions.map { action in
                  [MarkdownExporter.cell(action.text), MarkdownExporter.cell(action.owner),
                   MarkdownExporter.cell(action.due.map { ExportFormat.due($0, language) } ?? ""),
                   action.done ? t(.outcomeDone) : t(.referatActionOpen),
                   action.carriedFrom == nil ? MarkdownExporter.cell(MinutesCardReference.text(action.fromCard, in: session))
                       : t(.referatCarriedOver)]
              })
    }

    mutating func notes(includePrivate: Bool) {
        if !MarkdownExporter.lines(session.notes, indent: "").isEmpty {
            heading(2, t(.notes))
            paragraphs(session.notes)
        }
        if includePrivate, !MarkdownExporter.lines(session.privateNotes, indent: "").isEmpty {
            heading(2, t(.referatPrivateNotes))
            paragraphs(session.privateNotes)
        }
    }

    /// Free text as paragraphs: a blank line starts a new one, a line break stays a line break.
    private mutating func paragraphs(_ text: String) {
        let blocks = SafeText.clean(text).components(separatedBy: "\n")
            .split { $0.trimmingCharacters(in: .whitespaces).isEmpty }
        for block in blocks {
            add(MarkdownExporter.lines(block.joined(separator: "\n"), indent: ""), "")
        }
    }
}
