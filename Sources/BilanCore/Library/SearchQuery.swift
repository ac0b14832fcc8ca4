/// A reader's search, parsed: groups of terms; a group matches when all its terms do, the query when
/// any group does (`OR`, upper case, between words separates groups).
///
/// `"quoted phrases"`; `-word` excludes, only at the start of a word (a hyphen inside a word, as in
/// `nord-coréens`, makes a phrase of its parts); an unclosed quote closes at the end of the query;
/// accents and case are ignored.
public struct SearchQuery: Sendable, Hashable {
    public struct Term: Sendable, Hashable {
        /// Folded words; more than one makes a phrase.
        public var words: [String]
        /// The same words as the full-text index keeps them (`IndexFolding`: "київ" where `words`
        /// has "киiв"), for looking them up there.
        public var index: [String]
        public var negated: Bool
        /// Written in quotes: matched exactly, no prefix.
        public var quoted: Bool

        public init(words: [String], negated: Bool = false, quoted: Bool = false, index: [String]? = nil) {
            self.words = words
            self.index = index ?? words
            self.negated = negated
            self.quoted = quoted
        }

        /// The words of `text`, folded both ways.
        init(text: String, negated: Bool, quoted: Bool) {
            let spans = WordTokenizer.spans(text)
            self.init(
                words: spans.map(\.word.folded), negated: negated, quoted: quoted,
                index: spans.map { IndexFolding.fold(text[$0.range]) })
        }
    }

    public var groups: [[Term]]
    /// The reader typed something (even if no word of it can be searched: "!!!", "OR").
    public var typed: Bool

    public var isEmpty: Bool { groups.allSatisfy(\.isEmpty) }

    public init(_ text: String) {
        typed = text.contains { !$0.isWhitespace }
        var groups: [[Term]] = [[]]
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                i += 1
                continue
            }
            var negated = false
            var j = i
            if c == "-", j + 1 < chars.count, !chars[j + 1].isWhitespace {
                negated = true
                j += 1
            }
            if chars[j] == "\"" || chars[j] == "“" || chars[j] == "«" {
                var k = j + 1
                while k < chars.count, chars[k] != "\"", chars[k] != "”", chars[k] != "»" { k += 1 }
                let term = Term(text: String(chars[(j + 1)..<k]), negated: negated, quoted: true)
                if !term.words.isEmpty { groups[groups.count - 1].append(term) }
                i = k + 1
                continue
            }
            var k = j
            while k < chars.count, !chars[k].isWhitespace, chars[k] != "\"" { k += 1 }
            let raw = String(chars[j..<k])
            i = k
            if raw == "OR", !negated {
                if !groups[groups.count - 1].isEmpty { groups.append([]) }
                continue
            }
            let term = Term(text: raw, negated: negated, quoted: false)
            if !term.words.isEmpty { groups[groups.count - 1].append(term) }
        }
        self.groups = groups.filter { !$0.isEmpty }
    }
}

extension SearchQuery {
    /// The parts of `text` the query's positive terms match: a word (or a prefix of a word, for
    /// unquoted words of 4+ letters), or a whole phrase, as one range from its first word to its last.
    public func matches(in text: String) -> [Range<String.Index>] { marker().matches(in: text) }

    /// `text` with every match marked `[` … `]`.
    public func snippet(_ text: String, open: String = "[", close: String = "]") -> String {
        marker().snippet(text, open: open, close: close)
    }

    /// The query's terms indexed for marking many texts (build it once for a page of results).
    public func marker() -> Marker { Marker(groups.flatMap { $0 }.filter { !$0.negated && !$0.words.isEmpty }) }

    /// The positive terms by their first word, so that each word of a text is looked up once rather
    /// than tried against every term (a place's spellings make dozens of terms). Folded words
    /// compare as bytes, as `FoldedKey` does.
    public struct Marker: Sendable {
        struct Entry: Sendable {
            var words: [String]
            /// Whether the last word may match as a prefix (unquoted, 4+ letters).
            var prefix: Bool
        }
        /// Terms by their first word exactly.
        var byFirst: [FoldedKey: [Entry]] = [:]
        /// One-word terms that may match as a prefix, by their first four bytes.
        var byStart: [FoldedKey: [Entry]] = [:]

        init(_ terms: [Term]) {
            for t in terms {
                let e = Entry(words: t.words, prefix: !t.quoted && t.words[t.words.count - 1].count >= 4)
                if e.prefix && t.words.count == 1 {
                    byStart[Marker.start(t.words[0]), default: []].append(e)
                } else {
                    byFirst[FoldedKey(t.words[0]), default: []].append(e)
                }
            }
        }

        static func start(_ word: String) -> FoldedKey { FoldedKey(String(decoding: word.utf8.prefix(4), as: UTF8.self)) }

        public func matches(in text: String) -> [Range<String.Index>] {
            if byFirst.isEmpty && byStart.isEmpty { return [] }
            let spans = WordTokenizer.spans(text)
            var ranges: [Range<String.Index>] = []
            for i in spans.indices {
                let token = spans[i].word.folded
                var candidates = byFirst[FoldedKey(token)] ?? []
                if token.utf8.count >= 4, let more = byStart[Marker.start(token)] { candidates += more }
                next: for e in candidates where i + e.words.count <= spans.count {
                    for (k, w) in e.words.enumerated() {
                        let t = spans[i + k].word.folded.utf8
                        let matched = e.prefix && k == e.words.count - 1 ? t.starts(with: w.utf8) : t.elementsEqual(w.utf8)
                        if !matched { continue next }
                    }
                    ranges.append(spans[i].range.lowerBound..<spans[i + e.words.count - 1].range.upperBound)
                }
            }
            return Marker.merged(ranges)
        }

        /// Ranges sorted, overlapping or touching ones merged.
        static func merged(_ ranges: [Range<String.Index>]) -> [Range<String.Index>] {
            var merged: [Range<String.Index>] = []
            for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                if let last = merged.last, r.lowerBound <= last.upperBound {
                    merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
                } else {
                    merged.append(r)
                }
            }
            return merged
        }

        /// `text` with every match marked `[` … `]`.
        public func snippet(_ text: String, open: String = "[", close: String = "]") -> String {
            var out = ""
            var at = text.startIndex
            for r in matches(in: text) {
                out += text[at..<r.lowerBound]
                out += open + text[r] + close
                at = r.upperBound
            }
            out += text[at...]
            return out
        }
    }
}
