import BilanCore
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A finished HTTP exchange (any status).
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: Data
    public var contentType: String? { headers["content-type"] }
}

/// Why a request gave no response.
public enum HTTPFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case timeout(Double)
    case tooLarge(limit: Int)
    case tooManyRedirects(Int)
    case redirectNotHTTP(String)
    case network(String)
    case cancelled

    /// Worth trying again after a while.
    public var isTransient: Bool {
        switch self {
        case .timeout, .network: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .timeout(let s): return "no complete answer within \(DurationLabel.seconds(s))"
        case .tooLarge(let n): return "the response is over the \(n / 1024 / 1024) MB limit"
        case .tooManyRedirects(let n): return "more than \(n) redirects (a redirect loop?)"
        case .redirectNotHTTP(let u): return "redirected to \(u), which is not http(s)"
        case .network(let m): return m
        case .cancelled: return "interrupted"
        }
    }
}

enum DurationLabel {
    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) s" : String(format: "%.1f s", s)
    }
}

/// Limits for one GET.
public struct HTTPLimits: Sendable {
    public var userAgent: String
    public var timeout: Double
    public var maximumBytes: Int
    public var maximumRedirects: Int
    public init(userAgent: String, timeout: Double, maximumBytes: Int, maximumRedirects: Int) {
        self.userAgent = userAgent
        self.timeout = timeout
        self.maximumBytes = maximumBytes
        self.maximumRedirects = maximumRedirects
    }
}

/// Something that GETs a URL: URLSession in bilan-web, a scripted stand-in in tests.
public protocol HTTPTransport: Sendable {
    func get(_ url: URL, _ limits: HTTPLimits, cancel: CancelFlag) -> Result<HTTPResponse, HTTPFailure>
}

/// GET over URLSession (libcurl underneath on Linux): the body is capped as it arrives, redirects are
/// counted and must stay http(s), the whole exchange has one deadline, and a cancel aborts it.
public struct URLSessionTransport: HTTPTransport {
    public init() {}

    public func get(_ url: URL, _ limits: HTTPLimits, cancel: CancelFlag) -> Result<HTTPResponse, HTTPFailure> {
        let exchange = Exchange(limits: limits)
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = limits.timeout
        config.timeoutIntervalForResource = limits.timeout
        config.httpCookieAcceptPolicy = .never
        config.urlCache = nil
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        config.httpAdditionalHeaders = ["User-Agent": limits.userAgent, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"]
        let session = URLSession(configuration: config, delegate: exchange, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        var request = URLRequest(url: url)
        request.setValue(limits.userAgent, forHTTPHeaderField: "User-Agent")
        let task = session.dataTask(with: request)
        task.resume()
        let deadline = Date().addingTimeInterval(limits.timeout)
        while exchange.done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if cancel.isSet {
                exchange.fail(.cancelled)
                task.cancel()
                _ = exchange.done.wait(timeout: .now() + .milliseconds(200))
                return .failure(.cancelled)
            }
            if Date() > deadline {
                exchange.fail(.timeout(limits.timeout))
                task.cancel()
                _ = exchange.done.wait(timeout: .now() + .milliseconds(200))
                return .failure(.timeout(limits.timeout))
            }
        }
        return exchange.result()
    }

    /// One request's state, fed by URLSession's delegate calls on its own queue.
    final class Exchange: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        let limits: HTTPLimits
        let done = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var body = Data()
        private var response: HTTPURLResponse?
        private var failure: HTTPFailure?
        private var redirects = 0

        init(limits: HTTPLimits) { self.limits = limits }

        func fail(_ f: HTTPFailure) {
            lock.withLock { if failure == nil { failure = f } }
        }

        func result() -> Result<HTTPResponse, HTTPFailure> {
            lock.withLock {
                if let failure { return .failure(failure) }
                guard let r = response else { return .failure(.network("no response")) }
                var headers: [String: String] = [:]
                for (k, v) in r.allHeaderFields {
                    if let k = k as? String, let v = v as? String { headers[k.lowercased()] = v }
                }
                return .success(HTTPResponse(status: r.statusCode, headers: headers, body: body))
            }
        }

        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
        ) {
            // The Location as the server wrote it: Foundation on Linux turns an absolute file: or
            // ftp: address into a path on the same site, so the new request alone would not tell.
            let location = (response.allHeaderFields.first { ($0.key as? String)?.lowercased() == "location" }?.value as? String) ?? ""
            let written = Exchange.scheme(of: location)
            let scheme = written ?? request.url?.scheme?.lowercased()
            let refusal: HTTPFailure? = lock.withLock {
                redirects += 1
                if redirects > limits.maximumRedirects { return .tooManyRedirects(limits.maximumRedirects) }
                if scheme != "http" && scheme != "https" {
                    return .redirectNotHTTP(written == nil ? request.url?.absoluteString ?? "?" : location)
                }
                return nil
            }
            if let refusal {
                fail(refusal)
                completionHandler(nil)
                task.cancel()
            } else {
                completionHandler(request)
            }
        }

        /// The scheme of an absolute address ("file" in file:///etc/passwd); nil for a relative one.
        static func scheme(of location: String) -> String? {
            let t = location.trimmingCharacters(in: .whitespaces)
            guard let colon = t.firstIndex(of: ":"), let first = t.first, first.isASCII, first.isLetter else { return nil }
            let name = t[..<colon]
            guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }) else { return nil }
            return name.lowercased()
        }

        func urlSession(
            _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
            completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
        ) {
            let http = response as? HTTPURLResponse
            lock.withLock { self.response = http }
            if response.expectedContentLength > Int64(limits.maximumBytes) {
                fail(.tooLarge(limit: limits.maximumBytes))
                completionHandler(.cancel)
                return
            }
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            let over: Bool = lock.withLock {
                body.append(data)
                return body.count > limits.maximumBytes
            }
            if over {
                fail(.tooLarge(limit: limits.maximumBytes))
                dataTask.cancel()
            }
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
            if let error {
                let e = error as NSError
                if e.domain == NSURLErrorDomain && e.code == NSURLErrorTimedOut {
                    fail(.timeout(limits.timeout))
                } else if e.domain == NSURLErrorDomain && e.code == NSURLErrorHTTPTooManyRedirects {
                    fail(.tooManyRedirects(limits.maximumRedirects))
                } else {
                    fail(.network(e.localizedDescription))
                }
            }
            done.signal()
        }
    }
}
