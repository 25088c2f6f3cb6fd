import Foundation
import TillitCore

/// The form for a new talk.
package struct SetupState: Hashable, Sendable {
    package enum Field: Hashable, Sendable {
        case kind, deck(String), title, leader, employee, facilitator, members, shuffle, timer, anonymous, votesFromPhones,
             people, ratingsTogether, privateNotesExpiry, prepare, start
    }

    /// Minutes per card; 1 and 2 for a quick round of many cards.
    package static let timerChoices = [0, 1, 2, 3, 5, 8, 10, 15]
    /// Days after which the leader's private notes delete themselves; 0: never.
    package static let privateNotesChoices = [0, 7, 30, 90, 365]

    package var kind: TalkKind
    package var deckIDs: [String]
    package var selectedDecks: Set<String>
    package var title = TextEditor("", multiline: false)
    package var leader = TextEditor("", multiline: false)
    package var employee = TextEditor("", multiline: false)
    package var facilitator = TextEditor("", multiline: false)
    package var members = TextEditor("", multiline: false)
    package var shuffle = false
    package var timerMinutes = 0
    package var anonymous = true
    /// Team talks only: the voting room opens with the first card, as with `tillit start --room`.
    /// Off unless ticked: it is the one thing that opens a network port.
    package var votesFromPhones = false
    /// Team talks only: how many take part (← →), for the shared screen's "5 of 7 voted"; 0: not given.
    package var people = 0
    /// 1:1 only: a rating is not shown until both have rated (`RatingsRule.together`).
    package var ratingsTogether = true
    /// 1:1 only: the days chosen on the form after which private notes delete themselves; nil: as the settings say.
    package var privateNotesDays: Int?
    package var focus: Field = .leader
    package var error: String?
    /// Names that Start asked about (like an earlier one) and that were kept as typed: a new person or team.
    package var keptAsTyped: Set<String> = []
    /// Esc asked whether to throw away what the form holds; Esc again does.
    package var askedToDiscard = false

    /// Whether anything is typed in the form's text fields, which leaving would lose.
    package var hasTypedText: Bool {
        [title, leader, employee, facilitator, members].contains { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    package init(kind: TalkKind, decks: [Deck]) {
        self.kind = kind
        deckIDs = decks.map(\.id)
        selectedDecks = []
        selectDefaultDeck(from: decks)
        focus = kind == .oneOnOne ? .leader : .title
    }

    /// A 1:1 starts on the first 1:1 deck, a team meeting on the first team deck.
    package mutating func selectDefaultDeck(from decks: [Deck]) {
        let audience: Audience = kind == .oneOnOne ? .oneOnOne : .team
        let fitting = decks.filter { $0.audience.contains(audience) }
        if let first = fitting.first ?? decks.first { selectedDecks = [first.id] }
    }

    package var fields: [Field] {
        var fields: [Field] = [.kind]
        fields += kind == .oneOnOne ? [.leader, .employee] : [.title, .facilitator, .members]
        fields += deckIDs.map(Field.deck)
        if kind == .oneOnOne { fields.append(.title) }
        fields += [.shuffle, .timer]
        // A 1:1 can write the employee a sheet to prepare with (`tillit prepare`) before it starts.
        fields += kind == .team ? [.anonymous, .votesFromPhones, .people] : [.ratingsTogether, .privateNotesExpiry, .prepare]
        fields.append(.start)
        return fields
    }

    /// The single-line editor behind a text field, if `field` is one.
    package func editor(for field: Field) -> TextEditor? {
        switch field {
        case .title: return title
        case .leader: return leader
        case .employee: return employee
        case .facilitator: return facilitator
        case .members: return members
        default: return nil
        }
    }

    package mutating func setEditor(_ editor: TextEditor, for field: Field) {
        switch field {
        case .title: title = editor
        case .leader: leader = editor
        case .employee: employee = editor
        case .facilitator: facilitator = editor
        case .members: members = editor
        default: break
        }
    }

    package var memberNames: [String] {
        members.text.split(whereSeparator: { $0 == "," || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The talk this form describes. Names left empty get their role as name.
    package func talkSetup(language: Language) -> TalkSetup {
        let t = Localizer(language)
        var participants: [Participant] = []
        func add(_ name: String, _ role: Role, fallback: String) {
            let trimmed = SafeText.line(name).trimmingCharacters(in: .whitespaces)
            participants.append(Participant(id: "p\(participants.count + 1)", name: trimmed.isEmpty ? fallback : trimmed, role: role))
        }
        switch kind {
        case .oneOnOne:
            add(leader.text, .leader, fallback: t(.roleLeader))
            add(employee.text, .employee, fallback: t(.roleEmployee))
        case .team:
            add(facilitator.text, .facilitator, fallback: t(.theTeam))
            for name in memberNames { add(name, .member, fallback: t(.roleMember)) }
        }
        return TalkSetup(kind: kind, title: SafeText.line(title.text), language: language, participants: participants,
                         deckIDs: deckIDs.filter(selectedDecks.contains), shuffle: shuffle,
                         anonymous: kind == .team && anonymous,
                         timerSeconds: timerMinutes > 0 ? timerMinutes * 60 : nil,
                         votesFromPhones: kind == .team && votesFromPhones,
                         ratingsTogether: kind == .team || ratingsTogether,
                         people: kind == .team && people > 0 ? people : nil)
    }
}
