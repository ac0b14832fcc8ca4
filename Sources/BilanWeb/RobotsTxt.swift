import Foundation

/// A site's robots.txt (RFC 9309) as it applies to one user agent: the group naming the agent
/// (its product token, case-insensitive), else the `*` group; the longest matching rule decides,
/// `Allow` winning a tie; `*` and a final `$` in paths; `Crawl-delay` (not in the RFC, widely used).
public struct RobotsTxt: Sendable {
    struct Rule: Sendable {
        var allow: Bool
        var pattern: String
    }
    var rules: [Rule]
    public var crawlDelay: Double?
    /// Why the site's robots.txt could not be read, when that is what forbids everything.
    public var unreadable: String?

    /// Everything allowed (no robots.txt, or a 4xx for it).
    public static let allowAll = RobotsTxt(rules: [], crawlDelay: nil)
    /// Nothing allowed (the site could not say: a 5xx or no answer, as RFC 9309 §2.3.1.4 asks).
    public static let disallowAll = RobotsTxt(rules: [Rule(allow: false, pattern: "/")], crawlDelay: nil)

    /// Nothing allowed because the robots.txt could not be read (`why`).
    public static func unreadable(_ why: String) -> RobotsTxt {
        var r = disallowAll
        r.unreadable = why
        return r
    }

    init(rules: [Rule], crawlDelay: Double?) {
        self.rules = rules
        self.crawlDelay = crawlDelay
    }

    /// Reads the groups that apply to `agent` (e.g. "bilan").
    public init(_ text: String, agent: String) {
        let token = agent.lowercased()
        struct Group {
            var agents: [String] = []
            var rules: [Rule] = []
            var delay: Double?
        }
        var groups: [Group] = []
        var current = Group()
        var inAgents = false
        // "\r\n" is one Character in Swift; a leading byte order mark would hide the first line's key.
        for raw in text.drop(while: { $0 == "\u{FEFF}" })
            .split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if !inAgents {
                    if !current.agents.isEmpty { groups.append(current) }
                    current = Group()
                }
                current.agents.append(value.lowercased())
                inAgents = true
            case "allow", "disallow":
                inAgents = false
                // An empty Disallow allows everything; it is no rule.
                if !value.isEmpty { current.rules.append(Rule(allow: key == "allow", pattern: value)) }
            case "crawl-delay":
                inAgents = false
                if let d = Double(value), d.isFinite, d >= 0 { current.delay = d }
            default:
                continue
            }
        }
        if !current.agents.isEmpty { groups.append(current) }
        let named = groups.filter { g in g.agents.contains { $0 == token } }
        let chosen = named.isEmpty ? groups.filter { $0.agents.contains("*") } : named
        rules = chosen.flatMap(\.rules)
        crawlDelay = chosen.compactMap(\.delay).max()
    }

    /// Whether `path` (with its query, as sent) may be fetched.
    public func allows(_ path: String) -> Bool {
        let p = path.isEmpty ? "/" : path
        var best: Rule?
        for rule in rules where RobotsTxt.matches(rule.pattern, p) {
            if let b = best {
                if rule.pattern.count > b.pattern.count || (rule.pattern.count == b.pattern.count && rule.allow) { best = rule }
            } else {
                best = rule
            }
        }
        return best?.allow ?? true
    }

    /// `*` matches any run of characters; a final `$` anchors the end; otherwise a prefix match.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        var pat = Substring(pattern)
        let anchored = pat.hasSuffix("$")
        if anchored { pat = pat.dropLast() }
        let pieces = pat.split(separator: "*", omittingEmptySubsequences: false)
        var rest = Substring(path)
        for (i, piece) in pieces.enumerated() {
            if i == 0 {
                guard rest.hasPrefix(piece) else { return false }
                rest = rest.dropFirst(piece.count)
            } else if i == pieces.count - 1 && anchored {
                return rest.hasSuffix(piece)
            } else if !piece.isEmpty {
                guard let r = rest.range(of: piece) else { return false }
                rest = rest[r.upperBound...]
            }
        }
        return !anchored || rest.isEmpty || pieces.count > 1 && pieces.last!.isEmpty
    }
}
