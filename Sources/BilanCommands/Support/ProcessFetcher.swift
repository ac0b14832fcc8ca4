import BilanTUI
import Foundation

/// `R` in the browser: `bilan-web fetch --latest` on the browser's database, in the background, its
/// report read line by line. The child has no terminal: its input is /dev/null and its output a pipe.
final class ProcessFetcher: BackgroundFetcher, @unchecked Sendable {
    let program: String
    let database: String
    private let lock = NSLock()
    private var process: Process?

    init?(database: String) {
        guard let program = Sibling.path("bilan-web") else { return nil }
        self.program = program
        self.database = database
    }

    func start(line: @escaping @Sendable (String) -> Void, ended: @escaping @Sendable (Int32) -> Void) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = ["fetch", "--latest", "--db", database]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        lock.withLock { process = p }
        // One thread reads the report to its end, then waits for the exit: every line is delivered
        // before `ended`, in order.
        let output = out.fileHandleForReading
        Thread.detachNewThread {
            let reader = LineReader(line)
            while true {
                let data = output.availableData
                if data.isEmpty { break }
                reader.feed(data)
            }
            reader.finish()
            p.waitUntilExit()
            ended(p.terminationReason == .uncaughtSignal ? 128 + p.terminationStatus : p.terminationStatus)
        }
    }

    func stop() {
        lock.withLock {
            guard let p = process, p.isRunning else { return }
            p.interrupt()
        }
    }

    /// Splits the child's output into lines.
    final class LineReader: @unchecked Sendable {
        private let lock = NSLock()
        private var pending = Data()
        private let line: @Sendable (String) -> Void
        init(_ line: @escaping @Sendable (String) -> Void) { self.line = line }

        func feed(_ data: Data) {
            let lines: [String] = lock.withLock {
                pending.append(data)
                var out: [String] = []
                while let nl = pending.firstIndex(of: 10) {
                    out.append(String(decoding: pending[pending.startIndex..<nl], as: UTF8.self))
                    pending = Data(pending[(nl + 1)...])
                }
                return out
            }
            lines.forEach(line)
        }

        func finish() {
            let last: String? = lock.withLock {
                defer { pending = Data() }
                return pending.isEmpty ? nil : String(decoding: pending, as: UTF8.self)
            }
            if let last { line(last) }
        }
    }
}
