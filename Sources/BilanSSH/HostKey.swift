import Crypto
import Foundation
import NIOSSH

#if canImport(Glibc)
    import Glibc
#endif

/// The server's Ed25519 host key, kept in a file of its own.
///
/// **File format**: exactly the 32 bytes of the Ed25519 private key (the seed, as
/// `Curve25519.Signing.PrivateKey.rawRepresentation` writes it), nothing else, mode 0600. It is made
/// on first start with `O_CREAT|O_EXCL` and mode 0600 (so it is never readable by others, not even
/// for an instant), in a directory made with mode 0700. A key file that group or others may read
/// or write is refused, like OpenSSH refuses one.
public struct HostKey {
    public let privateKey: NIOSSHPrivateKey
    public let publicKey: NIOSSHPublicKey
    public let created: Bool

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Loads the key at `path`, or creates it there when no file exists.
    public static func loadOrCreate(path: String) throws(Failure) -> HostKey {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir) {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw Failure(description: "cannot create the directory \(dir) for the host key: \(error.localizedDescription)")
            }
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd >= 0 {
            let key = Curve25519.Signing.PrivateKey()
            let bytes = [UInt8](key.rawRepresentation)
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            let synced = fsync(fd)
            close(fd)
            guard written == 32, synced == 0 else {
                unlink(path)
                throw Failure(description: "cannot write the host key \(path): \(String(cString: strerror(errno)))")
            }
            return HostKey(key, created: true)
        }
        guard errno == EEXIST else {
            throw Failure(description: "cannot create the host key \(path): \(String(cString: strerror(errno)))")
        }
        return try load(path: path)
    }

    public static func load(path: String) throws(Failure) -> HostKey {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(description: "cannot open the host key \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Failure(description: "cannot read the host key \(path)") }
        if let problem = modeProblem(mode: st.st_mode, owner: st.st_uid, user: getuid()) {
            throw Failure(description: "the host key \(path) \(problem)")
        }
        var bytes = [UInt8](repeating: 0, count: 33)
        let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, 33) }
        guard n == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes[0..<32]) else {
            throw Failure(description: "the host key \(path) is not a bilan host key (32 bytes of an Ed25519 private key); move it away to make a new one")
        }
        return HostKey(key, created: false)
    }

    /// Why a key file with this mode and owner must not be used, or nil when it is fine.
    public static func modeProblem(mode: mode_t, owner: uid_t, user: uid_t) -> String? {
        if mode & S_IFMT != S_IFREG { return "is not a regular file" }
        if owner != user { return "belongs to another user (uid \(owner)); it must be yours" }
        if mode & 0o077 != 0 {
            return String(format: "is accessible by others (mode %04o): run chmod 600 on it, or remove it to make a new key", Int(mode & 0o7777))
        }
        return nil
    }

    init(_ key: Curve25519.Signing.PrivateKey, created: Bool) {
        self.privateKey = NIOSSHPrivateKey(ed25519Key: key)
        self.publicKey = privateKey.publicKey
        self.created = created
    }

    /// `SHA256:` and the unpadded base64 of the SHA-256 of the key blob, as `ssh-keygen -l` prints.
    public static func fingerprint(_ key: NIOSSHPublicKey) -> String {
        let line = String(openSSHPublicKey: key)
        let fields = line.split(separator: " ")
        guard fields.count >= 2, let blob = Data(base64Encoded: String(fields[1])) else { return "SHA256:?" }
        return fingerprint(blob: blob)
    }

    public static func fingerprint(blob: Data) -> String {
        var b64 = Data(SHA256.hash(data: blob)).base64EncodedString()
        while b64.hasSuffix("=") { b64.removeLast() }
        return "SHA256:" + b64
    }
}
