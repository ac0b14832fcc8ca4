import NIOCore
import NIOSSH

/// Who gets in. Without authorized keys: anyone, with any user name, by "none", any public key
/// (once NIOSSH has checked its signature) or any password (ignored). With authorized keys: only
/// those keys.
///
/// NIOSSH 0.15.1 (UserAuthenticationStateMachine.nextAuthResponse) verifies the signature before it
/// asks the delegate about a public key; a key merely offered (the query without a signature) is
/// answered PK_OK by NIOSSH itself and never reaches this delegate, so it cannot authenticate.
final class ReaderAuthentication: NIOSSHServerUserAuthenticationDelegate, Sendable {
    let server: ServerContext
    let connection: String
    /// Called on the connection's event loop once a login succeeded (NIOSSH fires no event for it
    /// on the server side).
    let loggedIn: @Sendable () -> Void

    init(server: ServerContext, connection: String, loggedIn: @escaping @Sendable () -> Void) {
        self.server = server
        self.connection = connection
        self.loggedIn = loggedIn
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods {
        server.authorizedKeys == nil ? [.publicKey, .password] : .publicKey
    }

    func requestReceived(
        request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
    ) {
        let user = loggable(request.username, limit: 32)
        guard let authorized = server.authorizedKeys else {
            let method: String
            switch request.request {
            case .none: method = "none"
            case .password: method = "password (ignored)"
            case .publicKey(let pk): method = "key \(HostKey.fingerprint(pk.publicKey))"
            default: method = "other"
            }
            server.logger.info("\(connection) authenticated: user \(user), \(method) (open reading room)")
            loggedIn()
            responsePromise.succeed(.success)
            return
        }
        switch request.request {
        case .publicKey(let pk):
            let fingerprint = HostKey.fingerprint(pk.publicKey)
            if authorized.contains(pk.publicKey) {
                server.logger.info("\(connection) authenticated: user \(user), key \(fingerprint)")
                loggedIn()
                responsePromise.succeed(.success)
            } else {
                server.logger.notice("\(connection) refused key \(fingerprint) (user \(user)): not in the authorized keys")
                responsePromise.succeed(.failure)
            }
        default:
            responsePromise.succeed(.failure)
        }
    }
}

/// Refuses port forwarding asked by the client (`ssh -R`), with a log line.
struct RefuseForwarding: GlobalRequestDelegate {
    let server: ServerContext
    let connection: String

    func tcpForwardingRequest(
        _ request: GlobalRequest.TCPForwardingRequest, handler: NIOSSHHandler,
        promise: EventLoopPromise<GlobalRequest.TCPForwardingResponse>
    ) {
        server.logger.notice("\(connection) refused remote port forwarding (\(loggable("\(request)")))")
        promise.fail(ForwardingRefused())
    }
}

struct ForwardingRefused: Error {}
