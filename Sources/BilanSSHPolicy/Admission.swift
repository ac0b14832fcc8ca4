/// Who may connect and start a session, by count: the server's limits as plain logic (the server
/// calls it under a lock, with its own clock).
///
/// - Connections: at most `connectionCap` open in all and `connectionCapPerAddress` per source address, and
///   at most `ratePerSecond` new ones per address in any second. These are refused before the SSH
///   handshake, the cheapest place to turn a flood away.
/// - Sessions (a browser or a command): at most `maxSessions` running in all and `maxPerAddress` per
///   address; a session over a limit is answered on the channel, with a message.
public struct Admission: Sendable {
    public struct Limits: Sendable, Equatable {
        public var maxSessions: Int
        public var maxPerAddress: Int
        public var ratePerSecond: Int
        public init(maxSessions: Int = 64, maxPerAddress: Int = 8, ratePerSecond: Int = 10) {
            self.maxSessions = maxSessions
            self.maxPerAddress = maxPerAddress
            self.ratePerSecond = ratePerSecond
        }
        /// Open connections in all: twice the sessions, at least 16 (a connection can be idle
        /// between sessions, or still in its handshake).
        public var connectionCap: Int { max(16, 2 * maxSessions) }
        public var connectionCapPerAddress: Int { max(4, 2 * maxPerAddress) }
    }

    public enum Decision: Equatable, Sendable {
        case admitted
        case refused(String)
    }

    /// Open things (connections, or sessions) per source and in all.
    struct Counts: Sendable {
        var bySource: [String: Int] = [:]
        var total = 0

        subscript(source: String) -> Int { bySource[source] ?? 0 }

        mutating func add(_ source: String) {
            bySource[source, default: 0] += 1
            total += 1
        }

        /// Forgets one; a source never added is ignored.
        mutating func remove(_ source: String) {
            guard let n = bySource[source] else { return }
            bySource[source] = n > 1 ? n - 1 : nil
            total -= 1
        }
    }

    public let limits: Limits
    var connections = Counts()
    var sessions = Counts()
    public var sessionCount: Int { sessions.total }
    /// Times of the recent connection attempts per address (within the last second).
    var recent: [String: [Double]] = [:]

    public init(limits: Limits) { self.limits = limits }

    public mutating func connect(_ address: String, now: Double) -> Decision {
        let address = Admission.source(of: address)
        var times = (recent[address] ?? []).filter { now - $0 < 1 }
        times.append(now)
        recent[address] = times
        if recent.count > 4096 { recent = recent.filter { $0.value.contains { now - $0 < 1 } } }
        if times.count > limits.ratePerSecond {
            return .refused("too many new connections from \(address) (more than \(limits.ratePerSecond) a second); wait a moment")
        }
        if connections.total >= limits.connectionCap {
            return .refused("the server is full (\(connections.total) connections); try again later")
        }
        if connections[address] >= limits.connectionCapPerAddress {
            return .refused("too many connections from \(address); try again later")
        }
        connections.add(address)
        return .admitted
    }

    /// A connection admitted by `connect` closed.
    public mutating func disconnect(_ address: String) {
        connections.remove(Admission.source(of: address))
    }

    public mutating func startSession(_ address: String) -> Decision {
        let address = Admission.source(of: address)
        if sessions.total >= limits.maxSessions {
            return .refused("the reading room is full (\(limits.maxSessions) readers); try again later")
        }
        if sessions[address] >= limits.maxPerAddress {
            return .refused("\(limits.maxPerAddress) sessions are already open from \(address); close one first")
        }
        sessions.add(address)
        return .admitted
    }

    /// A session admitted by `startSession` ended.
    public mutating func endSession(_ address: String) {
        sessions.remove(Admission.source(of: address))
    }

    public func sessions(from address: String) -> Int { sessions[Admission.source(of: address)] }
    public func connections(from address: String) -> Int { connections[Admission.source(of: address)] }

    /// What the per-address limits count by: an IPv4 address itself (also when written as
    /// `::ffff:a.b.c.d`), and for IPv6 its /64, which one subscriber usually holds whole (counting
    /// each of its addresses apart would make the limits meaningless).
    public static func source(of address: String) -> String {
        var a = address.lowercased()
        if let zone = a.firstIndex(of: "%") { a = String(a[..<zone]) }
        guard a.contains(":") else { return a }
        if a.hasPrefix("::ffff:"), a.contains(".") { return String(a.dropFirst(7)) }
        var halves = [a]
        if let gap = a.firstRange(of: "::") {
            halves = [String(a[..<gap.lowerBound]), String(a[gap.upperBound...])]
            guard halves[1].firstRange(of: "::") == nil else { return a }
        }
        let head = halves[0].split(separator: ":").map(String.init)
        let tail = halves.count == 2 ? halves[1].split(separator: ":").map(String.init) : []
        var groups = head
        if halves.count == 2 { groups += Array(repeating: "0", count: max(0, 8 - head.count - tail.count)) }
        groups += tail
        guard groups.count == 8, groups.allSatisfy({ $0.count <= 4 && UInt16($0, radix: 16) != nil }) else { return a }
        return groups.prefix(4).map { String(UInt16($0, radix: 16)!, radix: 16) }.joined(separator: ":") + "::/64"
    }
}
