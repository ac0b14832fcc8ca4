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
    /// else but the places a search reads typed names as (`PlaceTables.namesWithin`).
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
                    AND NOT (p.front OR p.curated OR p.population >= 10000)
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

    /// Weeks that name a direction, an oblast and a town but never the towns their names hold.
    static let directionWeeks = [
        """
        Bilan de la semaine. Jours 1011-1015 de résistance

        Les combats se poursuivent sur la direction de Koupiansk. Des frappes ont visé la région de Kharkiv.
        """,
        """
        Weekly roundup. Ukraine resists Russia’s invasion. Days 1011-1015

        Fighting continued in the Kupiansk direction. Strikes hit Kharkiv Oblast.
        """,
        """
        Weekly roundup. Ukraine resists Russia’s invasion. Days 1021-1025

        Russian forces shelled Nova Kakhovka again.
        """,
    ]

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
        // The keys the tables would hold for every place, each place's names folded once.
        var reference = Set<String>()
        for p in Gazetteer.shared.places { reference.formUnion(Store.nameKeys(of: p.id, in: .shared)) }
        #expect(keys == reference)
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

    /// Searches answer as over tables holding the whole gazetteer: a typed name is read as the
    /// places it names, whose canonical names also match the events naming a place whose name
    /// holds theirs ("Каховка" finds the events on Nova Kakhovka), although no week names the
    /// town itself.
    @Test func searchesAnswerAsWithTheWholeGazetteer() throws {
        var weeks = try TextOnceTests.weeks()
        for (i, text) in Self.directionWeeks.enumerated() {
            weeks.append((try TestSupport.parser.parse(text, source: "d\(i)"), ContentHash.of(text), "d\(i)"))
        }
        let added = Array(weeks.suffix(Self.directionWeeks.count))
        let named = Set(added.flatMap { $0.week.events.flatMap(\.places) })
        #expect(named.isSuperset(of: ["Kharkiv Oblast", "Kupiansk direction", "Nova Kakhovka"]))
        let pruned = try Store()
        _ = try pruned.store(batch: added)
        try Self.expectTablesHoldWhatIsNeeded(pruned)
        let whole = try Store()
        _ = try whole.store(batch: added)
        try whole.write { db in try PlaceTables.add(db, ids: Gazetteer.shared.places.map(\.id), from: .shared) }
        // Каховка is the town of Kakhovka, whose name is in Nova Kakhovka's: the Latin text has no
        // Cyrillic word to match, the place's name does.
        for q in ["Kupiansk", "Koupiansk", "Kharkov", "Kharkiv", "Харків", "Каховка", "direction", "\"Chasiv Yar\"", "koursk"] {
            let request = SearchRequest(query: SearchQuery(q), limit: 500)
            let hits = try pruned.search(request)
            let reference = try whole.search(request)
            #expect(hits.map(\.event) == reference.map(\.event), "\(q)")
            #expect(hits.map(\.snippet) == reference.map(\.snippet), "\(q)")
            if ["Kupiansk", "Kharkov", "Харків", "Каховка"].contains(q) { #expect(!hits.isEmpty, "\(q)") }
        }
    }

    /// A place the events name that this program's gazetteer does not know (an archive made with
    /// another one) keeps its row, and the region it lies in, through `fill`.
    @Test func placesTheGazetteerNoLongerKnowsStay() throws {
        let store = try Store()
        let week = try TestSupport.parser.parse(Self.directionWeeks[1], source: "d")
        _ = try store.store(week, hash: "d", source: "d")
        try store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO place(id, name, kind, parent, country, front, aliases, curated)
                    VALUES ('gn:gone', 'Gone', 'village', 'gn:gone-raion', 'UA', 0, '', 0),
                           ('gn:gone-raion', 'Gone Raion', 'region', 'oblast:ua-kharkiv', 'UA', 0, '', 0);
                    INSERT INTO alias(folded, place_id) VALUES ('gone', 'gn:gone'), ('gone raion', 'gn:gone-raion');
                    INSERT INTO event_place(place_id, event_id) SELECT 'gn:gone', min(id) FROM event;
                    """)
            try PlaceTables.fill(db, from: .shared)
        }
        try Self.expectTablesHoldWhatIsNeeded(store)
        #expect(try store.places(named: "Gone").map(\.id) == ["gn:gone"])
        #expect(try Self.count(store, "SELECT count(*) FROM place WHERE id IN ('gn:gone', 'gn:gone-raion', 'oblast:ua-kharkiv')") == 3)
        let hits = try store.search(SearchRequest(query: SearchQuery(""), fronts: try store.places(named: "Gone Raion")))
        #expect(hits.count == 1)
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
        _ = try store.importText(Self.directionWeeks[0], source: "d.txt", parser: TestSupport.parser)
        let uzhhorod = try #require(try store.places(named: "Uzhhorod").first)
        #expect(named.contains(uzhhorod.id))
        #expect(try Self.count(store, "SELECT count(*) FROM place WHERE id = '\(uzhhorod.id)'") == 0)
        #expect(try store.search(SearchRequest(query: SearchQuery(""))).count == 2)
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
        // The pages the weeks held left the file.
        let pages = try Self.count(store, "PRAGMA page_count")
        for week in try store.weeks().dropFirst(2) { _ = try store.remove(.range(week.range), language: nil) }
        #expect(try free() == 0)
        let left = try Self.count(store, "PRAGMA page_count")
        let weeksLeft = try store.weeks().count
        // (Without giving pages back a file never shrinks; most of this small one is the tables' roots.)
        #expect(left < pages, "\(pages) pages, then \(left); weeks left \(weeksLeft)")
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
