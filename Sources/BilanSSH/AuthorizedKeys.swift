import NIOSSH

/// The keys of `--authorized-keys`: OpenSSH's `authorized_keys` format, one key a line, `#`
/// comments, options before the key type (ignored). Only ssh-ed25519 and ecdsa-sha2-nistp256/384/521
/// keys can be used (swift-nio-ssh has no RSA); other lines are skipped with a warning naming them.
public struct AuthorizedKeys: Sendable {
    public var keys: [NIOSSHPublicKey]
    public var warnings: [String]

    static let usableTypes: Set<String> = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"]

    static func looksLikeKeyType(_ s: Substring) -> Bool {
        s.hasPrefix("ssh-") || s.hasPrefix("ecdsa-sha2-") || s.hasPrefix("sk-")
    }

    public init(text: String, path: String) {
        keys = []
        warnings = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: [" ", "\t", "\r"])
            if line.isEmpty || line.hasPrefix("#") { continue }
            let place = "\(path) line \(n + 1)"
            // Options may hold quoted spaces (command="…"): find the key type after them.
            let fields = Self.fields(line)
            guard let t = fields.firstIndex(where: Self.looksLikeKeyType), t + 1 < fields.count else {
                warnings.append("\(place): no key found; line skipped")
                continue
            }
            let type = String(fields[t])
            guard Self.usableTypes.contains(type) else {
                warnings.append("\(place): \(type) keys are not supported (only ssh-ed25519 and ecdsa-sha2-nistp256/384/521); line skipped")
                continue
            }
            do {
                keys.append(try NIOSSHPublicKey(openSSHPublicKey: "\(type) \(fields[t + 1])"))
            } catch {
                warnings.append("\(place): the \(type) key cannot be read; line skipped")
            }
        }
    }

    /// Splits on blanks outside double quotes.
    static func fields(_ line: Substring) -> [Substring] {
        var out: [Substring] = []
        var start: Substring.Index?
        var quoted = false
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c == "\"" { quoted.toggle() }
            if (c == " " || c == "\t") && !quoted {
                if let s = start { out.append(line[s..<i]) }
                start = nil
            } else if start == nil {
                start = i
            }
            i = line.index(after: i)
        }
        if let s = start { out.append(line[s...]) }
        return out
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> Substring {
        var s = self
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return s
    }
}
