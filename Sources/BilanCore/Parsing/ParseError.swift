/// Why a file could not be read as a summary, with where.
public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or URL) the text came from, when known.
    public var source: String?
    /// 1-based line, when the problem has one.
    public var line: Int?
    /// One sentence, without the location.
    public var message: String

    public init(source: String? = nil, line: Int? = nil, _ message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String {
        var loc = source ?? ""
        if let l = line { loc += loc.isEmpty ? "line \(l)" : ":\(l)" }
        return loc.isEmpty ? message : "\(loc): \(message)"
    }
}
