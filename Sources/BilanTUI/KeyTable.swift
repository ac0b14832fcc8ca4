/// Everything a key can ask the browser to do outside a prompt or the picker.
public enum Command: String, Sendable, Hashable, CaseIterable {
    case down, up, pageDown, pageUp, top, bottom
    case open, back, quit
    case search, nextMatch, previousMatch
    case pickFronts, clearFilters
    case showWeeks, showEvents, showTallies, nextView
    case previousWeek, nextWeek, otherLanguage
    case fetch, help, redraw, suspend, interrupt
    // In the search prompt and the front picker.
    case accept, cancel, eraseQuery, eraseCharacter, mark
}

/// Where a binding applies.
public enum Scope: String, Sendable, Hashable, CaseIterable {
    /// Every view.
    case everywhere
    /// The reader.
    case reader
    /// The tallies.
    case tallies
    /// A week's drone figures.
    case figures
    /// The front picker: typing narrows the list.
    case picker
    /// The search prompt: typing edits the query.
    case prompt

    var title: String {
        switch self {
        case .everywhere: "Everywhere"
        case .reader: "Reader"
        case .tallies: "Tallies"
        case .figures: "Drone figures of a week"
        case .picker: "Front picker (f)"
        case .prompt: "Search prompt (/)"
        }
    }
}

/// One line of the key table: keys, what they do, where, and how the help says it.
public struct Binding: Sendable, Hashable {
    public var keys: [Key]
    public var command: Command?
    public var scope: Scope
    public var help: String
}

/// The browser's keys: the one table that drives dispatch, the status-line hints and the `?`
/// screen (tig's request table).
public enum KeyTable {
    public static let bindings: [Binding] = [
        Binding(keys: [.char("j"), .down], command: .down, scope: .everywhere, help: "move down (scroll in the reader)"),
        Binding(keys: [.char("k"), .up], command: .up, scope: .everywhere, help: "move up"),
        Binding(keys: [.char(" "), .pageDown, .ctrl("f")], command: .pageDown, scope: .everywhere, help: "page down"),
        Binding(keys: [.char("b"), .pageUp, .ctrl("b")], command: .pageUp, scope: .everywhere, help: "page up"),
        Binding(keys: [.char("g"), .home], command: .top, scope: .everywhere, help: "go to the top"),
        Binding(keys: [.char("G"), .end], command: .bottom, scope: .everywhere, help: "go to the bottom"),
        Binding(keys: [.enter, .right], command: .open, scope: .everywhere,
                help: "open: the week, the sentence in its week, a week's drone figures"),
        Binding(keys: [.char("q"), .left], command: .back, scope: .everywhere, help: "back (quit from the top)"),
        Binding(keys: [.char("Q")], command: .quit, scope: .everywhere, help: "quit"),
        Binding(keys: [.char("/")], command: .search, scope: .everywhere, help: "search (results update as you type)"),
        Binding(keys: [.char("n")], command: .nextMatch, scope: .reader, help: "next search match"),
        Binding(keys: [.char("N")], command: .previousMatch, scope: .reader, help: "previous search match"),
        Binding(keys: [.char("f")], command: .pickFronts, scope: .everywhere, help: "pick fronts to filter by"),
        Binding(keys: [.char("F")], command: .clearFilters, scope: .everywhere, help: "clear the filters (fronts and search)"),
        Binding(keys: [.char("w")], command: .showWeeks, scope: .everywhere, help: "weeks"),
        Binding(keys: [.char("e")], command: .showEvents, scope: .everywhere, help: "events matching the filters"),
        Binding(keys: [.char("t")], command: .showTallies, scope: .everywhere, help: "drone tallies"),
        Binding(keys: [.tab], command: .nextView, scope: .everywhere, help: "next view (weeks, events, tallies)"),
        Binding(keys: [.char("[")], command: .previousWeek, scope: .reader, help: "previous (older) week"),
        Binding(keys: [.char("]")], command: .nextWeek, scope: .reader, help: "next (newer) week"),
        Binding(keys: [.char("L")], command: .otherLanguage, scope: .reader, help: "the same week in its other language"),
        Binding(keys: [.char("L")], command: .otherLanguage, scope: .tallies, help: "tallies in the other language"),
        Binding(keys: [.char("[")], command: .previousWeek, scope: .figures, help: "the previous (older) week's figures"),
        Binding(keys: [.char("]")], command: .nextWeek, scope: .figures, help: "the next (newer) week's figures"),
        Binding(keys: [.char("L")], command: .otherLanguage, scope: .figures, help: "the same week's figures in its other language"),
        Binding(keys: [.char("R")], command: .fetch, scope: .everywhere,
                help: "fetch the newest weeks (needs a writable database)"),
        Binding(keys: [.char("?")], command: .help, scope: .everywhere, help: "this help"),
        Binding(keys: [.ctrl("l")], command: .redraw, scope: .everywhere, help: "redraw the screen"),
        Binding(keys: [.ctrl("z")], command: .suspend, scope: .everywhere, help: "suspend (where the shell has job control)"),
        Binding(keys: [.ctrl("c")], command: .interrupt, scope: .everywhere, help: "quit (in a prompt: cancel it)"),
        Binding(keys: [.char("x")], command: nil, scope: .prompt, help: "type to search: words, \"a phrase\", -exclude, OR"),
        Binding(keys: [.enter], command: .accept, scope: .prompt, help: "keep the search as a filter"),
        Binding(keys: [.escape, .ctrl("c")], command: .cancel, scope: .prompt, help: "cancel the search"),
        Binding(keys: [.backspace], command: .eraseCharacter, scope: .prompt, help: "erase a character"),
        Binding(keys: [.ctrl("u")], command: .eraseQuery, scope: .prompt, help: "erase the query"),
        Binding(keys: [.char("x")], command: nil, scope: .picker, help: "type any spelling to narrow (kours, tchassiv)"),
        Binding(keys: [.up, .ctrl("p")], command: .up, scope: .picker, help: "move up"),
        Binding(keys: [.down, .ctrl("n")], command: .down, scope: .picker, help: "move down"),
        Binding(keys: [.pageUp], command: .pageUp, scope: .picker, help: "page up"),
        Binding(keys: [.pageDown], command: .pageDown, scope: .picker, help: "page down"),
        Binding(keys: [.tab], command: .mark, scope: .picker, help: "mark or unmark a place (to combine several)"),
        Binding(keys: [.enter], command: .accept, scope: .picker,
                help: "filter by the marked places, or add the one under the cursor"),
        Binding(keys: [.backspace], command: .eraseCharacter, scope: .picker, help: "erase a character"),
        Binding(keys: [.ctrl("u")], command: .eraseQuery, scope: .picker, help: "erase what you typed"),
        Binding(keys: [.escape, .ctrl("c")], command: .cancel, scope: .picker, help: "close without changing the filter"),
    ]

    /// The command a key asks for in the prompt or the picker; nil means the key is typed text.
    public static func command(for key: Key, in scope: Scope) -> Command? {
        bindings.first(where: { $0.scope == scope && $0.keys.contains(key) })?.command
    }

    /// The command a key asks for in a view (reader and tallies bindings first, then everywhere).
    public static func command(for key: Key, in view: ViewKind) -> Command? {
        let scope: Scope? = view == .reader ? .reader : view == .tallies ? .tallies : view == .figures ? .figures : nil
        if let scope, let b = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) { return b.command }
        return bindings.first(where: { $0.scope == .everywhere && $0.keys.contains(key) })?.command
    }

    /// The first key bound to a command, as help and hints write it.
    public static func label(of command: Command) -> String {
        bindings.first(where: { $0.command == command })?.keys.first?.label ?? ""
    }

    /// How a binding's keys read in the help ("j ↓", "Esc Ctrl-C"); typing bindings read "type".
    static func keysLabel(_ b: Binding, ascii: Bool = false) -> String {
        if b.command == nil, b.keys == [.char("x")] { return ascii ? "a-z..." : "a–z…" }
        return b.keys.map { ascii ? $0.asciiLabel : $0.label }.joined(separator: " ")
    }
}
