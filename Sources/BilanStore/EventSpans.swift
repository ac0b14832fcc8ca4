/// Where each sentence of a week lies in the week's stored text, so the archive keeps the text once.
///
/// The parser joins a paragraph's wrapped lines with spaces, and trims and collapses stray spaces.
/// A sentence is stored as a span of the text when the text's bytes there are the sentence's, with a
/// line break wherever the sentence has a space; a sentence reshaped otherwise keeps its own copy.
/// `Store.eventText` reads a span back in SQL (`replace` of the line breaks), so the spans found here
/// and that expression must agree: the tests check every fixture week against both.
enum EventSpans {
    /// How far past the end of the last sentence found the next one may start: the blank lines and
    /// spaces between two sentences. The first sentence may start anywhere in the first `leadIn`
    /// bytes (after the title); a sentence not found widens the next search by its own length.
    static let gap = 256
    static let leadIn = 64 * 1024

    /// UTF-8 byte ranges of `sentences` in `body`, in order; nil for a sentence kept as its own copy.
    static func locate(_ sentences: [String], in body: String) -> [Range<Int>?] {
        var body = body
        return body.withUTF8 { b in
            var spans: [Range<Int>?] = []
            spans.reserveCapacity(sentences.count)
            var cursor = 0
            var slack = leadIn
            for s in sentences {
                var s = s
                let found = s.withUTF8 { t in find(t, in: b, from: cursor, within: slack) }
                spans.append(found)
                if let found {
                    cursor = found.upperBound
                    slack = gap
                } else {
                    slack += 2 * s.utf8.count
                }
            }
            return spans
        }
    }

    /// The first start in `from ..< from + within` at a word's beginning where `t` lies.
    static func find(
        _ t: UnsafeBufferPointer<UInt8>, in b: UnsafeBufferPointer<UInt8>, from: Int, within: Int
    ) -> Range<Int>? {
        guard let first = t.first, first != 0x20, first != 0x0A else { return nil }
        let last = min(b.count - t.count, from + within)
        var p = from
        while p <= last {
            if b[p] == first, p == 0 || isSpace(b[p - 1]) || p == from, matches(t, b, at: p) {
                return p..<(p + t.count)
            }
            p += 1
        }
        return nil
    }

    /// The UTF-8 byte range of a figure's phrase in its sentence (its first occurrence), or nil.
    static func phrase(_ phrase: String, in sentence: String) -> Range<Int>? {
        guard !phrase.isEmpty else { return nil }
        let t = Array(phrase.utf8)
        let b = Array(sentence.utf8)
        guard t.count <= b.count else { return nil }
        for p in 0...(b.count - t.count) where b[p] == t[0] && b[p..<(p + t.count)].elementsEqual(t) {
            return p..<(p + t.count)
        }
        return nil
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 }

    /// Whether `b` at `p` reads as `t`, a line break standing for a space.
    static func matches(_ t: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, at p: Int) -> Bool {
        var i = 0
        while i < t.count {
            let c = b[p + i]
            if c != t[i] && !(c == 0x0A && t[i] == 0x20) { return false }
            i += 1
        }
        return true
    }
}
