/// Words as SQLite's full-text index keeps them (FTS5's `unicode61` tokenizer with
/// `remove_diacritics 2`), which is not quite `Folding`: the index takes letters, digits and
/// combining marks as word characters, lower-cases, and strips accents from Latin letters only, so
/// it keeps "київ", "łodz", "straße" and "œuvre" where `Folding` gives "киiв", "lodz", "strasse" and
/// "oeuvre". The store's word list (for expanding "drone" into the indexed words it begins) is
/// filled with these, and a reader's word is looked up in it in this form. A test checks the two
/// against SQLite itself.
public enum IndexFolding {
    /// The distinct index words of `text`, added to `words`.
    public static func collect(_ text: String, into words: inout Set<String>) {
        forEachWord(in: text) { words.insert($0) }
    }

    /// The index words of `text`, in order (as the index counts them).
    public static func words(in text: String) -> [String] {
        var out: [String] = []
        forEachWord(in: text) { out.append($0) }
        return out
    }

    @inline(__always) static func forEachWord(in text: String, _ body: (String) -> Void) {
        var token: [UInt8] = []
        token.reserveCapacity(32)
        for u in text.unicodeScalars {
            let v = u.value
            if v < 0x80 {
                // ASCII: letters and digits are word characters, A–Z lower-cased.
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    token.append(UInt8(v))
                } else if v >= 0x41 && v <= 0x5A {
                    token.append(UInt8(v + 32))
                } else if !token.isEmpty {
                    body(String(decoding: token, as: UTF8.self))
                    token.removeAll(keepingCapacity: true)
                }
                continue
            }
            if isWordCharacter(u) {
                append(u, to: &token)
            } else if !token.isEmpty {
                body(String(decoding: token, as: UTF8.self))
                token.removeAll(keepingCapacity: true)
            }
        }
        if !token.isEmpty { body(String(decoding: token, as: UTF8.self)) }
    }

    /// One word as the index keeps it (characters that are not word characters are dropped).
    public static func fold(_ word: some StringProtocol) -> String {
        var out: [UInt8] = []
        for u in word.unicodeScalars where u.value < 0x80 || isWordCharacter(u) {
            if u.value < 0x80 {
                let v = u.value
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    out.append(UInt8(v))
                } else if v >= 0x41 && v <= 0x5A {
                    out.append(UInt8(v + 32))
                }
            } else {
                append(u, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Letters, digits (all of Unicode's N categories), private-use characters and non-spacing
    /// marks; the marks are word characters that the index then drops.
    static func isWordCharacter(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .privateUse, .nonspacingMark:
            return true
        default:
            return false
        }
    }

    /// Appends the index form of a non-ASCII word character.
    static func append(_ u: Unicode.Scalar, to out: inout [UInt8]) {
        let v = u.value
        if u.properties.generalCategory == .nonspacingMark { return }
        switch v {
        // Latin letters with no canonical decomposition keep their form (lower-cased).
        case 0x0141, 0x0142: encode("ł", to: &out)
        case 0x0152, 0x0153: encode("œ", to: &out)
        case 0x00C6, 0x00E6: encode("æ", to: &out)
        case 0x00D8, 0x00F8: encode("ø", to: &out)
        case 0x0110, 0x0111: encode("đ", to: &out)
        case 0x00DF: encode("ß", to: &out)
        case 0x0131: encode("ı", to: &out)
        case 0xC0..<0x250, 0x1E00..<0x1F00:
            // Other Latin letters: lower case without accents, which is `Folding`'s form.
            Folding.append(u, to: &out)
        default:
            // Greek, Cyrillic and the rest: lower case only (й, ї and ё keep their marks).
            for l in u.properties.lowercaseMapping.unicodeScalars { UTF8.encode(l) { out.append($0) } }
        }
    }

    private static func encode(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(s) { out.append($0) }
    }
}
