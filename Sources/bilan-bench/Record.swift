import Foundation

/// The figures behind `scripts/bench`'s one table. When `BILAN_BENCH_TSV` names a file, every
/// benchmark appends what it measured there, one tab-separated line per figure:
///
///     group  measure  summaries  median  p10  p90  n  unit  note
///
/// `scripts/bench_table.py` turns the lines into the table (a column per corpus size). A ratio is
/// recorded as its own line, computed from medians measured in the same run.
enum Record {
    static let path = ProcessInfo.processInfo.environment["BILAN_BENCH_TSV"]

    /// Samples in seconds are recorded in milliseconds; other units as they are.
    static func add(_ group: String, _ measure: String, size: Int, samples: [Double], unit: String, note: String = "") {
        guard !samples.isEmpty else { return }
        let scale = unit == "ms" ? 1000.0 : 1.0
        let v = samples.map { $0 * scale }
        line([
            group, measure, "\(size)", fmt(percentile(v, 0.5)), fmt(percentile(v, 0.1)), fmt(percentile(v, 0.9)),
            "\(v.count)", unit, note,
        ])
    }

    /// One figure without spread (a throughput, a size, a ratio).
    static func value(_ group: String, _ measure: String, size: Int, _ v: Double, unit: String, note: String = "") {
        line([group, measure, "\(size)", fmt(v), "", "", "1", unit, note])
    }

    private static func fmt(_ v: Double) -> String { v.isFinite ? String(format: "%.4g", v) : "" }

    private static func line(_ cells: [String]) {
        guard let path else { return }
        let text = cells.map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t") + "\n"
        if let h = FileHandle(forWritingAtPath: path) {
            h.seekToEndOfFile()
            h.write(Data(text.utf8))
            h.closeFile()
        } else {
            FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        }
    }
}
