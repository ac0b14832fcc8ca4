import BilanCore
import BilanTestSupport
import Foundation
import GRDB
import Testing

@testable import BilanStore

/// A word found in more sentences than the ranking window is ranked among its newest matches by
/// bm25 computed in Swift (FTS5's bm25() would count every match). It must give bm25's scores.
@Suite struct WindowRankingTests {
    /// The sample and the fixture weeks, imported once.
    static let store: Store = {
        let store = try! Store()
        let dir = TestSupport.fixture("weeks")
        var texts = [("sample.txt", TestSupport.sampleText)]
        for name in try! FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".txt") {
            texts.append((name, try! String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)))
        }
        for (name, text) in texts { _ = try! store.importText(text, source: name, parser: TestSupport.parser) }
        return store
    }()

    /// FTS5's own bm25 of the window's rows.
    static func bm25(_ store: Store, match: String, cutoff: Int64) throws -> [Int64: Double] {
        try store.read { db in
            var out: [Int64: Double] = [:]
            for r in try Row.fetchAll(
                db, sql: "SELECT rowid, bm25(event_ft) FROM event_ft WHERE event_ft MATCH ? AND rowid >= ?", arguments: [match, cutoff])
            {
                out[r[0]] = r[1]
            }
            return out
        }
    }

    static func cutoff(_ store: Store, _ match: String, window: Int) throws -> Int64? {
        try store.read { db in
            try Int64.fetchOne(
                db, sql: "SELECT rowid FROM event_ft WHERE event_ft MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                arguments: [match, window - 1])
        }
    }

    /// Words with their number of sentences, from the index.
    static func counts(_ store: Store) throws -> [(term: String, docs: Int)] {
        try store.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.cols USING fts5vocab(main, event_ft, 'col')")
            return try Row.fetchAll(db, sql: "SELECT term, doc FROM temp.cols WHERE col = 'text' ORDER BY term").map { ($0[0], $0[1]) }
        }
    }

    @Test func phrasesAreReadFromTheExpression() {
        let phrases = Store.rankPhrases(#"((text : "drones"* OR places : "kupiansk direction")) NOT text : "a ""b"""#)
        #expect(phrases.map(\.column) == ["text", "places", "text"])
        #expect(phrases.map(\.words) == [["drones"], ["kupiansk", "direction"], ["a", "b"]])
        #expect(phrases.map(\.prefix) == [true, false, false])
        #expect(phrases[0].expression == #"text : "drones"*"#)
        #expect(phrases[1].expression == #"places : "kupiansk direction""#)
    }

    /// One phrase: the order is bm25's (scores in one ratio, the phrase's weight).
    @Test func onePhraseGivesBm25sOrder() throws {
        let store = Self.store
        let common = try Self.counts(store).filter { $0.docs >= 12 && $0.term.count >= 4 }
        #expect(common.count >= 5)
        for (term, _) in common.prefix(12) {
            let match = "text : \"\(term)\""
            let cutoff = try #require(try Self.cutoff(store, match, window: 8))
            let ours = try store.rankWindow(match: match, cutoff: cutoff, window: 8)
            let theirs = try Self.bm25(store, match: match, cutoff: cutoff)
            #expect(Set(ours.map(\.id)) == Set(theirs.keys))
            let ratios = ours.map { theirs[$0.id]! / $0.rank }
            for r in ratios { #expect(abs(r - ratios[0]) < 1e-9 * abs(ratios[0]), "\(term)") }
        }
    }

    /// Several phrases, each in fewer sentences than the window: counted exactly, so the scores
    /// are bm25's to rounding.
    @Test func rarePhrasesGiveBm25sScores() throws {
        let store = Self.store
        let rare = try Self.counts(store).filter { $0.docs >= 3 && $0.docs <= 9 && $0.term.count >= 4 }
        #expect(rare.count >= 6)
        var compared = 0
        for k in stride(from: 0, to: min(rare.count - 1, 40), by: 2) {
            let (a, b) = (rare[k], rare[k + 1])
            let phrases = ["text : \"\(a.term)\"", "text : \"\(b.term)\"", "places : \"\(a.term)\""]
            let match = "(" + phrases.joined(separator: " OR ") + ")"
            // A window larger than any phrase's count, smaller than the query's.
            let counts = try phrases.map { p in
                try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event_ft WHERE event_ft MATCH ?", arguments: [p]) ?? 0 }
            }
            let window = counts.max()! + 1
            guard let cutoff = try Self.cutoff(store, match, window: window) else { continue }
            let ours = try store.rankWindow(match: match, cutoff: cutoff, window: window)
            let theirs = try Self.bm25(store, match: match, cutoff: cutoff)
            #expect(ours.count == theirs.count)
            for o in ours { #expect(abs(o.rank - theirs[o.id]!) < 1e-9 * max(1, abs(o.rank)), "\(match)") }
            compared += 1
        }
        #expect(compared >= 3)
    }

    /// A phrase in more sentences than the window is estimated from its newest matches: in this
    /// archive (weeks of one style) the estimate is near the true count.
    @Test func commonPhrasesAreEstimatedNearTheirCount() throws {
        let store = Self.store
        let common = try Self.counts(store).filter { $0.docs >= 40 }
        #expect(common.count >= 5)
        try store.read { db in
            let stats = try #require(try Store.indexStatistics(db))
            let lastRow = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM event") ?? 0
            #expect(stats.rows == Double(try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0))
            for (term, docs) in common {
                let phrase = Store.rankPhrases("text : \"\(term)\"")[0]
                let estimate = try Store.matchCount(db, phrase, window: 20, rows: stats.rows, lastRow: lastRow)
                #expect(estimate >= Double(docs) / 3 && estimate <= Double(docs) * 3, "\(term): \(estimate) for \(docs)")
                #expect(try Store.matchCount(db, phrase, window: docs + 1, rows: stats.rows, lastRow: lastRow) == Double(docs))
            }
        }
    }

    /// Through search: the best of the window first, pages that follow on, the window's rows only.
    @Test func searchPagesThroughTheRankedWindow() throws {
        let store = Self.store
        var request = SearchRequest(query: SearchQuery("drones"), limit: 5)
        request.rankingWindow = 12
        let first = try store.search(request)
        request.offset = 5
        let second = try store.search(request)
        request.offset = 0
        request.limit = 100
        let all = try store.search(request)
        #expect(all.count == 12)
        #expect(first.count == 5 && second.count == 5)
        #expect((first + second).map(\.event.text) == all.prefix(10).map(\.event.text))
        #expect(all.allSatisfy { $0.snippet.contains("[") })
        // Every result has the word; the sentences saying it most come first among equals in length.
        #expect(all.allSatisfy { IndexFolding.words(in: $0.event.text).contains { $0.hasPrefix("drone") } })
        request.offset = 12
        #expect(try store.search(request).isEmpty)
    }

    /// With filters (language, week, fronts): the newest matches that pass them, best first by bm25.
    @Test func filteredSearchesRankTheNewestMatchesThatPass() throws {
        let store = Self.store
        for language in [Language.fr, .en] {
            var request = SearchRequest(query: SearchQuery("drones"), language: language, limit: 100)
            request.rankingWindow = 6
            let hits = try store.search(request)
            #expect(hits.count == 6)
            #expect(hits.allSatisfy { $0.language == language })
            // FTS5's bm25 of the same six: the newest matches in that language.
            let scored = try store.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(Store.eventText), bm25(event_ft) FROM event_ft JOIN event e ON e.id = event_ft.rowid
                        JOIN week w ON w.id = e.week_id WHERE event_ft MATCH 'text : "drones"*' AND w.language = ?
                        ORDER BY event_ft.rowid DESC LIMIT 6
                        """, arguments: [language.rawValue]
                ).map { (text: $0[0] as String, score: $0[1] as Double) }
            }
            #expect(hits.map(\.event.text).sorted() == scored.map(\.text).sorted())
            let scores = hits.map { h in scored.first { $0.text == h.event.text }!.score }
            #expect(scores == scores.sorted(), "\(language)")
        }
        // One week: all its matches, and nothing from another week.
        let week = try store.weeks().first { w in
            try store.search(SearchRequest(query: SearchQuery("drones"), week: WeekRef(w.range.id), language: w.language)).count >= 2
        }
        let w = try #require(week)
        let hits = try store.search(SearchRequest(query: SearchQuery("drones"), week: WeekRef(w.range.id), language: w.language))
        #expect(hits.allSatisfy { $0.range == w.range && $0.language == w.language })
        let all = try store.search(SearchRequest(query: SearchQuery("drones"), limit: 1000, sort: .date))
        #expect(hits.count == all.filter { $0.range == w.range && $0.language == w.language }.count)
        // Fronts: every hit names a place inside the front.
        let donetsk = try store.places(named: "Donetsk Oblast")
        let inFront = try store.search(SearchRequest(query: SearchQuery("drones"), fronts: donetsk))
        #expect(!inFront.isEmpty)
        #expect(inFront.allSatisfy { !$0.event.places.isEmpty })
    }
}

/// A page in date order over many matches walks the weeks newest first instead of sorting every
/// match: the same pages either way.
@Suite struct DateWalkTests {
    @Test func walkingTheWeeksGivesTheSortedPages() throws {
        let store = WindowRankingTests.store
        let donetsk = try store.places(named: "Donetsk Oblast")
        let requests: [SearchRequest] = [
            SearchRequest(query: SearchQuery("drones"), sort: .date),
            SearchRequest(query: SearchQuery("drones"), language: .en, sort: .date),
            SearchRequest(query: SearchQuery("drones OR missiles"), fronts: donetsk, sort: .date),
            SearchRequest(query: SearchQuery(""), fronts: donetsk),
            SearchRequest(query: SearchQuery(""), language: .fr),
            SearchRequest(query: SearchQuery("la"), sort: .date),
        ]
        for base in requests {
            for (offset, limit) in [(0, 5), (0, 50), (3, 7), (20, 10), (0, 1000), (500, 5), (0, 0)] {
                var sorted = base
                sorted.offset = offset
                sorted.limit = limit
                sorted.walkThreshold = Int.max
                var walked = sorted
                walked.walkThreshold = 1
                let expected = try store.search(sorted)
                let got = try store.search(walked)
                #expect(got.map(\.event.text) == expected.map(\.event.text), "\(base.query) \(base.language as Any) \(offset) \(limit)")
                #expect(got.map(\.range) == expected.map(\.range))
            }
        }
        // The walk did happen: something to compare.
        #expect(try store.search(SearchRequest(query: SearchQuery("drones"), limit: 1000, sort: .date)).count > 20)
    }
}
