/// Columns a grapheme cluster takes on a terminal, as `wcwidth` counts them (East Asian wide and
/// emoji: 2; combining marks and other zero-width characters: 0 after the first scalar).
public enum DisplayWidth {
    /// The width of one grapheme cluster: 0, 1 or 2.
    public static func of(_ c: Character) -> Int {
        if c.isASCII { return c.asciiValue! < 0x20 || c.asciiValue! == 0x7F ? 0 : 1 }
        var width = 0
        for (i, s) in c.unicodeScalars.enumerated() {
            let w = scalarWidth(s)
            if i == 0 {
                width = w
            } else if s.value == 0xFE0F, width == 1, s.properties.isEmoji {
                // A text-style emoji turned to emoji presentation (❤️) is drawn wide.
                width = 2
            }
        }
        return width
    }

    /// The width of a string, cluster by cluster.
    public static func of(_ s: Substring) -> Int { s.reduce(0) { $0 + of($1) } }
    public static func of(_ s: String) -> Int { of(s[...]) }

    /// The width of one scalar on its own.
    static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x300 { return v < 0x20 || (0x7F..<0xA0).contains(v) ? 0 : 1 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) || (0x200B...0x200F).contains(v) { return 0 }
        if isWide(v) || s.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth W and F, grouped).
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
            0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
