/// The text and cursor of a field being written in. Keys work as in a shell:
/// arrows, Home/End, Backspace/Delete, Ctrl-A/E/K/U/W. Enter is a line break in
/// multi-line fields. Positions count Characters, so æ, ø, å and emoji move as one.
package struct TextEditor: Hashable, Sendable {
    package private(set) var characters: [Character]
    package private(set) var cursor: Int
    package var multiline: Bool

    package init(_ text: String = "", multiline: Bool = true) {
        characters = Array(text)
        cursor = characters.count
        self.multiline = multiline
    }

    package var text: String { String(characters) }

    /// Handles `key`; returns false when the key is not an editing key.
    @discardableResult
    package mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): insert(String(c))
        case .enter:
            guard multiline else { return false }
            insert("\n")
        case .backspace, .control("h"):
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .control("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .control("b"): cursor = max(0, cursor - 1)
        case .right, .control("f"): cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = lineStart(cursor)
        case .end, .control("e"): cursor = lineEnd(cursor)
        case .control("k"): characters.removeSubrange(cursor..<lineEnd(cursor))
        case .control("u"):
            let start = lineStart(cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .control("w"): deleteWordBefore()
        case .up:
            guard multiline else { return false }
            moveVertically(-1)
        case .down:
            guard multiline else { return false }
            moveVertically(1)
        default: return false
        }
        return true
    }

    package mutating func insert(_ text: String) {
        var incoming = Array(text.replacingLineBreaks())
        if !multiline { incoming = incoming.map { $0 == "\n" ? " " : $0 } }
        incoming.removeAll { $0.unicodeScalars.first.map(SafeText.isUnsafe) ?? false }
        // A terminal sends 👨‍👩‍👧 or e + ◌́ one scalar at a time: join what is
        // typed with what stands before the cursor, so that each visible
        // character is one Character for the cursor, Backspace and Delete.
        // Only the Characters either side of the cursor can join, so only they are looked at again.
        let low = max(0, cursor - 1), high = min(characters.count, cursor + 1)
        let before = String(characters[low..<cursor]) + String(incoming)
        let joined = Array(before + String(characters[cursor..<high]))
        characters.replaceSubrange(low..<high, with: joined)
        cursor = low + min(before.count, joined.count)
    }

    package mutating func setText(_ text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    private func lineStart(_ position: Int) -> Int {
        var index = position
        while index > 0 && characters[index - 1] != "\n" { index -= 1 }
        return index
    }

    private func lineEnd(_ position: Int) -> Int {
        var index = position
        while index < characters.count && characters[index] != "\n" { index += 1 }
        return index
    }

    private mutating func deleteWordBefore() {
        var start = cursor
        while start > 0 && characters[start - 1].isWhitespace && characters[start - 1] != "\n" { start -= 1 }
        while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    private mutating func moveVertically(_ direction: Int) {
        let start = lineStart(cursor)
        let column = cursor - start
        if direction < 0 {
            guard start > 0 else { cursor = 0; return }
            let previousStart = lineStart(start - 1)
            cursor = min(previousStart + column, start - 1)
        } else {
            let end = lineEnd(cursor)
            guard end < characters.count else { cursor = characters.count; return }
            let nextStart = end + 1
            cursor = min(nextStart + column, lineEnd(nextStart))
        }
    }
}

extension String {
    /// CRLF and lone CR (from pastes) become LF.
    func replacingLineBreaks() -> String {
        guard contains("\r") || contains("\r\n") else { return self }
        return String(map { $0 == "\r\n" || $0 == "\r" ? "\n" : $0 })
    }
}

import TillitCore
