import ArgumentParser
import BilanCore
import BilanSSHPolicy
import BilanStore
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the browser to SSH readers (an SSH server of its own).",
        discussion: """
            Every SSH session with a terminal (ssh -t -p 2222 HOST) gets its own read-only browser; a session \
            with a command runs one read-only command (weeks, show, search, fronts, tally, with their \
            options; never --db). Anyone may read unless --authorized-keys is given (ed25519 and ecdsa keys; \
            RSA lines are skipped with a warning). The host key (Ed25519, the 32 raw bytes of its private key, \
            mode 0600) is made on first start; its SHA256 fingerprint is printed. An empty archive gets \
            the bundled sample. SIGTERM says goodbye to every session and stops. Durations: 90s, 30m, 1h; 0 is off.

            The server itself is the program bilan-serve, next to bilan.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Address and port to listen on (port 0 picks a free one).", valueName: "host:port"))
    var listen = "127.0.0.1:2222"
    @Option(help: ArgumentHelp("The host key file (default $XDG_DATA_HOME/bilan/ssh_host_ed25519_key).", valueName: "path"))
    var hostKey: String?
    @Option(help: ArgumentHelp("Only these keys may read (OpenSSH authorized_keys format).", valueName: "path"))
    var authorizedKeys: String?
    @Option(help: "Sessions at once, in all.") var maxSessions = 64
    @Option(name: .customLong("max-per-ip"), help: "Sessions at once from one address.") var maxPerIP = 8
    @Option(help: "New connections a second from one address.") var maxNewPerSecond = 10
    @Option(help: ArgumentHelp("Close a connection after this long without a key pressed.", valueName: "duration"))
    var idleTimeout = "30m"
    @Option(help: ArgumentHelp("Time to log in after connecting.", valueName: "duration")) var handshakeTimeout = "20s"
    @Option(help: ArgumentHelp("Time a command may run.", valueName: "duration")) var execTimeout = "30s"

    /// The arguments of bilan-serve, every default resolved.
    func serverArguments(archive: String, bilan: String) -> [String] {
        let env = ProcessInfo.processInfo.environment
        let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/share")
        var args = [
            "--listen", listen, "--host-key", absolute(hostKey ?? data + "/bilan/ssh_host_ed25519_key"),
            "--max-sessions", "\(maxSessions)", "--max-per-ip", "\(maxPerIP)", "--max-new-per-second", "\(maxNewPerSecond)",
            "--idle-timeout", idleTimeout, "--handshake-timeout", handshakeTimeout, "--exec-timeout", execTimeout,
            "--db", archive, "--bilan", bilan,
        ]
        if let authorizedKeys { args += ["--authorized-keys", absolute(authorizedKeys)] }
        return args
    }

    func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    func validate() throws {
        do {
            _ = try ServeOptions.parse(serverArguments(archive: "/x", bilan: "/x"))
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let archive = absolute(global.database.path)
        // The archive exists and has at least the sample before the first reader comes; sessions
        // open it read-only, each for itself, so weeks imported meanwhile reach new sessions.
        try Output.run {
            let store = try Store.openForReading(path: archive, parser: SummaryParser())
            Output.stderr("bilan serve: archive \(archive) (\(Output.count(try store.weekCount(), "summary")))")
        }
        guard let bilan = executablePath() else {
            Output.error("cannot find the path of the running bilan (/proc/self/exe)")
            throw ExitCode(1)
        }
        try Sibling.exec("bilan-serve", serverArguments(archive: archive, bilan: bilan))
    }
}

/// The running executable, symbolic links resolved.
func executablePath() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard n > 0 else { return nil }
    return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
