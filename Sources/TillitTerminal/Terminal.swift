import CNCurses
import Foundation
import TillitCore
import TillitUI

package enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case unknownTerminal(String)
    case dumbTerminal

    /// The reason in English, from the same string table as `message`.
    package var description: String { message(Localizer(.en)) }

    /// The reason in the user's language.
    package func message(_ t: Localizer) -> String {
        switch self {
        case .notATerminal: return t(.terminalNeeded)
        case .unknownTerminal(let name): return t(.terminalUnknown, SafeText.line(name))
        case .dumbTerminal: return t(.terminalDumb)
        }
    }
}

/// The only code that talks to ncurses: starts and restores the terminal,
/// reads keys, and copies a `Grid` to the screen.
package final class Terminal {
    private var screen: OpaquePointer?
    private var previous: Grid?
    private let colorEnabled: Bool
    private var hasColors = false
    /// Without colours, `.paper` (a QR code: ink blocks on paper) takes the terminal's
    /// own text colour as its ink: right on a dark-on-light terminal, inverted on a
    /// light-on-dark one, which is then drawn in reverse video.
    private var reversesPaper = false
    package private(set) var isOpen = false

    /// Key codes we ask ncurses to report for the bracketed-paste markers.
    private static let pasteStart: Int32 = KEY_MAX + 1
    private static let pasteEnd: Int32 = KEY_MAX + 2

    /// Whether this process can draw screens at all; checked before a talk is
    /// created, so a failed start leaves nothing behind.
    package static func checkUsable(environment: [String: String]) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { throw TerminalError.dumbTerminal }
        guard tillit_terminfo_exists(term) == 1 else { throw TerminalError.unknownTerminal(term) }
    }

    package init(colorEnabled: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try Self.checkUsable(environment: environment)
        let term = environment["TERM"] ?? ""
        self.colorEnabled = colorEnabled
        Self.useUTF8Locale()
        // newterm, unlike initscr, returns NULL for an unknown TERM instead of exiting.
        guard let screen = tillit_newterm() else { throw TerminalError.unknownTerminal(term) }
        self.screen = screen
        set_term(screen)
        isOpen = true
        TerminalRestorer.install()
        raw()
        noecho()
        nonl()
        keypad(tillit_stdscr(), true)
        set_escdelay(25)
        timeout(250)
        curs_set(0)
        if colorEnabled && has_colors() {
            start_color()
            use_default_colors()
            hasColors = true
            let palette: [(Style.Color, Int16)] = [
                (.accent, Int16(COLOR_CYAN)), (.muted, -1), (.good, Int16(COLOR_GREEN)),
                (.warning, Int16(COLOR_YELLOW)), (.danger, Int16(COLOR_RED)), (.title, Int16(COLOR_BLUE)),
            ]
            for (color, foreground) in palette { init_pair(Int16(color.rawValue) + 1, foreground, -1) }
            // The colour cube's black and white (16, 231) where there is one: no theme redefines them.
            let colors = tillit_colors()
            let (ink, paper): (Int16, Int16) = colors >= 256 ? (16, 231) : colors >= 16 ? (0, 15) : (Int16(COLOR_BLACK), Int16(COLOR_WHITE))
            init_pair(Int16(Style.Color.paper.rawValue) + 1, ink, paper)
        }
        reversesPaper = !hasColors && !Self.hasLightBackground(environment)
        define_key("\u{1B}[200~", Self.pasteStart)
        define_key("\u{1B}[201~", Self.pasteEnd)
        Self.write("\u{1B}[?2004h")
    }

    deinit { close() }

    /// ncurses needs a UTF-8 character type to draw æ, ø and å. When the
    /// user's locale is not installed (common for nb_NO on servers), the
    /// C.UTF-8 locale gives the same characters.
    private static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().filter({ $0 != "-" }) != "UTF8" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "C.utf8") }
        }
    }

    /// Gives the terminal back as it was. Safe to call more than once.
    package func close() {
        guard isOpen else { return }
        isOpen = false
        Self.write("\u{1B}[?2004l")
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
    }

    private static func write(_ sequence: String) {
        tillit_write_out(sequence)
    }

    package var size: Size { Size(width: Int(tillit_cols()), height: Int(tillit_lines())) }

    /// A terminal that says its background is light: `COLORFGBG` ("15;0", "0;default;15"),
    /// set by rxvt, Konsole and others, names the background's colour last; 7 and 9–15 are
    /// the light ones. Unknown counts as dark, the usual terminal.
    package static func hasLightBackground(_ environment: [String: String]) -> Bool {
        guard let value = environment["COLORFGBG"], let last = value.split(separator: ";").last,
              let background = Int(last) else { return false }
        return background == 7 || (9...15).contains(background)
    }

    // MARK: Input

    package enum Input {
        case key(Key)
        case paste(String)
        case resize(Size)
        case timeout
    }

    /// Waits up to the tick for one key; a paste arrives whole.
    package func read() -> Input {
        guard let code = nextCode() else { return .timeout }
        if code == .character(27), let text = textPastedAfterEscape() { return .paste(text) }
        switch code {
        case .function(let value) where value == Self.pasteStart: return .paste(readPaste())
        case .function(let value) where value == KEY_RESIZE: return .resize(size)
        default: return KeyDecoder.decode(code).map(Input.key) ?? .timeout
        }
    }

    /// Codes read ahead behind an ESC that were not part of a paste: read next.
    private var pending: [KeyDecoder.Code] = []

    /// The printable text already waiting behind an ESC, when it is a paste
    /// (`KeyDecoder.pastedText(afterEscape:)`); otherwise nil, and every code
    /// looked at is read again as it came.
    private func textPastedAfterEscape() -> String? {
        guard pending.isEmpty else { return nil }
        timeout(0)
        defer { timeout(250) }
        var waiting: [KeyDecoder.Code] = []
        while let code = nextCode() {
            waiting.append(code)
            guard KeyDecoder.isText(code) else { break }
        }
        guard let text = KeyDecoder.pastedText(afterEscape: waiting) else {
            pending = waiting
            return nil
        }
        // The code that ended the text (a line break, a key) is read next.
        if let last = waiting.last, !KeyDecoder.isText(last) { pending = [last] }
        return text
    }

    private func nextCode() -> KeyDecoder.Code? {
        if !pending.isEmpty { return pending.removeFirst() }
        var value: UInt32 = 0
        let result = tillit_get_wch(&value)
        if result == ERR { return nil }
        return result == tillit_key_code_yes() ? .function(Int32(value)) : .character(value)
    }

    private func readPaste() -> String {
        var scalars = String.UnicodeScalarView()
        timeout(1000)
        defer { timeout(250) }
        while let code = nextCode() {
            switch code {
            case .function(let value) where value == Self.pasteEnd: return String(scalars)
            case .function(let value) where value == KEY_ENTER: scalars.append("\n")
            case .function: continue
            case .character(let value):
                if value == 13 || value == 10 { scalars.append("\n") }
                else if value == 9 { scalars.append("\t") }
                else if let scalar = Unicode.Scalar(value), value >= 32, value != 127 { scalars.append(scalar) }
            }
        }
        return String(scalars)
    }

    /// Sets how long `read` waits, in milliseconds.
    package func setTick(milliseconds: Int32) { timeout(milliseconds) }

    // MARK: Output

    /// Copies `grid` to the screen, rewriting only the rows that changed.
    package func draw(_ grid: Grid) {
        let sizeChanged = previous?.size != grid.size
        if sizeChanged { erase() }
        var buffer: [wchar_t] = []
        buffer.reserveCapacity(grid.width * 2)
        for y in 0..<grid.height {
            if !sizeChanged, let previous, previous.rowEquals(grid, y) { continue }
            var x = 0
            while x < grid.width {
                // The right half of a wide character was drawn with its left half.
                if grid[x, y].text.isEmpty { x += 1; continue }
                let style = grid[x, y].style
                let start = x
                buffer.removeAll(keepingCapacity: true)
                var simple = true
                while x < grid.width, grid[x, y].style == style {
                    let cell = grid[x, y]
                    let utf8 = cell.text.utf8
                    if utf8.count == 1, let byte = utf8.first, byte < 0x80 {
                        buffer.append(wchar_t(byte))
                    } else if !utf8.isEmpty {
                        for scalar in cell.text.unicodeScalars { buffer.append(wchar_t(bitPattern: scalar.value)) }
                        simple = false
                    }
                    x += 1
                    // Non-ASCII text is placed cell by cell, so a width the
                    // terminal judges differently cannot shift the rest of the row.
                    if !simple { break }
                }
                let (attributes, pair) = attributes(for: style)
                _ = tillit_put(Int32(y), Int32(start), buffer, Int32(buffer.count), attributes, pair)
            }
        }
        if let cursor = grid.cursor {
            curs_set(1)
            move(Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        refresh()
        previous = grid
    }

    /// Rings the terminal's bell (or flashes the screen where it has none).
    package func bell() { beep() }

    /// Forgets what is on screen so the next draw repaints everything.
    package func invalidate() {
        previous = nil
        clearok(tillit_stdscr(), true)
    }

    private func attributes(for style: Style) -> (attr_t, Int16) {
        var attributes = tillit_a_normal()
        if style.bold { attributes |= tillit_a_bold() }
        if style.reverse != (style.color == .paper && reversesPaper) { attributes |= tillit_a_reverse() }
        if style.underline { attributes |= tillit_a_underline() }
        if style.dim && !hasColors { attributes |= tillit_a_dim() }
        var pair: Int16 = 0
        if hasColors, let color = style.color {
            if color == .muted { attributes |= tillit_a_dim() } else { pair = Int16(color.rawValue) + 1 }
        }
        return (attributes, pair)
    }
}
