import Foundation

/// Case- and accent-insensitive keys for matching (Latin and Cyrillic).
///
/// `fold("Avdiïvka") == "avdiivka"`, `fold("Тчассів") == "тчассiв"`-style: lower case, combining marks
/// removed, ’ ‘ ʼ as ', NBSP and U+202F as a space, œ/æ spelled out, ё as е.
public enum Folding {
    public static func fold(_ s: some StringProtocol) -> String {
        // Fast path: ASCII needs only lower-casing.
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            if !s.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { return String(s) }
            return String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 8)
        for u in s.unicodeScalars { append(u, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the fold of one scalar, as UTF-8.
    @inline(__always) static func append(_ u: Unicode.Scalar, to out: inout [UInt8]) {
        let v = u.value
        if v < 0x80 {
            out.append(UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v))
            return
        }
        if v < FoldingTable.end {
            // Latin-1, Latin Extended, IPA, Greek, Cyrillic: precomputed (see FoldingTable.swift).
            let i = Int(v - 0x80)
            let bytes = FoldingTable.utf8
            for k in Int(FoldingTable.offsets[i])..<Int(FoldingTable.offsets[i + 1]) { out.append(bytes[k]) }
            return
        }
        for f in computeFold(u) {
            if f.value < 0x80 {
                out.append(UInt8(f.value))
            } else {
                UTF8.encode(f) { out.append($0) }
            }
        }
    }

    /// The fold computed from Unicode's data (lower case, canonical decomposition, combining marks
    /// dropped, and the exceptions above). `FoldingTable` holds its results below U+0530; a test
    /// checks that they agree and regenerates the table when asked.
    static func computeFold(_ u: Unicode.Scalar) -> [Unicode.Scalar] {
        switch u.value {
        case 0x2019, 0x2018, 0x02BC, 0x00B4, 0x2032, 0x0060: return ["'"]
        case 0x00A0, 0x202F, 0x2007, 0x2009, 0x200A, 0x2002, 0x2003: return [" "]
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212: return ["-"]
        case 0x0153, 0x0152: return ["o", "e"]
        case 0x00E6, 0x00C6: return ["a", "e"]
        case 0x00DF: return ["s", "s"]
        case 0x0131: return ["i"]
        case 0x0142, 0x0141: return ["l"]
        case 0x00F8, 0x00D8: return ["o"]
        case 0x0111, 0x0110: return ["d"]
        default: break
        }
        if u.value >= 0x530, !u.properties.isAlphabetic { return [u] }
        let lowered = String(u).lowercased()
        let decomposed = lowered.decomposedStringWithCanonicalMapping
        var r: [Unicode.Scalar] = []
        for s in decomposed.unicodeScalars {
            // Drop combining marks (accents, breve, diaeresis…).
            if (0x0300...0x036F).contains(s.value) { continue }
            r.append(s)
        }
        return r
    }
}

