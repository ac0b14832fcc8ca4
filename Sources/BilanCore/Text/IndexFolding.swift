/// Words as SQLite's full-text index keeps them (FTS5's `unicode61` tokenizer with
/// `remove_diacritics 2`), which is not quite `Folding`: the index takes letters, digits and its
/// combining accents as word characters, folds case, and strips accents only from Latin letters
/// that are then a–z, so it keeps "київ", "łodz", "straße" and "œuvre" where `Folding` gives
/// "киiв", "lodz", "strasse" and "oeuvre". The store's word list (for expanding "drone" into the indexed words it begins) is
/// filled with these, and a reader's word is looked up in it in this form. A test and a fuzz target
/// check the two against SQLite itself, for Latin, Greek and Cyrillic text (`isWellKnown`); SQLite's
/// tables are of an older Unicode than Swift's, so other scripts may part ways, and a word with
/// such characters is searched by the index's own prefix query rather than through the list.
public enum IndexFolding {
    /// The distinct index words of `text`, added to `words`.
    public static func collect(_ text: String, into words: inout Set<String>) {
        forEachWord(in: text) { word, _ in words.insert(word) }
    }

    /// What the store's word list keeps of `text`: its index words, except that a word with a
    /// character beyond `isWellKnown` (whose spelling in the index is not sure) is kept as its
    /// sure beginning followed by `unsure`, so that a prefix search reaching it goes to the
    /// index's own prefix query. Collected into `words`; `new` is called with each word not
    /// collected before.
    ///
    /// A word of ASCII letters and digits is hashed where it stands (lower-cased first when it has
    /// capitals); only the stretches between ASCII separators that hold other characters go through
    /// the token reader. An ASCII byte that is not a letter or a digit always ends a word there, so
    /// each stretch reads as it would in the whole text.
    public static func collectForList(_ text: String, into words: inout WordCollector, new: (String) -> Void) {
        func insert(_ token: UnsafeBufferPointer<UInt8>, _ sure: Int?) {
            if let sure {
                words.insertUnsure(UnsafeBufferPointer(rebasing: token[..<sure]), new: new)
            } else {
                words.insert(token, new: new)
            }
        }
        var copy = text
        let classes = byteClasses
        copy.withUTF8 { bytes in
            var lowered: [UInt8] = []
            var i = 0
            let n = bytes.count
            while i < n {
                // ASCII separators: class 0.
                if classes[Int(bytes[i])] == 0 {
                    i += 1
                    continue
                }
                var j = i
                var capitals = false
                while j < n {
                    let c = classes[Int(bytes[j])]
                    guard c & 1 != 0 else { break }
                    if c & 2 != 0 { capitals = true }
                    j += 1
                }
                if j > i, j == n || bytes[j] < 0x80 {
                    if capitals {
                        lowered.removeAll(keepingCapacity: true)
                        for k in i..<j { lowered.append(classes[Int(bytes[k])] & 2 != 0 ? bytes[k] + 32 : bytes[k]) }
                        lowered.withUnsafeBufferPointer { insert($0, nil) }
                    } else {
                        insert(UnsafeBufferPointer(rebasing: bytes[i..<j]), nil)
                    }
                    i = j
                    continue
                }
                // Other characters: the token reader, up to the next ASCII separator.
                while j < n, classes[Int(bytes[j])] != 0 { j += 1 }
                var reader = TokenReader()
                read(bytes, i..<j, into: &reader, insert)
                reader.finish(insert)
                i = j
            }
        }
    }

    /// For each byte: 1 an ASCII letter or digit (2 more for a capital), 4 a byte of another
    /// character, 0 an ASCII separator.
    static let byteClasses: [UInt8] = (0..<256).map { b in
        if b >= 0x80 { return 4 }
        if (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) { return 1 }
        return (0x41...0x5A).contains(b) ? 3 : 0
    }

    /// Ends a word-list entry whose rest is not known for sure (U+FFFD, after every letter).
    public static let unsure = "\u{FFFD}"

    /// The index words of `text`, in order (as the index counts them).
    public static func words(in text: String) -> [String] {
        var out: [String] = []
        forEachWord(in: text) { word, _ in out.append(word) }
        return out
    }

    /// Each word with, when it has a character beyond `isWellKnown`, the length in bytes of its
    /// folded part before the first such character.
    @inline(__always) static func forEachWord(in text: String, _ body: (String, Int?) -> Void) {
        forEachToken(in: text) { token, sure in body(String(decoding: token, as: UTF8.self), sure) }
    }

    /// The same as UTF-8 bytes, valid during the call only: for reading many texts without a
    /// String per word.
    ///
    /// Reads the string's UTF-8 bytes in place: ASCII bytes directly, other characters decoded
    /// from their bytes (the ranking reads 400 sentences a search this way).
    @inline(__always) public static func forEachToken(in text: String, _ body: (UnsafeBufferPointer<UInt8>, Int?) -> Void) {
        var reader = TokenReader()
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            read(bytes, 0..<bytes.count, into: &reader, body)
        }
        if done == nil { forEachScalar(of: text, into: &reader, body) }
        reader.finish(body)
    }

    /// Feeds the bytes of `range` to `reader`: ASCII bytes directly, other characters decoded.
    @inline(__always) static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into reader: inout TokenReader,
        _ body: (UnsafeBufferPointer<UInt8>, Int?) -> Void
    ) {
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            if b < 0x80 {
                reader.ascii(b, body)
                i += 1
            } else {
                reader.other(UTF8Scalars.next(bytes, &i), body)
            }
        }
    }

    /// The same, reading the string's scalars (a string not stored as UTF-8).
    static func forEachTokenOfScalars(in text: String, _ body: (UnsafeBufferPointer<UInt8>, Int?) -> Void) {
        var reader = TokenReader()
        forEachScalar(of: text, into: &reader, body)
        reader.finish(body)
    }

    private static func forEachScalar(
        of text: String, into reader: inout TokenReader, _ body: (UnsafeBufferPointer<UInt8>, Int?) -> Void
    ) {
        for u in text.unicodeScalars {
            if u.value < 0x80 { reader.ascii(UInt8(u.value), body) } else { reader.other(u, body) }
        }
    }

    /// Builds one word at a time and hands it to `body` at its end.
    struct TokenReader {
        typealias Body = (UnsafeBufferPointer<UInt8>, Int?) -> Void
        var token: [UInt8]
        var sure: Int? = nil

        init() {
            token = []
            token.reserveCapacity(32)
        }

        mutating func flush(_ body: Body) {
            token.withUnsafeBufferPointer { body($0, sure) }
            token.removeAll(keepingCapacity: true)
            sure = nil
        }

        /// ASCII: letters and digits are word characters, A–Z lower-cased.
        @inline(__always) mutating func ascii(_ b: UInt8, _ body: Body) {
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                token.append(b)
            } else if b >= 0x41 && b <= 0x5A {
                token.append(b + 32)
            } else if !token.isEmpty {
                flush(body)
            }
        }

        @inline(__always) mutating func other(_ u: Unicode.Scalar, _ body: Body) {
            let v = u.value
            // Latin-1's and Latin Extended-A's letters (all but × and ÷): word characters the
            // index knows, without looking up their category.
            if v >= 0xC0, v < 0x180, v != 0xD7, v != 0xF7 {
                IndexFolding.append(u, to: &token)
            } else if IndexFolding.isWordCharacter(u) {
                if sure == nil, !IndexFolding.isWellKnown(u) { sure = token.count }
                IndexFolding.append(u, to: &token)
            } else if !token.isEmpty {
                flush(body)
            }
        }

        mutating func finish(_ body: Body) {
            if !token.isEmpty { flush(body) }
        }
    }

    /// One word as the index keeps it (characters that are not word characters are dropped).
    public static func fold(_ word: some StringProtocol) -> String {
        words(in: String(word)).joined()
    }

    /// Characters whose reading the index and this agree on: the assigned ones below U+0528
    /// (Latin, Greek, Cyrillic) but the Latin letters with two accents, and the spaces and
    /// punctuation of U+2000–U+205F. (The index reads characters its tables do not know, such as the
    /// bidi isolates U+2066–U+2069, as letters.)
    public static func isWellKnown(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        guard v < 0x528 || (0x2000...0x205F).contains(v) else { return false }
        // Latin letters with two accents (ǖ, ǟ, ǡ, ǭ, ǻ, ȫ…): the index strips some, not others.
        if (0x1D5...0x231).contains(v), stacked.contains(v) { return false }
        // Ϳ (Unicode 7.0, newer than the index's tables: a letter to it, but never lower-cased).
        if v == 0x37F { return false }
        return u.properties.generalCategory != .unassigned
    }

    /// The letters of U+00C0–U+024F whose canonical decomposition has two combining marks.
    static let stacked: Set<UInt32> = [
        0x1D5, 0x1D6, 0x1D7, 0x1D8, 0x1D9, 0x1DA, 0x1DB, 0x1DC, 0x1DE, 0x1DF, 0x1E0, 0x1E1, 0x1EC, 0x1ED, 0x1FA,
        0x1FB, 0x22A, 0x22B, 0x22C, 0x22D, 0x230, 0x231,
    ]

    /// Letters, digits (all of Unicode's N categories) and private-use characters; and the
    /// combining accents the index strips (`isStrippedMark`), which it reads inside words. Other
    /// combining marks separate words there.
    static func isWordCharacter(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return isStrippedMark(u)
        }
    }

    /// The combining marks of U+0300–U+0331 that FTS5 counts as accents (its diacritic table):
    /// grave, acute, circumflex, tilde, macron, breve, dot, diaeresis, hook, ring, double acute,
    /// caron, double grave, inverted breve, horn, dot below, diaeresis below, ring below, comma
    /// below, cedilla, ogonek, circumflex below, breve below, tilde below, macron below.
    static func isStrippedMark(_ u: Unicode.Scalar) -> Bool {
        let c = u.value
        guard c >= 0x300, c <= 0x331 else { return false }
        let mask0: UInt32 = 0x0802_9FDF
        let mask1: UInt32 = 0x0003_61F8
        return c < 0x320 ? mask0 & (1 << (c - 0x300)) != 0 : mask1 & (1 << (c - 0x320)) != 0
    }

    /// Appends the index form of a non-ASCII word character.
    static func append(_ u: Unicode.Scalar, to out: inout [UInt8]) {
        let v = u.value
        if isStrippedMark(u) { return }
        switch v {
        // Latin letters with no canonical decomposition keep their form (lower-cased).
        case 0x0141, 0x0142: encode("ł", to: &out)
        case 0x0152, 0x0153: encode("œ", to: &out)
        case 0x00C6, 0x00E6: encode("æ", to: &out)
        case 0x00D8, 0x00F8: encode("ø", to: &out)
        case 0x0110, 0x0111: encode("đ", to: &out)
        case 0x00DF: encode("ß", to: &out)
        case 0x0131: encode("ı", to: &out)
        // Where the index folds case (as Unicode's CaseFolding does) rather than lower-casing.
        case 0x00B5: encode("\u{03BC}", to: &out)  // micro sign: μ
        case 0x017F: encode("s", to: &out)  // long s
        case 0x03C2: encode("\u{03C3}", to: &out)  // final sigma: σ
        case 0x03D0: encode("\u{03B2}", to: &out)
        case 0x03D1: encode("\u{03B8}", to: &out)
        case 0x03D5: encode("\u{03C6}", to: &out)
        case 0x03D6: encode("\u{03C0}", to: &out)
        case 0x03F0: encode("\u{03BA}", to: &out)
        case 0x03F1: encode("\u{03C1}", to: &out)
        case 0x03F5: encode("\u{03B5}", to: &out)
        case 0x1E9B: encode("s", to: &out)
        case 0x1FBE: encode("\u{03B9}", to: &out)
        case 0xC0..<0x250, 0x1E00..<0x1F00:
            // Other Latin letters: without accents when that leaves a plain letter a–z (`Folding`'s
            // form), else lower case only (ǣ, ǿ keep theirs: the index strips accents to ASCII only).
            if let letter = plainLetter(u) {
                out.append(letter)
            } else {
                for l in u.properties.lowercaseMapping.unicodeScalars { UTF8.encode(l) { out.append($0) } }
            }
        default:
            // Greek, Cyrillic and the rest: lower case only (й, ї and ё keep their marks).
            for l in u.properties.lowercaseMapping.unicodeScalars { UTF8.encode(l) { out.append($0) } }
        }
    }

    /// The letter a–z that `Folding` reduces a Latin letter to, if it is one.
    @inline(__always) static func plainLetter(_ u: Unicode.Scalar) -> UInt8? {
        if u.value < FoldingTable.end {
            // From the table, without building the fold.
            let i = Int(u.value - 0x80)
            let start = Int(FoldingTable.offsets[i])
            guard Int(FoldingTable.offsets[i + 1]) == start + 1 else { return nil }
            let b = FoldingTable.utf8[start]
            return b >= 0x61 && b <= 0x7A ? b : nil
        }
        let fold = Folding.computeFold(u)
        guard fold.count == 1, fold[0].value >= 0x61, fold[0].value <= 0x7A else { return nil }
        return UInt8(fold[0].value)
    }

    private static func encode(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(s) { out.append($0) }
    }
}
