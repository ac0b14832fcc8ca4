import Foundation

/// Cleans text read from a file before it is stored or shown.
///
/// NFC; line ends as `\n` (CR LF, CR, and the line and paragraph separators U+2028 and U+2029);
/// removed: C0 controls but newline and tab, DEL, C1 controls, ESC sequences (CSI, OSC, DCS … with
/// their payload), bidi controls and zero-width format characters (ZWJ is kept between two
/// emoji-capable scalars). NBSP and U+202F are kept for display.
public enum TextHygiene {
    public static func clean(_ input: String) -> String {
        var s = input
        if s.withUTF8({ $0.contains(0x0D) }) {
            s = s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        var mayNeedNFC = false
        var dirty = false
        // The scalars read from the bytes in place (a file's text: a String's scalar view walked
        // index by index cost five times as much).
        func scan(_ u: Unicode.Scalar) {
            let v = u.value
            if v < 0x80 {
                if v < 0x20 && v != 0x0A && v != 0x09 || v == 0x7F { dirty = true }
                return
            }
            if needsWork(u) { dirty = true }
            // Precomposed Latin and Cyrillic text is already NFC; combining marks or other scripts may not be.
            if (0x0300...0x036F).contains(v) || (0x0483...0x0489).contains(v) || v >= 0x0590 && !(0x2000...0x206F).contains(v) {
                mayNeedNFC = true
            }
        }
        s.withUTF8 { bytes in
            var i = 0
            while i < bytes.count { scan(UTF8Scalars.next(bytes, &i)) }
        }
        if dirty { s = strip(s) }
        return mayNeedNFC ? s.precomposedStringWithCanonicalMapping : s
    }

    /// A scalar that `clean` removes or that starts a sequence it removes.
    static func needsWork(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x20 { return v != 0x0A && v != 0x09 }
        if v >= 0x7F && v <= 0x9F { return true }
        return v == 0x2028 || v == 0x2029 || isInvisibleFormat(v)
    }

    static func isInvisibleFormat(_ v: UInt32) -> Bool {
        switch v {
        case 0x200B, 0x200C, 0x200E, 0x200F, 0x2060...0x2064, 0xFEFF, 0x00AD, 0x061C,
            0x202A...0x202E, 0x2066...0x2069, 0x200D:
            return true
        default: return false
        }
    }

    private static func strip(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let v = scalars[i].value
            if v == 0x1B || v == 0x9B || v == 0x9D || v == 0x90 || v == 0x9E || v == 0x9F || v == 0x98 {
                i = skipEscape(scalars, i)
                continue
            }
            if v == 0x200D {
                // Keep a ZWJ only inside an emoji sequence.
                if i > 0, i + 1 < scalars.count, scalars[i - 1].properties.isEmoji,
                    scalars[i + 1].properties.isEmoji, scalars[i - 1].value > 0xFF
                {
                    out.append(scalars[i])
                }
                i += 1
                continue
            }
            if v == 0x2028 || v == 0x2029 {
                out.append("\n")
                i += 1
                continue
            }
            if needsWork(scalars[i]) {
                i += 1
                continue
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    /// Index after the escape sequence starting at `i` (ESC or a C1 introducer).
    private static func skipEscape(_ a: [Unicode.Scalar], _ start: Int) -> Int {
        var i = start
        var kind: UInt32 = a[i].value
        i += 1
        if kind == 0x1B {
            guard i < a.count else { return i }
            let n = a[i].value
            switch n {
            case 0x5B: kind = 0x9B; i += 1  // CSI
            case 0x5D: kind = 0x9D; i += 1  // OSC
            case 0x50: kind = 0x90; i += 1  // DCS
            case 0x5E: kind = 0x9E; i += 1  // PM
            case 0x5F: kind = 0x9F; i += 1  // APC
            case 0x58: kind = 0x98; i += 1  // SOS
            default:
                // Two- or three-byte escapes: ESC, intermediates 0x20–0x2F, one final byte.
                while i < a.count, (0x20...0x2F).contains(a[i].value) { i += 1 }
                return min(i + 1, a.count)
            }
        }
        if kind == 0x9B {
            // Parameters and intermediates, then a final byte 0x40–0x7E.
            while i < a.count {
                let v = a[i].value
                i += 1
                if (0x40...0x7E).contains(v) { break }
                if !(0x20...0x3F).contains(v) { i -= 1; break }
            }
            return i
        }
        // String commands end with BEL, ST (ESC \) or C1 ST; give up at a newline.
        while i < a.count {
            let v = a[i].value
            if v == 0x07 || v == 0x9C { return i + 1 }
            if v == 0x1B { return i + 1 < a.count && a[i + 1].value == 0x5C ? i + 2 : i + 1 }
            if v == 0x0A { return i }
            i += 1
        }
        return i
    }
}
