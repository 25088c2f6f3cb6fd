import CNCurses
import TillitUI

/// Turns what ncurses reports into a `Key`.
public enum KeyDecoder {
    public enum Code: Equatable {
        case character(UInt32)
        case function(Int32)
    }

    public static func decode(_ code: Code) -> Key? {
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

    /// What an ESC means, given the codes that were already waiting right behind it.
    public enum EscapeReading: Equatable {
        /// The Esc key, then these codes as keys of their own.
        case escapeKey(then: [Code])
        /// An ESC inside pasted text (a terminal without bracketed paste): the
        /// text goes into the field, never as keys.
        case text(String)
    }

    /// Fewer codes than this behind an ESC are keys pressed while tillit was
    /// busy (Esc, then q a moment later); this many or more came in one write
    /// with the ESC: a paste. A person cannot type four keys within the escape delay.
    public static let pasteAfterEscape = 4

    /// ncurses returns an ESC by itself when the bytes after it form no key it
    /// knows. What already waits behind it came with it: a few codes are keys
    /// that queued up, more are a paste. In a paste a control sequence right
    /// after an ESC (`[1;5C`, `[31m`, `OQ`) is dropped; the rest is text.
    public static func escape(followedBy codes: [Code]) -> EscapeReading {
        codes.count < pasteAfterEscape ? .escapeKey(then: codes) : .text(pastedText([.character(27)] + codes))
    }

    /// Pasted codes as text: line breaks and tabs kept; other controls and
    /// keys dropped, and so is each ESC with the control sequence it starts.
    public static func pastedText(_ codes: [Code]) -> String {
        var text = "", segment = String.UnicodeScalarView()
        var segmentFollowsEscape = false
        func endSegment() {
            let part = String(segment)
            text += segmentFollowsEscape ? String(part[controlSequenceEnd(part)...]) : part
            segment = String.UnicodeScalarView()
        }
        for code in codes {
            switch code {
            case .function(let value) where value == KEY_ENTER: segment.append("\n")
            case .function: continue
            case .character(27):
                endSegment()
                segmentFollowsEscape = true
            case .character(let value):
                if value == 13 || value == 10 { segment.append("\n") }
                else if value == 9 { segment.append("\t") }
                else if let scalar = Unicode.Scalar(value), value >= 32, value != 127 { segment.append(scalar) }
            }
        }
        endSegment()
        return text
    }

    /// Where a CSI (`[` parameters, final byte) or SS3 (`O` and one letter) sequence
    /// at the start of `text` ends; the start when there is none.
    static func controlSequenceEnd(_ text: String) -> String.Index {
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return text.startIndex }
        if first == "O", scalars.count >= 2, let letter = scalars.dropFirst().first, ("A"..."Z").contains(letter) {
            return scalars.index(scalars.startIndex, offsetBy: 2)
        }
        guard first == "[" else { return text.startIndex }
        var index = scalars.index(after: scalars.startIndex)
        while index < scalars.endIndex {
            let value = scalars[index].value
            if (0x40...0x7E).contains(value) { return scalars.index(after: index) }   // the final byte
            guard (0x20...0x3F).contains(value) else { return text.startIndex }      // parameters, intermediates
            index = scalars.index(after: index)
        }
        return text.startIndex
    }
}
