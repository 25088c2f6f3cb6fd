import Foundation
import WebText

/// The minutes as one printable page (`e` on the summary, `tillit export
/// --format html`): what a leader can open in a browser, print on A4 or hand
/// to the employee. The same sections as the Markdown minutes, from the same
/// copy of the talk (`forMinutes`), in the look of `tillit print`. Inline CSS
/// only, nothing to fetch, no script; every text escaped by Unicode scalar.
package enum HTMLMinutes {
    /// `confirmations`: who confirmed these minutes and when, as the Markdown
    /// minutes' block says it (empty when they are not confirmed as they are).
    package static func render(_ session: Session, includePrivate: Bool, confirmations: [String] = [],
                              timeZone: TimeZone = .current) -> String {
        let (minutes, keptOut) = session.forMinutes(includePrivate: includePrivate)
        var page = HTMLReferat(session: minutes, t: Localizer(session.language), timeZone: timeZone)
        page.writeSections(keptOut: keptOut, includePrivate: includePrivate)
        page.confirmed(by: confirmations)
        return page.document
    }

    static let style = PrintStyle.base + "\n" + """
        .page { width: 210mm; min-height: 297mm; padding: 18mm 20mm; }
        h1 { font-size: 18pt; margin: 0 0 4mm; }
        h2 { font-size: 13pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 0.3mm solid #000;
             break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
        p, li, td, th, dd, dt { font-size: 10pt; line-height: 1.4; }
        p { margin: 0 0 2mm; }
        ul { margin: 0 0 2mm; padding-left: 6mm; }
        li { margin-bottom: 1mm; break-inside: avoid; page-break-inside: avoid; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 0 0 4mm; }
        .facts dt { font-weight: 600; }
        .facts dd { margin: 0; }
        .status { font-style: italic; color: #444; }
        .text { white-space: pre-line; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; }
        th, td { border: 0.2mm solid #999; padding: 1mm 2mm; text-align: left; vertical-align: top;
                 overflow-wrap: anywhere; }
        th { background: #eee; font-weight: 600; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        .confirmed { margin-top: 6mm; padding-top: 2mm; border-top: 0.2mm solid #999; }
        @media print { .page { padding: 15mm 18mm; min-height: 0; } }
        """
}

/// The page being written, section by section, as `Referat` writes the Markdown.
private struct HTMLReferat: MinutesSections {
    let session: Session
    let t: Localizer
    let timeZone: TimeZone
    private var body = ""

    init(session: Session, t: Localizer, timeZone: TimeZone) {
        self.session = session
        self.t = t
        self.timeZone = timeZone
    }

    private var language: Language { session.language }
    private static func escape(_ text: String) -> String { HTMLText.escape(text) }
    /// One line of a person's or a file's text, escaped.
    private static func line(_ text: String) -> String { escape(SafeText.line(text)) }

    private var title: String {
        let title = SafeText.line(session.title)
        return title.isEmpty ? SafeText.line(session.decks.map(\.title).joined(separator: " + ")) : title
    }

    var document: String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        \(HTMLText.policyMeta(PrintStyle.contentSecurityPolicy))
        <title>\(Self.escape(title))</title>
        <style>
        \(HTMLMinutes.style)
        </style>
        </head>
        <body>
        <div class="page">
        \(body)</div>
        </body>
        </html>

        """
    }

    private mutating func add(_ html: String) { body += html + "\n" }

    private mutating func heading(_ level: Int, _ text: String) { add("<h\(level)>\(Self.escape(text))</h\(level)>") }

    /// Cells are plain text; each is escaped here, and an empty one shows a dash.
    private mutating func table(_ header: [String], _ rows: [[String]]) {
        func cells(_ tag: String, _ texts: [String]) -> String {
            "<tr>" + texts.map { "<\(tag)>\($0.isEmpty ? "–" : Self.line($0))</\(tag)>" }.joined() + "</tr>"
        }
        add("<table>\n<thead>" + cells("th", header) + "</thead>\n<tbody>\n"
            + rows.map { cells("td", $0) }.joined(separator: "\n") + "\n</tbody>\n</table>")
    }

    private func name(of participantID: String) -> String {
        let name = SafeText.line(session.participant(id: participantID)?.name ?? "")
        return name.isEmpty ? SafeText.line(participantID) : name
    }

    /// `Kari (leder)`, or `Leder` alone when the name is only the role.
    private func nameWithRole(_ person: Participant) -> String {
        person.nameIsRole(t) ? name(of: person.id) : "\(name(of: person.id)) (\(t.role(person.role)))"
    }

    // MARK: Sections

    mutating func header(keptOut: Int) {
        heading(1, title)
        let seconds = session.cards.reduce(0) { $0 + $1.secondsSpent }
        let people = session.participants.map(nameWithRole).joined(separator: ", ")
        let decks = session.decks.map { SafeText.line($0.title.isEmpty ? $0.id : $0.title) }.joined(separator: ", ")
        var facts: [(UIString, String)] = [
            (.referatDate, ExportFormat.dateTime(session.createdAt, language, timeZone: timeZone)),
            (.referatTimeSpent, ExportFormat.duration(seconds: seconds, t)),
            (.setupKind, session.kind == .team ? t(.kindTeam) : t(.kindOneOnOne)),
        ]
        if !people.isEmpty { facts.append((.referatParticipants, people)) }
        facts += [(.referatDecks, decks.isEmpty ? "–" : decks),
                  (.referatStatus, session.isFinished ? t(.finished) : t(.unfinished))]
        add("<dl class=\"facts\">" + facts.map { "<dt>\(Self.escape(t($0.0)))</dt><dd>\(Self.escape($0.1))</dd>" }.joined() + "</dl>")
        if session.isAnonymousTeam { add("<p>\(Self.escape(t(.referatAnonymous)))</p>") }
        if keptOut > 0 { add("<p>\(Self.escape(t.count(keptOut, one: .referatKeptOutOne, many: .referatKeptOut)))</p>") }
    }

    mutating func carriedOver() {
        guard !session.carriedOver.isEmpty else { return }
        heading(2, t(.sinceLastTime))
        table([t(.actionWhat), t(.actionWho), t(.actionDue), t(.referatOutcome)], session.carriedOver.map { carried in
            [carried.action.text, carried.action.owner, carried.action.due.map { ExportFormat.due($0, language) } ?? "",
             TalkText.outcome(carried.outcome, t)]
        })
    }

    mutating func cards() {
        let said = session.cards.indices.filter { session.cards[$0].hasContent }
        guard !said.isEmpty else { return }
        heading(2, t(.referatCards))
        for index in said {
            let card = session.cards[index]
            heading(3, "\(index + 1). " + SafeText.line(card.prompt))
            if card.status == .parked || card.status == .skipped {
                add("<p class=\"status\">\(Self.escape(TalkText.status(card.status, t)))</p>")
            }
            if session.kind == .team, card.isRating, card.ratingCount > 0 { votes(card) }
            let answers = card.responses.filter { !$0.isEmpty }
            if !answers.isEmpty { add("<ul>\n" + answers.map { answer($0, on: card) }.joined(separator: "\n") + "\n</ul>") }
        }
    }

    private mutating func votes(_ card: CardRecord) {
        var line = t(.votes)
        if let range = card.scaleRange { line += " (" + t(.referatScale, range.lowerBound, range.upperBound) + ")" }
        line += ": " + TalkText.voteCount(card.ratingCount, t)
        guard let tally = session.result(of: card)?.tally else {
            add("<p>\(Self.escape(line + " — " + t(.referatTooFew)))</p>")
            return
        }
        add("<p>\(Self.escape(line + ", " + TalkText.mean(tally.mean, t)))</p>")
        let values = card.scaleRange.map(Array.init) ?? tally.counts.keys.sorted()
        table(values.map(String.init), [values.map { String(tally.counts[$0] ?? 0) }])
    }

    private func answer(_ response: Response, on card: CardRecord) -> String {
        let person = session.participant(id: response.participant)
        var label: String
        var after = ""
        if session.kind == .team, person?.role == .facilitator, !response.text.isEmpty {
            label = t(.teamNotesLabel)
        } else {
            label = name(of: response.participant)
            if let person, !person.nameIsRole(t) { after = " (\(t.role(person.role)))" }
        }
        switch session.ratingDisclosure(of: response.participant, on: card) {
        case .shown(let rating): after += ", " + (card.scaleMax.map { t(.referatRating, rating, $0) } ?? String(rating))
        case .hidden: after += ", ✓ (" + t(.ratingsShownTogether) + ")"
        case .notRated: break
        }
        let text = SafeText.clean(response.text).trimmingCharacters(in: .whitespacesAndNewlines)
        return "<li><strong>\(Self.escape(label))</strong>\(Self.escape(after))"
            + (text.isEmpty ? "" : ": <span class=\"text\">\(Self.escape(text))</span>") + "</li>"
    }

    mutating func notAnswered() {
        let left = session.cards.indices.filter { session.cards[$0].status != .answered }
        guard !left.isEmpty else { return }
        heading(2, t(.referatNotAnswered))
        add("<ul>\n" + left.map { index in
            let card = session.cards[index]
            return "<li>\(Self.escape("\(index + 1). " + SafeText.line(card.prompt))) — "
                + "<span class=\"status\">\(Self.escape(TalkText.status(card.status, t)))</span></li>"
        }.joined(separator: "\n") + "\n</ul>")
    }

    mutating func actions() {
        heading(2, t(.actionsHeading))
        guard !session.actions.isEmpty else {
            add("<p>\(Self.escape(t(.referatNoActions)))</p>")
            return
        }
        table([t(.actionWhat), t(.actionWho), t(.actionDue), t(.referatActionStatus), t(.referatFromCard)],
              session.actions.map { action in
                  [action.text, action.owner, action.due.map { ExportFormat.due($0, language) } ?? "",
                   action.done ? t(.outcomeDone) : t(.referatActionOpen),
                   action.carriedFrom == nil ? MinutesCardReference.text(action.fromCard, in: session) : t(.referatCarriedOver)]
              })
    }

    mutating func notes(includePrivate: Bool) {
        paragraphs(t(.notes), session.notes)
        if includePrivate { paragraphs(t(.referatPrivateNotes), session.privateNotes) }
    }

    /// Free text under a heading, its line breaks kept; nothing when it is blank.
    private mutating func paragraphs(_ title: String, _ text: String) {
        let blocks = SafeText.clean(text).components(separatedBy: "\n")
            .split { $0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard !blocks.isEmpty else { return }
        heading(2, title)
        for block in blocks { add("<p class=\"text\">\(Self.escape(block.joined(separator: "\n")))</p>") }
    }

    mutating func cleanup() {
        let rows = CleanupMinutesTable.rows(session, t, timeZone: timeZone)
        guard !rows.isEmpty else { return }
        heading(2, t(.cleanupMinutesHeading))
        table(CleanupMinutesTable.header(t), rows)
    }

    mutating func confirmed(by names: [String]) {
        guard !names.isEmpty else { return }
        add("<p class=\"confirmed\"><strong>\(Self.escape(t(.minutesConfirmedBy))):</strong> "
            + Self.escape(names.map(SafeText.line).joined(separator: "; ")) + "</p>")
    }
}

/// The minutes' sections, in the order both the Markdown and the page tell them.
protocol MinutesSections {
    mutating func header(keptOut: Int)
    mutating func carriedOver()
    mutating func cards()
    mutating func notAnswered()
    mutating func actions()
    /// The clean-up items added or decided in this talk.
    mutating func cleanup()
    mutating func notes(includePrivate: Bool)
}

extension MinutesSections {
    mutating func writeSections(keptOut: Int, includePrivate: Bool) {
        header(keptOut: keptOut)
        carriedOver()
        cards()
        notAnswered()
        actions()
        cleanup()
        notes(includePrivate: includePrivate)
    }
}

/// `3. How much room…`: the card an action was agreed on, whole (a cell may
/// wrap; the minutes never cut a prompt short).
enum MinutesCardReference {
    static func text(_ key: String?, in session: Session) -> String {
        guard let key else { return "" }
        guard let index = session.cards.firstIndex(where: { $0.key == key }) else { return key }
        return "\(index + 1). " + SafeText.line(session.cards[index].prompt)
    }
}
