import Foundation

/// A talk as a Markdown referat: what a person would file or mail.
public enum MarkdownExporter {
    public static func render(_ session: Session, includePrivate: Bool, timeZone: TimeZone = .current) -> String {
        let t = Localizer(session.language)
        var out: [String] = []
        out.append("# " + escape(session.title))
        out.append("")
        out.append(session.participants.map { "\(escape($0.name)) (\($0.role.rawValue))" }.joined(separator: ", "))
        out.append("")
        for (index, card) in session.cards.enumerated() {
            out.append("## \(index + 1). " + escape(card.prompt))
            out.append("")
            for response in card.responses {
                let who = session.participant(id: response.participant)?.name ?? response.participant
                var line = "- **\(escape(who))**"
                if let rating = response.rating { line += " (\(rating))" }
                if !response.text.isEmpty { line += ": " + escape(response.text).replacingOccurrences(of: "\n", with: "  \n  ") }
                out.append(line)
            }
            if card.status != .answered && card.status != .open { out.append("- _\(card.status.rawValue)_") }
            out.append("")
        }
        if !session.actions.isEmpty {
            out.append("## " + t(.actionsHeading))
            out.append("")
            for action in session.actions {
                out.append("- [\(action.done ? "x" : " ")] \(escape(action.text)) — \(escape(action.owner))\(action.due.map { ", \($0)" } ?? "")")
            }
            out.append("")
        }
        if !session.notes.isEmpty {
            out.append("## " + t(.notes))
            out.append("")
            out.append(escape(session.notes))
            out.append("")
        }
        if includePrivate && !session.privateNotes.isEmpty {
            out.append(escape(session.privateNotes))
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// Untrusted text made inert: control characters removed, Markdown markup escaped.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in SafeText.clean(text) {
            if "\\`*_[]<>#|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
