import BilanCore
import BilanStore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// bilan-bench: generates the synthetic corpus, then measures import throughput, whole-process
/// search and `weeks --json` against the budgets of issue #2, and ripgrep over the same files.
///
///     swift build -c release && .build/release/bilan-bench [--weeks 10000] [--runs 21] [--dir .build/bench]
///     .build/release/bilan-bench generate DIR COUNT     (only writes the corpus)

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Runs a program with stdout and stderr to /dev/null; returns (seconds, exit status).
func timed(_ argv: [String], env: [String: String] = [:]) -> (Double, Int32) {
    var fa = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&fa)
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&fa) }
    var environment = ProcessInfo.processInfo.environment
    for (k, v) in env { environment[k] = v }
    let cargs = argv.map { strdup($0) } + [nil]
    let cenv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        cargs.forEach { free($0) }
        cenv.forEach { free($0) }
    }
    var pid: pid_t = 0
    let start = now()
    guard posix_spawnp(&pid, argv[0], &fa, nil, cargs, cenv) == 0 else { return (0, -1) }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return (now() - start, (status >> 8) & 0xff)
}

func which(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        let p = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
}

func percentile(_ xs: [Double], _ p: Double) -> Double {
    let s = xs.sorted()
    guard !s.isEmpty else { return .nan }
    return s[min(s.count - 1, Int((Double(s.count - 1) * p).rounded()))]
}

func ms(_ x: Double) -> String { String(format: "%.1f ms", x * 1000) }

let args = Array(CommandLine.arguments.dropFirst())
if args.first == "browser" { exit(BrowserBench.main(Array(args.dropFirst()))) }
if args.first == "ssh" { exit(SSHBench.main(Array(args.dropFirst()))) }
if args.first == "compare" { exit(CompareBench.main(Array(args.dropFirst()))) }
if args.first == "floor" { exit(FloorBench.main(Array(args.dropFirst()))) }
if args.first == "generate" {
    guard args.count == 3, let n = Int(args[2]) else {
        FileHandle.standardError.write(Data("usage: bilan-bench generate DIR COUNT\n".utf8))
        exit(2)
    }
    let bytes = try SyntheticCorpus.write(count: n, to: args[1])
    print("wrote \(n) summaries, \(bytes) bytes, to \(args[1])")
    exit(0)
}
if args.first == "parse" {
    // In-process parsing only (no database): where import time goes.
    guard args.count == 2 else {
        FileHandle.standardError.write(Data("usage: bilan-bench parse DIR\n".utf8))
        exit(2)
    }
    var t = now()
    let parser = SummaryParser()
    print(String(format: "parser (gazetteer + matcher) built in %.0f ms", (now() - t) * 1000))
    let names = try FileManager.default.contentsOfDirectory(atPath: args[1]).filter { $0.hasSuffix(".txt") }.sorted()
    let texts = names.map { try! String(contentsOfFile: "\(args[1])/\($0)", encoding: .utf8) }
    let bytes = texts.reduce(0) { $0 + $1.utf8.count }
    t = now()
    var events = 0
    for text in texts { events += try parser.parse(text).events.count }
    let secs = now() - t
    print(String(format: "parsed %d files, %d events, %.1f MB in %.2f s: %.1f MB/s, %.0f µs per file", texts.count, events, Double(bytes) / 1e6, secs, Double(bytes) / 1e6 / secs, secs / Double(texts.count) * 1e6))
    exit(0)
}
if args.first == "store" {
    // In-process storing only: every file parsed first, then stored in batches of 256 as `import` does.
    guard args.count == 3 else {
        FileHandle.standardError.write(Data("usage: bilan-bench store DIR DB\n".utf8))
        exit(2)
    }
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: args[2] + suffix) }
    var t = now()
    let store = try Store(path: args[2])
    print(String(format: "database created (schema and place tables) in %.0f ms", (now() - t) * 1000))
    let parser = SummaryParser()
    let names = try FileManager.default.contentsOfDirectory(atPath: args[1]).filter { $0.hasSuffix(".txt") }.sorted()
    let texts = names.map { try! String(contentsOfFile: "\(args[1])/\($0)", encoding: .utf8) }
    let bytes = texts.reduce(0) { $0 + $1.utf8.count }
    t = now()
    let weeks = zip(names, texts).map { (week: try! parser.parse($0.1, source: $0.0), hash: ContentHash.of($0.1), source: $0.0) }
    let parsing = now() - t
    print(String(format: "parsed %d weeks on one thread in %.2f s: %.1f MB/s, %.0f µs per week", weeks.count, parsing, Double(bytes) / 1e6 / parsing, parsing / Double(weeks.count) * 1e6))
    t = now()
    for start in stride(from: 0, to: weeks.count, by: 256) {
        _ = try store.store(batch: Array(weeks[start..<min(start + 256, weeks.count)]))
    }
    let secs = now() - t
    print(String(format: "stored %d weeks, %.1f MB in %.2f s: %.1f MB/s, %.0f µs per week", weeks.count, Double(bytes) / 1e6, secs, Double(bytes) / 1e6 / secs, secs / Double(weeks.count) * 1e6))
    exit(0)
}
@MainActor func option(_ name: String, _ def: String) -> String {
    if let i = args.firstIndex(of: name), i + 1 < args.count { return args[i + 1] }
    return def
}
let weeks = Int(option("--weeks", "10000")) ?? 10000
let runs = Int(option("--runs", "21")) ?? 21
let dir = option("--dir", ".build/bench")
let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
let bilan = binDir + "/bilan"
guard FileManager.default.isExecutableFile(atPath: bilan) else {
    FileHandle.standardError.write(Data("bilan-bench: \(bilan) not found; build it first (swift build -c release)\n".utf8))
    exit(2)
}

let corpus = "\(dir)/corpus-\(weeks)"
let marker = "\(corpus)/.complete"
if !FileManager.default.fileExists(atPath: marker) {
    try? FileManager.default.removeItem(atPath: corpus)
    _ = try SyntheticCorpus.write(count: weeks, to: corpus)
    _ = FileManager.default.createFile(atPath: marker, contents: Data())
}
let files = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") }
let textBytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: "\(corpus)/\($1)")[.size] as? Int) ?? 0) }
let db = "\(dir)/bench-\(weeks).sqlite"
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }

print("bilan-bench: \(weeks) synthetic weeks, \(String(format: "%.1f", Double(textBytes) / 1e6)) MB of text, \(runs) runs per query")
let (importSeconds, importStatus) = timed([bilan, "import", corpus, "--db", db])
guard importStatus == 0 else {
    FileHandle.standardError.write(Data("bilan-bench: import failed (exit \(importStatus))\n".utf8))
    exit(1)
}
let dbBytes = ["", "-wal"].reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: db + $1)[.size] as? Int) ?? 0) }
let mbps = Double(textBytes) / 1e6 / importSeconds

let queries: [(String, String)] = [
    ("rare", "cathédrale"), ("rare", "pipeline"), ("medium", "Robotyne"), ("medium", "Kupiansk"),
    ("common", "drones"), ("common", "semaine"),
]
var rows: [String] = []
var allSearch: [Double] = []
/// What a reader would use instead, over the same files: ripgrep and grep (Debian's packages).
let others: [(name: String, argv: [String])] = [
    ("ripgrep", which("rg").map { [$0, "-i", "-l"] }), ("grep", which("grep").map { [$0, "-r", "-i", "-l"] }),
].compactMap { tool in tool.1.map { (tool.0, $0) } }
var allOthers: [String: [Double]] = [:]
for (kind, q) in queries {
    var times: [Double] = []
    _ = timed([bilan, "search", q, "--json", "--db", db])  // warm the page cache
    for _ in 0..<runs { times.append(timed([bilan, "search", q, "--json", "--db", db]).0) }
    allSearch += times
    var cells: [String] = []
    for tool in others {
        var rt: [Double] = []
        _ = timed(tool.argv + [q, corpus])
        for _ in 0..<max(5, runs / 2) { rt.append(timed(tool.argv + [q, corpus]).0) }
        allOthers[tool.name, default: []] += rt
        cells.append(ms(percentile(rt, 0.5)))
    }
    rows.append("| search `\(q)` (\(kind)) | \(ms(percentile(times, 0.5))) | \(ms(percentile(times, 0.9))) | \(cells.joined(separator: " | ")) |")
}
var weeksTimes: [Double] = []
for _ in 0..<runs { weeksTimes.append(timed([bilan, "weeks", "--json", "--db", db]).0) }

// In process: the store's search alone (what the browser's search as you type waits for), over the
// same query set, after one warm-up pass.
let reader = try Store(path: db, readOnly: true)
var inProcess: [Double] = []
for (_, q) in queries { _ = try reader.search(SearchRequest(query: SearchQuery(q))) }
for _ in 0..<max(20, runs * 3) {
    for (_, q) in queries {
        let t = now()
        _ = try reader.search(SearchRequest(query: SearchQuery(q)))
        inProcess.append(now() - t)
    }
}

Record.value("import", "import, whole process (MB/s)", size: weeks, mbps, unit: "MB/s")
Record.value("import", "database size / text size", size: weeks, Double(dbBytes) / Double(textBytes), unit: "×", note: "\(dbBytes / 1_000_000) MB for \(textBytes / 1_000_000) MB")
Record.add("search", "`bilan search WORD --json`, whole process", size: weeks, samples: allSearch, unit: "ms")
// The names the table uses: the command as a reader types it, and the program.
let labels = ["ripgrep": ("rg -i -l", "rg"), "grep": ("grep -ril", "grep")]
for (tool, _) in others {
    Record.add("search", "`\(labels[tool]?.0 ?? tool) WORD` over the files", size: weeks, samples: allOthers[tool] ?? [], unit: "ms")
}
for (tool, _) in others {
    Record.value(
        "search", "bilan search / \(labels[tool]?.1 ?? tool) (ratio of medians)", size: weeks,
        percentile(allSearch, 0.5) / percentile(allOthers[tool] ?? [], 0.5), unit: "×")
}
Record.add("search", "search in process (Store.search, 50 hits)", size: weeks, samples: inProcess, unit: "ms")
Record.value("search", "search in process, p99", size: weeks, percentile(inProcess, 0.99) * 1000, unit: "ms")
Record.add("search", "`bilan weeks --json`, whole process", size: weeks, samples: weeksTimes, unit: "ms")

print("")
let otherHeads = others.map { "\($0.name) median" }
let blanks = String(repeating: " |", count: others.count)
print("| measure (release, \(weeks) weeks) | median | p90 | \(otherHeads.joined(separator: " | ")) |")
print("|---|---|---|" + String(repeating: "---|", count: others.count))
print("| import (whole process) | \(String(format: "%.1f MB/s", mbps)) (\(String(format: "%.2f s", importSeconds))) |\(blanks) |")
for r in rows { print(r) }
let searchMedian = percentile(allSearch, 0.5)
let otherMedians = others.map { percentile(allOthers[$0.name] ?? [], 0.5) }
print("| search, whole query set | \(ms(searchMedian)) | \(ms(percentile(allSearch, 0.9))) | \(otherMedians.map(ms).joined(separator: " | ")) |")
print("| weeks --json | \(ms(percentile(weeksTimes, 0.5))) | \(ms(percentile(weeksTimes, 0.9))) |\(blanks)")
print("| search in process (p50 / p99) | \(ms(percentile(inProcess, 0.5))) | p99 \(ms(percentile(inProcess, 0.99))) |\(blanks)")
print("| database size / text size | \(String(format: "%.2f×", Double(dbBytes) / Double(textBytes))) (\(dbBytes / 1_000_000) MB) | |\(blanks)")
print("")
print("budgets: import ≥ 10 MB/s: \(mbps >= 10 ? "met" : "MISSED"); search median ≤ 20 ms: \(searchMedian <= 0.020 ? "met" : "MISSED"); weeks --json ≤ 300 ms: \(percentile(weeksTimes, 0.5) <= 0.3 ? "met" : "MISSED")")
for (tool, median) in zip(others, otherMedians) { print("search / \(tool.name): " + String(format: "%.2f×", searchMedian / median)) }
