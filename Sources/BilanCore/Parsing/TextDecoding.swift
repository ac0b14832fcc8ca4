import Foundation

/// Turns a file's bytes into text, or says clearly why it is not a summary's text.
///
/// UTF-8 (a BOM is dropped), UTF-16 with a BOM, and Windows-1252 / Latin-1 when the bytes are clearly
/// that (invalid as UTF-8, no NUL, high bytes that are letters or typographic marks).
public enum TextDecoding {
    /// Files above this size are refused (5 MB).
    public static let maximumSize = 5 * 1024 * 1024

    public static func decode(_ data: Data, source: String? = nil) throws -> String {
        if data.isEmpty { throw ParseError(source: source, "the file is empty") }
        if data.count > maximumSize { throw tooLarge(data.count, source: source) }
        let bytes = [UInt8](data)
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let enc: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard let s = String(data: data.dropFirst(2), encoding: enc) else {
                throw ParseError(source: source, line: 1, "the file starts like UTF-16 text but is not valid UTF-16")
            }
            // Any two bytes are a UTF-16 character: binary bytes after FF FE decode to Chinese,
            // Korean and control characters rather than failing.
            guard readsAsText(s) else {
                throw ParseError(source: source, line: 1, "the file starts like UTF-16 text but what follows is not text (a binary file?)")
            }
            return s
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let nul = body.firstIndex(of: 0) {
            throw ParseError(source: source, line: lineOf(body, nul), "the file is binary, not text (a NUL byte)")
        }
        var controls = 0
        for b in body.prefix(4096) where b < 0x20 && b != 0x0A && b != 0x0D && b != 0x09 && b != 0x1B && b != 0x0C {
            controls += 1
        }
        if controls > 8 { throw ParseError(source: source, "the file is binary, not text") }
        if let s = String(validating: body, as: UTF8.self) { return s }
        let bad = firstInvalidUTF8(body)
        if looksLikeWindows1252(body) { return decodeWindows1252(body) }
        throw ParseError(source: source, line: lineOf(body, bad), "the text is neither valid UTF-8 nor Windows-1252 / Latin-1")
    }

    /// Whether decoded text reads as text in the series' scripts: no control characters but line
    /// ends, tabs, form feeds and escapes, and at least two thirds of the other characters Latin,
    /// Greek, Cyrillic or general punctuation (a summary quoting Chinese or emoji stays well above).
    static func readsAsText(_ s: String) -> Bool {
        var expected = 0, other = 0
        for u in s.unicodeScalars {
            switch u.value {
            case 0x09, 0x0A, 0x0C, 0x0D, 0x1B, 0x20: continue
            case 0..<0x20, 0x7F: return false
            case 0..<0x530, 0x1E00..<0x2200, 0x2E00..<0x2E80, 0xFEFF: expected += 1
            default: other += 1
            }
        }
        return other * 2 <= expected
    }

    /// The error for a file of `size` bytes, over `maximumSize`.
    public static func tooLarge(_ size: Int, source: String?) -> ParseError {
        let mb = String(format: "%.1f", Double(size) / 1024 / 1024)
        return ParseError(source: source, "the file is \(mb) MB, over the 5 MB limit for a summary")
    }

    static func lineOf(_ bytes: [UInt8], _ offset: Int) -> Int {
        1 + bytes[..<min(offset, bytes.count)].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let n = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            if n == 0 || i + n > bytes.count { return i }
            for k in 1..<n where bytes[i + k] >> 6 != 0b10 { return i }
            i += n
        }
        return i
    }

    /// Mostly ASCII (four bytes in five at least), and every high byte one Windows-1252 defines.
    /// (Any such text decodes; a UTF-8 file with a broken byte does not get here often, since
    /// its multi-byte letters are high bytes in runs, and ASCII stays the rule.)
    static func looksLikeWindows1252(_ bytes: [UInt8]) -> Bool {
        var high = 0
        for b in bytes where b >= 0x80 {
            high += 1
            if b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D { return false }
        }
        return high * 5 < bytes.count
    }

    static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        var s = String.UnicodeScalarView()
        for b in bytes {
            let v: UInt32 = (0x80...0x9F).contains(b) ? cp1252High[Int(b) - 0x80] : UInt32(b)
            s.append(Unicode.Scalar(v)!)
        }
        return String(s)
    }
}
