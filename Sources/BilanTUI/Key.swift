/// A key as the browser understands it, decoded by the terminal backend.
public enum Key: Sendable, Hashable {
    /// A printable character.
    case char(Character)
    /// A control key: `.ctrl("c")` is Ctrl-C.
    case ctrl(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab, delete

    /// The label on a terminal without arrows: words rather than "v" and "^", which read as keys.
    public var asciiLabel: String {
        switch self {
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        default: label
        }
    }

    /// How the help screen and status hints write the key.
    public var label: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "Ctrl-" + String(c).uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .delete: "Del"
        }
    }
}

/// What the terminal backend reports besides keys.
public enum TerminalEvent: Sendable, Hashable {
    case key(Key)
    /// The window changed size (columns, rows).
    case resize(width: Int, height: Int)
    /// The terminal went away or a signal asked us to stop (SIGTERM, SIGHUP).
    case hangup
    /// Something posted to the runtime's inbox (an effect finished): look at it.
    case wake
    /// Nothing happened before the timeout.
    case timeout
}
