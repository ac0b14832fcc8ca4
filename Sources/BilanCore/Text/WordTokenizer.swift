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

    /// A scalar's class from its Unicode properties. Below U+0530 (Latin, Greek, Cyrillic) it is
    /// read from `FoldingTable.classes` instead: Unicode property look-ups are slow, and computing
    /// that table when a process starts had been a tenth of a one-word search.
    static func classify(_ u: Unicode.Scalar) -> UInt8 {
        let p = u.properties
        var f: UInt8 = 0
        if p.isAlphabetic || p.numericType != nil || (0x0300...0x036F).contains(u.value) { f |= wordChar }
        if p.isAlphabetic { f |= letter }
        if p.isUppercase { f |= upper }
        return f
    }

    @inline(__always) private static func flags(_ u: Unicode.Scalar) -> UInt8 {
        u.value < FoldingTable.end ? FoldingTable.classes[Int(u.value)] : classify(u)
    }

    static func words(_ text: some StringProtocol) -> [Word] {
        spans(text).map(\.word)
    }

    /// The same for a String, read from its UTF-8 bytes in place (the parser's hot path: without
    /// the ranges, and without walking String indices, it costs half as much).
    static func words(_ text: String) -> [Word] {
        var text = text
        return text.withUTF8 { bytes -> [Word] in
            var out: [Word] = []
            var builder = WordBuilder()
            var i = 0
            while i < bytes.count {
                if !builder.add(UTF8Scalars.next(bytes, &i)), let w = builder.take() { out.append(w) }
            }
            if let w = builder.take() { out.append(w) }
            return out
        }
    }

    /// The words with where they stand in `text`. Each word is folded as it is read (into one
    /// reused UTF-8 buffer), the same as `Folding.fold` of the word.
    static func spans<S: StringProtocol>(_ text: S) -> [(word: Word, range: Range<S.Index>)] {
        var out: [(word: Word, range: Range<S.Index>)] = []
        var start: S.Index? = nil
        var builder = WordBuilder()
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
            if builder.add(scalars[i]) {
                if start == nil { start = i }
            } else if let w = builder.take(), let s = start {
                out.append((w, s..<i))
                start = nil
            }
            i = scalars.index(after: i)
        }
        if let w = builder.take(), let s = start { out.append((w, s..<scalars.endIndex)) }
        return out
    }

    /// Builds one word at a time from its scalars: its fold (into one reused buffer), whether it
    /// starts with a capital, its capitals and its letters.
    struct WordBuilder {
        private var folded: [UInt8]
        private var inWord = false
        private var firstUpper = false
        private var upperCount = 0
        private var letters = 0

        init() {
            folded = []
            folded.reserveCapacity(64)
        }

        /// Adds a scalar to the word; false when it is not a word character (it ends the word).
        @inline(__always) mutating func add(_ u: Unicode.Scalar) -> Bool {
            let f = WordTokenizer.flags(u)
            guard f & wordChar != 0 else { return false }
            if !inWord {
                firstUpper = f & upper != 0
                inWord = true
            }
            if f & letter != 0 {
                letters += 1
                if f & upper != 0 { upperCount += 1 }
            }
            Folding.append(u, to: &folded)
            return true
        }

        /// The word built since the last call, if any.
        @inline(__always) mutating func take() -> Word? {
            guard inWord else { return nil }
            let word = Word(
                folded: String(decoding: folded, as: UTF8.self), capitalized: firstUpper,
                allCaps: letters > 1 && upperCount == letters, letters: letters)
            inWord = false
            folded.removeAll(keepingCapacity: true)
            firstUpper = false
            upperCount = 0
            letters = 0
            return word
        }
    }
}
