/// A key press, decoded from the terminal into something the app can match on.
package enum Key: Hashable, Sendable {
    case character(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// Ctrl plus a letter, lower case: `.control("a")`.
    case control(Character)
    case function(Int)

    package static func char(_ c: Character) -> Key { .character(c) }
}
