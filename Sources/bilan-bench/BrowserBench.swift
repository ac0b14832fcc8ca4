import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `bilan-bench browser`: how fast the browser draws and how much it writes, measured from the
/// outside on a pseudo-terminal, like a user's terminal sees it.
///
///     swift build -c release --static-swift-stdlib
///     .build/release/bilan-bench browser [--weeks 10000] [--runs 7] [--bilan PATH] [--db PATH] [--dir .build/bench]
///
/// The database: `--db PATH` as it is, else `DIR/browser-N.sqlite`, imported once with `bilan import`
/// from the synthetic corpus `DIR/corpus-N` (generated when missing, as the main benchmark does) and
/// reused while `bilan weeks` can read it. N summaries are N/2 week ranges (each range has a French
/// and an English summary), and the weeks view lists ranges: 10000 summaries show as "1/5000".
///
/// Each run starts `bilan browse --db DB` with forkpty at 80x24 (TERM=xterm-256color,
/// LANG=C.UTF-8, a clean signal mask), reads the raw bytes and feeds them to `MiniScreen`, a small
/// VT100/xterm emulator that knows what ncurses sends for xterm-256color, so that every measure is
/// "from the key sent until the screen shows X", timed at the read that brought X:
///
/// - first full frame: spawn → the status line counts `1/TOTAL` (TOTAL = the ranges `bilan weeks`
///   lists) and no visible row still has the placeholder "…" in the drones column (the column under
///   the "drones" heading; a row's tallies load after the row), and at least one "▲" is shown. The
///   synthetic corpus gives about 99 % of the ranges a "launched" figure, so the first screen always
///   has arrows; a range without figures shows a blank cell, which also counts as loaded.
/// - keypress → redraw: the status counter changes (it is drawn last: ncurses updates top to
///   bottom), for j/k/Space/b in the weeks and j/Space in the events view; for Space/b in the weeks
///   also until the new page's drone column is filled.
/// - search as you type (events view, "drones" typed one letter at a time, waiting for each to
///   settle): from each keystroke that makes 2+ letters until the prompt echoes it, and until the
///   screen settles (no output for 300 ms and no "Searching…"): debounce (90 ms) + query + draw.
/// - reader: bytes written for one `j` (one line) and one Space (one page) at 80x24, counted until
///   150 ms without output, only for keys that really moved ("line N/M" changed).
/// - memory: Pss from /proc/PID/smaps_rollup after the first full frame and once the events view
///   shows its sentences.
enum BrowserBench {
    static let rows = 24, cols = 80

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Samples per measure, in insertion order of the measure names.
    final class Samples {
        var order: [String] = []
        var values: [String: [Double]] = [:]
        func add(_ name: String, _ v: Double) {
            if values[name] == nil { order.append(name) }
            values[name, default: []].append(v)
        }
    }

    static func main(_ args: [String]) -> Int32 {
        func option(_ name: String) -> String? {
            if let i = args.firstIndex(of: name), i + 1 < args.count { return args[i + 1] }
            return nil
        }
        if args.contains("-h") || args.contains("--help") {
            out("usage: bilan-bench browser [--weeks N] [--runs N] [--bilan PATH] [--db PATH] [--dir DIR]")
            return 0
        }
        let weeks = Int(option("--weeks") ?? "") ?? 10000
        let runs = max(1, Int(option("--runs") ?? "") ?? 7)
        let dir = option("--dir") ?? ".build/bench"
        let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        let bilan = option("--bilan") ?? binDir + "/bilan"
        guard FileManager.default.isExecutableFile(atPath: bilan) else {
            warn("\(bilan) not found; build it first (swift build -c release --static-swift-stdlib)")
            return 2
        }
        let db: String
        do {
            db = try option("--db") ?? prepareDatabase(weeks: weeks, dir: dir, bilan: bilan)
        } catch {
            warn("\(error)")
            return 1
        }
        guard let total = rangeCount(bilan: bilan, db: db), total > 0 else {
            warn("`bilan weeks --json --db \(db)` failed or listed no week")
            return 1
        }
        out("bilan-bench browser: \(bilan), \(db): \(total) week ranges, \(runs) runs at \(cols)x\(rows)")

        let samples = Samples()
        var failures = 0
        // A warm-up run (page cache, first start of the binary); its first frame is shown, not counted.
        if let warm = try? firstFrameOnly(bilan: bilan, db: db, total: total) {
            out(String(format: "warm-up run: first full frame in %.1f ms", warm * 1000))
        }
        for run in 1...runs {
            do {
                try oneRun(bilan: bilan, db: db, total: total, samples: samples)
                FileHandle.standardError.write(Data("run \(run)/\(runs) done\n".utf8))
            } catch {
                failures += 1
                warn("run \(run) failed: \(error)")
            }
        }
        report(samples, total: total, weeks: weeks, runs: runs - failures)
        return failures == 0 ? 0 : 1
    }

    /// Unbuffered, so that the lines stay in order with the progress on standard error.
    static func out(_ s: String) {
        FileHandle.standardOutput.write(Data((s + "\n").utf8))
    }

    static func warn(_ s: String) {
        FileHandle.standardError.write(Data("bilan-bench browser: \(s)\n".utf8))
    }

    // MARK: The database

    /// `DIR/browser-N.sqlite`, imported from `DIR/corpus-N` unless it is there and readable.
    static func prepareDatabase(weeks: Int, dir: String, bilan: String) throws -> String {
        let fm = FileManager.default
        let db = "\(dir)/browser-\(weeks).sqlite"
        let dbMarker = db + ".complete"
        if fm.fileExists(atPath: dbMarker), timed([bilan, "weeks", "--db", db]).1 == 0 { return db }
        let corpus = "\(dir)/corpus-\(weeks)"
        let marker = "\(corpus)/.complete"
        if !fm.fileExists(atPath: marker) {
            try? fm.removeItem(atPath: corpus)
            out("generating \(weeks) synthetic summaries in \(corpus)…")
            _ = try SyntheticCorpus.write(count: weeks, to: corpus)
            _ = fm.createFile(atPath: marker, contents: Data())
        }
        for suffix in ["", "-wal", "-shm", ".complete"] { try? fm.removeItem(atPath: db + suffix) }
        out("importing \(corpus) into \(db)…")
        let (secs, status) = timed([bilan, "import", corpus, "--db", db])
        guard status == 0 else { throw Failure(description: "bilan import failed (exit \(status))") }
        out(String(format: "imported in %.1f s", secs))
        _ = fm.createFile(atPath: dbMarker, contents: Data())
        return db
    }

    /// The number of week ranges (what the weeks view counts): distinct ids of `bilan weeks --json`.
    static func rangeCount(bilan: String, db: String) -> Int? {
        let out = NSTemporaryDirectory() + "bilan-bench-weeks-\(getpid()).json"
        defer { try? FileManager.default.removeItem(atPath: out) }
        var fa = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fa)
        posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&fa) }
        let argv = ([bilan, "weeks", "--json", "--db", db] as [String]).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let cenv = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cenv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, bilan, &fa, nil, argv, cenv) == 0 else { return nil }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        guard status == 0, let data = FileManager.default.contents(atPath: out),
            let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return nil }
        return Set(list.compactMap { $0["id"] as? String }).count
    }

    // MARK: One run

    static func firstFrameOnly(bilan: String, db: String, total: Int) throws -> Double {
        let app = try PtyApp(argv: [bilan, "browse", "--db", db], rows: rows, cols: cols)
        defer { app.quit() }
        guard let t = app.waitFor(20, { firstFrame($0, total: total) }) else {
            throw Failure(description: "no first full frame in 20 s\n" + app.screen.dump())
        }
        return t - app.started
    }

    static func oneRun(bilan: String, db: String, total: Int, samples: Samples) throws {
        let app = try PtyApp(argv: [bilan, "browse", "--db", db], rows: rows, cols: cols)
        defer { app.quit() }

        // (a) first full frame, then memory
        guard let first = app.waitFor(20, { firstFrame($0, total: total) }) else {
            throw Failure(description: "no first full frame in 20 s\n" + app.screen.dump())
        }
        samples.add("first full frame", first - app.started)
        _ = app.waitQuiet(0.15)
        if let pss = app.pss() { samples.add("PSS after the first frame", pss) }

        // (b) keypress → redraw in the weeks
        let weekKeys = Array("jjjjjkkkkk") + Array("   bbb") + Array("jjkk")
        for key in weekKeys {
            let (redraw, complete) = try measureKey(app, key, waitDetails: key == " " || key == "b")
            samples.add(key == " " || key == "b" ? "weeks Space/b → redraw" : "weeks j/k → redraw", redraw)
            if let complete { samples.add("weeks Space/b → page with drones", complete) }
        }

        // (c) the reader: bytes per line and per page
        try send(app, "g", until: { counter($0.bottom)?.0 == 1 }, "the top of the weeks")
        try send(app, "\r", until: { readerLine($0.bottom) != nil }, "the reader")
        _ = app.waitQuiet(0.15)
        for _ in 0..<8 {
            guard let (top, lines) = readerLine(app.screen.bottom), top + rows - 2 < lines else { break }
            let (bytes, moved) = try measureBytes(app, "j")
            if moved { samples.add("reader j: bytes", Double(bytes)) }
        }
        for _ in 0..<4 {
            if let (top, lines) = readerLine(app.screen.bottom), top + rows - 2 < lines {
                let (bytes, moved) = try measureBytes(app, " ")
                if moved { samples.add("reader Space: bytes", Double(bytes)) }
            }
            // the previous (older) week, from its top
            let before = app.screen.line(0)
            try send(app, "[", until: { $0.line(0) != before && readerLine($0.bottom)?.0 == 1 }, "the previous week in the reader")
            _ = app.waitQuiet(0.15)
        }
        try send(app, "q", until: { $0.bottom.hasPrefix(" Weeks") && counter($0.bottom) != nil }, "the weeks again")

        // the events view: first frame, sentences, memory, keys
        _ = app.waitQuiet(0.05)
        let e0 = app.send("e")
        guard let eFrame = app.waitFor(20, { $0.bottom.hasPrefix(" Events") && counter($0.bottom)?.0 == 1 }) else {
            throw Failure(description: "no events view\n" + app.screen.dump())
        }
        samples.add("e → events first frame", eFrame - e0)
        guard let eFull = app.waitFor(20, { $0.bottom.hasPrefix(" Events") && eventsFilled($0) }) else {
            throw Failure(description: "the events' sentences never came\n" + app.screen.dump())
        }
        samples.add("e → sentences shown", eFull - e0)
        _ = app.waitQuiet(0.15)
        if let pss = app.pss() { samples.add("PSS after the events view", pss) }
        for key in Array("jjjjjj   jjjj") {
            let (redraw, _) = try measureKey(app, key, waitDetails: false)
            samples.add("events j/Space → redraw", redraw)
        }
        _ = app.waitFor(10, eventsFilled)
        _ = app.waitQuiet(0.15)

        // search as you type, in the events view
        try send(app, "/", until: { $0.bottom.hasPrefix("/") }, "the search prompt")
        _ = app.waitQuiet(0.15)
        var typed = ""
        for ch in "drones" {
            typed.append(ch)
            let t0 = app.send(String(ch))
            let prompt = "/" + typed
            guard let echo = app.waitFor(10, { $0.bottom.hasPrefix(prompt) }) else {
                throw Failure(description: "the prompt never showed \(prompt)\n" + app.screen.dump())
            }
            let settled = try settle(app, t0: t0, echo: echo)
            if typed.count >= 2 {
                samples.add("search as you type → echo", echo - t0)
                samples.add("search as you type → settled", settled - t0)
            }
        }
        try send(app, "\r", until: { $0.bottom.hasPrefix(" Events") && counter($0.bottom) != nil }, "the search kept")
    }

    /// Sends `key` and returns the time until the status counter changed and, with `waitDetails`,
    /// until the weeks' drone column is filled again.
    static func measureKey(_ app: PtyApp, _ key: Character, waitDetails: Bool) throws -> (Double, Double?) {
        _ = app.waitQuiet(0.05)
        let before = counter(app.screen.bottom)
        let t0 = app.send(String(key))
        guard let t1 = app.waitFor(10, { s in counter(s.bottom).map { $0 != before! } ?? false }) else {
            throw Failure(description: "the counter never changed after \(key.debugDescription)\n" + app.screen.dump())
        }
        var complete: Double?
        if waitDetails {
            guard let t2 = app.waitFor(10, { weeksFilled($0) }) else {
                throw Failure(description: "the drones never came after \(key.debugDescription)\n" + app.screen.dump())
            }
            complete = t2 - t0
        }
        return (t1 - t0, complete)
    }

    /// Sends `key` in the reader; the bytes until 150 ms of quiet, and whether the reader moved.
    static func measureBytes(_ app: PtyApp, _ key: String) throws -> (Int, Bool) {
        _ = app.waitQuiet(0.15)
        let before = readerLine(app.screen.bottom)
        _ = app.send(key)
        let (bytes, _) = app.waitQuiet(0.15, timeout: 10)
        let after = readerLine(app.screen.bottom)
        return (bytes, after != nil && after?.0 != before?.0)
    }

    /// The time of the last output before the screen settled: 300 ms without output and no
    /// "Searching…" on screen.
    static func settle(_ app: PtyApp, t0: Double, echo: Double) throws -> Double {
        let deadline = now() + 20
        var last = echo
        while now() < deadline {
            let (bytes, at) = app.waitQuiet(0.3, timeout: 20)
            if bytes > 0 { last = at }
            if !app.screen.text.contains("Searching…") { return last }
        }
        throw Failure(description: "the search never settled\n" + app.screen.dump())
    }

    static func send(_ app: PtyApp, _ key: String, until pred: (MiniScreen) -> Bool, _ what: String) throws {
        _ = app.send(key)
        guard app.waitFor(10, pred) != nil else {
            throw Failure(description: "timed out waiting for \(what)\n" + app.screen.dump())
        }
    }

    // MARK: Reading the screen

    /// The first "N/M" on a line (the status counter).
    static func counter(_ line: String) -> (Int, Int)? {
        let s = Array(line.utf8)
        var i = 0
        while i < s.count {
            if s[i] == UInt8(ascii: "/"), i > 0, isDigit(s[i - 1]), i + 1 < s.count, isDigit(s[i + 1]) {
                var a = i - 1
                while a > 0, isDigit(s[a - 1]) { a -= 1 }
                var b = i + 1
                while b < s.count, isDigit(s[b]) { b += 1 }
                if let n = Int(String(decoding: s[a..<i], as: UTF8.self)), let m = Int(String(decoding: s[(i + 1)..<b], as: UTF8.self)) {
                    return (n, m)
                }
            }
            i += 1
        }
        return nil
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// The reader's "line N/M" on the status line.
    static func readerLine(_ bottom: String) -> (Int, Int)? {
        guard bottom.hasPrefix(" Reader"), let r = bottom.range(of: "line ") else { return nil }
        return counter(String(bottom[r.upperBound...]))
    }

    static func firstFrame(_ s: MiniScreen, total: Int) -> Bool {
        guard s.bottom.hasPrefix(" Weeks"), let c = counter(s.bottom), c == (1, total) else { return false }
        return weeksFilled(s) && s.text.contains("▲")
    }

    /// Every visible week row has its drones cell drawn (no "…" placeholder under "drones").
    static func weeksFilled(_ s: MiniScreen) -> Bool {
        let header = s.scalars(1)
        guard let col = column(of: "drones", in: header) else { return false }
        var any = false
        for y in 2..<(s.rows - 1) {
            let row = s.scalars(y)
            if row.allSatisfy({ $0 == " " }) { continue }
            any = true
            if row[col] == "…" { return false }
        }
        return any
    }

    /// The events view shows sentences: no row is the " …" placeholder.
    static func eventsFilled(_ s: MiniScreen) -> Bool {
        var any = false
        for y in 2..<(s.rows - 1) {
            let t = s.line(y).trimmingCharacters(in: .whitespaces)
            if t.isEmpty { continue }
            if t == "…" || t.hasPrefix("Searching") { return false }
            any = true
        }
        return any
    }

    static func column(of word: String, in row: [Unicode.Scalar]) -> Int? {
        let w = Array(word.unicodeScalars)
        guard row.count >= w.count else { return nil }
        for x in 0...(row.count - w.count) where Array(row[x..<(x + w.count)]) == w { return x }
        return nil
    }

    // MARK: The report

    static func report(_ samples: Samples, total: Int, weeks: Int, runs: Int) {
        func median(_ xs: [Double]) -> Double { percentile(xs, 0.5) }
        out("")
        out("| measure (release, \(weeks) summaries = \(total) week ranges, \(runs) runs, 80x24) | median | p90 | min–max | n | budget |")
        out("|---|---|---|---|---|---|")
        var verdicts: [String] = []
        for name in samples.order {
            let xs = samples.values[name]!
            let lo = xs.min()!, hi = xs.max()!, med = median(xs)
            let isBytes = name.hasSuffix("bytes"), isMemory = name.hasPrefix("PSS")
            func fmt(_ v: Double) -> String {
                isBytes ? String(format: "%.0f B", v) : isMemory ? String(format: "%.1f MB", v / 1024) : String(format: "%.1f ms", v * 1000)
            }
            var budget = ""
            switch name {
            case "first full frame": budget = verdict("≤ 100 ms", med <= 0.100)
            case "weeks j/k → redraw", "weeks Space/b → redraw", "events j/Space → redraw": budget = verdict("≤ 16 ms", med <= 0.016)
            case "reader j: bytes": budget = verdict("≤ 300 B", med <= 300)
            case _ where isMemory: budget = verdict("≤ 40 MB", med / 1024 <= 40)
            default: break
            }
            if !budget.isEmpty { verdicts.append("\(name): \(budget)") }
            let spread = isBytes || isMemory ? "\(fmt(lo))–\(fmt(hi))" : String(format: "%.1f–%.1f ms", lo * 1000, hi * 1000)
            out("| \(name) | \(fmt(med)) | \(fmt(percentile(xs, 0.9))) | \(spread) | \(xs.count) | \(budget) |")
            Record.add(
                "browser", "browser: \(name)", size: weeks, samples: isMemory ? xs.map { $0 / 1024 } : xs,
                unit: isBytes ? "B" : isMemory ? "MB" : "ms")
        }
        out("")
        out("budgets (medians): " + verdicts.joined(separator: "; "))
    }

    static func verdict(_ budget: String, _ met: Bool) -> String { "\(budget): \(met ? "met" : "MISSED")" }
}

// MARK: - The program on a pseudo-terminal

/// `bilan browse` started with forkpty; its output is read raw and fed to a `MiniScreen`.
final class PtyApp {
    let pid: pid_t
    let fd: Int32
    let started: Double
    var screen: MiniScreen
    private(set) var totalBytes = 0
    private var eof = false
    private var reaped = false
    private var buffer = [UInt8](repeating: 0, count: 65536)

    init(argv: [String], rows: Int, cols: Int) throws {
        var env = [
            "TERM=xterm-256color", "LANG=C.UTF-8", "PATH=\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")",
        ]
        if let home = ProcessInfo.processInfo.environment["HOME"] { env.append("HOME=\(home)") }
        // Everything the child needs is made before fork: after it, only async-signal-safe calls.
        let cargv = argv.map { strdup($0) } + [nil]
        let cenv = env.map { strdup($0) } + [nil]
        defer {
            cargv.forEach { free($0) }
            cenv.forEach { free($0) }
        }
        var ws = winsize(ws_row: UInt16(rows), ws_col: UInt16(cols), ws_xpixel: 0, ws_ypixel: 0)
        var master: Int32 = -1
        var empty = sigset_t()
        sigemptyset(&empty)
        screen = MiniScreen(rows: rows, cols: cols)
        let t = now()
        let pid = cargv.withUnsafeBufferPointer { argvp in
            cenv.withUnsafeBufferPointer { envp in
                let pid = forkpty(&master, nil, nil, &ws)
                if pid == 0 {
                    sigprocmask(SIG_SETMASK, &empty, nil)
                    signal(SIGINT, SIG_DFL)
                    signal(SIGPIPE, SIG_DFL)
                    signal(SIGTERM, SIG_DFL)
                    signal(SIGHUP, SIG_DFL)
                    signal(SIGQUIT, SIG_DFL)
                    signal(SIGWINCH, SIG_DFL)
                    execve(argvp[0]!, argvp.baseAddress!, envp.baseAddress!)
                    _exit(127)
                }
                return pid
            }
        }
        guard pid > 0 else { throw BrowserBench.Failure(description: "forkpty failed: \(String(cString: strerror(errno)))") }
        self.pid = pid
        self.fd = master
        self.started = t
    }

    deinit { quit() }

    /// Writes `key`; returns the time just before the write.
    @discardableResult
    func send(_ key: String) -> Double {
        let t = now()
        let bytes = Array(key.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        return t
    }

    /// Waits up to `wait` seconds for output and reads what is there; the byte count, 0 on timeout,
    /// -1 at the end of the output. `lastRead` is the time the read returned.
    private(set) var lastRead: Double = 0

    func readOnce(wait: Double) -> Int {
        if eof { return -1 }
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ms = Int32(max(0, (wait * 1000).rounded(.up)))
        let r = poll(&p, 1, ms)
        if r < 0 { return errno == EINTR ? 0 : -1 }
        if r == 0 { return 0 }
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        lastRead = now()
        if n <= 0 {
            if n < 0 && errno == EINTR { return 0 }
            eof = true  // EIO: the child side is closed
            return -1
        }
        totalBytes += n
        buffer.withUnsafeBufferPointer { screen.feed(UnsafeBufferPointer(rebasing: $0[0..<n])) }
        return n
    }

    /// Reads until `pred(screen)` holds; the time of the read that made it hold, nil on timeout/EOF.
    func waitFor(_ timeout: Double, _ pred: (MiniScreen) -> Bool) -> Double? {
        if pred(screen) { return now() }
        let deadline = now() + timeout
        while true {
            let left = deadline - now()
            if left <= 0 { return nil }
            let n = readOnce(wait: left)
            if n < 0 { return nil }
            if n > 0, pred(screen) { return lastRead }
        }
    }

    /// Reads until nothing arrives for `quiet` seconds; the bytes read and the time of the last read.
    func waitQuiet(_ quiet: Double, timeout: Double = 10) -> (Int, Double) {
        let deadline = now() + timeout
        var bytes = 0
        var last = now()
        while now() < deadline {
            let n = readOnce(wait: quiet)
            if n <= 0 { break }
            bytes += n
            last = lastRead
        }
        return (bytes, last)
    }

    /// Proportional set size in kB, from /proc/PID/smaps_rollup.
    func pss() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("Pss:") {
            return Double(line.split(separator: " ")[1])
        }
        return nil
    }

    /// Q, then waits up to 3 s for the exit (reading the output meanwhile); SIGKILL after that.
    func quit() {
        guard !reaped else { return }
        if !eof { send("Q") }
        let deadline = now() + 3
        var status: Int32 = 0
        while now() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid {
                reaped = true
                break
            }
            if readOnce(wait: 0.02) < 0 { usleep(5000) }
        }
        if !reaped {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
            reaped = true
            BrowserBench.warn("the browser did not quit on Q within 3 s; killed")
        }
        close(fd)
    }
}

// MARK: - A minimal terminal

/// Just enough of an xterm to follow what ncurses sends for xterm-256color: printable UTF-8,
/// CR/LF/BS/TAB, cursor addressing (CUP, VPA, HPA, CUU/CUD/CUF/CUB), erase (ED, EL, ECH),
/// insert/delete (ICH, DCH, IL, DL), repeat (REP), scroll regions (DECSTBM, SU, SD, IND, RI,
/// autowrap with a pending wrap) and save/restore cursor. Attributes, modes and charsets are
/// skipped. Every character is one column wide except combining marks (zero); the browser shows no
/// East Asian wide text.
struct MiniScreen {
    let rows: Int
    let cols: Int
    private var cells: [[Unicode.Scalar]]
    private var x = 0, y = 0
    private var wrapPending = false
    private var marginTop = 0, marginBottom: Int
    private var saved = (0, 0)
    private var last: Unicode.Scalar = " "

    private enum State { case ground, escape, skipOne, csi, osc, oscEscape }
    private var state = State.ground
    private var params: [UInt8] = []
    private var utf8: UInt32 = 0
    private var utf8Left = 0

    init(rows: Int, cols: Int) {
        self.rows = rows
        self.cols = cols
        marginBottom = rows - 1
        cells = Array(repeating: Array(repeating: " ", count: cols), count: rows)
    }

    func scalars(_ row: Int) -> [Unicode.Scalar] { cells[row] }
    func line(_ row: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: cells[row])
        return String(s)
    }
    var text: String { (0..<rows).map(line).joined(separator: "\n") }
    func dump() -> String {
        (0..<rows).map { String(format: "%3d |", $0) + line($0) + "|" }.joined(separator: "\n")
    }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        for b in bytes { byte(b) }
    }

    private mutating func byte(_ b: UInt8) {
        switch state {
        case .ground:
            if utf8Left > 0 {
                if b & 0xC0 == 0x80 {
                    utf8 = (utf8 << 6) | UInt32(b & 0x3F)
                    utf8Left -= 1
                    if utf8Left == 0 { printScalar(Unicode.Scalar(utf8) ?? "?") }
                    return
                }
                utf8Left = 0
                printScalar("?")
            }
            switch b {
            case 0x1B: state = .escape
            case 0x0D: x = 0; wrapPending = false
            case 0x0A, 0x0B, 0x0C: lineFeed()
            case 0x08: if x > 0 { x -= 1 }; wrapPending = false
            case 0x09: x = min(cols - 1, (x / 8 + 1) * 8); wrapPending = false
            case 0x00..<0x20, 0x7F: break
            case 0x20..<0x80: printScalar(Unicode.Scalar(b))
            case 0xC0..<0xE0: utf8 = UInt32(b & 0x1F); utf8Left = 1
            case 0xE0..<0xF0: utf8 = UInt32(b & 0x0F); utf8Left = 2
            case 0xF0..<0xF8: utf8 = UInt32(b & 0x07); utf8Left = 3
            default: printScalar("?")
            }
        case .escape:
            state = .ground
            switch b {
            case UInt8(ascii: "["): state = .csi; params.removeAll(keepingCapacity: true)
            case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"): state = .osc
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "#"), UInt8(ascii: "%"):
                state = .skipOne
            case UInt8(ascii: "7"): saved = (x, y)
            case UInt8(ascii: "8"): (x, y) = saved; wrapPending = false
            case UInt8(ascii: "M"): reverseIndex()
            case UInt8(ascii: "D"): lineFeed()
            case UInt8(ascii: "E"): x = 0; lineFeed()
            case UInt8(ascii: "c"): self = MiniScreen(rows: rows, cols: cols)
            default: break
            }
        case .skipOne:
            state = .ground
        case .osc:
            if b == 0x07 { state = .ground } else if b == 0x1B { state = .oscEscape }
        case .oscEscape:
            state = b == UInt8(ascii: "\\") ? .ground : .osc
        case .csi:
            if b >= 0x40 && b <= 0x7E {
                state = .ground
                csi(b)
            } else if b == 0x1B {
                state = .escape
            } else if b >= 0x20 {
                params.append(b)
            }
        }
    }

    private mutating func printScalar(_ c: Unicode.Scalar) {
        let v = c.value
        if (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || (0x20D0...0x20FF).contains(v) || (0xFE00...0xFE0F).contains(v) {
            return  // zero width: joins the previous cell
        }
        if wrapPending {
            x = 0
            lineFeed()
            wrapPending = false
        }
        cells[y][x] = c
        last = c
        if x == cols - 1 { wrapPending = true } else { x += 1 }
    }

    private mutating func lineFeed() {
        wrapPending = false
        if y == marginBottom {
            scrollUp(1)
        } else if y < rows - 1 {
            y += 1
        }
    }

    private mutating func reverseIndex() {
        wrapPending = false
        if y == marginTop { scrollDown(1) } else if y > 0 { y -= 1 }
    }

    private var blank: [Unicode.Scalar] { Array(repeating: " ", count: cols) }

    private mutating func scrollUp(_ n: Int) {
        for _ in 0..<min(n, marginBottom - marginTop + 1) {
            cells.remove(at: marginTop)
            cells.insert(blank, at: marginBottom)
        }
    }

    private mutating func scrollDown(_ n: Int) {
        for _ in 0..<min(n, marginBottom - marginTop + 1) {
            cells.remove(at: marginBottom)
            cells.insert(blank, at: marginTop)
        }
    }

    private mutating func csi(_ final: UInt8) {
        let isPrivate = params.first.map { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "=") } ?? false
        let values = String(decoding: params.filter { $0 == UInt8(ascii: ";") || isDigitByte($0) }, as: UTF8.self)
            .split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        func p(_ i: Int, _ def: Int) -> Int { i < values.count && values[i] != 0 ? values[i] : def }
        if isPrivate { return }  // modes (?1049h, ?25l, ...): nothing to draw
        let n = p(0, 1)
        switch final {
        case UInt8(ascii: "@"):
            let k = min(n, cols - x)
            cells[y].removeLast(k)
            cells[y].insert(contentsOf: Array(repeating: " ", count: k), at: x)
        case UInt8(ascii: "A"): y = max(0, y - n)
        case UInt8(ascii: "B"), UInt8(ascii: "e"): y = min(rows - 1, y + n)
        case UInt8(ascii: "C"), UInt8(ascii: "a"): x = min(cols - 1, x + n)
        case UInt8(ascii: "D"): x = max(0, x - n)
        case UInt8(ascii: "E"): y = min(rows - 1, y + n); x = 0
        case UInt8(ascii: "F"): y = max(0, y - n); x = 0
        case UInt8(ascii: "G"), UInt8(ascii: "`"): x = min(cols - 1, n - 1)
        case UInt8(ascii: "d"): y = min(rows - 1, n - 1)
        case UInt8(ascii: "H"), UInt8(ascii: "f"):
            y = min(rows - 1, p(0, 1) - 1)
            x = min(cols - 1, p(1, 1) - 1)
        case UInt8(ascii: "J"):
            let mode = values.first ?? 0
            if mode == 0 {
                for c in x..<cols { cells[y][c] = " " }
                for r in (y + 1)..<rows { cells[r] = blank }
            } else if mode == 1 {
                for r in 0..<y { cells[r] = blank }
                for c in 0...min(x, cols - 1) { cells[y][c] = " " }
            } else {
                for r in 0..<rows { cells[r] = blank }
            }
        case UInt8(ascii: "K"):
            let mode = values.first ?? 0
            let range = mode == 0 ? x..<cols : mode == 1 ? 0..<min(cols, x + 1) : 0..<cols
            for c in range { cells[y][c] = " " }
        case UInt8(ascii: "X"):
            for c in x..<min(cols, x + n) { cells[y][c] = " " }
        case UInt8(ascii: "P"):
            let k = min(n, cols - x)
            cells[y].removeSubrange(x..<(x + k))
            cells[y].append(contentsOf: Array(repeating: " ", count: k))
        case UInt8(ascii: "L"):
            if y >= marginTop && y <= marginBottom {
                for _ in 0..<min(n, marginBottom - y + 1) {
                    cells.remove(at: marginBottom)
                    cells.insert(blank, at: y)
                }
            }
            x = 0
        case UInt8(ascii: "M"):
            if y >= marginTop && y <= marginBottom {
                for _ in 0..<min(n, marginBottom - y + 1) {
                    cells.remove(at: y)
                    cells.insert(blank, at: marginBottom)
                }
            }
            x = 0
        case UInt8(ascii: "S"): scrollUp(n)
        case UInt8(ascii: "T"): scrollDown(n)
        case UInt8(ascii: "b"):
            for _ in 0..<n { printScalar(last) }
        case UInt8(ascii: "r"):
            let t = p(0, 1) - 1, b = p(1, rows) - 1
            if t < b && b < rows {
                marginTop = t
                marginBottom = b
            }
            x = 0
            y = 0
        case UInt8(ascii: "s"): saved = (x, y)
        case UInt8(ascii: "u"): (x, y) = saved
        default: break  // SGR (m), modes (h/l), window ops (t), reports
        }
        wrapPending = false
    }

    private func isDigitByte(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
}

extension MiniScreen {
    /// The status line.
    var bottom: String { line(rows - 1) }
}
