/// A word of a sentence with its folded key and how it was written.
struct Word: Sendable, Hashable {
    var folded: String
    var capitalized: Bool
    var allCaps: Bool
    /// How many letters (not digits or marks) the word has.
    var letters: Int
}

/// Splits text into words at anything that is not a letter or a digit (spaces, punctuation,
/// hyphens, apostrophes), so "d’Avdiivka" gives "d", "avdiivka" and "nord-coréens" "nord", "coreens".
enum WordTokenizer {
    private static let wordChar: UInt8 = 1
    private static let upper: UInt8 = 2
    private static let letter: UInt8 = 4

    /// Character classes of U+0000 ..< U+0530 (Latin, Greek, Cyrillic), computed once (Unicode
    /// property look-ups are slow).
    private static let table: [UInt8] = (0..<0x530).map { v in
        guard let u = Unicode.Scalar(UInt32(v)) else { return 0 }
        return classify(u)
    }

    private static func classify(_ u: Unicode.Scalar) -> UInt8 {
        let p = u.properties
        var f: UInt8 = 0
        if p.isAlphabetic || p.numericType != nil || (0x0300...0x036F).contains(u.value) { f |= wordChar }
        if p.isAlphabetic { f |= letter }
        if p.isUppercase { f |= upper }
        return f
    }

    @inline(__always) private static func flags(_ u: Unicode.Scalar) -> UInt8 {
        u.value < 0x530 ? table[Int(u.value)] : classify(u)
    }

    static func words(_ text: some StringProtocol) -> [Word] {
        spans(text).map(\.word)
    }

    /// The same for a String, read from its UTF-8 bytes in place (the parser's hot path: without
    /// the ranges, and without walking String indices, it costs half as much).
    static func words(_ text: String) -> [Word] {
        let read = text.utf8.withContiguousStorageIfAvailable { bytes -> [Word] in
            var out: [Word] = []
            var folded: [UInt8] = []
            folded.reserveCapacity(64)
            var inWord = false
            var firstUpper = false
            var upperCount = 0
            var letters = 0
            func flush() {
                guard inWord else { return }
                out.append(
                    Word(
                        folded: String(decoding: folded, as: UTF8.self), capitalized: firstUpper,
                        allCaps: letters > 1 && upperCount == letters, letters: letters))
                inWord = false
                folded.removeAll(keepingCapacity: true)
                firstUpper = false
                upperCount = 0
                letters = 0
            }
            var i = 0
            let n = bytes.count
            while i < n {
                let u = UTF8Scalars.next(bytes, &i)
                let f = flags(u)
                if f & wordChar != 0 {
                    if !inWord {
                        firstUpper = f & upper != 0
                        inWord = true
                    }
                    if f & letter != 0 {
                        letters += 1
                        if f & upper != 0 { upperCount += 1 }
                    }
                    Folding.append(u, to: &folded)
                } else {
                    flush()
                }
            }
            flush()
            return out
        }
        return read ?? spans(text).map(\.word)
    }

    /// The words with where they stand in `text`. Each word is folded as it is read (into one
    /// reused UTF-8 buffer), the same as `Folding.fold` of the word.
    static func spans<S: StringProtocol>(_ text: S) -> [(word: Word, range: Range<S.Index>)] {
        var out: [(word: Word, range: Range<S.Index>)] = []
        var start: S.Index? = nil
        var folded: [UInt8] = []
        folded.reserveCapacity(64)
        var firstUpper = false
        var upperCount = 0
        var letters = 0
        func flush(at end: S.Index) {
            guard let s = start else { return }
            out.append(
                (
                    Word(
                        folded: String(decoding: folded, as: UTF8.self), capitalized: firstUpper,
                        allCaps: letters > 1 && upperCount == letters, letters: letters), s..<end))
            start = nil
            folded.removeAll(keepingCapacity: true)
            firstUpper = false
            upperCount = 0
            letters = 0
        }
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let u = scalars[i]
            let f = flags(u)
            if f & wordChar != 0 {
                if start == nil {
                    firstUpper = f & upper != 0
                    start = i
                }
                if f & letter != 0 {
                    letters += 1
                    if f & upper != 0 { upperCount += 1 }
                }
                Folding.append(u, to: &folded)
            } else {
                flush(at: i)
            }
            i = scalars.index(after: i)
        }
        flush(at: scalars.endIndex)
        return out
    }
}
