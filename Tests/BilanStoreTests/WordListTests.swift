import BilanCore
import BilanTestSupport
import Foundation
import GRDB
import Testing

@testable import BilanStore

/// The word list that expands a typed prefix ("drone" → drone, drones) must hold the words of the
/// indexed sentences, as the index spells them.
@Suite struct WordListTests {
    static func fixtureTexts() throws -> [(name: String, text: String)] {
        let dir = TestSupport.fixture("weeks")
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted().filter { $0.hasSuffix(".txt") }.map {
            ($0, try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8))
        }
    }

    static func words(_ store: Store) throws -> Set<String> {
        try store.read { db in Set(try String.fetchAll(db, sql: "SELECT term FROM word")) }
    }

    /// The words of the index's `text` column, from SQLite itself.
    static func indexedTextWords(_ store: Store) throws -> Set<String> {
        try store.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.cols USING fts5vocab(main, event_ft, 'col')")
            return Set(try String.fetchAll(db, sql: "SELECT term FROM temp.cols WHERE col = 'text'"))
        }
    }

    @Test func importFillsTheListWithTheIndexedWords() throws {
        let store = try Store()
        var batch: [(week: Week, hash: String, source: String)] = []
        for (name, text) in try Self.fixtureTexts() {
            guard let week = try? TestSupport.parser.parse(text, source: name) else { continue }
            batch.append((week, ContentHash.of(text), name))
        }
        #expect(batch.count > 10)
        // Half as one batch (one transaction), half week by week.
        _ = try store.store(batch: Array(batch.prefix(batch.count / 2)))
        for item in batch.dropFirst(batch.count / 2) { _ = try store.store(item.week, hash: item.hash, source: item.source) }
        let words = try Self.words(store)
        #expect(words.count > 500)
        #expect(words == (try Self.indexedTextWords(store)))
    }

    @Test func reindexListsTheWordsOfTheSentencesLeft() throws {
        let dir = TestSupport.temporaryDirectory()
        let store = try Store(path: dir.appendingPathComponent("w.sqlite").path)
        let texts = try Self.fixtureTexts()
        for (name, text) in texts { _ = try store.importText(text, source: name, parser: TestSupport.parser) }
        let before = try Self.words(store)
        let removed = try store.remove(WeekRef("latest")!, language: nil)
        #expect(!removed.isEmpty)
        // Removing keeps the words (they match nothing); reindex lists the index's words again.
        #expect(try Self.words(store) == before)
        try store.reindex(parser: TestSupport.parser, refreshPlaces: false)
        let after = try Self.words(store)
        #expect(after.isSuperset(of: try Self.indexedTextWords(store)))
        #expect(after.count <= before.count)
    }

    /// A word the index keeps with its mark (ї, й, ё) is found by the word typed with it, whole or
    /// as a prefix: the query is looked up in the index's spelling, not in `Folding`'s "воiни".
    @Test func cyrillicWordsAreFound() throws {
        let store = try Store()
        let text = TestSupport.sampleText + "\n\nLes drapeaux portaient le mot «воїни» et «Йосип».\n"
        _ = try store.importText(text, source: "cyr.txt", parser: TestSupport.parser)
        for q in ["воїни", "Воїни", "воїн", "йосип", "Йосип", "«воїни»", "\"воїни\""] {
            let hits = try store.search(SearchRequest(query: SearchQuery(q)))
            #expect(hits.count == 1, "\(q)")
            #expect(hits.first?.event.text.contains("воїни") == true, "\(q)")
        }
        #expect(try store.search(SearchRequest(query: SearchQuery("воїнство"))).isEmpty)
    }

    /// The list is what prefix expansion reads: every word it names begins with the prefix.
    @Test func prefixesExpandThroughTheList() throws {
        let store = try Store()
        _ = try store.importText(TestSupport.sampleText, source: "s.txt", parser: TestSupport.parser)
        // The sample has "drones", not "drone"; it has four words beginning "ukrain".
        #expect(try store.prefixAlternatives(SearchQuery("drone").groups[0][0]) == ["\"drones\""])
        #expect(try store.prefixAlternatives(SearchQuery("DRON").groups[0][0]) == ["\"drones\""])
        #expect(
            try store.prefixAlternatives(SearchQuery("Ukrain").groups[0][0])
                == ["\"ukraine\"", "\"ukrainien\"", "\"ukrainienne\"", "\"ukrainiennes\""])
        // A prefix the list does not know goes to the index's own prefix query, which is right
        // whatever the list missed; so does a word with characters beyond Latin, Greek, Cyrillic.
        #expect(try store.prefixAlternatives(SearchQuery("zzzz").groups[0][0]) == ["\"zzzz\"*"])
        #expect(try store.prefixAlternatives(SearchQuery("ukrain\u{0561}").groups[0][0]) == ["\"ukrain\u{0561}\"*"])
    }

    /// A word with a letter whose spelling in the index is not sure (ǡ: the index strips some
    /// double accents and not others) is listed as its sure beginning, marked, and a prefix reaching
    /// it is searched by the index's own prefix query: no sentence is lost.
    @Test func unsureWordsGoToThePrefixQuery() throws {
        let store = try Store()
        let text = TestSupport.sampleText + "\n\nLe hameau de Zorvakǡ a été touché.\n\nCelui de Zorvaki aussi.\n"
        _ = try store.importText(text, source: "unsure.txt", parser: TestSupport.parser)
        let words = try Self.words(store)
        #expect(words.contains("zorvaki"))
        #expect(words.contains("zorvak" + IndexFolding.unsure))
        #expect(try store.prefixAlternatives(SearchQuery("zorvak").groups[0][0]) == ["\"zorvak\"*"])
        let hits = try store.search(SearchRequest(query: SearchQuery("zorvak")))
        #expect(hits.count == 2)
        #expect(hits.contains { $0.event.text.contains("Zorvakǡ") })
    }
}
