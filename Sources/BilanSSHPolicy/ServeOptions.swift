/// The options of `bilan serve` (and of `bilan-serve`, the executable it starts), parsed from
/// `--name value` pairs, with the defaults of a public reading room.
public struct ServeOptions: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 2222
    public var hostKey: String?
    public var authorizedKeys: String?
    public var maxSessions = 64
    public var maxPerAddress = 8
    public var newPerSecond = 10
    public var idleTimeout = 30.0 * 60
    public var handshakeTimeout = 20.0
    public var execTimeout = 30.0
    /// Bytes a command may write (stdout and stderr together) before it is stopped.
    public var execOutputCap = 16 << 20
    /// The archive every session reads.
    public var archive = ""
    /// The `bilan` executable that runs the browser and the commands.
    public var bilan = ""

    public init() {}

    public struct OptionError: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// `HOST:PORT`, `[V6]:PORT`, `:PORT` (127.0.0.1) or `PORT`.
    public static func parseListen(_ text: String) throws(OptionError) -> (String, Int) {
        var host = "127.0.0.1"
        var portText = text
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                throw OptionError(description: "--listen “\(text)”: write [ADDRESS]:PORT for IPv6")
            }
            host = String(text[text.index(after: text.startIndex)..<close])
            portText = String(text[text.index(close, offsetBy: 2)...])
        } else if let colon = text.lastIndex(of: ":") {
            if colon != text.startIndex { host = String(text[..<colon]) }
            portText = String(text[text.index(after: colon)...])
        }
        guard let port = Int(portText), (0...65535).contains(port), !host.isEmpty else {
            throw OptionError(description: "--listen “\(text)” is not HOST:PORT (e.g. 127.0.0.1:2222; port 0 picks a free one)")
        }
        return (host, port)
    }

    public static func parse(_ args: [String]) throws(OptionError) -> ServeOptions {
        var o = ServeOptions()
        var i = 0
        func value(_ name: String) throws(OptionError) -> String {
            guard i < args.count else { throw OptionError(description: "\(name) needs a value") }
            i += 1
            return args[i - 1]
        }
        func count(_ name: String, min: Int = 1) throws(OptionError) -> Int {
            let v = try value(name)
            // Counts past a million are typing mistakes (and would overflow the doubled limits).
            guard let n = Int(v), n >= min, n <= 1_000_000 else {
                throw OptionError(description: "\(name) “\(v)” must be a whole number from \(min) to 1000000")
            }
            return n
        }
        func duration(_ name: String) throws(OptionError) -> Double {
            let v = try value(name)
            guard let s = DurationText.seconds(v) else {
                throw OptionError(description: "\(name) “\(v)” is not a duration up to a year (e.g. 90s, 30m, 1h; 0 turns it off)")
            }
            return s
        }
        while i < args.count {
            let name = args[i]
            i += 1
            switch name {
            case "--listen": (o.host, o.port) = try parseListen(try value(name))
            case "--host-key": o.hostKey = try value(name)
            case "--authorized-keys": o.authorizedKeys = try value(name)
            case "--max-sessions": o.maxSessions = try count(name)
            case "--max-per-ip": o.maxPerAddress = try count(name)
            case "--max-new-per-second": o.newPerSecond = try count(name)
            case "--idle-timeout": o.idleTimeout = try duration(name)
            case "--handshake-timeout": o.handshakeTimeout = try duration(name)
            case "--exec-timeout": o.execTimeout = try duration(name)
            case "--db": o.archive = try value(name)
            case "--bilan": o.bilan = try value(name)
            default: throw OptionError(description: "unknown option \(name)")
            }
        }
        return o
    }

    public var limits: Admission.Limits {
        .init(maxSessions: maxSessions, maxPerAddress: maxPerAddress, ratePerSecond: newPerSecond)
    }
}
