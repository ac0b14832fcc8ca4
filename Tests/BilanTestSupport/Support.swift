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
}
