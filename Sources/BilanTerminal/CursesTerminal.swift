import BilanTUI
import CNcurses
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The curses backend: shows `ScreenBuffer`s with ncursesw and turns terminal input into events.
///
/// One per process, used from the main thread only (`waker` excepted). It starts in raw mode, so
/// Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys; SIGTERM, SIGHUP, SIGINT and SIGQUIT become `.hangup`;
/// a window size change becomes `.resize`. `close()` (or deinit) gives the terminal back; a crash or
/// a second stop signal before that restores it from the signal handler.
public final class CursesTerminal: TerminalBackend {
    /// Whether text is drawn in ASCII only (`--ascii`, or a locale that is not UTF-8).
    public let ascii: Bool
    /// Wakes a pending `nextEvent` (which returns `.wake`); callable from any thread, even after `close()`.
    public let waker: @Sendable () -> Void

    /// Columns and rows of the terminal, as curses knows them (updated when `.resize` is reported).
    public var size: (width: Int, height: Int) {
        closed ? closedSize : (Int(shim_cols()), Int(shim_lines()))
    }

    /// Whether a terminal is open in this process (curses keeps process-wide state).
    nonisolated(unsafe) private static var isOpen = false

    private let screen: OpaquePointer
    private let pipe: SelfPipe
    private let signals: SignalCatcher
    private let palette: Palette
    private let exitBytes: [UInt8]
    /// The last frame drawn, to redraw only the rows that changed.
    private var previous: ScreenBuffer?
    /// The screen size `previous` was drawn on.
    private var previousScreen = (width: 0, height: 0)
    private var repaintAll = true
    private var cursorShown: Bool?
    /// The size last reported by `.resize` (or at start).
    private var reportedSize: (width: Int, height: Int)
    private var pendingWake = false
    /// Consecutive polls that found standard input readable with no byte to read (end of file).
    private var emptyReads = 0
    private var hungUp = false
    private var closed = false
    private var closedSize = (width: 0, height: 0)
    /// The scalars of the cell being drawn, NUL-terminated, for setcchar.
    private var wide = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)

    /// Starts curses on standard input and output.
    ///
    /// Sets the locale from the environment; draws in ASCII when `asciiRequested` or when the
    /// locale's character set is not UTF-8. An unknown `TERM` (xterm-kitty on a machine without its
    /// terminfo) or none falls back to xterm-256color, then vt100. Colours are used when the
    /// terminal has them and `NO_COLOR` is unset or empty.
    ///
    /// - Throws: `TerminalStartError` when standard input or output is not a terminal, no usable
    ///   terminal description exists, or curses cannot start.
    public init(asciiRequested: Bool, env: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard !Self.isOpen else {
            throw TerminalStartError("the terminal is already in use by this process")
        }
        setlocale(LC_ALL, "")
        let codeset = String(cString: shim_codeset()).uppercased().replacingOccurrences(of: "-", with: "")
        ascii = asciiRequested || codeset != "UTF8"
        guard Self.isTerminal() else {
            throw TerminalStartError("the browser needs a terminal: standard input and output must both be one")
        }
        let term = try Self.terminalName(requested: env["TERM"])
        if term != env["TERM"] { setenv("TERM", term, 1) }

        var shellModes = termios()
        tcgetattr(STDOUT_FILENO, &shellModes)
        guard let pipe = SelfPipe() else {
            throw TerminalStartError("cannot open the terminal's wake-up pipe: \(String(cString: strerror(errno)))")
        }
        self.pipe = pipe
        waker = { [pipe] in pipe.wake() }
        // Before newterm, so that ncurses leaves SIGINT, SIGTERM and SIGWINCH to us.
        signals = SignalCatcher(pipe: pipe, ttyFD: STDOUT_FILENO, shellModes: shellModes)

        use_tioctl(true)  // the window size from the kernel wins over LINES/COLUMNS in the environment
        guard let screen = newterm(term, shim_stdout(), shim_stdin()) else {
            signals.restore()
            throw TerminalStartError("cannot start curses on the terminal \(term)")
        }
        self.screen = screen
        set_term(screen)
        let win = shim_stdscr()
        raw()
        noecho()
        nonl()
        intrflush(win, false)
        keypad(win, true)
        meta(win, true)
        nodelay(win, true)  // poll() does the waiting
        set_escdelay(25)
        idlok(win, true)  // scroll regions / insert-delete line when the reader scrolls
        scrollok(win, false)
        leaveok(win, true)

        palette = Palette(colors: has_colors() && (env["NO_COLOR"] ?? "").isEmpty)
        exitBytes = Self.exitSequence()
        reportedSize = (Int(shim_cols()), Int(shim_lines()))
        signals.arm(exitBytes: exitBytes)
        Self.isOpen = true
        showCursor(false)
    }

    deinit {
        close()
    }

    /// Whether standard input and standard output are both terminals.
    public static func isTerminal() -> Bool {
        isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
    }

    // MARK: Drawing

    /// Shows `buffer`: rewrites the rows that differ from the last frame (all of them after a size
    /// change or `invalidate()`), lets curses send only the changed cells, and places or hides the
    /// cursor as `buffer.cursor` says.
    public func draw(_ buffer: ScreenBuffer) {
        guard !closed else { return }
        let win = shim_stdscr()
        let screenSize = (width: Int(shim_cols()), height: Int(shim_lines()))
        let full =
            repaintAll || previous?.width != buffer.width || previous?.height != buffer.height
            || previousScreen != screenSize
        let rows = min(buffer.height, screenSize.height)
        let columns = min(buffer.width, screenSize.width)
        if full { werase(win) }
        for y in 0..<rows where full || !Self.sameRow(y, buffer, previous) {
            drawRow(y, of: buffer, columns: columns)
        }
        if let cursor = buffer.cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < columns, cursor.y < rows {
            leaveok(win, false)
            showCursor(true)
            wmove(win, Int32(cursor.y), Int32(cursor.x))
        } else {
            leaveok(win, true)
            showCursor(false)
        }
        wnoutrefresh(win)
        doupdate()
        previous = buffer
        previousScreen = screenSize
        repaintAll = false
    }

    /// Makes the next `draw` clear the terminal and repaint every cell (Ctrl-L).
    public func invalidate() {
        guard !closed else { return }
        repaintAll = true
        clearok(shim_curscr(), true)
    }

    private static func sameRow(_ y: Int, _ a: ScreenBuffer, _ b: ScreenBuffer?) -> Bool {
        guard let b else { return false }
        let range = (y * a.width)..<((y + 1) * a.width)
        return a.cells[range] == b.cells[range]
    }

    /// Writes one row cell by cell, each at its own column, so curses and the buffer agree on widths.
    private func drawRow(_ y: Int, of buffer: ScreenBuffer, columns: Int) {
        var covered = false  // the cell before was drawn two columns wide
        for x in 0..<columns {
            let cell = buffer[x, y]
            if cell.width == 0 {
                // The right half of a wide character; blank it if its left half was not drawn wide.
                if !covered { put(" ", style: cell.style, x: x, y: y) }
                covered = false
                continue
            }
            covered = put(cell.character, width: Int(cell.width), style: cell.style, x: x, y: y, room: columns - x) == 2
        }
    }

    /// Puts one character at (x, y); returns how many columns curses gives it.
    ///
    /// ASCII mode transliterates anything else. In UTF-8 mode a cluster goes into one cchar_t (the
    /// first scalar alone when it has more than CCHARW_MAX scalars, a second spacing one such as a
    /// ZWJ sequence or a flag, or curses refuses it); a character curses
    /// would size differently from the buffer (control, unknown to wcwidth, wide where the buffer
    /// has one column) becomes U+FFFD, or a space where a wide character has no room.
    @discardableResult
    private func put(_ character: Character, width: Int = 1, style: Style, x: Int, y: Int, room: Int = 1) -> Int {
        var count = 1
        var columns = 1
        if ascii {
            wide[0] = wchar_t(Self.asciiScalar(character).value)
        } else {
            let scalars = character.unicodeScalars
            let first = scalars.first?.value ?? 0x20
            let control = first < 0x20 || (0x7F..<0xA0).contains(first)
            let w = control ? -1 : Int(wcwidth(wchar_t(bitPattern: first)))
            if w == 2 && width == 2 && room < 2 {
                wide[0] = 0x20
            } else if w < 1 || (w == 2 && width != 2) {
                wide[0] = 0xFFFD
            } else {
                columns = w
                wide[0] = wchar_t(bitPattern: first)
                for s in scalars.dropFirst() {
                    let c = wchar_t(bitPattern: s.value)
                    // Only zero-width marks can join the first scalar in a cell (not the other
                    // halves of a flag or a ZWJ family): otherwise the first scalar alone.
                    guard count < Int(CCHARW_MAX), wcwidth(c) == 0 else {
                        count = 1
                        break
                    }
                    wide[count] = c
                    count += 1
                }
            }
        }
        wide[count] = 0
        let look = palette[style]
        var cc = cchar_t()
        if setcchar(&cc, wide, look.attributes, look.pair, nil) == ERR {
            guard count > 1 else { return 1 }
            wide[1] = 0
            guard setcchar(&cc, wide, look.attributes, look.pair, nil) != ERR else { return 1 }
        }
        // At the bottom-right corner this reports ERR (the cursor cannot advance) but the cell is set.
        mvwadd_wch(shim_stdscr(), Int32(y), Int32(x), &cc)
        return columns
    }

    /// A printable ASCII stand-in for a character.
    private static func asciiScalar(_ character: Character) -> Unicode.Scalar {
        let printable = { (s: Unicode.Scalar) in s.value >= 0x20 && s.value < 0x7F }
        if let s = character.unicodeScalars.first, character.unicodeScalars.count == 1, printable(s) { return s }
        return Ascii.transliterate(character).unicodeScalars.first(where: printable) ?? "?"
    }

    private func showCursor(_ visible: Bool) {
        guard cursorShown != visible else { return }
        cursorShown = visible
        curs_set(visible ? 1 : 0)
    }

    // MARK: Input

    /// Waits for a key, a resize, a wake-up, a stop signal or a hangup; `timeoutMS` < 0 waits forever.
    ///
    /// Main thread only. Blocks in poll() on standard input and the self-pipe, so signals and
    /// `waker` interrupt it at once; keys are read with `get_wch` without blocking. After `.hangup`
    /// every call returns `.hangup`.
    public func nextEvent(timeoutMS: Int) -> TerminalEvent {
        if closed || hungUp { return .hangup }
        let deadline = timeoutMS >= 0 ? Self.nowMS() + timeoutMS : nil
        var readable = false
        while true {
            if signals.stopRequested { return hangup() }
            if signals.takeWindowChange() {
                applyWindowSize()
                if let event = resizeEvent() { return event }
            }
            if pendingWake {
                pendingWake = false
                return .wake
            }
            if let event = readInput(afterPoll: readable) { return event }
            readable = false

            let wait = deadline.map { max(0, $0 - Self.nowMS()) } ?? -1
            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: pipe.readFD, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, Int32(clamping: wait))
            if ready < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return hangup()
            }
            if ready == 0 { return .timeout }
            if fds[1].revents != 0, pipe.drain() { pendingWake = true }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return hangup() }
            if fds[0].revents & Int16(POLLIN) != 0 {
                readable = true
                // Readable with nothing to read is end of file (or a hangup poll did not flag).
                var pending: Int32 = 0
                if ioctl(STDIN_FILENO, UInt(FIONREAD), &pending) == 0, pending == 0 {
                    emptyReads += 1
                    if emptyReads >= 2 { return hangup() }
                } else {
                    emptyReads = 0
                }
            }
        }
    }

    /// Reads keys curses has (buffered, or readable now) until one means something; nil when none.
    ///
    /// `afterPoll` says poll found standard input readable: then a read error is a hangup. (Bytes
    /// the locale cannot decode also give ERR, so ERR alone is not one.)
    private func readInput(afterPoll: Bool) -> TerminalEvent? {
        var expectInput = afterPoll
        while true {
            errno = 0
            var wch: wint_t = 0
            let status = wget_wch(shim_stdscr(), &wch)
            if status == ERR {
                let error = errno
                if expectInput && (error == EIO || error == ENXIO || error == EBADF) { return hangup() }
                return nil
            }
            expectInput = false
            switch KeyDecoding.decode(status: status, code: wch) {
            case .key(let key): return .key(key)
            case .resize: if let event = resizeEvent() { return event }
            case .ignore: break
            }
        }
    }

    /// Tells curses the size the kernel reports, if it changed (curses then queues KEY_RESIZE).
    private func applyWindowSize() {
        var ws = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0, ws.ws_col > 0 else { return }
        let rows = Int32(ws.ws_row)
        let columns = Int32(ws.ws_col)
        if is_term_resized(rows, columns) { resizeterm(rows, columns) }
    }

    /// `.resize` with the current size, unless that size was already reported.
    private func resizeEvent() -> TerminalEvent? {
        let current = (width: Int(shim_cols()), height: Int(shim_lines()))
        guard current != reportedSize else { return nil }
        reportedSize = current
        return .resize(width: current.width, height: current.height)
    }

    private func hangup() -> TerminalEvent {
        hungUp = true
        return .hangup
    }

    private static func nowMS() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return ts.tv_sec * 1000 + ts.tv_nsec / 1_000_000
    }

    // MARK: Suspend and close

    /// Stops the program as Ctrl-Z in a shell would, and repaints when the shell resumes it.
    ///
    /// Returns false, doing nothing, without job control (see below); true after the resume.
    public func suspend() -> Bool {
        // Job control needs a shell above us that put us in a process group of our own: not a session
        // leader (as under `bilan serve`), not in the session leader's group (as under `sh -c`, where
        // the kernel would discard the stop), and SIGTSTP not ignored.
        let session = getsid(0)
        guard !closed, session != getpid(), getpgrp() != session, shim_signal_ignored(SIGTSTP) == 0 else {
            return false
        }
        endwin()
        signals.disarm()
        var previousAction = sigaction()
        shim_default_signal(SIGTSTP, &previousAction)
        var tstp = sigset_t()
        sigemptyset(&tstp)
        sigaddset(&tstp, SIGTSTP)
        pthread_sigmask(SIG_UNBLOCK, &tstp, nil)
        kill(0, SIGTSTP)  // the whole job stops here, as with Ctrl-Z in a shell; SIGCONT resumes it
        sigaction(SIGTSTP, &previousAction, nil)
        signals.arm(exitBytes: exitBytes)
        // The window may have changed size while we were stopped; then repaint everything.
        applyWindowSize()
        invalidate()
        wnoutrefresh(shim_stdscr())
        doupdate()
        return true
    }

    /// Leaves curses (endwin), frees its screen and puts the previous signal handlers back. Idempotent.
    public func close() {
        guard !closed else { return }
        closedSize = size
        closed = true
        signals.disarm()
        if !isendwin() { endwin() }
        delscreen(screen)
        signals.restore()
        Self.isOpen = false
    }

    // MARK: Start-up helpers

    /// The terminal to start: `requested` when terminfo has it, else xterm-256color, else vt100.
    private static func terminalName(requested: String?) throws -> String {
        var candidates = ["xterm-256color", "vt100"]
        if let requested, !requested.isEmpty { candidates.insert(requested, at: 0) }
        for name in candidates {
            switch shim_terminfo_usable(name, STDOUT_FILENO) {
            case 1: return name
            case 0 where name == requested:
                throw TerminalStartError(
                    "the terminal \(name) cannot move the cursor, and the browser needs a full-screen terminal")
            default: continue
            }
        }
        let asked = requested.map { $0.isEmpty ? "" : "\($0), " } ?? ""
        throw TerminalStartError("no terminal description for \(asked)xterm-256color or vt100; install ncurses-base")
    }

    /// What leaves full-screen mode without curses: attributes off, cursor shown, keypad off, main screen.
    private static func exitSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let string = shim_tigetstr(capability) else { continue }
            bytes += withoutPadding(Array(UnsafeBufferPointer(start: string, count: strlen(string))))
        }
        if shim_tigetstr("rmcup") == nil { bytes += [0x0D, 0x0A] }
        return bytes
    }

    /// A terminfo string without its `$<…>` delays, which only tputs understands.
    private static func withoutPadding(_ chars: [CChar]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < chars.count {
            if chars[i] == 0x24, i + 1 < chars.count, chars[i + 1] == 0x3C,
                let end = chars[(i + 2)...].firstIndex(of: 0x3E)
            {
                i = end + 1
                continue
            }
            out.append(UInt8(bitPattern: chars[i]))
            i += 1
        }
        return out
    }
}
