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
        guard let own = executablePath() else { return nil }
        let program = (own as NSString).deletingLastPathComponent + "/bilan-web"
        guard FileManager.default.isExecutableFile(atPath: program) else { return nil }
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
        let reader = LineReader(line)
        out.fileHandleForReading.readabilityHandler = { h in
            let data = h.availableData
            if data.isEmpty {
                h.readabilityHandler = nil
                reader.finish()
            } else {
                reader.feed(data)
            }
        }
        p.terminationHandler = { p in
            // The last lines may still be in the pipe.
            let rest = out.fileHandleForReading.readDataToEndOfFile()
            out.fileHandleForReading.readabilityHandler = nil
            reader.feed(rest)
            reader.finish()
            ended(p.terminationReason == .uncaughtSignal ? 128 + p.terminationStatus : p.terminationStatus)
        }
        try p.run()
        lock.withLock { process = p }
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
