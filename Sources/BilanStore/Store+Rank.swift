import BilanCore
import Foundation
import GRDB

/// Relevance for a word found in many sentences, without FTS5's `bm25()`.
///
/// FTS5's bm25 weighs each phrase by how rare it is (its IDF), and to know that it counts every
/// sentence that has the phrase: 9 ms for "drones" in 10,000 weeks, 90 ms in 100,000, whatever the
/// number of sentences actually ranked. Here the same formula scores the newest matches (the
/// ranking window), with the phrase counts of FTS5's own statistics (rows and tokens, read from
/// the index's averages record) and the instance counts of each sentence's words as the index
/// spells them (`IndexFolding`). A phrase found in at most a window of sentences is counted
/// exactly; a commoner one is estimated from how densely its newest matches lie. With one phrase
/// the order is bm25's exactly (its IDF is a common factor); with several, only the commoner
/// phrases' weights are estimates.
extension Store {
    /// One phrase of an FTS5 expression as `ftsExpression` writes it: `text : "w1 w2"*`.
    struct RankPhrase: Equatable {
        var column: String
        var words: [String]
        var prefix: Bool
        /// The phrase alone, as an FTS5 expression (for counting its matches).
        var expression: String
    }

    static let bm25K1 = 1.2
    static let bm25B = 0.75

    /// The phrases of an expression written by `ftsExpression`, in order (negated ones included,
    /// as FTS5's bm25 includes them).
    static func rankPhrases(_ expression: String) -> [RankPhrase] {
        var out: [RankPhrase] = []
        let s = Array(expression.unicodeScalars)
        var i = 0
        func word(at j: Int, _ w: String) -> Bool {
            let ws = Array(w.unicodeScalars)
            guard j + ws.count <= s.count else { return false }
            return Array(s[j..<(j + ws.count)]) == ws
        }
        while i < s.count {
            var column: String? = nil
            for c in ["text", "places"] where word(at: i, c + " : \"") && (i == 0 || !s[i - 1].properties.isAlphabetic) {
                column = c
            }
            guard let column else {
                i += 1
                continue
            }
            let start = i
            i += column.unicodeScalars.count + 4
            var body = String.UnicodeScalarView()
            while i < s.count {
                if s[i] == "\"" {
                    if i + 1 < s.count, s[i + 1] == "\"" {
                        body.append("\"")
                        i += 2
                        continue
                    }
                    break
                }
                body.append(s[i])
                i += 1
            }
            i += 1
            let prefix = i < s.count && s[i] == "*"
            if prefix { i += 1 }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: s[start..<min(i, s.count)])
            out.append(RankPhrase(column: column, words: IndexFolding.words(in: String(body)), prefix: prefix, expression: String(text)))
        }
        return out
    }

    /// The index's row count and token count (all columns), from FTS5's averages record: the
    /// `N` and `avgdl` of its bm25.
    static func indexStatistics(_ db: Database) throws -> (rows: Double, tokens: Double)? {
        guard let block = try Data.fetchOne(db, sql: "SELECT block FROM event_ft_data WHERE id = 1") else { return nil }
        var values: [UInt64] = []
        var i = block.startIndex
        while i < block.endIndex {
            // SQLite's varint: 7 bits per byte, high bit set on all but the last; a 9th byte has 8.
            var v: UInt64 = 0
            var n = 0
            while i < block.endIndex {
                let b = block[i]
                i += 1
                n += 1
                if n == 9 {
                    v = (v << 8) | UInt64(b)
                    break
                }
                v = (v << 7) | UInt64(b & 0x7F)
                if b & 0x80 == 0 { break }
            }
            values.append(v)
        }
        guard values.count >= 2, values[0] > 0 else { return nil }
        return (Double(values[0]), Double(values.dropFirst().reduce(0, +)))
    }

    /// How many sentences have the phrase: counted when they are at most `window`, else estimated
    /// from the share of the newest rows that its newest `window` matches make up.
    static func matchCount(_ db: Database, _ phrase: RankPhrase, window: Int, rows: Double, lastRow: Int64) throws -> Double {
        if let cutoff = try Int64.fetchOne(
            db, sql: "SELECT rowid FROM event_ft WHERE event_ft MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            arguments: [phrase.expression, window - 1])
        {
            // `window` of the rows from `cutoff` to the last have it; rowids run from 1 to `lastRow`
            // (a removed week leaves a gap, spread evenly by this estimate).
            let span = Double(max(lastRow - cutoff + 1, Int64(window)))
            return min(rows, Double(window) * Double(lastRow) / span)
        }
        return Double(try Int.fetchOne(db, sql: "SELECT count(*) FROM event_ft WHERE event_ft MATCH ?", arguments: [phrase.expression]) ?? 0)
    }

    /// Counts the instances of each phrase in a sentence's two columns, and their words, reading
    /// the index's words as bytes (400 sentences a search: a String per word was a fifth of a
    /// search process). A phrase's words compare as FTS5 compares them: bytes, and a prefix as
    /// a byte prefix.
    struct PhraseCounter {
        let phrases: [(text: Bool, words: [[UInt8]], prefix: Bool)]
        /// Per phrase, whether its first k + 1 words end at the word just read.
        var runs: [[Bool]]
        var tf: [Int]

        init(_ phrases: [RankPhrase]) {
            self.phrases = phrases.map { ($0.column == "text", $0.words.map { Array($0.utf8) }, $0.prefix) }
            runs = phrases.map { Array(repeating: false, count: $0.words.count) }
            tf = Array(repeating: 0, count: phrases.count)
        }

        mutating func count(text: String, places: String) -> (tf: [Int], words: Int) {
            for i in tf.indices { tf[i] = 0 }
            var words = 0
            for (column, inText) in [(text, true), (places, false)] {
                for i in runs.indices { for k in runs[i].indices { runs[i][k] = false } }
                IndexFolding.forEachToken(in: column) { token, _ in
                    words += 1
                    for (i, p) in phrases.enumerated() where p.text == inText && !p.words.isEmpty {
                        let n = p.words.count
                        for k in stride(from: n - 1, through: 0, by: -1) {
                            let word = p.words[k]
                            let same = k == n - 1 && p.prefix ? token.starts(with: word) : token.elementsEqual(word)
                            runs[i][k] = same && (k == 0 || runs[i][k - 1])
                        }
                        if runs[i][n - 1] { tf[i] += 1 }
                    }
                }
            }
            return (tf, words)
        }
    }

    /// The matches of `match` from row `cutoff` on, scored as FTS5's bm25 scores them (negative,
    /// best first), best first; ties newest first.
    func rankWindow(match: String, cutoff: Int64, window: Int) throws -> [(id: Int64, rank: Double)] {
        try rank(
            match: match, candidates: "SELECT rowid FROM event_ft WHERE event_ft MATCH ? AND rowid >= ?",
            arguments: [match, cutoff], window: window)
    }

    /// The same for the events `candidates` (SQL giving ids, after the `with` clause) lists.
    func rank(
        match: String, with: String = "", candidates: String, arguments: [(any DatabaseValueConvertible)?], window: Int
    ) throws -> [(id: Int64, rank: Double)] {
        try read { db in
            let rows = try Row.fetchAll(
                db, sql: "\(with) SELECT e.id, \(Store.eventText), e.places FROM event e JOIN week w ON w.id = e.week_id WHERE e.id IN (\(candidates))",
                arguments: StatementArguments(arguments))
            let phrases = Store.rankPhrases(match)
            guard let stats = try Store.indexStatistics(db), !phrases.isEmpty else {
                return rows.map { (id: $0[0], rank: 0.0) }.sorted { $0.id > $1.id }
            }
            let lastRow = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM event") ?? 0
            // One phrase: its weight is a common factor of every score, so it need not be counted.
            let idf: [Double] =
                phrases.count == 1
                ? [1]
                : try phrases.map { p in
                    let n = try Store.matchCount(db, p, window: window, rows: stats.rows, lastRow: lastRow)
                    let v = log((stats.rows - n + 0.5) / (n + 0.5))
                    return v <= 0 ? 1e-6 : v
                }
            let avgdl = max(stats.tokens, 1) / stats.rows
            var counter = PhraseCounter(phrases)
            return rows.map { r -> (id: Int64, rank: Double) in
                let (tf, length) = counter.count(text: r[1], places: r[2])
                var score = 0.0
                for i in phrases.indices {
                    let tf = Double(tf[i])
                    score += idf[i] * (tf * (Store.bm25K1 + 1)) / (tf + Store.bm25K1 * (1 - Store.bm25B + Store.bm25B * Double(length) / avgdl))
                }
                return (id: r[0], rank: -score)
            }.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.id > $1.id }
        }
    }
}
