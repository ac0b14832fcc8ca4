/// The browser and command children: their arguments, environment, terminal type and size.
///
/// A child gets nothing from the server's own environment and nothing from the client but a
/// sanitized TERM and what its locale requests say about UTF-8.
public enum ChildEnvironment {
    public static let defaultTerm = "xterm-256color"
    public static let columns = 10...500
    public static let rows = 5...300

    /// The client's TERM when it is a plausible terminfo name ([A-Za-z0-9._+-], at most 64), else
    /// xterm-256color.
    public static func term(_ requested: String) -> String {
        let ok = !requested.isEmpty && requested.utf8.count <= 64
            && requested.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._+-".unicodeScalars.contains($0)) }
        return ok ? requested : defaultTerm
    }

    /// A window size inside 10…500 columns and 5…300 rows; 0 (unknown) becomes 80×24.
    public static func clamp(columns c: Int, rows r: Int) -> (columns: Int, rows: Int) {
        (c == 0 ? 80 : min(max(c, columns.lowerBound), columns.upperBound),
         r == 0 ? 24 : min(max(r, rows.lowerBound), rows.upperBound))
    }

    /// Whether locale variables sent by the client (env requests, `AcceptEnv LANG LC_*` under
    /// OpenSSH) ask for a locale that is not UTF-8. Precedence as in POSIX: LC_ALL, then LC_CTYPE,
    /// then LANG; the first one set and non-empty decides. No locale sent: UTF-8.
    public static func wantsASCII(_ env: [String: String]) -> Bool {
        guard let value = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap({ env[$0] }).first(where: { !$0.isEmpty }) else {
            return false
        }
        let v = value.lowercased()
        return !(v.contains("utf-8") || v.contains("utf8"))
    }

    /// The environment variables a client may set: LANG and LC_*, with a short printable value.
    public static func acceptsEnvironment(name: String, value: String) -> Bool {
        guard name == "LANG" || (name.hasPrefix("LC_") && name.count <= 20
            && name.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || $0 == "_" })) else { return false }
        return value.utf8.count <= 64 && value.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F }
    }

    /// `bilan browse --read-only --db ARCHIVE [--ascii]`, program path first.
    public static func browserArguments(bilan: String, archive: String, ascii: Bool) -> [String] {
        [bilan, "browse", "--read-only", "--db", archive] + (ascii ? ["--ascii"] : [])
    }

    /// Set in the environment of everything a remote reader runs: `bilan` then never starts a
    /// pager (a pager can run a shell) and never writes to the archive.
    public static let restricted = "BILAN_RESTRICTED"

    /// The whole environment of a child: no HOME or XDG directory that leads anywhere, a minimal
    /// PATH, UTF-8, restricted mode, and TERM for the browser.
    public static func variables(term: String?) -> [String] {
        var env = [
            "PATH=/usr/bin:/bin", "HOME=/nonexistent", "XDG_DATA_HOME=/nonexistent", "XDG_CONFIG_HOME=/nonexistent",
            "XDG_CACHE_HOME=/nonexistent", "LANG=C.UTF-8", "SHELL=/bin/false", "\(restricted)=1", "PAGER=cat",
            "LESSSECURE=1",
        ]
        if let term { env.append("TERM=\(term)") }
        return env
    }
}
