import BilanSSHPolicy
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOSSH

#if canImport(Glibc)
    import Glibc
#endif

/// What every connection of one server shares: options, the admission counters, the log, and the
/// open sessions (so that SIGTERM can say goodbye to each).
final class ServerContext: Sendable {
    let options: ServeOptions
    let logger: Logger
    /// nil: anyone may read.
    let authorizedKeys: [NIOSSHPublicKey]?
    let hostKey: NIOSSHPrivateKey
    let boundPort: NIOLockedValueBox<Int> = .init(0)

    private struct State {
        var admission: Admission
        var nextConnection = 0
        var sessions: [ObjectIdentifier: @Sendable (String) -> Void] = [:]
        var stopping = false
    }
    private let state: NIOLockedValueBox<State>

    init(options: ServeOptions, logger: Logger, authorizedKeys: [NIOSSHPublicKey]?, hostKey: NIOSSHPrivateKey) {
        self.options = options
        self.logger = logger
        self.authorizedKeys = authorizedKeys
        self.hostKey = hostKey
        self.state = .init(State(admission: Admission(limits: options.limits)))
    }

    func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// A number for the log, and whether this connection may go on to the handshake.
    func connect(_ address: String) -> (Int, Admission.Decision) {
        let t = now()
        return state.withLockedValue { s in
            s.nextConnection += 1
            if s.stopping { return (s.nextConnection, .refused("the server is shutting down")) }
            return (s.nextConnection, s.admission.connect(address, now: t))
        }
    }

    func disconnect(_ address: String) { state.withLockedValue { $0.admission.disconnect(address) } }
    func startSession(_ address: String) -> Admission.Decision {
        state.withLockedValue { $0.stopping ? .refused("the server is shutting down") : $0.admission.startSession(address) }
    }
    func endSession(_ address: String) { state.withLockedValue { $0.admission.endSession(address) } }

    func register(_ id: ObjectIdentifier, goodbye: @escaping @Sendable (String) -> Void) {
        state.withLockedValue { $0.sessions[id] = goodbye }
    }
    func unregister(_ id: ObjectIdentifier) { _ = state.withLockedValue { $0.sessions.removeValue(forKey: id) } }
    var openSessions: Int { state.withLockedValue { $0.sessions.count } }

    /// Refuses new connections and sessions from now on; says `message` to every open session.
    func stop(saying message: String) {
        let goodbyes = state.withLockedValue { s -> [@Sendable (String) -> Void] in
            s.stopping = true
            return Array(s.sessions.values)
        }
        for g in goodbyes { g(message) }
    }
}

/// Text from a client, made safe for one log line.
func loggable(_ s: String, limit: Int = 80) -> String {
    // C0, DEL, C1 and the bidi controls (which can reorder what an admin reads) become "?".
    let cleaned = String(String.UnicodeScalarView(s.unicodeScalars.map { u in
        u.value < 0x20 || (0x7F...0x9F).contains(u.value) || (0x202A...0x202E).contains(u.value)
            || (0x2066...0x2069).contains(u.value) || u.value == 0x200E || u.value == 0x200F ? "?" : u
    }))
    return cleaned.count > limit ? String(cleaned.prefix(limit)) + "…" : cleaned
}

/// The first word of a command line as typed (for the log: not the reader's search words).
func firstWord(_ command: String) -> String {
    String(command.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
}
