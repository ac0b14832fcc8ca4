import BilanCore
import BilanTestSupport
import Foundation
import GRDB
import Testing

@testable import BilanStore

/// The archive's place tables hold the places the weeks name, not the whole gazetteer; every answer
/// about places must be what it was with the whole gazetteer in them.
@Suite struct PlaceTablesTests {
    static func count(_ store: Store, _ sql: String) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    /// The tables' invariants: every named place is there with the places it lies in, and nothing
    /// else.
    static func expectTablesHoldWhatIsNeeded(_ store: Store) throws {
        #expect(try count(store, "SELECT count(*) FROM event_place WHERE place_id NOT IN (SELECT id FROM place)") == 0)
        #expect(
            try count(store, "SELECT count(*) FROM place WHERE parent IS NOT NULL AND parent NOT IN (SELECT id FROM place)")
                == 0)
        #expect(
            try count(
                store,
                """
                SELECT count(*) FROM place p WHERE p.id NOT IN (SELECT place_id FROM event_place)
                    AND p.id NOT IN (SELECT parent FROM place WHERE parent IS NOT NULL)
                """) == 0)
        // Each place held is found by all its keys.
        #expect(try count(store, "SELECT count(*) FROM place WHERE id NOT IN (SELECT place_id FROM alias)") == 0)
    }

    /// The database file and its log.
    static func fileSize(_ path: String) -> Int {
        ["", "-wal"].reduce(0) { total, suffix in
            total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
        }
    }

    /// An archive with the whole gazetteer in its tables, as schema v4 kept it.
    static func wholeGazetteerArchive(_ path: String, weeks: [(week: Week, hash: String, source: String)]) throws {
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v4")
        try queue.write { db in
            try PlaceTables.add(db, ids: Gazetteer.shared.places.map(\.id), from: .shared)
            for (week, hash, source) in weeks { try Store.insert(db, week: week, hash: hash, source: source, sample: false) }
        }
    }

    @Test func aNewArchiveHoldsTheNamedPlaces() throws {
        let store = try Store()
        #expect(try Self.count(store, "SELECT count(*) FROM place") == 0)
        let weeks = try TextOnceTests.weeks()
        _ = try store.store(batch: weeks)
        try Self.expectTablesHoldWhatIsNeeded(store)
        let named = Set(weeks.flatMap { $0.week.events.flatMap(\.placeIDs) })
        #expect(named.count > 20)
        for id in named {
            #expect(try Self.count(store, "SELECT count(*) FROM place WHERE id = '\(id)'") == 1, "\(id)")
        }
        #expect(try Self.count(store, "SELECT count(*) FROM place") < named.count + 30)
    }

    /// The filter says yes to every name the gazetteer knows, and no to nearly all others.
    @Test func theKeyFilterKnowsTheGazetteersNames() throws {
        let keys = Store.keys(of: .shared)
        #expect(keys.count > 50_000)
        let filter = KeyFilter.shared
        #expect(filter.bits.count < 100_000)
        #expect(keys.allSatisfy(filter.mayContain))
        // Names no place has: the misspellings a reader makes, and words.
        let others = keys.prefix(5_000).map { $0 + "x" } + keys.prefix(5_000).map { "q" + $0 }
        let unknown = others.filter { !keys.contains($0) }
        let yes = unknown.filter(filter.mayContain).count
        #expect(yes * 100 < unknown.count * 3, "\(yes) false positives of \(unknown.count)")
        // Stored and read back, it answers the same.
        let store = try Store()
        let stored = try store.read { db in
            try Row.fetchOne(db, sql: "SELECT hashes, bits FROM place_key_filter").map { KeyFilter(hashes: $0[0], bits: $0[1]) }
        }
        #expect(stored?.bits == filter.bits)
        #expect(stored?.mayContain("kupiansk") == true)
        // A filter made from another gazetteer is not trusted: the name is looked up.
        #expect(try store.places(named: "Kupiansk").first?.name == "Kupiansk")
        try store.write { db in try db.execute(sql: "UPDATE place_key_filter SET bits = zeroblob(length(bits))") }
        #expect(throws: StoreError.self) { try store.places(named: "Kupiansk") }
        try store.write { db in try db.execute(sql: "UPDATE place_key_filter SET gazetteer = 'older'") }
        #expect(try store.places(named: "Kupiansk").first?.name == "Kupiansk")
    }

    /// `fronts --all`, `--front` on every kind of name, and the search's reading of place names
    /// answer as they did with the whole gazetteer in the tables.
    @Test func answersAsWithTheWholeGazetteer() throws {
        let weeks = try TextOnceTests.weeks()
        let path = TestSupport.temporaryDirectory().appendingPathComponent("whole.sqlite").path
        try Self.wholeGazetteerArchive(path, weeks: weeks)
        // The reference: answers read before the upgrade prunes the tables.
        let whole = try DatabaseQueue(path: path)
        let allBefore = try whole.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.id, coalesce(m.n, 0) AS mentions FROM place p
                    LEFT JOIN (SELECT place_id, count(*) AS n FROM event_place GROUP BY place_id) m ON m.place_id = p.id
                    ORDER BY p.front DESC, mentions DESC, p.population DESC, p.name, p.id
                    """
            ).map { "\($0["id"] as String) \($0["mentions"] as Int)" }
        }
        #expect(allBefore.count == Gazetteer.shared.places.count)
        try whole.close()

        let before = Self.fileSize(path)
        #expect(before > 6_000_000)

        let fresh = try Store()
        _ = try fresh.store(batch: weeks)
        let upgraded = try Store(path: path)
        try Self.expectTablesHoldWhatIsNeeded(upgraded)
        // The upgrade gave the gazetteer's pages back: the archive is rewritten compact, and keeps
        // itself so (incremental auto-vacuum).
        #expect(try Self.count(upgraded, "PRAGMA freelist_count") == 0)
        #expect(try Self.count(upgraded, "PRAGMA auto_vacuum") == 2)
        let after = Self.fileSize(path)
        #expect(after < before / 4, "\(before) -> \(after)")
        #expect(try upgraded.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
        #expect(try Self.count(upgraded, "SELECT count(*) FROM place") == Self.count(fresh, "SELECT count(*) FROM place"))

        for store in [fresh, upgraded] {
            #expect(try store.fronts(all: true).map { "\($0.place.id) \($0.mentions)" } == allBefore)
            #expect(try store.fronts().allSatisfy { $0.mentions > 0 })
        }
        // Names of every sort: front, region form, a region and a city no fixture names, a
        // Cyrillic spelling.
        for name in ["Kupiansk", "région de Koursk", "Donetsk Oblast", "Lviv", "Uzhhorod", "Ужгород", "Chasiv Yar", "Odesa"] {
            let reference = Gazetteer.shared.places.filter {
                Set(Store.nameKeys(of: $0.id, in: .shared)).contains(Store.nameKey(name))
            }.sorted(by: Store.relevance).map(\.id)
            #expect(!reference.isEmpty, "\(name)")
            let places = try upgraded.places(named: name)
            #expect(places.map(\.id) == reference, "\(name)")
            let request = SearchRequest(query: SearchQuery(""), fronts: places, limit: 500)
            #expect(try upgraded.search(request).map(\.event) == fresh.search(request).map(\.event), "\(name)")
        }
        for q in ["koursk", "Kupiansk drones", "Lviv", "\"Chasiv Yar\""] {
            let request = SearchRequest(query: SearchQuery(q), limit: 500)
            let hits = try upgraded.search(request)
            #expect(hits.map(\.event) == (try fresh.search(request).map(\.event)), "\(q)")
            #expect(hits.map(\.snippet) == (try fresh.search(request).map(\.snippet)), "\(q)")
        }
        #expect(throws: StoreError.self) { try upgraded.places(named: "Atlantis") }
        // A typo gets the nearest names the weeks use.
        do {
            _ = try upgraded.places(named: "Kupyansq")
            Issue.record("a misspelt place was found")
        } catch StoreError.unknownPlace(_, let suggestions) {
            #expect(suggestions.first == "Kupiansk")
        }
    }

    /// A place no stored week names until an import does: found in the gazetteer before, in the
    /// tables after, with the region it lies in; `reindex` keeps the tables to what is named.
    @Test func importAddsTheNamedPlaces() throws {
        let store = try Store()
        let text = """
            Bilan de la semaine. Jours 1001-1005 de résistance

            Les forces russes ont frappé Oujhorod avec des drones. Des combats près de Pokrovsk.
            """
        let parsed = try TestSupport.parser.parse(text, source: "t.txt")
        let named = Set(parsed.events.flatMap(\.placeIDs))
        let uzhhorod = try #require(try store.places(named: "Uzhhorod").first)
        #expect(named.contains(uzhhorod.id))
        #expect(try Self.count(store, "SELECT count(*) FROM place WHERE id = '\(uzhhorod.id)'") == 0)
        #expect(try store.search(SearchRequest(query: SearchQuery(""), fronts: [uzhhorod])).isEmpty)

        _ = try store.importText(text, source: "t.txt", parser: TestSupport.parser)
        #expect(try Self.count(store, "SELECT count(*) FROM place WHERE id = '\(uzhhorod.id)'") == 1)
        try Self.expectTablesHoldWhatIsNeeded(store)
        let hits = try store.search(SearchRequest(query: SearchQuery(""), fronts: try store.places(named: "Zakarpattia Oblast")))
        #expect(hits.map(\.event.text) == ["Les forces russes ont frappé Oujhorod avec des drones."])
        #expect(try store.fronts().contains { $0.place.id == uzhhorod.id && $0.mentions == 1 })

        _ = try store.remove(.range(parsed.range), language: nil)
        try store.reindex(parser: TestSupport.parser)
        #expect(try Self.count(store, "SELECT count(*) FROM place WHERE id = '\(uzhhorod.id)'") == 0)
        try Self.expectTablesHoldWhatIsNeeded(store)
    }

    /// A new archive gives back the pages its changes free: importing (the index's merges free
    /// some), removing and reindexing leave none in the file.
    @Test func theFileKeepsNoFreePages() throws {
        let dir = TestSupport.temporaryDirectory()
        for (name, text) in try WordListTests.fixtureTexts() {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        let store = try Store(path: dir.appendingPathComponent("archive.sqlite").path)
        let free = { try Self.count(store, "PRAGMA freelist_count") }
        #expect(try Self.count(store, "PRAGMA auto_vacuum") == 2)
        try Importer(store: store, parser: TestSupport.parser).run([dir.path]) { _ in }
        #expect(try Self.count(store, "SELECT count(*) FROM week") > 10)
        #expect(try free() == 0)
        for week in try store.weeks().prefix(5) { _ = try store.remove(.range(week.range), language: nil) }
        #expect(try free() == 0)
        try store.reindex(parser: TestSupport.parser)
        #expect(try free() == 0)
    }

    /// A read-only opening checks the migrations by their names alone: the list must be the
    /// migrator's, and an archive short of the last one is refused with a sentence.
    @Test func readOnlyOpeningKnowsTheMigrations() throws {
        #expect(Schema.identifiers == Schema.migrator.migrations)
        let path = TestSupport.temporaryDirectory().appendingPathComponent("v4.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v4")
        }
        do {
            _ = try Store(path: path, readOnly: true)
            Issue.record("an archive of schema v4 opened read-only")
        } catch let e as StoreError {
            #expect("\(e)".contains("needs an upgrade"))
        }
        _ = try Store(path: path)
        _ = try Store(path: path, readOnly: true)
    }
}
