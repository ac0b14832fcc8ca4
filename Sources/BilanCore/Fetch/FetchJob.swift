import Foundation

/// Where a week's page lives: a template with `{base}`, `{lang}`, `{first}`, `{last}` and `{range}`
/// (`971-975`), e.g. the default `{base}/{lang}/{range}`.
public struct URLTemplate: Sendable, Hashable {
    public static let standard = "{base}/{lang}/{range}"
    public var template: String
    public var base: String

    /// The template over `base`, or why it cannot be used: it names no week, or it is not an http(s) address.
    public static func make(template: String?, base: String) -> Result<URLTemplate, FetchSetupError> {
        let t = template ?? standard
        let b = base.hasSuffix("/") ? String(base.dropLast()) : base
        guard t.contains("{range}") || t.contains("{first}") else {
            return .failure(FetchSetupError("the URL template “\(t)” names no week: use {range} or {first} and {last}"))
        }
        let sample = URLTemplate(template: t, base: b).url(DayRange(first: 971, last: 975), .fr)
        // The base's own host: "https://" less its slash would otherwise lend the path's first segment as one.
        guard let url = sample, let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil,
            !t.contains("{base}") || URL(string: b)?.host?.isEmpty == false
        else {
            return .failure(FetchSetupError("“\(template ?? b)” is not an http(s) address"))
        }
        return .success(URLTemplate(template: t, base: b))
    }

    public func url(_ range: DayRange, _ language: Language) -> URL? {
        let s = template.replacingOccurrences(of: "{base}", with: base)
            .replacingOccurrences(of: "{lang}", with: language.rawValue)
            .replacingOccurrences(of: "{range}", with: "\(range.first)-\(range.last)")
            .replacingOccurrences(of: "{first}", with: "\(range.first)")
            .replacingOccurrences(of: "{last}", with: "\(range.last)")
        return URL(string: s)
    }
}

public struct FetchSetupError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// One page to fetch: a week in one language.
public struct FetchTarget: Sendable, Hashable, CustomStringConvertible {
    public var range: DayRange
    public var language: Language
    public init(range: DayRange, language: Language) {
        self.range = range
        self.language = language
    }
    public var description: String { "\(range.id) \(language.rawValue)" }
}

/// How to fetch: politeness, limits and what to fetch.
public struct FetchJob: Sendable {
    public var targets: [FetchTarget]
    public var urls: URLTemplate
    /// Seconds between two requests to the site (at least 1 for any host but this machine's).
    public var interval: Double
    /// Seconds a request may take, from sending it to the last byte.
    public var timeout: Double
    /// Attempts after the first on a 5xx, a 429 or a network error, with doubling waits.
    public var retries: Int
    public var maximumBytes: Int
    public var maximumRedirects: Int
    public var userAgent: String

    public init(
        targets: [FetchTarget], urls: URLTemplate, interval: Double = 1, timeout: Double = 30, retries: Int = 3,
        maximumBytes: Int = 5 * 1024 * 1024, maximumRedirects: Int = 5, userAgent: String
    ) {
        self.targets = targets
        self.urls = urls
        self.interval = interval
        self.timeout = timeout
        self.retries = retries
        self.maximumBytes = maximumBytes
        self.maximumRedirects = maximumRedirects
        self.userAgent = userAgent
    }
}

/// What became of one page.
public struct FetchReport: Sendable {
    public enum Status: String, Sendable {
        case added, updated, unchanged
        /// 404 or 410, or a page that holds no summary of that week: not published (yet).
        case notPublished = "not_published"
        /// robots.txt forbids the page.
        case forbidden
        /// Everything else: an HTTP error after the retries, a timeout, an oversize or non-HTML response.
        case failed
    }
    public var target: FetchTarget
    public var url: String
    public var status: Status
    public var week: WeekInfo?
    public var detail: String?

    public init(target: FetchTarget, url: String, status: Status, week: WeekInfo? = nil, detail: String? = nil) {
        self.target = target
        self.url = url
        self.status = status
        self.week = week
        self.detail = detail
    }
}

/// What a fetch tells as it goes.
public enum FetchProgress: Sendable {
    /// Page `index` (from 0) of `total` is being requested.
    case started(index: Int, total: Int, target: FetchTarget, url: String)
    /// Waiting before trying again.
    case retrying(target: FetchTarget, attempt: Int, after: Double, reason: String)
    case finished(index: Int, total: Int, report: FetchReport)
}

/// Set once, from any thread (a signal handler's queue), read by the work it stops.
public final class CancelFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var set = false
    public init() {}
    public var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return set
    }
    public func cancel() {
        lock.lock()
        set = true
        lock.unlock()
    }
}
