import Foundation
import NIOSSH
import Testing

@testable import BilanSSH

@Suite struct HostKeyTests {
    func temporaryDirectory() -> String {
        let dir = NSTemporaryDirectory() + "bilan-ssh-tests-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func createdWithMode0600AndReused() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/sub/ssh_host_ed25519_key"
        let first = try HostKey.loadOrCreate(path: path)
        #expect(first.created)
        var st = stat()
        #expect(stat(path, &st) == 0)
        #expect(st.st_mode & 0o777 == 0o600)
        #expect(st.st_size == 32)
        #expect(stat(dir + "/sub", &st) == 0 && st.st_mode & 0o777 == 0o700)
        let second = try HostKey.loadOrCreate(path: path)
        #expect(!second.created)
        #expect(second.publicKey == first.publicKey)
        #expect(HostKey.fingerprint(second.publicKey) == HostKey.fingerprint(first.publicKey))
    }

    @Test func refusesAKeyOthersCanRead() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/key"
        _ = try HostKey.loadOrCreate(path: path)
        chmod(path, 0o644)
        #expect(throws: HostKey.Failure.self) { try HostKey.loadOrCreate(path: path) }
        do {
            _ = try HostKey.load(path: path)
        } catch {
            #expect(error.description.contains("mode 0644") && error.description.contains("chmod 600"))
        }
        chmod(path, 0o600)
        #expect(throws: Never.self) { try HostKey.load(path: path) }
        // Not 32 bytes: refused, not overwritten.
        FileManager.default.createFile(atPath: dir + "/short", contents: Data([1, 2, 3]), attributes: [.posixPermissions: 0o600])
        #expect(throws: HostKey.Failure.self) { try HostKey.loadOrCreate(path: dir + "/short") }
    }

    @Test func modeChecks() {
        let me = getuid()
        #expect(HostKey.modeProblem(mode: S_IFREG | 0o600, owner: me, user: me) == nil)
        #expect(HostKey.modeProblem(mode: S_IFREG | 0o400, owner: me, user: me) == nil)
        #expect(HostKey.modeProblem(mode: S_IFREG | 0o640, owner: me, user: me)?.contains("0640") == true)
        #expect(HostKey.modeProblem(mode: S_IFREG | 0o602, owner: me, user: me) != nil)
        #expect(HostKey.modeProblem(mode: S_IFREG | 0o600, owner: me &+ 1, user: me)?.contains("another user") == true)
        #expect(HostKey.modeProblem(mode: S_IFDIR | 0o700, owner: me, user: me)?.contains("regular") == true)
    }

    /// Fingerprints as `ssh-keygen -l` prints them (vectors made with OpenSSH 9.2).
    @Test func openSSHFingerprintFormat() throws {
        let ed = try NIOSSHPublicKey(openSSHPublicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEdEUOo/b9SmCusYj7pta+FZ2IBwASx2uQYDDUXogL0v")
        #expect(HostKey.fingerprint(ed) == "SHA256:vnUSMoSAC7JzkukUcLnJy4xHtN8iixmXnpm/xpMpzmk")
        let ec = try NIOSSHPublicKey(openSSHPublicKey: "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBBSb3vPWYyuO+U7BTdNf80OatZQhfeAtTz1SW5GJ/aXLKRXGvpzUlZc3E7nB0PUUNZZWBEqd5lYck2gn77f8h74=")
        #expect(HostKey.fingerprint(ec) == "SHA256:71BID4P5heCBTeigtg3pvFIhHn/Aa/9nyNTJvezzB9s")
        let fp = HostKey.fingerprint(ed)
        #expect(fp.hasPrefix("SHA256:") && !fp.hasSuffix("=") && fp.count == 7 + 43)
    }
}

@Suite struct AuthorizedKeysTests {
    static let ed = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEdEUOo/b9SmCusYj7pta+FZ2IBwASx2uQYDDUXogL0v"
    static let ec = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBBSb3vPWYyuO+U7BTdNf80OatZQhfeAtTz1SW5GJ/aXLKRXGvpzUlZc3E7nB0PUUNZZWBEqd5lYck2gn77f8h74="
    static let rsa = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC/RX6LPAm2VrxCg+kv4iFi01s9K3q1g+HKFgvmQVnobAYQWB1sYB/K1w7dW7zilGiwFqRbTwJoPTryJNSJnEPfe65JnrcW5KqojGB8jDFgJaFrBtvwU4Wrh/XDwg37+qYvcx5YOVU56JB4MrVqO5P/4Zi8NJ11xhMUBWOVihXw2Q=="

    @Test func parsesUsableKeysAndNamesSkippedLines() throws {
        let text = """
            # the readers

            \(Self.rsa) someone@rsa
            restrict,pty,command="bilan ssh-entry --db /srv/a b.sqlite" \(Self.ed) alice
            \(Self.ec)
            ssh-ed25519 not-base64!
            just words here
            """
        let keys = AuthorizedKeys(text: text, path: "/etc/bilan/keys")
        #expect(keys.keys.count == 2)
        #expect(keys.keys.contains(try NIOSSHPublicKey(openSSHPublicKey: Self.ed)))
        #expect(keys.keys.contains(try NIOSSHPublicKey(openSSHPublicKey: Self.ec)))
        #expect(keys.warnings.count == 3)
        #expect(keys.warnings[0] == "/etc/bilan/keys line 3: ssh-rsa keys are not supported (only ssh-ed25519 and ecdsa-sha2-nistp256/384/521); line skipped")
        #expect(keys.warnings[1].hasPrefix("/etc/bilan/keys line 6: "))
        #expect(keys.warnings[2].hasPrefix("/etc/bilan/keys line 7: no key found"))
    }

    @Test func crlfAndEmpty() {
        #expect(AuthorizedKeys(text: "\(Self.ed) a\r\n", path: "k").keys.count == 1)
        let none = AuthorizedKeys(text: "", path: "k")
        #expect(none.keys.isEmpty && none.warnings.isEmpty)
    }
}
