import Foundation

/// Builds a `SummaryParser` on another thread, so that loading the gazetteer and building the place
/// matcher (a few hundred milliseconds) overlaps with opening the database and reading the first files.
public final class ParserPreload: @unchecked Sendable {
    private var built: SummaryParser?
    private let ready = DispatchSemaphore(value: 0)
    private let lock = NSLock()

    public init() {
        let thread = Thread { [self] in
            let p = SummaryParser()
            lock.lock()
            built = p
            lock.unlock()
            ready.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The parser; waits for it the first time.
    public var parser: SummaryParser {
        lock.lock()
        if let built {
            lock.unlock()
            return built
        }
        lock.unlock()
        ready.wait()
        ready.signal()  // later callers do not wait
        lock.lock()
        defer { lock.unlock() }
        return built!
    }
}
