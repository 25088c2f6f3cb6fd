import TillitCore

/// The keys of the modes that sit on top of a card or the summary: the action
/// form, "remove the action?", the notes editor and choosing which vote to take
/// back. Each is a table like every other screen's, so its handling and its
/// key bar are read off one declaration.
enum ActionFormKeys {
    private typealias B = TalkBinding

    static let table = TalkKeyTable([
        B([.enter], bar: .init(10) { $0.ui(.keyNextOrSave) }) { ActionFormMoves.enter(&$0) },
        B([.tab, .down], bar: .init(20) { $0.ui(.keyFormField) }) { ActionFormMoves.focus(by: 1, &$0) },
        B([.backTab, .up]) { ActionFormMoves.focus(by: 2, &$0) },
        B([.escape], bar: .init(30) { $0.ui(.keyCancel) }) { ActionFormMoves.cancel(&$0) },
    ], otherKeys: { key, c in ActionFormMoves.type(key, &c); return [] })
}

/// The keys that answer yes to "remove it?" and "delete it?": j (ja) or y (yes), in either case.
enum YesKeys {
    static let keys: [Key] = ["j", "y", "J", "Y"].map { .character($0) }
}

/// "Remove the action?": yes removes it, any other key keeps it.
enum RemovalKeys {
    static let table = TalkKeyTable([
        TalkBinding(YesKeys.keys) { RemovalMoves.remove(&$0) },
    ], otherKeys: { _, c in RemovalMoves.keep(&c); return [] })
}

/// The notes editor: Esc closes it, Tab switches to the leader's private notes
/// in a 1:1, every other key is text, saved as it is typed.
enum NotesKeys {
    private typealias B = TalkBinding

    static let table = TalkKeyTable([
        B([.escape], bar: .init(10) { $0.ui(.keyStopWriting) }) { $0.talk.notesEditor = nil },
        B([], bar: .init(20, "Enter") { $0.ui(.keyNewLine) }) { _ in },
        B([.tab, .backTab], when: { $0.talk.hasPrivateNotes },
          bar: .init(30) { $0.talk.notesArePrivate ? $0.ui(.notes).lowercased() : $0.ui(.keyPrivateNotes) }) {
            NotesMoves.switchNotes(&$0.talk)
        },
        // Without private notes there is nothing to switch to: Tab is not text either.
        B([.tab, .backTab]) { _ in },
    ], otherKeys: { key, c in NotesMoves.type(key, &c); return [] })
}

/// After ⌫ found votes whose order is not known: a digit names the value to
/// take away. Any other key does what it does on the card (`base`), and the
/// question is over either way (`TalkScreen.handle`).
enum VoteRemovalKeys {

    static func table(on base: TalkKeyTable) -> TalkKeyTable {
        TalkKeyTable([
            TalkBinding(Key.digits) { key, c in
                if let digit = key.digit { CardMoves.removeVote(digit: digit, &c) }
                return []
            },
        ] + base.bindings, otherKeys: base.otherKeys)
    }
}
