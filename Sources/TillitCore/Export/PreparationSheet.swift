import Foundation
import WebText

/// A sheet to prepare the next 1:1 with someone (`tillit prepare`): the deck's
/// questions in the talk's language with room to write, and from their last
/// talk the actions still open and both ratings. Markdown, or one printable
/// A4 HTML page with inline CSS and nothing fetched from anywhere.
package struct PreparationSheet: Sendable {
    package struct Question: Hashable, Sendable {
        package var prompt: String
        /// `Skala 1–5: 1 = …, 5 = …` on a rating card.
        package var scale: String?
    }

    package var title: String
    package var person: String
    package var language: Language
    package var questions: [Question]
    /// The latest 1:1 with the person, if any.
    package var lastTalk: Date?
    package var openActions: [Action]
    /// `(prompt, employee, leader)` of the last talk's rating cards, as its summary shows them.
    package var ratings: [(prompt: String, employee: String, leader: String)]
    package var names: (employee: String, leader: String)

    /// The sheet for the next talk with `person` on `deck`; `talks` are all the
    /// talks there are (the latest 1:1 with someone of that name is used).
    package init(deck: Deck, person: String, language: Language, talks: [Session]) {
        let t = Localizer(language)
        title = SafeText.line(deck.title.resolve(language))
        let filter = TalkFilter(participant: person)
        let last = talks.filter { $0.kind == .oneOnOne && filter.matches($0) }.max { $0.createdAt < $1.createdAt }
        // The name as the last talk spells it (`Ola` finds `Ola Hansen`), else as typed.
        let named = last?.participants.first { TalkFilter(participant: person).matches(kind: .oneOnOne, title: "", participants: [$0],
                                                                                         deckIDs: [], finished: true) }
        self.person = SafeText.line(named?.name ?? person)
        self.language = language
        questions = deck.cards.map { card in
            let scale = card.answer.scale.map { scale in
                t(.showScale, scale.min, scale.max, SafeText.line(scale.low.resolve(language)), SafeText.line(scale.high.resolve(language)))
            }
            return Question(prompt: SafeText.clean(card.prompt.resolve(language)), scale: scale)
        }
        lastTalk = last?.createdAt
        openActions = last?.actionsToCarryOn.map(\.action) ?? []
        names = (SafeText.line(last?.participants.first { $0.role == .employee }?.name ?? t(.roleEmployee)),
                 SafeText.line(last?.participants.first { $0.role == .leader }?.name ?? t(.roleLeader)))
        // What the last talk's summary shows: a rating not yet shown together stays out.
        ratings = last.map { talk in
            OneOnOneRating.rows(of: talk).filter { $0.employee != nil || $0.leader != nil }.map { row in
                (SafeText.line(row.prompt), row.employee.map(String.init) ?? "–", row.leader.map(String.init) ?? "–")
            }
        } ?? []
    }

    /// `forberedelse-2026-12-07-bjorn-aesoy.md`: ASCII letters and digits of the name, the day in UTC.
    package static func fileName(person: String, now: Date) -> String {
        let ascii = person.lowercased().replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "ø", with: "o")
            .folding(options: .diacriticInsensitive, locale: nil)
        let slug = ascii.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
        return "forberedelse-" + ExportFormat.isoDay(now, timeZone: .gmt) + (slug.isEmpty ? "" : "-" + slug) + ".md"
    }

    package func markdown(timeZone: TimeZone = .current) -> String {
        let t = Localizer(language)
        var out = ["# " + MarkdownExporter.inline(t(.prepareTitle, title, person)), "", MarkdownExporter.inline(t(.prepareIntro)), ""]
        if let lastTalk {
            out += ["## " + t(.prepareSinceLast, ExportFormat.date(lastTalk, language, timeZone: timeZone)), ""]
            out += ["### " + t(.prepareOpenActions), ""]
            out += openActions.isEmpty ? [t(.prepareNoOpenActions), ""]
                : openActions.map { "- " + MarkdownExporter.inline(TalkText.actionLine($0, t, now: lastTalk, markDone: false)) } + [""]
            if !ratings.isEmpty {
                out += ["### " + t(.prepareRatings), "",
                        "| " + [t(.actionWhat), MarkdownExporter.cell(names.employee), MarkdownExporter.cell(names.leader)].joined(separator: " | ") + " |",
                        "| --- | --- | --- |"]
                out += ratings.map { "| " + [MarkdownExporter.cell($0.prompt), $0.employee, $0.leader].joined(separator: " | ") + " |" }
                out.append("")
            }
        } else {
            out += [t(.prepareNoEarlierTalk), ""]
        }
        out += ["## " + t(.prepareQuestions), ""]
        for (index, question) in questions.enumerated() {
            out += ["### \(index + 1). " + MarkdownExporter.inline(question.prompt), ""]
            if let scale = question.scale { out += ["_" + MarkdownExporter.inline(scale) + "_", ""] }
            let line = Array(repeating: "…", count: 24).joined(separator: " ")
            out += [t(.prepareNotes), "", line, "", line, ""]
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// One A4 document to print: inline CSS only, no scripts, nothing fetched.
    package func html(timeZone: TimeZone = .current) -> String {
        let t = Localizer(language)
        let e = HTMLText.escape
        var body = "<h1>\(e(t(.prepareTitle, title, person)))</h1>\n<p class=\"intro\">\(e(t(.prepareIntro)))</p>\n"
        if let lastTalk {
            body += "<h2>\(e(t(.prepareSinceLast, ExportFormat.date(lastTalk, language, timeZone: timeZone))))</h2>\n"
            body += "<h3>\(e(t(.prepareOpenActions)))</h3>\n"
            body += openActions.isEmpty ? "<p>\(e(t(.prepareNoOpenActions)))</p>\n"
                : "<ul>\n" + openActions.map { "<li>\(e(TalkText.actionLine($0, t, now: lastTalk, markDone: false)))</li>\n" }.joined() + "</ul>\n"
            if !ratings.isEmpty {
                body += "<h3>\(e(t(.prepareRatings)))</h3>\n<table>\n<tr><th></th><th>\(e(names.employee))</th><th>\(e(names.leader))</th></tr>\n"
                body += ratings.map { "<tr><td>\(e($0.prompt))</td><td>\(e($0.employee))</td><td>\(e($0.leader))</td></tr>\n" }.joined()
                body += "</table>\n"
            }
        } else {
            body += "<p>\(e(t(.prepareNoEarlierTalk)))</p>\n"
        }
        body += "<h2>\(e(t(.prepareQuestions)))</h2>\n"
        for (index, question) in questions.enumerated() {
            body += "<section class=\"question\">\n<h3>\(index + 1). \(e(question.prompt))</h3>\n"
            if let scale = question.scale { body += "<p class=\"scale\">\(e(scale))</p>\n" }
            body += "<div class=\"write\" aria-label=\"\(e(t(.prepareNotes)))\"></div>\n</section>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(e(t(.prepareTitle, title, person)))</title>
            <style>
            @page { size: A4; margin: 18mm 16mm; }
            body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; color: #000; font-size: 10.5pt; }
            h1 { font-size: 17pt; margin: 0 0 2mm; } h2 { font-size: 13pt; margin: 6mm 0 2mm; } h3 { font-size: 11pt; margin: 4mm 0 1mm; }
            .intro { color: #333; } .scale { margin: 0 0 1mm; font-size: 9pt; color: #333; }
            table { border-collapse: collapse; } th, td { border: 0.2mm solid #888; padding: 1mm 2mm; text-align: left; }
            .question { break-inside: avoid; page-break-inside: avoid; }
            .write { height: 32mm; border: 0.3mm solid #999; border-radius: 1.5mm; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }
}
