import Foundation

/// Readable ASCII for terminals that are not UTF-8: accents dropped (é → e), typographic
/// punctuation made plain (’ → ', « » → "), ligatures spelled out (œ → oe), Cyrillic romanized,
/// and anything else shown as `?`.
public enum Ascii {
    /// The ASCII spelling of one grapheme cluster (one or more characters).
    public static func transliterate(_ c: Character) -> String {
        if c.isASCII { return String(c) }
        guard let first = c.unicodeScalars.first else { return "" }
        if let mapped = table[first.value] { return mapped }
        if DisplayWidth.scalarWidth(first) == 0 { return "" }
        // Latin letters with diacritics: the base letter of the canonical decomposition.
        let decomposed = String(c).decomposedStringWithCanonicalMapping.unicodeScalars
        if let base = decomposed.first, base.isASCII { return String(Character(base)) }
        return "?"
    }

    /// A whole string in ASCII.
    public static func transliterate(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s { out += transliterate(c) }
        return out
    }

    static let table: [UInt32: String] = {
        var t: [UInt32: String] = [
            0x00A0: " ", 0x202F: " ", 0x2009: " ", 0x2007: " ", 0x2002: " ", 0x2003: " ",
            0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'", 0x02BC: "'",
            0x201C: "\"", 0x201D: "\"", 0x201E: "\"", 0x00AB: "\"", 0x00BB: "\"", 0x2039: "'", 0x203A: "'",
            0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-", 0x2212: "-",
            0x2026: "...", 0x2022: "*", 0x00B7: ".", 0x00D7: "x", 0x00B0: "o", 0x2116: "No",
            0x0152: "OE", 0x0153: "oe", 0x00C6: "AE", 0x00E6: "ae", 0x00DF: "ss", 0x00D8: "O", 0x00F8: "o",
            0x0141: "L", 0x0142: "l", 0x0110: "D", 0x0111: "d", 0x00D0: "D", 0x00F0: "d", 0x00DE: "Th", 0x00FE: "th",
            0x20AC: "EUR", 0x00A3: "GBP", 0x2030: "%o", 0x00BD: "1/2", 0x00BC: "1/4", 0x00BE: "3/4",
            0x2264: "<=", 0x2265: ">=", 0x2248: "~", 0x2192: "->", 0x2190: "<-",
            0x25B2: "^", 0x25BC: "v", 0x2191: "^", 0x2193: "v", 0x25B6: ">", 0x25C0: "<",
            0x2502: "|", 0x2500: "-", 0x2588: "#", 0x2593: "#", 0x2592: "#", 0x2591: ".",
            0x2581: "_", 0x2582: "_", 0x2583: ".", 0x2584: "-", 0x2585: "-", 0x2586: "=", 0x2587: "#",
        ]
        // Ukrainian and Russian Cyrillic, by the national romanization tables.
        let lower: [(UInt32, String)] = [
            (0x430, "a"), (0x431, "b"), (0x432, "v"), (0x433, "h"), (0x434, "d"), (0x435, "e"),
            (0x454, "ie"), (0x436, "zh"), (0x437, "z"), (0x438, "y"), (0x456, "i"), (0x457, "i"), (0x439, "i"),
            (0x43A, "k"), (0x43B, "l"), (0x43C, "m"), (0x43D, "n"), (0x43E, "o"), (0x43F, "p"), (0x440, "r"),
            (0x441, "s"), (0x442, "t"), (0x443, "u"), (0x444, "f"), (0x445, "kh"), (0x446, "ts"), (0x447, "ch"),
            (0x448, "sh"), (0x449, "shch"), (0x44C, ""), (0x44E, "iu"), (0x44F, "ia"), (0x44B, "y"),
            (0x44A, ""), (0x44D, "e"), (0x451, "e"),
        ]
        for (v, s) in lower {
            t[v] = s
            let upper = v >= 0x450 ? v - 0x50 : v - 0x20
            t[upper] = s.prefix(1).uppercased() + s.dropFirst()
        }
        t[0x491] = "g"
        t[0x490] = "G"
        return t
    }()
}
