import BilanCore
import BilanTestSupport
import Foundation
import GRDB
import Testing

@testable import BilanStore

/// The archive keeps each sentence once, as a span of its week's text: what is read back must be
/// what was parsed, the index must stay in step with it, and archives of the earlier layout must
/// come through the upgrade whole.
@Suite struct TextOnceTests {
    static func weeks() throws -> [(week: Week, hash: String, source: String)] {
        var out = [(week: try TestSupport.parser.parse(TestSupport.sampleText, source: "sample"), hash: "sample", source: "sample")]
        for (name, text) in try WordListTests.fixtureTexts() {
            guard let week = try? TestSupport.parser.parse(text, source: name) else { continue }
            out.append((week, ContentHash.of(text), name))
        }
        return out
    }

    static func slice(_ body: String, _ span: Range<Int>) -> String {
        String(decoding: Array(body.utf8)[span], as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
    }

    @Test func spansReadAsTheirSentences() throws {
        var spans = 0
        var events = 0
        for (week, _, source) in try Self.weeks() {
            let found = EventSpans.locate(week.events.map(\.text), in: week.text)
            for (e, span) in zip(week.events, found) {
                events += 1
                guard let span else { continue }
                spans += 1
                #expect(Self.slice(week.text, span) == e.text, "\(source) ¶\(e.paragraph).\(e.index)")
            }
        }
        #expect(events > 150)
        // Wrapped lines are spans too; only sentences the parser reshaped (collapsed spaces) are not.
        #expect(spans * 100 >= events * 95, "\(spans) of \(events)")
    }

    @Test(arguments: [
        // body, sentences, expected spans (nil: kept as its own copy)
        ("Titre\n\nUne phrase. Une autre\nphrase.\n", ["Une phrase.", "Une autre phrase."], [7..<18, 19..<36]),
        ("T\n\nDeux  espaces. Suite.", ["Deux espaces.", "Suite."], [nil, 18..<24]),
        ("T\n\nA b. A b.\n\nA b.", ["A b.", "A b.", "A b."], [3..<7, 8..<12, 14..<18]),
        ("T\n\nLigne  \nsuivante. Fin.", ["Ligne suivante.", "Fin."], [nil, 21..<25]),
        ("T\n\nÉté. Ça va.", ["Été.", "Ça va."], [3..<9, 10..<17]),
        ("T\n\nRien ici.", ["Autre chose."], [nil]),
    ] as [(String, [String], [Range<Int>?])])
    func locatesSentences(body: String, sentences: [String], expected: [Range<Int>?]) {
        #expect(EventSpans.locate(sentences, in: body) == expected)
    }

    /// What each stored week's events read back as, in order.
    static func storedEvents(_ store: Store) throws -> [String: [Event]] {
        let ids = try store.read { db in try Row.fetchAll(db, sql: "SELECT id, source FROM week") }
        var out: [String: [Event]] = [:]
        for r in ids { out[r["source"]] = try store.events(ofWeek: r["id"]) }
        return out
    }

    static func expectIndexInStep(_ store: Store) throws {
        // `rank = 1`: FTS5 compares its index with the text the view gives.
        try store.write { db in try db.execute(sql: "INSERT INTO event_ft(event_ft, rank) VALUES ('integrity-check', 1)") }
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func storedEventsAreTheParsedOnes() throws {
        let store = try Store()
        let weeks = try Self.weeks()
        _ = try store.store(batch: weeks)
        let stored = try Self.storedEvents(store)
        var phrases = 0
        for (week, _, source) in weeks {
            var expected = week.events
            for i in expected.indices { expected[i].figures = [] }
            #expect(stored[source] == expected, "\(source)")
            // The reader's events carry their figures, phrases read back from their sentences.
            let reader = try store.readerWeek(week.range, language: week.language)
            #expect(reader?.events == week.events, "\(source)")
            phrases += week.events.reduce(0) { $0 + $1.figures.count }
        }
        #expect(phrases > 50)
        let copies = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT count(text) FROM event) + (SELECT count(phrase) FROM figure)") ?? 0
        }
        #expect(copies < 10)
        try Self.expectIndexInStep(store)
        // Replacing and removing weeks take their words out of the index.
        let first = weeks[1]
        _ = try store.store(first.week, hash: "changed", source: first.source)
        try Self.expectIndexInStep(store)
        for (week, _, _) in weeks { _ = try store.remove(.range(week.range), language: nil) }
        #expect(try store.isEmpty())
        try Self.expectIndexInStep(store)
        #expect(try store.search(SearchRequest(query: SearchQuery("drones"))).isEmpty)
        let left = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM event) + (SELECT count(*) FROM figure) + (SELECT count(*) FROM event_place)")
        }
        #expect(left == 0)
    }

    /// An archive written by the layout before (schema v3: every sentence copied into `event.text`,
    /// the index reading it there) upgrades to the same events, figures, places and search results
    /// as a new archive of the same weeks.
    @Test func upgradesAnArchiveOfTheEarlierLayout() throws {
        let weeks = try Self.weeks()
        let path = TestSupport.temporaryDirectory().appendingPathComponent("v3.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v3")
            try queue.write { db in
                // v3 kept the whole gazetteer.
                try PlaceTables.add(db, ids: Gazetteer.shared.places.map(\.id), from: .shared)
                for (week, hash, source) in weeks { try Self.insertV3(db, week, hash: hash, source: source) }
                try Store.refillWords(db)
            }
        }
        let upgraded = try Store(path: path)
        let fresh = try Store()
        _ = try fresh.store(batch: weeks)
        #expect(try Self.storedEvents(upgraded) == Self.storedEvents(fresh))
        #expect(try upgraded.tallies() == fresh.tallies())
        for (week, _, source) in weeks {
            let reader = try upgraded.readerWeek(week.range, language: week.language)
            #expect(reader?.events == week.events, "\(source)")
        }
        for q in ["drones", "koursk", "\"Chasiv Yar\"", "nord-coréens", "Shahed OR missiles"] {
            let request = SearchRequest(query: SearchQuery(q), limit: 500)
            let a = try upgraded.search(request).map(\.event)
            #expect(!a.isEmpty, "\(q)")
            #expect(a == (try fresh.search(request).map(\.event)), "\(q)")
        }
        let front = SearchRequest(query: SearchQuery(""), fronts: try fresh.places(named: "Kupiansk"), limit: 500)
        #expect(try upgraded.search(front).map(\.event) == fresh.search(front).map(\.event))
        try Self.expectIndexInStep(upgraded)
        // Removing a week of the upgraded archive keeps the index in step.
        _ = try upgraded.remove(.range(weeks[0].week.range), language: nil)
        try Self.expectIndexInStep(upgraded)
    }

    /// A week as schema v3 stored it.
    static func insertV3(_ db: Database, _ week: Week, hash: String, source: String) throws {
        try db.execute(
            sql: """
                INSERT INTO week(first_day, last_day, language, title, start_date, end_date, source, content_hash, body,
                    sample, event_count, parser_version, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, '2026-01-01T00:00:00Z')
                """,
            arguments: [
                week.range.first, week.range.last, week.language.rawValue, week.title, week.range.startDate.iso,
                week.range.endDate.iso, source, hash, week.text, week.events.count, SummaryParser.version,
            ])
        let weekID = db.lastInsertedRowID
        for e in week.events {
            let places = e.places.joined(separator: "; ")
            try db.execute(
                sql: """
                    INSERT INTO event(week_id, paragraph, idx, text, heading, part_of_week, date, places, place_ids)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    weekID, e.paragraph, e.index, e.text, e.heading, e.partOfWeek?.rawValue, e.date?.iso, places,
                    e.placeIDs.joined(separator: " "),
                ])
            let eventID = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO event_ft(rowid, text, places) VALUES (?, ?, ?)", arguments: [eventID, e.text, places])
            for id in e.placeIDs {
                try db.execute(sql: "INSERT OR IGNORE INTO event_place(place_id, event_id) VALUES (?, ?)", arguments: [id, eventID])
            }
            for f in e.figures {
                try db.execute(
                    sql: """
                        INSERT INTO figure(week_id, event_id, value, qualifier, role, weapon, phrase, whole_week, occasion)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        weekID, eventID, f.value, f.qualifier.rawValue, f.role.rawValue, f.weapon, f.phrase, f.wholeWeek,
                        f.occasion,
                    ])
            }
        }
    }
}
