import BilanCore
import Foundation

/// Paths and helpers shared by the test targets.
public enum TestSupport {
    /// The repository root (tests read `seeds/` and fixtures from the checkout).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The real sample, read from `seeds/` (never edited).
    public static var sampleText: String {
        let dir = root.appendingPathComponent("seeds")
        let name = (try? FileManager.default.contentsOfDirectory(atPath: dir.path))?.filter { $0.hasSuffix(".txt") }.sorted().first ?? ""
        return (try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    /// A fixture under `Tests/Fixtures`.
    public static func fixture(_ name: String) -> URL {
        root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name)
    }

    public static func fixtureText(_ name: String) -> String {
        (try? String(contentsOf: fixture(name), encoding: .utf8)) ?? ""
    }

    /// The parser with the real gazetteer, built once for all tests.
    public static let parser = SummaryParser()

    /// Compares `actual` with the golden file `Tests/Fixtures/golden/<name>`; with RECORD_GOLDEN=1 in
    /// the environment, writes it instead (re-record on purpose only). Returns whether they agree.
    public static func matchesGolden(_ actual: String, _ name: String) -> Bool {
        let url = root.appendingPathComponent("Tests/Fixtures/golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? (actual + "\n").write(to: url, atomically: true, encoding: .utf8)
            return true
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else { return false }
        return expected == actual + "\n"
    }

    /// A fresh temporary folder.
    public static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bilan-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A built program of this package: beside the test bundle, else in `.build/debug`.
    public static func program(_ name: String) -> String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside.path }
        return root.appendingPathComponent(".build/debug/" + name).path
    }

    /// How a program run ended, and what it printed.
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// Runs `program` with `args` and the test's environment plus `environment`, stdin empty;
    /// `interruptAfter` sends SIGINT (Ctrl-C) once stdout holds that many lines.
    public static func run(
        _ program: String, _ args: [String], environment: [String: String] = [:], cwd: URL? = nil, interruptAfter lines: Int? = nil
    ) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // stderr is read on another thread so that neither pipe can fill up and stall the child.
        let errData = ErrorData()
        let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        var o = Data()
        if let lines {
            while o.filter({ $0 == 10 }).count < lines {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                o += chunk
            }
            p.interrupt()
        }
        o += out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let e = errData.wait()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    final class ErrorData: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()
        func set(_ d: Data) {
            data = d
            done.signal()
        }
        func wait() -> Data {
            done.wait()
            return data
        }
    }
}
