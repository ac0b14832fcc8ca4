import BilanCore
import BilanStore
import Foundation

/// Fetches weekly pages politely and imports each in a transaction of its own.
///
/// Per site: robots.txt is read once (a 4xx allows everything; a 5xx or no answer forbids everything,
/// as RFC 9309 asks) and its Crawl-delay raises the interval. Per page: one request per interval at
/// most, retries with doubling waits on 5xx, 429 (its Retry-After honoured) and network errors; 404 and
/// 410, or a page that holds no summary of that week, mean "not published"; anything else fails that
/// page alone. A cancel stops before the next request and aborts the one under way.
public final class Fetcher {
    let transport: HTTPTransport
    /// Sleeps for the given seconds unless cancelled first; false when cancelled.
    let sleep: (Double, CancelFlag) -> Bool
    private var robots: [String: RobotsTxt] = [:]
    private var lastRequest: Date?
    private var parser: SummaryParser?

    /// The longest wait a site's Crawl-delay or Retry-After may impose, in seconds.
    public static let longestWait = 120.0

    public init(
        transport: HTTPTransport = URLSessionTransport(), parser: SummaryParser? = nil,
        sleep: @escaping (Double, CancelFlag) -> Bool = Fetcher.sleep
    ) {
        self.transport = transport
        self.parser = parser
        self.sleep = sleep
    }

    public static func sleep(_ seconds: Double, _ cancel: CancelFlag) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if cancel.isSet { return false }
            Thread.sleep(forTimeInterval: min(0.05, end.timeIntervalSinceNow))
        }
        return !cancel.isSet
    }

    public func run(_ job: FetchJob, store: Store, cancel: CancelFlag, progress: (FetchProgress) -> Void) throws {
        if try store.needsReindex() { try store.reindex(parser: sharedParser()) }
        let total = job.targets.count
        for (i, target) in job.targets.enumerated() {
            if cancel.isSet { return }
            guard let url = job.urls.url(target.range, target.language) else { continue }
            progress(.started(index: i, total: total, target: target, url: url.absoluteString))
            guard let report = try fetch(target, url, job, store, cancel, progress) else { return }
            progress(.finished(index: i, total: total, report: report))
        }
    }

    private func sharedParser() -> SummaryParser {
        if let parser { return parser }
        let p = SummaryParser()
        parser = p
        return p
    }

    /// One page: nil when cancelled (nothing of it stored).
    func fetch(
        _ target: FetchTarget, _ url: URL, _ job: FetchJob, _ store: Store, _ cancel: CancelFlag, _ progress: (FetchProgress) -> Void
    ) throws -> FetchReport? {
        let address = url.absoluteString
        func report(_ status: FetchReport.Status, _ detail: String?, week: WeekInfo? = nil) -> FetchReport {
            FetchReport(target: target, url: address, status: status, week: week, detail: detail)
        }
        guard let rules = robotsTxt(for: url, job, cancel) else { return nil }
        var path = url.path.isEmpty ? "/" : url.path
        if let q = url.query { path += "?" + q }
        guard rules.allows(path) else {
            if let why = rules.unreadable {
                return report(.failed, "the site's robots.txt could not be read (\(why)), so nothing is fetched from the site")
            }
            return report(.forbidden, "the site's robots.txt disallows \(path)")
        }
        let interval = max(job.interval, min(rules.crawlDelay ?? 0, Fetcher.longestWait))
        var attempt = 0
        while true {
            guard pace(interval, cancel) else { return nil }
            let outcome = transport.get(url, limits(job), cancel: cancel)
            lastRequest = Date()
            var retryReason: String
            var retryAfter: Double? = nil
            switch outcome {
            case .failure(.cancelled):
                return nil
            case .failure(let f) where f.isTransient:
                retryReason = f.description
            case .failure(let f):
                return report(.failed, f.description)
            case .success(let r) where r.status == 404 || r.status == 410:
                return report(.notPublished, "HTTP \(r.status)")
            case .success(let r) where r.status >= 500 || r.status == 429:
                retryReason = "HTTP \(r.status)"
                retryAfter = r.headers["retry-after"].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            case .success(let r) where !(200..<300).contains(r.status):
                return report(.failed, "HTTP \(r.status)")
            case .success(let r):
                return try importPage(r, target, address, store, report)
            }
            guard attempt < job.retries else {
                return report(.failed, "\(retryReason), after \(attempt + 1) attempt\(attempt == 0 ? "" : "s")")
            }
            let wait = min(max(retryAfter ?? 0, max(job.interval, 0.1) * Double(1 << attempt)), Fetcher.longestWait)
            progress(.retrying(target: target, attempt: attempt + 1, after: wait, reason: retryReason))
            guard sleep(wait, cancel) else { return nil }
            attempt += 1
        }
    }

    func limits(_ job: FetchJob) -> HTTPLimits {
        HTTPLimits(userAgent: job.userAgent, timeout: job.timeout, maximumBytes: job.maximumBytes, maximumRedirects: job.maximumRedirects)
    }

    /// Waits until `interval` seconds have passed since the last request; false when cancelled.
    func pace(_ interval: Double, _ cancel: CancelFlag) -> Bool {
        guard let last = lastRequest else { return !cancel.isSet }
        let wait = interval - Date().timeIntervalSince(last)
        return wait > 0 ? sleep(wait, cancel) : !cancel.isSet
    }

    /// The site's rules, read once per origin; nil when cancelled.
    func robotsTxt(for url: URL, _ job: FetchJob, _ cancel: CancelFlag) -> RobotsTxt? {
        guard let scheme = url.scheme, let host = url.host else { return .disallowAll }
        let origin = "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
        if let known = robots[origin] { return known }
        guard let robotsURL = URL(string: origin + "/robots.txt") else { return .disallowAll }
        guard pace(job.interval, cancel) else { return nil }
        var limits = limits(job)
        limits.maximumBytes = 512 * 1024
        let outcome = transport.get(robotsURL, limits, cancel: cancel)
        lastRequest = Date()
        let rules: RobotsTxt
        switch outcome {
        case .failure(.cancelled): return nil
        case .success(let r) where (200..<300).contains(r.status):
            rules = RobotsTxt(String(decoding: r.body, as: UTF8.self), agent: "bilan")
        case .success(let r) where (400..<500).contains(r.status) || r.status < 200 || (300..<400).contains(r.status):
            rules = .allowAll
        case .failure(.tooLarge):
            rules = .allowAll
        case .success(let r):
            rules = .unreadable("HTTP \(r.status)")
        case .failure(let f):
            rules = .unreadable(f.description)
        }
        robots[origin] = rules
        return rules
    }

    static func looksLikeHTML(_ body: Data) -> Bool {
        let head = String(decoding: body.prefix(1024), as: UTF8.self).lowercased()
        return head.contains("<!doctype html") || head.contains("<html")
    }

    /// Extracts, parses, checks and stores one page.
    func importPage(
        _ r: HTTPResponse, _ target: FetchTarget, _ address: String, _ store: Store,
        _ report: (FetchReport.Status, String?, WeekInfo?) -> FetchReport
    ) throws -> FetchReport {
        // A server that does not know the type (a folder served as is) gets its content sniffed.
        if let type = r.contentType?.lowercased(), !type.contains("html"),
            !(type.hasPrefix("application/octet-stream") && Fetcher.looksLikeHTML(r.body))
        {
            let shown = type.split(separator: ";").first.map(String.init) ?? type
            return report(.failed, "not a web page (content type \(shown))", nil)
        }
        let text: String
        do {
            text = try PageExtractor.extractText(r.body, source: address)
        } catch let e as ParseError {
            return report(.notPublished, "no summary in the page: \(e.message)", nil)
        }
        let week: Week
        do {
            week = try sharedParser().parse(text, source: address)
        } catch let e as ParseError {
            return report(.failed, e.message, nil)
        }
        guard week.range == target.range, week.language == target.language else {
            return report(.notPublished, "the page holds week \(week.range.id) \(week.language.rawValue) instead", nil)
        }
        let hash = ContentHash.of(text)
        let outcome = try store.importKnown(hash: hash, source: address) ?? store.store(week, hash: hash, source: address)
        switch outcome {
        case .added(let w): return report(.added, nil, w)
        case .updated(let w, let previous): return report(.updated, previous, w)
        case .unchanged(let w): return report(.unchanged, nil, w)
        case .rejected(let e): return report(.failed, e.message, nil)
        }
    }
}
