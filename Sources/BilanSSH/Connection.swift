import NIOCore
import NIOSSH

/// One TCP connection: its number for the log, the source address, the handshake and idle
/// timeouts, and its session channels. Lives on the connection's event loop.
final class Connection {
    let server: ServerContext
    let id: String
    let address: String
    let channel: Channel
    let openedAt: Double
    var lastActivity: Double
    var authenticated = false
    var sessions: [ObjectIdentifier: SessionHandler] = [:]
    var nextSession = 0
    private var timer: Scheduled<Void>?

    /// Session channels one connection may have open at once.
    static let maxChannels = 8

    init(server: ServerContext, number: Int, address: String, channel: Channel) {
        self.server = server
        self.id = "#\(number)"
        self.address = address
        self.channel = channel
        self.openedAt = server.now()
        self.lastActivity = openedAt
    }

    func touch() { lastActivity = server.now() }

    /// Checks the handshake deadline, then the idle timeout, every few seconds.
    func startTimers() {
        let options = server.options
        let period = TimeAmount.milliseconds(Int64(1000 * max(0.25, min(5, min(options.handshakeTimeout > 0 ? options.handshakeTimeout / 4 : 5, options.idleTimeout > 0 ? options.idleTimeout / 4 : 5)))))
        func tick() {
            timer = channel.eventLoop.assumeIsolated().scheduleTask(in: period) { [self] in
                guard channel.isActive else { return }
                let now = server.now()
                if !authenticated && options.handshakeTimeout > 0 && now - openedAt > options.handshakeTimeout {
                    server.logger.notice("\(id) from \(address): no login within \(DurationText.format(options.handshakeTimeout)); closed")
                    channel.close(promise: nil)
                    return
                }
                // Logged in but no session: a held slot, not a reader. It gets the handshake's time.
                if authenticated && sessions.isEmpty && options.handshakeTimeout > 0
                    && now - lastActivity > options.handshakeTimeout
                {
                    server.logger.notice("\(id) from \(address): no session within \(DurationText.format(options.handshakeTimeout)); closed")
                    channel.close(promise: nil)
                    return
                }
                if authenticated && options.idleTimeout > 0 && now - lastActivity > options.idleTimeout {
                    server.logger.info("\(id) from \(address): idle for \(DurationText.format(options.idleTimeout)); closed")
                    goodbye("no key pressed for \(DurationText.format(options.idleTimeout)): goodbye.")
                    return
                }
                tick()
            }
        }
        tick()
    }

    /// Says `message` to every session, hangs up their children, and closes the connection once
    /// they are gone (or after 3 s).
    func goodbye(_ message: String) {
        for s in sessions.values { s.goodbye(message) }
        if sessions.isEmpty {
            channel.close(promise: nil)
        } else {
            channel.eventLoop.assumeIsolated().scheduleTask(in: .seconds(3)) { [channel] in channel.close(promise: nil) }
        }
    }

    func stopTimers() { timer?.cancel() }
}

import BilanSSHPolicy

/// Sits after NIOSSHHandler: starts the connection's timers, logs errors, and releases the
/// connection's admission slot when it closes.
final class ConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = Any
    let connection: Connection

    init(connection: Connection) { self.connection = connection }


    func handlerAdded(context: ChannelHandlerContext) {
        connection.startTimers()
        // NIOSSHHandler does not pass channelInactive on: watch the channel's close instead.
        let c = NIOLoopBound(connection, eventLoop: context.eventLoop)
        context.channel.closeFuture.whenComplete { _ in
            let connection = c.value
            connection.stopTimers()
            connection.server.disconnect(connection.address)
            connection.server.logger.info(
                "\(connection.id) from \(connection.address) closed after \(String(format: "%.1f", connection.server.now() - connection.openedAt)) s")
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        let text = "\(error)"
        // A reader who closes the window mid-way is not news.
        if text.contains("Connection reset") || text.contains("Broken pipe") || error is ChannelError {
            connection.server.logger.debug("\(connection.id): \(loggable(text, limit: 160))")
        } else {
            connection.server.logger.warning("\(connection.id) from \(connection.address): \(loggable(text, limit: 160)); closed")
        }
        context.close(promise: nil)
    }
}

/// For a connection refused before the handshake: one line of text (what OpenSSH shows with -v,
/// as the server's banner) and the door closes.
final class RefusalHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    let message: String
    var said = false
    init(message: String) { self.message = message }

    func channelActive(context: ChannelHandlerContext) {
        guard !said else { return }
        said = true
        let buffer = context.channel.allocator.buffer(string: "bilan: \(message)\r\n")
        context.writeAndFlush(NIOAny(buffer)).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { channelActive(context: context) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}
