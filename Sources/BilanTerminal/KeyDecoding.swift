import BilanTUI
import CNcurses

/// What one `get_wch` result means to the browser.
enum DecodedInput: Equatable {
    case key(Key)
    /// ncurses saw the window change size (KEY_RESIZE).
    case resize
    /// Nothing the browser uses: an unmapped function key, a C1 control, an invalid code point.
    case ignore
}

/// Turns what `get_wch` returns into `Key`s.
enum KeyDecoding {
    /// Decodes a `get_wch` result: `status` is KEY_CODE_YES for a function key, OK for a character.
    static func decode(status: Int32, code: UInt32) -> DecodedInput {
        status == KEY_CODE_YES ? functionKey(Int32(bitPattern: code)) : character(code)
    }

    /// A function key (`get_wch` returned KEY_CODE_YES); keypad corners count as Home/End/PgUp/PgDn.
    static func functionKey(_ code: Int32) -> DecodedInput {
        switch code {
        case KEY_UP: .key(.up)
        case KEY_DOWN: .key(.down)
        case KEY_LEFT: .key(.left)
        case KEY_RIGHT: .key(.right)
        case KEY_NPAGE, KEY_C3: .key(.pageDown)
        case KEY_PPAGE, KEY_A3: .key(.pageUp)
        case KEY_HOME, KEY_A1, KEY_FIND: .key(.home)
        case KEY_END, KEY_C1, KEY_SELECT, KEY_LL: .key(.end)
        case KEY_BTAB: .key(.backTab)
        case KEY_DC: .key(.delete)
        case KEY_BACKSPACE: .key(.backspace)
        case KEY_ENTER: .key(.enter)
        case KEY_RESIZE: .resize
        default: .ignore
        }
    }

    /// A character (`get_wch` returned OK): control codes become named keys or `.ctrl(letter)`.
    static func character(_ code: UInt32) -> DecodedInput {
        switch code {
        case 0x7F, 0x08: return .key(.backspace)
        case 0x0D, 0x0A: return .key(.enter)
        case 0x09: return .key(.tab)
        case 0x1B: return .key(.escape)
        case 0x01...0x1A:  // Ctrl-A … Ctrl-Z
            return .key(.ctrl(Character(Unicode.Scalar(UInt8(code + 0x60)))))
        case 0x00, 0x1C...0x1F:  // Ctrl-@, Ctrl-\, Ctrl-], Ctrl-^, Ctrl-_
            return .key(.ctrl(Character(Unicode.Scalar(UInt8(code + 0x40)))))
        case 0x80...0x9F:
            return .ignore
        default:
            guard let scalar = Unicode.Scalar(code) else { return .ignore }
            return .key(.char(Character(scalar)))
        }
    }
}
