/// A JSON value with ordered keys, rendered the way the CLI contract wants it.
///
/// Strings escape `"`, `\`, every control character, U+007F–U+009F, U+2028 and U+2029, so JSON
/// output can be printed to a terminal or embedded in a page safely.
public indirect enum JSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool { a.render() == b.render() }
    public func hash(into h: inout Hasher) { h.combine(render()) }

    public static func str(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
    public static func num(_ n: Int?) -> JSON { n.map(JSON.int) ?? .null }

    /// Two-space indented JSON, one key per line; `pretty: false` gives one line.
    public func render(pretty: Bool = true) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(into: &out, indent: 0, pretty: pretty)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(into out: inout [UInt8], indent: Int, pretty: Bool) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .int(let n): out += Array(String(n).utf8)
        case .double(let d): out += Array((d.isFinite ? String(d) : "null").utf8)
        case .string(let s): JSON.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out += [0x5B, 0x5D]
                return
            }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                if pretty { JSON.newline(&out, indent + 1) }
                item.write(into: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { JSON.newline(&out, indent) }
            out.append(0x5D)
        case .object(let fields):
            if fields.isEmpty {
                out += [0x7B, 0x7D]
                return
            }
            out.append(0x7B)
            for (i, (k, v)) in fields.enumerated() {
                if i > 0 { out.append(0x2C) }
                if pretty { JSON.newline(&out, indent + 1) }
                JSON.escape(k, into: &out)
                out.append(0x3A)
                if pretty { out.append(0x20) }
                v.write(into: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { JSON.newline(&out, indent) }
            out.append(0x7D)
        }
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        for _ in 0..<(indent * 2) { out.append(0x20) }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private static func escapeScalar(_ v: UInt32, into out: inout [UInt8]) {
        out += [0x5C, 0x75]
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((v >> UInt32(shift)) & 0xF)]) }
    }

    /// Copies UTF-8 through, escaping `"`, `\`, C0, DEL, C1, U+2028 and U+2029.
    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        let utf8 = Array(s.utf8)
        utf8.withUnsafeBufferPointer { b in
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                switch c {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                case 0x00..<0x20, 0x7F: escapeScalar(UInt32(c), into: &out)
                case 0xC2 where i + 1 < n && b[i + 1] >= 0x80 && b[i + 1] <= 0x9F:
                    escapeScalar(UInt32(b[i + 1]), into: &out)
                    i += 1
                case 0xE2 where i + 2 < n && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
                    escapeScalar(b[i + 2] == 0xA8 ? 0x2028 : 0x2029, into: &out)
                    i += 2
                default: out.append(c)
                }
                i += 1
            }
        }
        out.append(0x22)
    }
}
