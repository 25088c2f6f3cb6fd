import Foundation

/// One line typed (or piped) in plain line mode: words for the current answer,
/// or a command that starts with a colon.
public enum PlainInput: Hashable, Sendable {
    case empty
    /// Words to add to the answer of whoever is writing now.
    case text(String)
    case next, back, hint, skip, park, status, help, quit, finish, reopen, nextPerson
    case card(String)
    case who(String)
    case rate(String)
    case unvote(String)
    case reveal
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
    public init(line raw: String) {
        var line = raw
        while line.hasSuffix("\r") || line.hasSuffix("\n") { line.removeLast() }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { self = .empty; return }
        if trimmed.hasPrefix("::") { self = .text(String(trimmed.dropFirst())); return }
        guard trimmed.hasPrefix(":") else { self = .text(line.trimmingCharacters(in: .whitespaces)); return }
        let body = trimmed.dropFirst()
        let word = body.prefix { !$0.isWhitespace }
        let argument = body.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        switch word.lowercased() {
        case "next", "n": self = .next
        case "back", "prev", "previous", "b": self = .back
        case "hint": self = .hint
        case "skip": self = .skip
        case "park": self = .park
        case "status": self = .status
        case "help", "h", "?": self = .help
        case "quit", "q", "exit": self = .quit
        case "finish": self = .finish
        case "reopen": self = .reopen
        case "next-person", "nextperson": self = .nextPerson
        case "card", "go": self = .card(argument)
        case "who": self = .who(argument)
        case "rate": self = .rate(argument)
        case "unvote": self = .unvote(argument)
        case "reveal": self = .reveal
        case "action": self = .action(argument)
        case "note": self = .note(argument)
        case "done": self = .carried(.done, argument)
        case "keep": self = .carried(.kept, argument)
        case "drop": self = .carried(.dropped, argument)
        case "actions": self = .actions
        case "edit": self = .editAction(argument)
        case "done-action": self = .setActionDone(true, argument)
        case "reopen-action": self = .setActionDone(false, argument)
        case "remove": self = .removeAction(argument)
        case "private": self = .privateNote(argument)
        case "keep-out": self = .keepOut(true)
        case "keep-in": self = .keepOut(false)
        case "minutes": self = .minutes
        case "confirm": self = .confirmMinutes
        case "room": self = .room(argument)
        case "cleanup", "rydd": self = .cleanup(argument)
        default: self = .unknown(":" + String(word))
        }
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
