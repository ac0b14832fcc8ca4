import BilanCore
import BilanTestSupport
import Foundation
import GRDB
import Testing

/// The store's word list must hold exactly the words SQLite's full-text index holds, or a prefix
/// would expand into words that are not there (harmless) or miss words that are (lost results).
@Suite struct IndexFoldingTests {
    /// Text written to trip the differences between `Folding` and the index: Cyrillic letters whose
    /// marks the index keeps, Latin letters with no decomposition, ligatures, combining marks,
    /// superscripts and fractions, digits inside words, Greek accents, and punctuation of every kind.
    static let tricky = """
        Київ Йосип ёлка Œuvre manœuvre ŒUVRE Straße İstanbul Łódź ǅemal Shahed-136 3 000 3\u{202F}000 \
        d’Avdiïvka l'oblast 2,4 x²y ½ ① ﬁnal ǈ Ǳ ﬀ ΐ Ελλάδα ʼn ŉ A\u{303} a\u{301}b Ærø Đakovo Việt Nam \
        «guillemets» “quotes” — tirets – x_y x.y x/y #tag @name 42e 1er 2ᵉ Ⅻ Ⅸ naïve cœur SOUMY 5 µm ſ ΣΟΦΟΣ σοφος \
        ϐϑϕϖϰϱϵ Z\u{315}elensy a\u{345}b jourǢnée ǿ ǟ ȧ ḗ
        """

    static func indexWords(_ texts: [String]) throws -> Set<String> {
        let db = try DatabaseQueue()
        return try db.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
            try db.execute(sql: "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
            for text in texts { try db.execute(sql: "INSERT INTO t(x) VALUES (?)", arguments: [text]) }
            return Set(try String.fetchAll(db, sql: "SELECT term FROM v"))
        }
    }

    static func ours(_ texts: [String]) -> Set<String> {
        var words = Set<String>()
        for text in texts { IndexFolding.collect(text, into: &words) }
        return words
    }

    @Test func trickyTextGivesTheIndexWords() throws {
        let sqlite = try Self.indexWords([Self.tricky])
        let ours = Self.ours([Self.tricky])
        #expect(ours.subtracting(sqlite).sorted() == [])
        #expect(sqlite.subtracting(ours).sorted() == [])
        #expect(sqlite.contains("київ") && sqlite.contains("łodz") && sqlite.contains("straße"))
    }

    @Test func everyFixtureWeekGivesTheIndexWords() throws {
        let dir = TestSupport.fixture("weeks")
        var texts = [TestSupport.sampleText]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".txt") {
            texts.append(try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8))
        }
        #expect(texts.count > 10)
        let sqlite = try Self.indexWords(texts)
        let ours = Self.ours(texts)
        #expect(ours.subtracting(sqlite).sorted() == [])
        #expect(sqlite.subtracting(ours).sorted() == [])
    }

    @Test func oneWordAsTheIndexKeepsIt() {
        #expect(IndexFolding.fold("Київ") == "київ")
        #expect(IndexFolding.fold("Avdiïvka") == "avdiivka")
        #expect(IndexFolding.fold("MANŒUVRES") == "manœuvres")
        #expect(IndexFolding.fold("Łódź") == "łodz")
    }

    /// What the `words` fuzz target found, kept as its seeds: each input agrees with SQLite now
    /// (its characters beyond `isWellKnown` dropped, as the target drops them).
    @Test func fuzzFindingsGiveTheIndexWords() throws {
        let dir = TestSupport.fixture("fuzz/words")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names.count >= 3)
        for name in names {
            let data = try Data(contentsOf: dir.appendingPathComponent(name))
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: String(decoding: data, as: UTF8.self).unicodeScalars.filter(IndexFolding.isWellKnown))
            let text = String(scalars)
            #expect(Self.ours([text]) == (try Self.indexWords([text])), "\(name)")
        }
        // Unassigned code points are outside what both are known to agree on.
        #expect(!IndexFolding.isWellKnown("\u{380}"))
        #expect(IndexFolding.isWellKnown("é") && IndexFolding.isWellKnown("ї") && IndexFolding.isWellKnown("\u{2019}"))
    }
}
