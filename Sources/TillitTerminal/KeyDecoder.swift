import CNCurses
import TillitUI

/// Turns what ncurses reports into a `Key`.
package enum KeyDecoder {
    package enum Code: Equatable {
        case character(UInt32)
        case function(Int32)
    }

    /// What came in at once behind an ESC, when it is pasted text and not keys:
    /// a paste without bracketed paste that holds an ESC (say, copied from a
    /// terminal) must stay in the field, not leave it and run the rest as
    /// commands. Two or more printable characters already waiting behind the
    /// ESC are such a paste (a person's Esc and a key typed after it are one
    /// character at most, even when they queue up); a control sequence right
    /// after the ESC (`[31m`) is dropped, the rest is the text. Nil: keys.
    package static func pastedText(afterEscape codes: [Code]) -> String? {
        var scalars: [Unicode.Scalar] = []
        for code in codes {
            guard isText(code), case .character(let value) = code, let scalar = Unicode.Scalar(value) else { break }
            scalars.append(scalar)
        }
        guard scalars.count >= 2 else { return nil }
        if scalars.first == "[", let end = scalars.dropFirst().firstIndex(where: { (0x40...0x7E).contains($0.value) }) {
            scalars.removeSubrange(...end)
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return String(text)
    }

    /// A printable character: no control code, no function key.
    static func isText(_ code: Code) -> Bool {
        guard case .character(let value) = code else { return false }
        return value >= 32 && value != 127
    }

    package static func decode(_ code: Code) -> Key? {
        switch code {
        case .character(let value):
            switch value {
            case 9: return .tab
            case 10, 13: return .enter
            case 27: return .escape
            case 8, 127: return .backspace
            case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
            case 0..<32: return nil
            default: return Unicode.Scalar(value).map { .character(Character($0)) }
            }
        case .function(let value):
            switch value {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_DC: return .delete
            case KEY_BACKSPACE: return .backspace
            case KEY_BTAB: return .backTab
            case KEY_ENTER: return .enter
            case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(value - KEY_F0))
            default: return nil
            }
        }
    }
}
