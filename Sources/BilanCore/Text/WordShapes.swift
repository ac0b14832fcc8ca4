/// A cheap necessary test for membership in a small set of words: for each first byte, a bit for
/// each length in bytes (up to 63) that a word of the set has. Most words of a sentence fail it and
/// are never hashed.
struct WordShapes: Sendable {
    private var bits = [UInt64](repeating: 0, count: 256)

    init(_ words: some Sequence<String>) {
        for w in words {
            guard let first = w.utf8.first else { continue }
            bits[Int(first)] |= 1 << UInt64(min(w.utf8.count, 63))
        }
    }

    /// False only when `word` is none of the set's words.
    @inline(__always) func mayContain(_ word: String) -> Bool {
        let u = word.utf8
        guard let first = u.first else { return false }
        return bits[Int(first)] & (1 << UInt64(min(u.count, 63))) != 0
    }
}
