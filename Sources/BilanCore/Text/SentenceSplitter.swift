/// Splits a paragraph into sentences, French or English.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it, also after
/// the space French puts before » and ”) when white space follows and the next word starts a
/// sentence (a capital, a digit, an opening quote). It does not end after an abbreviation ("M.",
/// "Mme", "U.S.", "Mr.", "Gen.") or a lone initial ("V. Zelensky"), and numbers such as "3 000",
/// "2,4 millions" or "1,642" never end one. Works on Unicode scalars: the punctuation that matters
/// is never part of a larger grapheme.
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "st", "ste", "mr", "mrs", "ms", "gen", "gén",
        "lt", "col", "sgt", "capt", "cpt", "maj", "adm", "gov", "sen", "rep", "prof", "jr", "sr",
        "no", "nos", "n°", "art", "vol", "p", "pp", "av", "apr", "env", "cf", "etc", "vs", "viz",
        "jan", "janv", "feb", "fév", "févr", "mar", "aug", "sept", "sep", "oct", "nov", "dec", "déc",
        "approx", "est", "inc", "ltd", "co", "corp", "dept", "min", "max", "ex", "fig", "ca", "c",
        "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "i.e", "e.g", "j.-c", "av. j.-c", "s.a",
    ]

    static let closers: Set<Character> = ["”", "»", "\"", "’", "'", ")", "]"]
    private static let closerScalars: Set<UInt32> = [0x201D, 0xBB, 0x22, 0x2019, 0x27, 0x29, 0x5D]
    private static let openerScalars: Set<UInt32> = [0x201C, 0xAB, 0x22, 0x2018, 0x28, 0x5B]

    @inline(__always) static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0x0A || v == 0xA0 || v == 0x202F || v == 0x2009 || v == 0x3000
    }

    public static func split(_ paragraph: String) -> [String] {
        var text = paragraph
        return text.withUTF8 { split(utf8: $0) }
    }

    /// Decodes the scalars and where each starts in one pass over the bytes; sentences are then
    /// made from the bytes (the arrays of scalars and of String indices cost more than splitting).
    private static func split(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var u: [Unicode.Scalar] = []
        var offset: [Int] = []
        u.reserveCapacity(bytes.count)
        offset.reserveCapacity(bytes.count + 1)
        var at = 0
        while at < bytes.count {
            offset.append(at)
            u.append(UTF8Scalars.next(bytes, &at))
        }
        offset.append(bytes.count)
        var sentences: [String] = []
        var start = 0
        var i = 0
        func emit(_ a: Int, _ b: Int) {
            var a = a, b = b
            while a < b, isSpace(u[a].value) { a += 1 }
            while b > a, isSpace(u[b - 1].value) { b -= 1 }
            if a < b {
                sentences.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[offset[a]..<offset[b]]), as: UTF8.self))
            }
        }
        while i < u.count {
            let c = u[i].value
            guard c == 0x2E || c == 0x21 || c == 0x3F || c == 0x2026 else {
                i += 1
                continue
            }
            var end = i + 1
            while end < u.count, u[end].value == 0x2E || u[end].value == 0x21 || u[end].value == 0x3F { end += 1 }
            while true {
                if end < u.count, closerScalars.contains(u[end].value) {
                    end += 1
                    continue
                }
                // French typography: a (narrow) space before the closing guillemet.
                var k = end
                while k < u.count, u[k].value == 0x20 || u[k].value == 0xA0 || u[k].value == 0x202F { k += 1 }
                if k > end, k < u.count, u[k].value == 0xBB || u[k].value == 0x201D {
                    end = k + 1
                    continue
                }
                break
            }
            var j = end
            while j < u.count, isSpace(u[j].value) { j += 1 }
            if j > end, j < u.count, startsSentence(u[j]), c != 0x2E || !isAbbreviation(u, periodAt: i) {
                emit(start, end)
                start = j
                i = j
                continue
            }
            i = end
        }
        emit(start, u.count)
        return sentences
    }

    private static func startsSentence(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v >= 0x41 && v <= 0x5A { return true }
        if v >= 0x30 && v <= 0x39 { return true }
        if openerScalars.contains(v) || v == 0x2014 || v == 0x2013 { return true }
        if v < 0x80 { return false }
        return s.properties.isUppercase
    }

    /// Whether the period at `p` closes an abbreviation or an initial rather than a sentence.
    private static func isAbbreviation(_ u: [Unicode.Scalar], periodAt p: Int) -> Bool {
        var s = p
        while s > 0, !isSpace(u[s - 1].value), !openerScalars.contains(u[s - 1].value) { s -= 1 }
        guard s < p else { return false }
        // Most sentences end on a longer word: an abbreviation without a period is six letters at
        // most, an initial one, and an acronym has periods.
        if p - s > 6, !u[s..<p].contains(where: { $0.value == 0x2E }) { return false }
        let word = String(scalars: u[s..<p])
        if abbreviations.contains(word.lowercased()) { return true }
        // A lone capital initial: "V. Zelensky", "J.-C."
        if p - s == 1, u[s].properties.isUppercase { return true }
        // Dotted acronyms: "U.S", "U.K", "E.U"
        if word.contains("."), word.allSatisfy({ $0.isLetter || $0 == "." || $0 == "-" }),
            word.split(separator: ".").allSatisfy({ $0.count <= 2 })
        {
            return true
        }
        return false
    }
}

extension String {
    /// A string of these scalars, encoded as UTF-8 bytes first: appending scalars to a
    /// `String.UnicodeScalarView` one at a time cost ten times as much.
    init(scalars: ArraySlice<Unicode.Scalar>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for u in scalars {
            if u.value < 0x80 {
                bytes.append(UInt8(u.value))
            } else {
                UTF8.encode(u) { bytes.append($0) }
            }
        }
        self = String(decoding: bytes, as: UTF8.self)
    }

    /// The string without leading and trailing spaces, tabs and newlines (NBSP included).
    func trimmingSpaces() -> String {
        var sub = Substring(self)
        while let f = sub.first, f.isWhitespace { sub = sub.dropFirst() }
        while let l = sub.last, l.isWhitespace { sub = sub.dropLast() }
        return String(sub)
    }
}
