import BilanSSHPolicy
import CBilanSpawn
import NIOCore
import NIOPosix
import NIOSSH

#if canImport(Glibc)
    import Glibc
#endif

/// One SSH session channel: collects the pty and locale requests, then runs the browser on a
/// pseudo-terminal (shell request) or one allowed command on pipes (exec request), bridges its
/// output to the client with back-pressure, and returns its exit status.
final class SessionHandler: ChannelDuplexHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData

    enum Stream { case stdout, stderr }

    let connection: Connection
    let id: String
    var server: ServerContext { connection.server }
    private var context: ChannelHandlerContext?
    private var pty: (term: String, columns: Int, rows: Int)?
    private var env: [String: String] = [:]
    private var started = false
    private var what = ""
    private var pid: pid_t?
    private var admitted = false
    private var reaped: Int32?
    /// Overrides the child's status (1 when it was stopped for time or output).
    private var forcedStatus: Int32?
    private var master: CInt = -1
    private var ptyChannel: Channel?
    private var outputs: [ChildOutputHandler] = []
    private var openStreams = 0
    private var finished = false
    private var sshReadPending = false
    private var outputBytes = 0
    private var startedAt = 0.0
    private var timers: [Scheduled<Void>] = []
    private var goodbyeMessage: String?

    init(connection: Connection, number: Int) {
        self.connection = connection
        self.id = "\(connection.id).\(number)"
    }

    // MARK: Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        connection.sessions[ObjectIdentifier(self)] = self
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        server.register(ObjectIdentifier(self)) { message in
            bound.eventLoop.execute { bound.value.goodbye(message) }
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        connection.sessions[ObjectIdentifier(self)] = nil
        connection.touch()
        server.unregister(ObjectIdentifier(self))
        // The client went away (or we closed): hang up the child; it is reaped off the loop.
        hangUp()
        for o in outputs { o.close() }
        timers.forEach { $0.cancel() }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        connection.touch()
        guard case .channel = message.type, case .byteBuffer(let bytes) = message.data, let ptyChannel, ptyChannel.isActive else {
            return  // stdin of commands is /dev/null; extended data is ignored
        }
        ptyChannel.writeAndFlush(bytes, promise: nil)
    }

    /// ssh → pty back-pressure: no more reads from the client while the pty is not writable.
    func read(context: ChannelHandlerContext) {
        if let ptyChannel, !ptyChannel.isWritable {
            sshReadPending = true
            return
        }
        context.read()
    }

    func ptyBecameWritable() {
        if sshReadPending, let context {
            sshReadPending = false
            context.read()
        }
    }

    /// pty → ssh back-pressure: children's output is read only while the SSH channel can take it.
    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { for o in outputs { o.resume() } }
        context.fireChannelWritabilityChanged()
    }

    var sshWritable: Bool { context?.channel.isWritable ?? false }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            guard pty == nil, !started else { return reply(request.wantReply, false) }
            let size = ChildEnvironment.clamp(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
            pty = (ChildEnvironment.term(request.term), size.columns, size.rows)
            reply(request.wantReply, true)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            if ChildEnvironment.acceptsEnvironment(name: request.name, value: request.value), env.count < 16 {
                env[request.name] = request.value
                reply(request.wantReply, true)
            } else {
                server.logger.info("\(id) refused environment variable \(loggable(request.name, limit: 40))")
                reply(request.wantReply, false)
            }
        case let request as SSHChannelRequestEvent.ShellRequest:
            guard !started else { return reply(request.wantReply, false) }
            started = true
            reply(request.wantReply, true)
            if pty == nil {
                refuse(
                    "this server shows the bilan browser: connect with ssh -t -p \(server.boundPort.withLockedValue { $0 }) HOST "
                        + "(or run a command: ssh -p PORT HOST tally --json)", log: "shell without a pty")
            } else {
                startBrowser()
            }
        case let request as SSHChannelRequestEvent.ExecRequest:
            guard !started else { return reply(request.wantReply, false) }
            started = true
            reply(request.wantReply, true)
            switch ExecPolicy.check(request.command) {
            case .failure(let refusal):
                // What readers type is theirs: the log keeps the command's first word only.
                refuse(refusal.description, log: "command `\(loggable(firstWord(request.command), limit: 20))` refused")
            case .success(let words):
                startCommand(words)
            }
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            server.logger.notice("\(id) refused subsystem \(loggable(request.subsystem, limit: 40))")
            reply(request.wantReply, false)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            connection.touch()
            let size = ChildEnvironment.clamp(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
            if pty != nil { pty!.columns = size.columns; pty!.rows = size.rows }
            // The master is owned by the pty channel: only touch it while that channel is open
            // (it closes on this same loop, so the number cannot be reused meanwhile).
            if let ptyChannel, ptyChannel.isActive, master >= 0 {
                _ = bilan_set_winsize(master, UInt16(size.rows), UInt16(size.columns))
            }
        case is ChannelEvent:
            break  // the client's EOF: the browser keeps running until it quits or the channel closes
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    private func reply(_ wantReply: Bool, _ ok: Bool) {
        guard wantReply, let context else { return }
        context.channel.triggerUserOutboundEvent(ok ? ChannelSuccessEvent() : ChannelFailureEvent(), promise: nil)
    }

    // MARK: Children

    private func admit() -> Bool {
        switch server.startSession(connection.address) {
        case .admitted:
            admitted = true
            return true
        case .refused(let why):
            refuse(why, log: "session refused: \(why)")
            return false
        }
    }

    private func startBrowser() {
        guard let context, let pty, admit() else { return }
        let ascii = ChildEnvironment.wantsASCII(env)
        let argv = ChildEnvironment.browserArguments(bilan: server.options.bilan, archive: server.options.archive, ascii: ascii)
        let envp = ChildEnvironment.variables(term: pty.term)
        var fd: CInt = -1
        let pid = withCStrings(argv, envp) { a, e in
            ChildReaper.shared.spawn { bilan_spawn_pty(a, e, UInt16(pty.rows), UInt16(pty.columns), &fd) }
        }
        guard pid > 0 else { return spawnFailed() }
        self.pid = pid
        self.master = fd
        what = "browser \(pty.term) \(pty.columns)x\(pty.rows)\(ascii ? " ascii" : "")"
        began()
        openStreams = 1
        let output = ChildOutputHandler(session: self, stream: .stdout, loop: context.eventLoop)
        outputs = [output]
        pipeChannel(fd, reading: output, writable: true, on: context.eventLoop)
            .whenComplete { [self] result in
                switch result {
                case .success(let channel): ptyChannel = channel
                case .failure(let error):
                    // NIO took the descriptor and closes it on failure: closing it again here could
                    // close another reader's descriptor that reused the number.
                    master = -1
                    server.logger.error("\(id) cannot bridge the pty: \(error)")
                    streamClosed()
                    hangUp()
                }
            }
    }

    private func startCommand(_ words: [String]) {
        guard let context, admit() else { return }
        let argv = [server.options.bilan] + ExecPolicy.arguments(for: words, archive: server.options.archive)
        var out: CInt = -1, err: CInt = -1
        let pid = withCStrings(argv, ChildEnvironment.variables(term: nil)) { a, e in
            ChildReaper.shared.spawn { bilan_spawn_pipes(a, e, &out, &err) }
        }
        guard pid > 0 else { return spawnFailed() }
        self.pid = pid
        what = "command `\(loggable(words.first ?? "", limit: 20))`"
        began()
        openStreams = 2
        outputs = [
            ChildOutputHandler(session: self, stream: .stdout, loop: context.eventLoop),
            ChildOutputHandler(session: self, stream: .stderr, loop: context.eventLoop),
        ]
        for (o, fd) in zip(outputs, [out, err]) {
            pipeChannel(fd, reading: o, writable: false, on: context.eventLoop)
                .whenFailure { [self] error in
                    // NIO owns the descriptor now and closes it on failure (not closed twice).
                    server.logger.error("\(id) cannot read the command's output: \(error)")
                    streamClosed()
                }
        }
        let limit = server.options.execTimeout
        if limit > 0 {
            timers.append(context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(limit * 1000))) { [self] in
                guard reaped == nil else { return }
                stopChild("the command took longer than \(DurationText.format(limit)) and was stopped")
            })
        }
    }

    /// A NIO channel over a child's descriptor (the pty master, read and written; or a pipe, read),
    /// with `output` reading it. NIO owns the descriptor from here on, and closes it on failure.
    private func pipeChannel(_ fd: CInt, reading output: ChildOutputHandler, writable: Bool, on loop: EventLoop)
        -> EventLoopFuture<Channel>.Isolated
    {
        let handler = output.bound
        let bootstrap = NIOPipeBootstrap(group: loop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(handler.value) }
            }
        let future = writable
            ? bootstrap.takingOwnershipOfDescriptor(inputOutput: fd) : bootstrap.takingOwnershipOfDescriptor(input: fd)
        return future.assumeIsolated()
    }

    private func began() {
        startedAt = server.now()
        server.logger.info("\(id) from \(connection.address): \(what) started (pid \(pid ?? 0))")
        guard let context, let pid else { return }
        ChildReaper.shared.exitStatus(of: pid, on: context.eventLoop).assumeIsolated().whenSuccess { [self] status in
            childExited(status)
        }
    }

    private func spawnFailed() {
        let why = String(cString: strerror(errno))
        server.logger.error("\(id) cannot start a child: \(why)")
        if admitted {
            server.endSession(connection.address)
            admitted = false
        }
        refuse("the server cannot start a reader right now (\(why)); try again later", log: nil)
    }

    /// Stops a command that went over a limit: message on stderr, SIGKILL to its group, status 1.
    private func stopChild(_ message: String) {
        guard let pid, reaped == nil, forcedStatus == nil else { return }
        forcedStatus = 1
        server.logger.notice("\(id) \(what): \(message)")
        writeStderr("bilan: \(message)\r\n")
        kill(-pid, SIGKILL)
    }

    func childOutput(_ bytes: ByteBuffer, stream: Stream) {
        guard let context, context.channel.isActive else { return }
        outputBytes += bytes.readableBytes
        if ptyChannel == nil, outputBytes > server.options.execOutputCap {
            stopChild("the command wrote more than \(server.options.execOutputCap >> 20) MB and was stopped")
            return
        }
        context.write(wrapOutboundOut(SSHChannelData(type: stream == .stdout ? .channel : .stdErr, data: .byteBuffer(bytes))), promise: nil)
    }

    func flushOutput() { context?.flush() }

    func streamClosed() {
        openStreams -= 1
        if openStreams <= 0 { ptyChannel = nil }
        finishIfDone()
    }

    private func childExited(_ status: Int32) {
        reaped = status
        if admitted {
            server.endSession(connection.address)
            admitted = false
        }
        let code = forcedStatus ?? ChildReaper.shellStatus(status)
        server.logger.info("\(id) \(what) ended: exit status \(code) after \(String(format: "%.1f", server.now() - startedAt)) s")
        // The output is drained when the pty or pipes report EOF; don't wait on them forever (a
        // grandchild could keep a pipe open).
        if openStreams > 0, let context {
            timers.append(context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(2)) { [self] in
                for o in outputs { o.close() }
            })
        }
        finishIfDone()
    }

    private func finishIfDone() {
        guard !finished, openStreams <= 0, let status = reaped, let context else { return }
        finished = true
        let code = forcedStatus ?? ChildReaper.shellStatus(status)
        if let goodbyeMessage { writeStderr("bilan: \(goodbyeMessage)\r\n") }
        context.flush()
        context.channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: Int(code)), promise: nil)
        context.close(promise: nil)
    }

    /// SIGHUP to the child's process group (the client left, or the server says goodbye); SIGKILL
    /// if it is still there 5 s later.
    private func hangUp() {
        guard let pid, reaped == nil else { return }
        kill(-pid, SIGHUP)
        kill(-pid, SIGCONT)
        guard let loop = context?.eventLoop ?? ptyChannel?.eventLoop ?? Optional(connection.channel.eventLoop) else { return }
        timers.append(loop.assumeIsolated().scheduleTask(in: .seconds(5)) { [self] in
            if reaped == nil { kill(-pid, SIGKILL) }
        })
    }

    /// The server stops, or the connection was idle too long.
    /// The message waits for the browser to end: written while it runs, it would land on the
    /// alternate screen that the browser's exit wipes.
    func goodbye(_ message: String) {
        if pid != nil && reaped == nil {
            goodbyeMessage = message
            hangUp()
        } else {
            writeStderr("\r\nbilan: \(message)\r\n")
            if !started || reaped != nil { context?.close(promise: nil) }
        }
    }

    private func writeStderr(_ text: String) {
        guard let context, context.channel.isActive else { return }
        let buffer = context.channel.allocator.buffer(string: text)
        context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: .stdErr, data: .byteBuffer(buffer))), promise: nil)
    }

    /// A message on the channel's stderr, exit status 1, and the channel closes.
    private func refuse(_ message: String, log: String?) {
        if let log { server.logger.notice("\(id) from \(connection.address): \(log)") }
        guard let context else { return }
        writeStderr("bilan: \(message)\r\n")
        finished = true
        context.channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: 1), promise: nil)
        context.close(promise: nil)
    }
}

/// Reads a child's pty or pipe and hands the bytes to the session, reading only while the SSH
/// channel is writable.
final class ChildOutputHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let session: SessionHandler
    let stream: SessionHandler.Stream
    private var context: ChannelHandlerContext?
    private var readPending = false
    private var closed = false
    let loop: EventLoop
    var bound: NIOLoopBound<ChildOutputHandler> { NIOLoopBound(self, eventLoop: loop) }

    init(session: SessionHandler, stream: SessionHandler.Stream, loop: EventLoop) {
        self.session = session
        self.stream = stream
        self.loop = loop
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }
    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        session.childOutput(unwrapInboundIn(data), stream: stream)
    }

    func channelReadComplete(context: ChannelHandlerContext) { session.flushOutput() }

    func read(context: ChannelHandlerContext) {
        if session.sshWritable {
            context.read()
        } else {
            readPending = true
        }
    }

    func resume() {
        if readPending, let context {
            readPending = false
            context.read()
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { session.ptyBecameWritable() }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let e = event as? ChannelEvent, case .inputClosed = e { context.close(promise: nil) }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // EIO from a pty master once the browser is gone: the normal end.
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        guard !closed else { return }
        closed = true
        session.streamClosed()
    }

    func close() {
        context?.close(promise: nil)
    }
}

/// Calls `body` with NULL-terminated C arrays of `argv` and `envp`, strdup'ed before any fork.
func withCStrings<T>(_ argv: [String], _ envp: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>, UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
    let a: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    let e: [UnsafeMutablePointer<CChar>?] = envp.map { strdup($0) } + [nil]
    defer {
        a.forEach { free($0) }
        e.forEach { free($0) }
    }
    let ca = a.map { UnsafePointer($0) }
    let ce = e.map { UnsafePointer($0) }
    return ca.withUnsafeBufferPointer { ap in ce.withUnsafeBufferPointer { ep in body(ap.baseAddress!, ep.baseAddress!) } }
}
