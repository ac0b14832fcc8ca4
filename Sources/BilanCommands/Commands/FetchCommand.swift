import ArgumentParser
import BilanCore
import BilanStore
import Foundation

struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download weeks from the publisher and import them.",
        discussion: """
            WEEK is a range (971-975), a day inside it (973) or a date (2024-10-23); FROM..TO (days or \
            dates: 957..975, 2024-10-01..2024-10-31) means every weekly range that overlaps it (weekly \
            ranges run Monday to Friday: 971-975, 978-982, …). --latest fetches from the newest stored \
            week up to today in Kyiv (the last four weeks when none is stored), for a cron job.

            Weeks already stored in that language are skipped unless --refresh. A 404, or a page that holds \
            no summary of that week, is reported as not published; that is an error only when one WEEK \
            was asked for. Each page is imported in a transaction of its own, so Ctrl-C keeps every \
            finished week and no half week; running the same command again resumes.

            Polite by default: the site's robots.txt is honoured (its Crawl-delay too), one request a \
            second at most, a User-Agent naming bilan, a timeout, retries with doubling waits on 5xx, 429 and \
            network errors, at most 5 MB a page and 5 redirects, http(s) only.

            Pages are read by bilan-web (installed next to bilan), which holds the HTML parser and the HTTP client.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Weeks or spans to fetch.", valueName: "week|from..to")) var weeks: [String] = []
    @Flag(help: "From the newest stored week up to today (Kyiv).") var latest = false
    @Option(help: ArgumentHelp("fr, en or both.", valueName: "lang")) var lang: FetchLanguages = .both
    @Option(help: ArgumentHelp("The site (default $BILAN_BASE_URL, else https://uacrisis.org).", valueName: "url"))
    var baseURL: String?
    @Option(help: ArgumentHelp("Where a week's page is, with {base} {lang} {range} {first} {last}.", valueName: "template"))
    var urlTemplate: String?
    @Flag(help: "Fetch weeks that are already stored again.") var refresh = false
    @Option(help: ArgumentHelp("Seconds between requests (at least 1, except to this machine).", valueName: "seconds"))
    var interval: Double = 1
    @Option(help: ArgumentHelp("Seconds a request may take.", valueName: "seconds")) var timeout: Double = 30
    @Option(help: "Retries on a server or network error.") var retries = 3
    @Flag(name: .long, help: "Print the report as JSON.") var json = false

    enum FetchLanguages: String, ExpressibleByArgument, CaseIterable {
        case fr, en, both
        var languages: [Language] {
            switch self {
            case .fr: return [.fr]
            case .en: return [.en]
            case .both: return [.fr, .en]
            }
        }
    }

    func validate() throws {
        if weeks.isEmpty && !latest { throw ValidationError("name the weeks to fetch (971-975, 957..975) or use --latest") }
        for w in weeks {
            guard let span = FetchSpan(w) else {
                throw ValidationError("“\(Output.safe(w))” is neither a week (971-975, 973, 2024-10-23) nor a span (957..975)")
            }
            if span.ranges.isEmpty {
                throw ValidationError("“\(Output.safe(w))” holds no weekly range (they run Monday to Friday, from day 5)")
            }
        }
        if case .failure(let e) = URLTemplate.make(template: urlTemplate, base: FetchCommand.site(baseURL)) { throw ValidationError(e.description) }
        guard interval >= 0, interval <= 3600 else { throw ValidationError("--interval must be between 0 and 3600 seconds") }
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds") }
        guard (0...10).contains(retries) else { throw ValidationError("--retries must be between 0 and 10") }
        let urls = try URLTemplate.make(template: urlTemplate, base: FetchCommand.site(baseURL)).get()
        if interval < 1, let host = urls.url(DayRange(first: 5, last: 9), .fr)?.host, !FetchCommand.isLoopback(host) {
            throw ValidationError("--interval below 1 second is only for a server on this machine, not \(host)")
        }
    }

    /// --base-url, else $BILAN_BASE_URL (which `R` in the browser uses too), else the publisher.
    static func site(_ option: String?) -> String {
        if let option { return option }
        if let env = ProcessInfo.processInfo.environment["BILAN_BASE_URL"], !env.isEmpty { return env }
        return "https://uacrisis.org"
    }

    static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return h == "localhost" || h == "::1" || h.hasPrefix("127.")
    }

    func run() throws {
        if Output.restricted {
            Output.error("fetch writes to the archive; it is not offered to remote readers")
            throw ExitCode(1)
        }
        guard let hooks = WebHooks.installed else { try Sibling.exec("bilan-web", Sibling.sameArguments) }
        try Output.run {
            let store = try global.openForWriting()
            let stored = Set(try store.weeks().filter { !$0.sample }.map { FetchTarget(range: $0.range, language: $0.language) })
            let ranges = plannedRanges(stored: stored.map(\.range))
            var targets: [FetchTarget] = []
            var already: [FetchTarget] = []
            for r in ranges {
                for l in lang.languages {
                    let t = FetchTarget(range: r, language: l)
                    if stored.contains(t) && !refresh { already.append(t) } else { targets.append(t) }
                }
            }
            let urls = try URLTemplate.make(template: urlTemplate, base: FetchCommand.site(baseURL)).get()
            let job = FetchJob(
                targets: targets, urls: urls, interval: interval, timeout: timeout, retries: retries,
                userAgent: "bilan/\(Bilan.version) (terminal reader of the UCMC weekly summaries)")
            let report = FetchPrinter(json: json, total: targets.count)
            for t in already { report.alreadyStored(t) }
            report.planned(targets.count, from: urls)
            let cancel = CancelFlag()
            let interrupt = FetchCommand.catchInterrupt(cancel, report)
            defer { interrupt.cancel() }
            if !targets.isEmpty {
                try hooks.fetch(job, store, cancel) { report.progress($0) }
            }
            report.finish(alreadyStored: already.count, interrupted: cancel.isSet)
            if cancel.isSet { throw ExitCode(130) }
            let single = !latest && weeks.count == 1 && { if case .week = FetchSpan(weeks[0]) { return true } else { return false } }()
            if report.failures > 0 { throw ExitCode(1) }
            if single && !targets.isEmpty && report.imported == 0 && already.isEmpty {
                Output.error("week \(ranges[0].id) is not published (yet)")
                throw ExitCode(1)
            }
        }
    }

    /// The weekly ranges asked for, oldest first, each once.
    func plannedRanges(stored: [DayRange]) -> [DayRange] {
        var ranges = Set(weeks.compactMap { FetchSpan($0) }.flatMap(\.ranges))
        if latest {
            let today = PublishedWeeks.today()
            let from = stored.map(\.first).max() ?? max(5, today - 27)
            ranges.formUnion(PublishedWeeks.ranges(overlapping: min(from, today), today))
        }
        return ranges.sorted()
    }

    /// First Ctrl-C: finish no new page, abort the one under way (its week is not stored). Second: quit.
    static func catchInterrupt(_ cancel: CancelFlag, _ report: FetchPrinter) -> DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            if cancel.isSet { _exit(130) }
            cancel.cancel()
            report.note("stopping: the page under way is dropped, finished weeks are kept (Ctrl-C again quits at once)")
        }
        source.resume()
        return source
    }
}

/// The fetch report: a line per page on stdout (errors on stderr), a progress bar on stderr when it is
/// a terminal, or JSON at the end.
final class FetchPrinter: @unchecked Sendable {
    let json: Bool
    let total: Int
    let bar = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var counts: [FetchReport.Status: Int] = [:]
    private var rows: [JSON] = []
    private var barShown = false

    init(json: Bool, total: Int) {
        self.json = json
        self.total = total
    }

    var failures: Int { lock.withLock { counts[.failed, default: 0] + counts[.forbidden, default: 0] } }
    var imported: Int { lock.withLock { counts[.added, default: 0] + counts[.updated, default: 0] + counts[.unchanged, default: 0] } }

    func alreadyStored(_ t: FetchTarget) {
        lock.withLock {
            if json {
                rows.append(row(t, url: nil, status: "stored", week: nil, detail: "already stored; --refresh fetches it again"))
            } else {
                print("stored         \(t)  (already in the archive)")
            }
        }
    }

    /// "fetching 6 pages from https://uacrisis.org", or that there is nothing to fetch.
    func planned(_ count: Int, from urls: URLTemplate) {
        guard !json else { return }
        if count == 0 {
            print("nothing to fetch: every week asked for is stored (--refresh fetches them again)")
        } else {
            let site = urls.url(DayRange(first: 5, last: 9), .fr).flatMap { u in u.host.map { (u.scheme ?? "https") + "://" + $0 + (u.port.map { ":\($0)" } ?? "") } }
            print(Output.safe("fetching \(Output.count(count, "page")) from \(site ?? urls.base)"))
        }
        fflush(nil)
    }

    func progress(_ p: FetchProgress) {
        lock.withLock {
            switch p {
            case .started(let i, let n, let t, _):
                drawBar(i, n, "\(t)")
            case .retrying(let t, let attempt, let after, let reason):
                clearBar()
                Output.stderr("retrying      \(t)  in \(Int(after.rounded(.up))) s (attempt \(attempt + 1)): \(reason)")
            case .finished(let i, let n, let r):
                clearBar()
                counts[r.status, default: 0] += 1
                if json {
                    rows.append(row(r.target, url: r.url, status: r.status.rawValue, week: r.week, detail: r.detail))
                } else {
                    line(r)
                }
                if i + 1 < n { drawBar(i + 1, n, "") }
            }
            fflush(nil)
        }
    }

    /// A sentence on stderr, below the progress bar.
    func note(_ text: String) {
        lock.withLock {
            clearBar()
            Output.stderr("bilan fetch: " + text)
        }
    }

    private func line(_ r: FetchReport) {
        let t = "\(r.target)"
        switch r.status {
        case .added: print(Output.safe("added          \(t)  \(r.url) (\(Output.count(r.week?.eventCount ?? 0, "event")))"))
        case .updated: print(Output.safe("updated        \(t)  \(r.url) (replaces \(r.detail ?? "an earlier version"))"))
        case .unchanged: print(Output.safe("unchanged      \(t)  \(r.url)"))
        case .notPublished: print(Output.safe("not published  \(t)  \(r.url) (\(r.detail ?? "404"))"))
        case .forbidden: Output.stderr("forbidden      \(t)  \(r.url) (\(r.detail ?? "robots.txt"))")
        case .failed: Output.stderr("failed         \(t)  \(r.url): \(r.detail ?? "")")
        }
    }

    private func row(_ t: FetchTarget, url: String?, status: String, week: WeekInfo?, detail: String?) -> JSON {
        .object([
            ("week", .string(t.range.id)), ("language", .string(t.language.rawValue)), ("url", .str(url)),
            ("status", .string(status)), ("events", .num(week?.eventCount)), ("detail", .str(detail)),
        ])
    }

    private func drawBar(_ done: Int, _ n: Int, _ label: String) {
        guard bar, n > 0 else { return }
        let width = 24
        let filled = width * done / n
        let text = "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] \(done)/\(n) \(label)"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + Output.safe(text)).utf8))
        barShown = true
    }

    private func clearBar() {
        guard barShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        barShown = false
    }

    func finish(alreadyStored: Int, interrupted: Bool) {
        lock.withLock {
            clearBar()
            if json {
                print(JSON.array(rows).render())
                return
            }
            let order: [FetchReport.Status] = [.added, .updated, .unchanged, .notPublished, .forbidden, .failed]
            var parts = order.map { "\(counts[$0, default: 0]) \($0 == .notPublished ? "not published" : $0.rawValue)" }
            parts.append("\(alreadyStored) already stored")
            print(parts.joined(separator: ", ") + (interrupted ? " (interrupted: run the same command again to resume)" : ""))
        }
    }
}
