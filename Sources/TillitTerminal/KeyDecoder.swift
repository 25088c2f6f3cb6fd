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
}
