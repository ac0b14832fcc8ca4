import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `bilan-bench compare`: what a reader would use instead of bilan, on the same weeks, on a
/// pseudo-terminal at 80x24, measured the same way in the same run.
///
///     .build/release/bilan-bench compare [--weeks 10000] [--runs 5] [--dir .build/bench] [--db PATH]
///
/// - newsboat (Debian's 2.x): the corpus as one local RSS feed (`file://`), one item per summary,
///   loaded into newsboat's cache first (`newsboat -x reload`, timed apart: like `bilan import`, it is
///   not part of the first frame). First frame: spawn → the feed list shows "(N/N)". Search: `/`,
///   "drones", Enter → the "Search results" list.
/// - bilan: first frame: spawn → the full weeks view (as `bilan-bench browser`); search: `e`, then
///   `/drones` and Enter → the events view counts the matches.
/// - less: bytes written for one line (`j`) and one page (Space) on the same text, against bilan's
///   reader (`bilan-bench browser` measures those).
enum CompareBench {
    static let rows = 24, cols = 80

    static func main(_ args: [String]) -> Int32 {
        func option(_ name: String) -> String? {
            if let i = args.firstIndex(of: name), i + 1 < args.count { return args[i + 1] }
            return nil
        }
        let weeks = Int(option("--weeks") ?? "") ?? 10000
        let runs = max(1, Int(option("--runs") ?? "") ?? 5)
        let dir = option("--dir") ?? ".build/bench"
        let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        let bilan = option("--bilan") ?? binDir + "/bilan"
        do {
            let db = try option("--db") ?? BrowserBench.prepareDatabase(weeks: weeks, dir: dir, bilan: bilan)
            guard let total = BrowserBench.rangeCount(bilan: bilan, db: db) else { throw BrowserBench.Failure(description: "cannot read \(db)") }
            let corpus = "\(dir)/corpus-\(weeks)"
            out("bilan-bench compare: \(weeks) summaries, \(runs) runs at \(cols)x\(rows)")

            var bilanFirst: [Double] = [], bilanSearch: [Double] = []
            for run in 0...runs {  // run 0 warms the page cache and is not counted
                let app = try PtyApp(argv: [bilan, "browse", "--db", db], rows: rows, cols: cols)
                defer { app.quit() }
                guard let t = app.waitFor(30, { BrowserBench.firstFrame($0, total: total) }) else {
                    throw BrowserBench.Failure(description: "bilan: no first frame\n" + app.screen.dump())
                }
                let first = t - app.started
                try BrowserBench.send(app, "e", until: { BrowserBench.eventsFilled($0) }, "the events")
                _ = app.waitQuiet(0.2)
                _ = app.send("/drones")
                _ = app.waitFor(10) { $0.bottom.contains("/drones") }
                let t0 = app.send("\r")
                guard let t1 = app.waitFor(30, { $0.bottom.contains("/drones │ 1/") && BrowserBench.eventsFilled($0) }) else {
                    throw BrowserBench.Failure(description: "bilan: no search results\n" + app.screen.dump())
                }
                if run > 0 {
                    bilanFirst.append(first)
                    bilanSearch.append(t1 - t0)
                }
            }

            var rows: [(String, [Double], [Double])] = [("first full frame", bilanFirst, []), ("`/drones` Enter → results", bilanSearch, [])]
            if let newsboat = which("newsboat") {
                let (first, search, reload) = try measureNewsboat(newsboat, corpus: corpus, weeks: weeks, dir: dir, runs: runs)
                rows[0].2 = first
                rows[1].2 = search
                Record.value("compare", "newsboat: loading the feed into its cache (-x reload), not timed above", size: weeks, reload, unit: "s")
            } else {
                warn("newsboat is not installed (apt-get install newsboat): its columns stay empty")
            }
            out("")
            out("| measure (\(weeks) summaries, 80x24, \(runs) runs) | bilan median | newsboat median | bilan / newsboat |")
            out("|---|---|---|---|")
            for (name, b, n) in rows {
                let ratio = n.isEmpty ? "" : String(format: "%.2f×", percentile(b, 0.5) / percentile(n, 0.5))
                out("| \(name) | \(ms(percentile(b, 0.5))) | \(n.isEmpty ? "" : ms(percentile(n, 0.5))) | \(ratio) |")
                Record.add("compare", "bilan: \(name)", size: weeks, samples: b, unit: "ms")
                if !n.isEmpty {
                    Record.add("compare", "newsboat: \(name)", size: weeks, samples: n, unit: "ms")
                    Record.value("compare", "bilan / newsboat: \(name)", size: weeks, percentile(b, 0.5) / percentile(n, 0.5), unit: "×")
                }
            }

            if let less = which("less") {
                let (line, page) = try measureLess(less, corpus: corpus, dir: dir)
                out("| less: one line (j), bytes | \(Int(percentile(line, 0.5))) B | | |")
                out("| less: one page (Space), bytes | \(Int(percentile(page, 0.5))) B | | |")
                Record.add("compare", "less: one line (j), bytes", size: weeks, samples: line, unit: "B")
                Record.add("compare", "less: one page (Space), bytes", size: weeks, samples: page, unit: "B")
            }
            return 0
        } catch {
            warn("\(error)")
            return 1
        }
    }

    /// The corpus as an RSS feed and newsboat's cache of it (made once); first frames and searches.
    static func measureNewsboat(_ newsboat: String, corpus: String, weeks: Int, dir: String, runs: Int) throws -> ([Double], [Double], Double) {
        let base = "\(dir)/newsboat-\(weeks)"
        let fm = FileManager.default
        try fm.createDirectory(atPath: base, withIntermediateDirectories: true)
        let feed = "\(base)/feed.xml", urls = "\(base)/urls", conf = "\(base)/config", cache = "\(base)/cache.db"
        var reload = Double.nan
        if !fm.fileExists(atPath: cache + ".complete") {
            try writeFeed(corpus: corpus, to: feed)
            try "file://\(URL(fileURLWithPath: feed).standardizedFileURL.path)\n".write(toFile: urls, atomically: true, encoding: .utf8)
            // No confirmation on quit, no reload at start: what is timed is reading the cache.
            try "confirm-exit no\nshow-read-feeds yes\n".write(toFile: conf, atomically: true, encoding: .utf8)
            for s in ["", "-journal", "-wal", "-shm"] { try? fm.removeItem(atPath: cache + s) }
            out("loading \(weeks) items into newsboat's cache…")
            let (secs, status) = timed([newsboat, "-u", urls, "-c", cache, "-C", conf, "-x", "reload"])
            guard status == 0 else { throw BrowserBench.Failure(description: "newsboat -x reload failed (exit \(status))") }
            reload = secs
            out(String(format: "newsboat loaded the feed in %.1f s", secs))
            _ = fm.createFile(atPath: cache + ".complete", contents: Data())
        }
        var first: [Double] = [], search: [Double] = []
        for run in 0...runs {
            let app = try PtyApp(argv: [newsboat, "-u", urls, "-c", cache, "-C", conf], rows: rows, cols: cols)
            defer { newsboatQuit(app) }
            // "(N/N) Bilan"; at 10,000 items and more newsboat's column cuts the second number.
            guard let t = app.waitFor(120, { $0.text.contains("(\(weeks)/") && $0.text.contains("Bilan") }) else {
                throw BrowserBench.Failure(description: "newsboat: no feed list in 120 s\n" + app.screen.dump())
            }
            _ = app.waitQuiet(0.2)
            _ = app.send("/")
            _ = app.waitFor(5) { $0.text.contains("Search for:") }
            _ = app.send("drones")
            _ = app.waitQuiet(0.1)
            let t0 = app.send("\r")
            guard let t1 = app.waitFor(120, { $0.line(0).contains("Search results") }) else {
                throw BrowserBench.Failure(description: "newsboat: no search results in 120 s\n" + app.screen.dump())
            }
            if run > 0 {
                first.append(t - app.started)
                search.append(t1 - t0)
            }
        }
        return (first, search, reload)
    }

    static func newsboatQuit(_ app: PtyApp) {
        for _ in 0..<3 {
            _ = app.send("q")
            _ = app.waitQuiet(0.1, timeout: 0.5)
        }
        app.quit()
    }

    /// One RSS 2.0 channel, an item per summary (title line, then the text), in the corpus's order.
    static func writeFeed(corpus: String, to path: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") }.sorted()
        FileManager.default.createFile(atPath: path, contents: nil)
        guard let h = FileHandle(forWritingAtPath: path) else { throw BrowserBench.Failure(description: "cannot write \(path)") }
        defer { h.closeFile() }
        h.write(Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Bilan</title><link>https://example.org/</link><description>synthetic weeks</description>\n".utf8))
        var chunk = ""
        for (i, name) in names.enumerated() {
            let text = try String(contentsOfFile: "\(corpus)/\(name)", encoding: .utf8)
            let title = text.prefix { $0 != "\n" }
            let body = text.dropFirst(title.count)
            chunk += "<item><title>\(escape(title))</title><link>https://example.org/\(name)</link><guid>\(name)</guid>"
                + "<pubDate>Mon, 01 Jan 2024 00:00:00 +0000</pubDate><description>\(escape(body))</description></item>\n"
            if i % 500 == 499 {
                h.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        h.write(Data((chunk + "</channel></rss>\n").utf8))
    }

    static func escape(_ s: some StringProtocol) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// `less` on twenty summaries of the corpus: bytes for `j` (8 times) and Space (4 times).
    static func measureLess(_ less: String, corpus: String, dir: String) throws -> ([Double], [Double]) {
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") }.sorted().prefix(20)
        let file = "\(dir)/less-sample.txt"
        let text = try names.map { try String(contentsOfFile: "\(corpus)/\($0)", encoding: .utf8) }.joined(separator: "\n")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        var line: [Double] = [], page: [Double] = []
        for _ in 0..<3 {
            let app = try PtyApp(argv: [less, file], rows: rows, cols: cols)
            defer { app.quit() }
            _ = app.waitQuiet(0.3, timeout: 5)
            for _ in 0..<8 {
                _ = app.send("j")
                let (bytes, _) = app.waitQuiet(0.15, timeout: 5)
                if bytes > 0 { line.append(Double(bytes)) }
            }
            for _ in 0..<4 {
                _ = app.send(" ")
                let (bytes, _) = app.waitQuiet(0.15, timeout: 5)
                if bytes > 0 { page.append(Double(bytes)) }
            }
            _ = app.send("q")
        }
        return (line, page)
    }

    static func out(_ s: String) { FileHandle.standardOutput.write(Data((s + "\n").utf8)) }
    static func warn(_ s: String) { FileHandle.standardError.write(Data("bilan-bench compare: \(s)\n".utf8)) }
}
