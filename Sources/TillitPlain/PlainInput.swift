import Foundation
import TillitCore

/// One line typed (or piped) in plain line mode: words for the current answer,
/// or a command that starts with a colon.
package enum PlainInput: Hashable, Sendable {
    case empty
    /// Words to add to the answer of whoever is writing now.
    case text(String)
    case next, back, hint, skip, park, status, help, quit, finish, reopen, nextPerson
    case card(String)
    case who(String)
    case rate(String)
    case unvote(String)
    case reveal
    /// `:answers`: how many written answers the phones have sent on the card.
    case answers
    case action(String)
    case note(String)
    case carried(CarryOverOutcome, String)
    /// This talk's own actions, by their number in `:actions`.
    case actions
    case editAction(String)
    case setActionDone(Bool, String)
    case removeAction(String)
    case privateNote(String)
    /// `:keep-out` (true) and `:keep-in`: the current person's answer on this card stays out of the minutes, or is in again.
    case keepOut(Bool)
    /// `:minutes` says the minutes as they will read; `:confirm` lets the next person confirm them.
    case minutes, confirmMinutes
    /// `:room` opens the voting room (or says its address again); `:room close` closes it.
    case room(String)
    /// `:cleanup` lists the clean-up items; `:cleanup add …` adds one; `:cleanup 2 dropped …` marks one (`PlainCleanup`).
    case cleanup(String)
    case unknown(String)

    /// Reads one line. `::text` stands for a text line that itself starts with a colon.
    package init(line raw: String) {
        var line = raw
        while line.hasSuffix("\r") || line.hasSuffix("\n") { line.removeLast() }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { self = .empty; return }
        if trimmed.hasPrefix("::") { self = .text(String(trimmed.dropFirst())); return }
        guard trimmed.hasPrefix(":") else { self = .text(line.trimmingCharacters(in: .whitespaces)); return }
        let body = trimmed.dropFirst()
        let word = body.prefix { !$0.isWhitespace }
        let argument = body.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        self = PlainCommands.command(String(word))?.input(argument) ?? .unknown(":" + String(word))
    }
}

/// `:action TEXT [@owner] [due DATE]`, taken apart. The owner and the date may
/// come in either order at the end; `frist` is the Norwegian and Danish `due`.
struct PlainActionText: Equatable {
    var text: String
    var owner: String
    var due: String?

    init(_ argument: String) {
        var words = argument.split(whereSeparator: \.isWhitespace).map(String.init)
        var owner = ""
        var due: String?
        var changed = true
        while changed && !words.isEmpty {
            changed = false
            if words.count >= 2, due == nil, ["due", "frist"].contains(words[words.count - 2].lowercased()) {
                due = words.removeLast()
                words.removeLast()
                changed = true
            } else if owner.isEmpty, let last = words.last, last.hasPrefix("@"), last.count > 1 {
                owner = String(words.removeLast().dropFirst())
                changed = true
            }
        }
        self.text = words.joined(separator: " ")
        self.owner = owner
        self.due = due
    }
}
