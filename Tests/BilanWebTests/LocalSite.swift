import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A web site on 127.0.0.1 for the fetch tests: scripted replies per path, every request recorded.
/// Nothing here touches the internet.
final class LocalSite: @unchecked Sendable {
    struct Reply: Sendable {
        var status: Int
        var headers: [(String, String)] = []
        var body: [UInt8] = []
        /// Seconds before the answer starts.
        var delay: Double = 0
        /// Send the body without a Content-Length (chunked).
        var chunked = false

        static func html(_ text: String) -> Reply {
            Reply(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(text.utf8))
        }
        static func status(_ code: Int, _ headers: [(String, String)] = []) -> Reply {
            Reply(status: code, headers: headers, body: Array("status \(code)".utf8))
        }
    }

    struct Hit: Sendable {
        var path: String
        var userAgent: String?
    }

    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private var channel: Channel!
    private let state = NIOLockedValueBox<(routes: [String: [Reply]], hits: [Hit])>(([:], []))
    private(set) var port = 0

    init() throws {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Handler(site: self))
                }
            }
        channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        port = channel.localAddress?.port ?? 0
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// Replies for `path`, in turn; the last one repeats. Without replies a path gets a 404.
    func route(_ path: String, _ replies: Reply...) {
        state.withLockedValue { $0.routes[path] = replies }
    }

    var hits: [Hit] { state.withLockedValue { $0.hits } }
    func hits(_ path: String) -> Int { hits.filter { $0.path == path }.count }

    fileprivate func reply(for head: HTTPRequestHead) -> Reply {
        state.withLockedValue { s in
            s.hits.append(Hit(path: head.uri, userAgent: head.headers.first(name: "User-Agent")))
            guard var queue = s.routes[head.uri], !queue.isEmpty else { return .status(404) }
            let r = queue.count > 1 ? queue.removeFirst() : queue[0]
            s.routes[head.uri] = queue
            return r
        }
    }

    func stop() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let site: LocalSite
        init(site: LocalSite) { self.site = site }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case .head(let head) = unwrapInboundIn(data) else { return }
            let reply = site.reply(for: head)
            let loop = context.eventLoop
            let ctx = NIOLoopBound(context, eventLoop: loop)
            loop.scheduleTask(in: .milliseconds(Int64(reply.delay * 1000))) {
                Handler.send(reply, ctx.value)
            }
        }

        static func send(_ reply: Reply, _ context: ChannelHandlerContext) {
            var headers = HTTPHeaders(reply.headers)
            headers.add(name: "Connection", value: "close")
            if !reply.chunked { headers.add(name: "Content-Length", value: "\(reply.body.count)") }
            let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: reply.status), headers: headers)
            context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
            // Large bodies go in pieces, as a real server sends them.
            var offset = 0
            while offset < reply.body.count {
                let end = min(offset + 64 * 1024, reply.body.count)
                let buffer = context.channel.allocator.buffer(bytes: reply.body[offset..<end])
                context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(buffer))), promise: nil)
                offset = end
            }
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil))).whenComplete { _ in
                bound.value.close(promise: nil)
            }
        }
    }
}
