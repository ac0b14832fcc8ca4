import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `bilan-bench ssh`: `bilan serve` on loopback, measured from the outside with the real OpenSSH
/// client (`ssh -tt`, one per session, each on a pseudo-terminal of its own read by `MiniScreen`).
///
///     swift build -c release --static-swift-stdlib
///     .build/release/bilan-bench ssh [--weeks 10000] [--sessions 1,10,50] [--rounds 20] [--runs 7] [--db PATH] [--dir .build/bench]
///
/// The archive is the browser benchmark's `DIR/browser-N.sqlite` (made the same way when missing).
///
/// - first frame: from the spawn of `ssh` (so it includes the client's own start, the TCP connect,
///   key exchange and login, the browser's start and its first queries) until the screen shows the
///   full weeks view, as `bilan-bench browser` defines it. `--runs` connections, one at a time.
/// - keypress → screen update with 1, 10 and 50 sessions open at once: in each of `--rounds` rounds
///   every session gets `j` (then `k`) at the same moment, the worst case for the server, and each
///   measures until its status counter moved.
/// - memory: PSS of the server process and of each session's browser process (from
///   /proc/PID/smaps_rollup) with the sessions open.
enum SSHBench {
    static let rows = 24, cols = 80

    static func main(_ args: [String]) -> Int32 {
        func option(_ name: String) -> String? {
            if let i = args.firstIndex(of: name), i + 1 < args.count { return args[i + 1] }
            return nil
        }
        if args.contains("-h") || args.contains("--help") {
            out("usage: bilan-bench ssh [--weeks N] [--sessions 1,10,50] [--rounds N] [--runs N] [--db PATH] [--dir DIR] [--bilan PATH]")
            return 0
        }
        let weeks = Int(option("--weeks") ?? "") ?? 10000
        let levels = (option("--sessions") ?? "1,10,50").split(separator: ",").compactMap { Int($0) }
        let rounds = max(1, Int(option("--rounds") ?? "") ?? 20)
        let runs = max(1, Int(option("--runs") ?? "") ?? 7)
        let dir = option("--dir") ?? ".build/bench"
        let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        let bilan = option("--bilan") ?? binDir + "/bilan"
        guard let ssh = which("ssh") else {
            warn("needs the OpenSSH client (apt-get install openssh-client)")
            return 2
        }
        guard FileManager.default.isExecutableFile(atPath: bilan),
            FileManager.default.isExecutableFile(atPath: (bilan as NSString).deletingLastPathComponent + "/bilan-serve")
        else {
            warn("\(bilan) and bilan-serve beside it are needed; build them first (swift build -c release --static-swift-stdlib)")
            return 2
        }
        do {
            let db = try option("--db") ?? BrowserBench.prepareDatabase(weeks: weeks, dir: dir, bilan: bilan)
            guard let total = BrowserBench.rangeCount(bilan: bilan, db: db), total > 0 else {
                warn("cannot read \(db)")
                return 1
            }
            let server = try Server(bilan: bilan, db: db, dir: dir, maxSessions: (levels.max() ?? 50) + 8)
            defer { server.stop() }
            out("bilan-bench ssh: \(weeks) summaries (\(total) ranges), server pid \(server.pid) on 127.0.0.1:\(server.port), \(ssh)")

            let firstFrames = try (0..<runs).map { _ in
                try newSessionFirstFrame(ssh: ssh, port: server.port, total: total, what: "one session")
            }
            out("")
            out("| measure (release, loopback, \(weeks) summaries, 80x24) | p50 | p99 | max | budget |")
            out("|---|---|---|---|---|")
            let ff50 = percentile(firstFrames, 0.5), ffMax = firstFrames.max() ?? .nan
            out("| first full frame, ssh spawn → weeks view (\(runs) runs) | \(ms(ff50)) | | \(ms(ffMax)) | ≤ 500 ms: \(ffMax <= 0.5 ? "met" : "MISSED") |")
            Record.add("ssh", "ssh: first full frame, one session (ssh spawn → weeks view)", size: weeks, samples: firstFrames, unit: "ms")

            var memory: [String] = []
            for n in levels {
                var apps: [PtyApp] = []
                defer { apps.forEach { $0.quit() } }
                for i in 0..<n {
                    apps.append(try connect(ssh: ssh, port: server.port))
                    if i % 10 == 9 { usleep(200_000) }  // below the per-address connection rate
                }
                for app in apps {
                    guard app.waitFor(60, { BrowserBench.firstFrame($0, total: total) }) != nil else {
                        throw BrowserBench.Failure(description: "a session of \(n) showed no first frame\n" + app.screen.dump())
                    }
                }
                var latencies: [Double] = []
                for r in 0..<rounds {
                    let key = r % 2 == 0 ? "j" : "k"
                    let expected = r % 2 == 0 ? 2 : 1
                    latencies += try pressAll(apps, key) { s in
                        BrowserBench.counter(s.bottom).map { $0.0 == expected } ?? false
                    }
                }
                // A newcomer's wait while the n sessions are open: 3 connections, one at a time.
                let joins = try (0..<3).map { _ in
                    try newSessionFirstFrame(ssh: ssh, port: server.port, total: total, what: "\(n) sessions open")
                }
                out("| first full frame of a new session with \(n) open | \(ms(percentile(joins, 0.5))) | | \(ms(joins.max() ?? .nan)) | |")
                Record.add("ssh", "ssh: first full frame of a new session with \(n) open", size: weeks, samples: joins, unit: "ms")
                let p99 = percentile(latencies, 0.99)
                let budget = n >= 50 ? "≤ 100 ms p99: \(p99 <= 0.1 ? "met" : "MISSED")" : ""
                Record.add("ssh", "ssh: keypress → update with \(n) session\(n == 1 ? "" : "s") open", size: weeks, samples: latencies, unit: "ms")
                Record.value("ssh", "ssh: keypress p99 with \(n) session\(n == 1 ? "" : "s") open", size: weeks, p99 * 1000, unit: "ms")
                out("| keypress → update, \(n) session\(n == 1 ? "" : "s") (\(latencies.count) keys, all at once) | \(ms(percentile(latencies, 0.5))) | \(ms(p99)) | \(ms(latencies.max() ?? .nan)) | \(budget) |")
                let children = childPids(of: server.pid)
                let pss = children.compactMap(pssKB)
                let serverPSS = pssKB(server.pid) ?? .nan
                Record.add("ssh", "ssh: memory per session with \(n) open (browser PSS)", size: weeks, samples: pss.map { $0 / 1024 }, unit: "MB")
                Record.value("ssh", "ssh: server memory with \(n) session\(n == 1 ? "" : "s") (PSS)", size: weeks, serverPSS / 1024, unit: "MB")
                memory.append(
                    String(
                        format: "| memory with %d session%@ | server %.1f MB | browser median %.1f MB, max %.1f MB | total %.1f MB | ≤ 40 MB per session: %@ |",
                        n, n == 1 ? "" : "s", serverPSS / 1024, percentile(pss, 0.5) / 1024, (pss.max() ?? .nan) / 1024,
                        (serverPSS + pss.reduce(0, +)) / 1024, (pss.max() ?? 0) / 1024 <= 40 ? "met" : "MISSED"))
            }
            for m in memory { out(m) }
            return 0
        } catch {
            warn("\(error)")
            return 1
        }
    }

    /// Connects one more session and returns the time from the spawn of `ssh` to its full weeks view.
    static func newSessionFirstFrame(ssh: String, port: Int, total: Int, what: String) throws -> Double {
        let app = try connect(ssh: ssh, port: port)
        defer { app.quit() }
        guard let t = app.waitFor(30, { BrowserBench.firstFrame($0, total: total) }) else {
            throw BrowserBench.Failure(description: "no first frame over ssh in 30 s (\(what))\n" + app.screen.dump())
        }
        return t - app.started
    }

    static func out(_ s: String) { FileHandle.standardOutput.write(Data((s + "\n").utf8)) }
    static func warn(_ s: String) { FileHandle.standardError.write(Data("bilan-bench ssh: \(s)\n".utf8)) }

    static func connect(ssh: String, port: Int) throws -> PtyApp {
        try PtyApp(
            argv: [
                ssh, "-tt", "-p", "\(port)", "-F", "/dev/null", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "-o", "PubkeyAuthentication=no", "reader@127.0.0.1",
            ], rows: rows, cols: cols)
    }

    /// Sends `key` to every session at once; the time each took until `done` held on its screen.
    static func pressAll(_ apps: [PtyApp], _ key: String, done: (MiniScreen) -> Bool) throws -> [Double] {
        var sent: [Double] = apps.map { $0.send(key) }
        var result = [Double?](repeating: nil, count: apps.count)
        let deadline = now() + 10
        while result.contains(where: { $0 == nil }) {
            guard now() < deadline else {
                let stuck = result.firstIndex(where: { $0 == nil })!
                throw BrowserBench.Failure(description: "session \(stuck) of \(apps.count) did not update within 10 s after “\(key)”:\n" + apps[stuck].screen.dump())
            }
            var fds = apps.enumerated().filter { result[$0.offset] == nil }.map { pollfd(fd: $0.element.fd, events: Int16(POLLIN), revents: 0) }
            let index = apps.enumerated().filter { result[$0.offset] == nil }.map(\.offset)
            guard poll(&fds, nfds_t(fds.count), 100) > 0 else { continue }
            for (k, p) in fds.enumerated() where p.revents != 0 {
                let i = index[k]
                if apps[i].readOnce(wait: 0) > 0, done(apps[i].screen) { result[i] = apps[i].lastRead - sent[i] }
            }
        }
        // Let the rest of each frame arrive before the next round.
        for app in apps { _ = app.waitQuiet(0.03, timeout: 1) }
        sent.removeAll()
        return result.compactMap { $0 }
    }

    static func childPids(of parent: pid_t) -> [pid_t] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return names.compactMap { name -> pid_t? in
            guard let pid = pid_t(name), let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == parent ? pid : nil
        }
    }

    static func pssKB(_ pid: pid_t) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("Pss:") {
            return Double(line.split(separator: " ", omittingEmptySubsequences: true)[1])
        }
        return nil
    }

    /// `bilan serve` on 127.0.0.1, a free port, limits raised for one address.
    final class Server {
        let pid: pid_t
        let port: Int
        let dir: String

        init(bilan: String, db: String, dir: String, maxSessions: Int) throws {
            self.dir = dir + "/ssh-bench-\(getpid())"
            try FileManager.default.createDirectory(atPath: self.dir, withIntermediateDirectories: true)
            let outPath = self.dir + "/stdout", errPath = self.dir + "/stderr"
            var fa = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&fa)
            defer { posix_spawn_file_actions_destroy(&fa) }
            posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&fa, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&fa, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            let argv = ([
                bilan, "serve", "--db", db, "--listen", "127.0.0.1:0", "--host-key", self.dir + "/host_key",
                "--max-sessions", "\(maxSessions)", "--max-per-ip", "\(maxSessions)", "--max-new-per-second", "1000",
            ] as [String]).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            let env = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer { env.forEach { free($0) } }
            var pid: pid_t = 0
            guard posix_spawn(&pid, bilan, &fa, nil, argv, env) == 0 else {
                throw BrowserBench.Failure(description: "cannot start bilan serve")
            }
            self.pid = pid
            let deadline = now() + 60
            var found: Int?
            while found == nil && now() < deadline {
                if let text = try? String(contentsOfFile: outPath, encoding: .utf8),
                    let r = text.range(of: "listening on 127.0.0.1:")
                {
                    found = Int(text[r.upperBound...].prefix { $0.isNumber })
                }
                if found == nil { usleep(50_000) }
            }
            guard let found else {
                kill(pid, SIGKILL)
                throw BrowserBench.Failure(description: "bilan serve did not start; see \(errPath)")
            }
            port = found
        }

        func stop() {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            // The server's log stays in DIR/ssh-bench-PID/stderr.
        }
    }
}
