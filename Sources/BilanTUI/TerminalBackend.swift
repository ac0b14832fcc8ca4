/// The terminal the browser runs on. BilanTerminal implements it with ncursesw; tests use a fake.
///
/// Every call happens on the main thread. `wake()` alone may be called from any thread: it makes a
/// pending `nextEvent` return `.wake`.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows.
    var size: (width: Int, height: Int) { get }
    /// Whether text must be drawn in ASCII (non-UTF-8 locale or `--ascii`).
    var ascii: Bool { get }
    /// Shows the buffer; only what changed since the last call reaches the terminal.
    func draw(_ buffer: ScreenBuffer)
    /// Forgets what the terminal shows and repaints everything at the next draw (Ctrl-L).
    func invalidate()
    /// Waits for the next event; `timeoutMS` < 0 waits as long as it takes.
    func nextEvent(timeoutMS: Int) -> TerminalEvent
    /// A thread-safe way to interrupt `nextEvent`.
    var waker: @Sendable () -> Void { get }
    /// Suspends the program (Ctrl-Z) when the terminal has job control; returns after it resumes.
    /// Returns false, doing nothing, when there is no job control (e.g. under `bilan serve`).
    func suspend() -> Bool
    /// Restores the terminal. Idempotent.
    func close()
}

/// Runs `bilan fetch` for the newest weeks in the background, for `R`: its report lines and its exit
/// status come back through the callbacks, from any thread.
public protocol BackgroundFetcher: Sendable {
    func start(line: @escaping @Sendable (String) -> Void, ended: @escaping @Sendable (Int32) -> Void) throws
    /// Asks a running fetch to stop (as Ctrl-C would).
    func stop()
}
