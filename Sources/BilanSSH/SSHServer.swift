import BilanSSHPolicy
import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSH

#if canImport(Glibc)
    import Glibc
#endif

/// `bilan serve`: the SSH server. Every session gets its own `bilan browse --read-only` on a
/// pseudo-terminal, or one allowed read-only command; see README "Serving over SSH".
public enum SSHServer {
    /// Runs until SIGTERM or SIGINT; returns the process exit status.
    public static func run(_ options: ServeOptions) -> Int32 {
        // Signals are taken by a thread of our own with sigwait: block them before any thread starts
        // (threads inherit the mask; the children reset it).
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        for s in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&stopSignals, s) }
        pthread_sigmask(SIG_BLOCK, &stopSignals, nil)
        signal(SIGPIPE, SIG_IGN)

        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = ProcessInfo.processInfo.environment["BILAN_SERVE_DEBUG"] == nil ? .info : .debug
            return handler
        }
        let logger = Logger(label: "bilan-serve")
        func fail(_ message: String) -> Int32 {
            FileHandle.standardError.write(Data("bilan serve: \(message)\n".utf8))
            return 1
        }
        guard !options.archive.isEmpty, !options.bilan.isEmpty else {
            return fail("--db and --bilan are required (run it as `bilan serve`)")
        }
        guard let hostKeyPath = options.hostKey else { return fail("--host-key is required") }
        let hostKey: HostKey
        do {
            hostKey = try HostKey.loadOrCreate(path: hostKeyPath)
        } catch {
            return fail(error.description)
        }
        var authorized: [NIOSSHPublicKey]?
        if let path = options.authorizedKeys {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                return fail("cannot read the authorized keys \(path)")
            }
            let keys = AuthorizedKeys(text: text, path: path)
            for w in keys.warnings { logger.warning("\(w)") }
            guard !keys.keys.isEmpty else { return fail("\(path) holds no usable key (ssh-ed25519 or ecdsa-sha2-nistp256/384/521)") }
            authorized = keys.keys
        }
        let server = ServerContext(options: options, logger: logger, authorizedKeys: authorized, hostKey: hostKey.privateKey)

        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, System.coreCount))
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try initialize(channel, server: server)
                }
            }
        let listener: Channel
        do {
            listener = try bootstrap.bind(host: options.host, port: options.port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            return fail("cannot listen on \(options.host):\(options.port): \(error)")
        }
        let port = listener.localAddress?.port ?? options.port
        server.boundPort.withLockedValue { $0 = port }
        let shownHost = options.host.contains(":") ? "[\(options.host)]" : options.host
        // stdout: what an admin (or a test) needs to connect and check the key.
        let banner = """
            bilan serve: listening on \(shownHost):\(port)
            bilan serve: host key \(HostKey.fingerprint(hostKey.publicKey)) (ED25519, \(hostKeyPath)\(hostKey.created ? ", new" : ""))
            bilan serve: readers: \(authorized.map { "\($0.count) authorized key\($0.count == 1 ? "" : "s")" } ?? "anyone"); connect with ssh -t -p \(port) reader@HOST

            """
        FileHandle.standardOutput.write(Data(banner.utf8))
        logger.info(
            "listening on \(shownHost):\(port), archive \(options.archive), max \(options.maxSessions) sessions, \(options.maxPerAddress) per address, idle timeout \(options.idleTimeout > 0 ? DurationText.format(options.idleTimeout) : "off")"
        )

        // Wait for SIGTERM/SIGINT/SIGHUP.
        var received: Int32 = 0
        while sigwait(&stopSignals, &received) != 0 {}
        logger.info("signal \(received): closing \(server.openSessions) session(s)")
        server.stop(saying: "the server is shutting down: goodbye.")
        _ = try? listener.close().wait()
        // Sessions end when their children are reaped: wait for that (at most 8 s; SIGKILL follows
        // SIGHUP after 5 s).
        let deadline = server.now() + 8
        while (server.openSessions > 0 || ChildReaper.shared.liveCount > 0) && server.now() < deadline {
            usleep(50_000)
        }
        try? group.syncShutdownGracefully()
        logger.info("stopped")
        return 0
    }

    static func initialize(_ channel: Channel, server: ServerContext) throws {
        let address = channel.remoteAddress?.ipAddress ?? "?"
        let (number, decision) = server.connect(address)
        if case .refused(let why) = decision {
            server.logger.notice("#\(number) from \(address) refused: \(why)")
            try channel.pipeline.syncOperations.addHandler(RefusalHandler(message: why))
            return
        }
        let connection = Connection(server: server, number: number, address: address, channel: channel)
        server.logger.info("#\(number) connection from \(address):\(channel.remoteAddress?.port ?? 0)")
        let bound = NIOLoopBound(connection, eventLoop: channel.eventLoop)
        let loggedIn: @Sendable () -> Void = {
            bound.eventLoop.execute {
                bound.value.authenticated = true
                bound.value.touch()
            }
        }
        var configuration = SSHServerConfiguration(
            hostKeys: [server.hostKey],
            userAuthDelegate: ReaderAuthentication(server: server, connection: connection.id, loggedIn: loggedIn),
            globalRequestDelegate: RefuseForwarding(server: server, connection: connection.id))
        configuration.maxAuthAttempts = 12
        let ssh = NIOSSHHandler(
            role: .server(configuration), allocator: channel.allocator,
            inboundChildChannelInitializer: { child, type in
                child.eventLoop.makeCompletedFuture {
                    let connection = bound.value
                    guard case .session = type else {
                        server.logger.notice("\(connection.id) refused a \(loggable("\(type)")) channel (port forwarding is off)")
                        throw RefusedChannel()
                    }
                    guard connection.sessions.count < Connection.maxChannels else {
                        server.logger.notice("\(connection.id) refused a session channel: \(Connection.maxChannels) already open")
                        throw RefusedChannel()
                    }
                    connection.authenticated = true  // channels open only after a login
                    connection.touch()
                    let number = connection.nextSession
                    connection.nextSession += 1
                    try child.syncOptions?.setOption(ChannelOptions.allowRemoteHalfClosure, value: true)
                    try child.pipeline.syncOperations.addHandler(SessionHandler(connection: connection, number: number))
                }
            })
        try channel.pipeline.syncOperations.addHandler(ReadWhenWritable())
        try channel.pipeline.syncOperations.addHandler(ssh)
        try channel.pipeline.syncOperations.addHandler(ConnectionHandler(connection: connection))
    }

    struct RefusedChannel: Error {}
}

/// Back-pressure for a client that sends requests but does not read the replies: while the
/// connection cannot write, the server stops reading from it, so nothing queues without bound.
final class ReadWhenWritable: ChannelInboundHandler {
    typealias InboundIn = NIOAny

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        context.channel.setOption(ChannelOptions.autoRead, value: context.channel.isWritable).whenComplete { _ in }
        if context.channel.isWritable { context.read() }
        context.fireChannelWritabilityChanged()
    }
}
