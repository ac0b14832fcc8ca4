import GRDB

/// The database schema, as named migrations (GRDB's `DatabaseMigrator`).
enum Schema {
    /// The migrations' names, in order (a test holds them to `migrator`'s): what a read-only
    /// opening checks without building the migrator.
    static let identifiers = ["v1", "v2", "v3", "v4", "v5"]

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                    CREATE TABLE week(
                        id INTEGER PRIMARY KEY,
                        first_day INTEGER NOT NULL,
                        last_day INTEGER NOT NULL,
                        language TEXT NOT NULL CHECK (language IN ('fr', 'en')),
                        title TEXT NOT NULL,
                        start_date TEXT NOT NULL,
                        end_date TEXT NOT NULL,
                        source TEXT,
                        content_hash TEXT NOT NULL,
                        body TEXT NOT NULL,
                        sample INTEGER NOT NULL DEFAULT 0,
                        event_count INTEGER NOT NULL,
                        parser_version INTEGER NOT NULL,
                        imported_at TEXT NOT NULL,
                        UNIQUE (first_day, last_day, language));
                    CREATE INDEX week_hash ON week(content_hash);
                    CREATE INDEX week_sample ON week(sample) WHERE sample = 1;
                    CREATE TABLE event(
                        id INTEGER PRIMARY KEY,
                        week_id INTEGER NOT NULL REFERENCES week(id) ON DELETE CASCADE,
                        paragraph INTEGER NOT NULL,
                        idx INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        heading INTEGER NOT NULL,
                        part_of_week TEXT,
                        date TEXT,
                        places TEXT NOT NULL,
                        place_ids TEXT NOT NULL);
                    CREATE INDEX event_week ON event(week_id, paragraph, idx);
                    CREATE TABLE event_place(
                        place_id TEXT NOT NULL,
                        event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                        PRIMARY KEY (place_id, event_id)) WITHOUT ROWID;
                    CREATE INDEX event_place_event ON event_place(event_id);
                    CREATE TABLE figure(
                        id INTEGER PRIMARY KEY,
                        week_id INTEGER NOT NULL REFERENCES week(id) ON DELETE CASCADE,
                        event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                        value INTEGER,
                        qualifier TEXT NOT NULL,
                        role TEXT NOT NULL,
                        weapon TEXT,
                        phrase TEXT NOT NULL,
                        whole_week INTEGER NOT NULL,
                        occasion TEXT);
                    CREATE INDEX figure_week ON figure(week_id);
                    CREATE INDEX figure_event ON figure(event_id);
                    CREATE TABLE place(
                        id TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        parent TEXT,
                        country TEXT NOT NULL,
                        front INTEGER NOT NULL,
                        latitude REAL,
                        longitude REAL,
                        population INTEGER,
                        aliases TEXT NOT NULL,
                        curated INTEGER NOT NULL);
                    CREATE INDEX place_parent ON place(parent);
                    CREATE TABLE alias(
                        folded TEXT NOT NULL,
                        place_id TEXT NOT NULL,
                        PRIMARY KEY (folded, place_id)) WITHOUT ROWID;
                    """)
            try db.create(virtualTable: "event_ft", using: FTS5()) { t in
                t.synchronize(withTable: "event")
                t.tokenizer = .unicode61(diacritics: .remove)
                t.column("text")
                t.column("places")
            }
            // Import indexes each event itself (Store.insert), in the same single-row way: a trigger
            // made FTS5 flush a segment per sentence (a statement savepoint per row).
            try db.execute(sql: "DROP TRIGGER __event_ft_ai")
            // The index's words, for expanding prefixes into the words present.
            try db.execute(sql: "CREATE VIRTUAL TABLE event_vocab USING fts5vocab(event_ft, 'row')")
        }
        m.registerMigration("v2") { db in
            // A place's spellings: the reader's marks and the front picker's keys look them up by place.
            try db.execute(sql: "CREATE INDEX alias_place ON alias(place_id, folded)")
        }
        m.registerMigration("v3") { db in
            // The words of the sentences as the index keeps them, for expanding a typed prefix into
            // the words present: fts5vocab counts every posting of each word it lists. Import adds
            // the words of each week (`IndexFolding`); the words of removed weeks stay until
            // `reindex` lists them again from the index (a word no sentence has matches nothing).
            try db.execute(sql: "CREATE TABLE word(term TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID")
            try Store.refillWords(db)
        }
        m.registerMigration("v4") { db in try Schema.keepTextOnce(db) }
        m.registerMigration("v5") { db in
            // The place tables keep the places the weeks name, no longer the whole gazetteer, and a
            // filter of the names it knows (see `PlaceTables`). A new database gets them here too.
            try db.execute(sql: "CREATE TABLE place_key_filter(id INTEGER PRIMARY KEY CHECK (id = 1), gazetteer TEXT NOT NULL, hashes INTEGER NOT NULL, bits BLOB NOT NULL)")
            try PlaceTables.fill(db, from: .shared)
        }
        return m
    }

    /// The events' table of version 4, `text` only for a sentence that is not a span of the week's
    /// text; figures by event, `phrase` only for one that is not a span of its sentence.
    static let createTextOnce = """
        CREATE TABLE event_v4(
            id INTEGER PRIMARY KEY,
            week_id INTEGER NOT NULL REFERENCES week(id) ON DELETE CASCADE,
            paragraph INTEGER NOT NULL,
            idx INTEGER NOT NULL,
            start INTEGER,
            length INTEGER,
            text TEXT,
            heading INTEGER NOT NULL,
            part_of_week TEXT,
            date TEXT,
            places TEXT NOT NULL,
            place_ids TEXT NOT NULL,
            CHECK ((text IS NULL) = (start IS NOT NULL AND length IS NOT NULL)));
        CREATE TABLE figure_v4(
            event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
            n INTEGER NOT NULL,
            value INTEGER,
            qualifier TEXT NOT NULL,
            role TEXT NOT NULL,
            weapon TEXT,
            start INTEGER,
            length INTEGER,
            phrase TEXT,
            whole_week INTEGER NOT NULL,
            occasion TEXT,
            PRIMARY KEY (event_id, n),
            CHECK ((phrase IS NULL) = (start IS NOT NULL AND length IS NOT NULL))) WITHOUT ROWID;
        """

    /// Version 4 keeps each sentence once: an event is a span of its week's text (`EventSpans`),
    /// unless the parser reshaped it, and a figure's phrase a span of its sentence.
    ///
    /// A week's events are found through their consecutive ids (`week.first_event`, carried by
    /// the index of the weeks' order, so walking the weeks reads no week row), an event's places
    /// through `event.place_ids`, and its figures through their key: the indexes that led from
    /// weeks and events to them are gone. The full-text index reads its text through the
    /// `event_content` view and keeps no per-row sizes (ranking counts the words itself). The
    /// front places get an index of their own, for the week list's fronts. At 10,000 synthetic
    /// weeks the archive went from 5.1 to 2.9 times its text (with the 16 KB pages of new files).
    static func keepTextOnce(_ db: Database) throws {
        for t in ["ai", "ad", "au", "bu", "bd"] { try db.execute(sql: "DROP TRIGGER IF EXISTS __event_ft_\(t)") }
        try db.execute(sql: "DROP TABLE event_vocab; DROP TABLE event_ft")
        try db.execute(sql: "ALTER TABLE week ADD COLUMN first_event INTEGER NOT NULL DEFAULT 0")
        try db.execute(sql: createTextOnce)
        let weeks = try Row.fetchCursor(db, sql: "SELECT id, body FROM week")
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO event_v4(id, week_id, paragraph, idx, start, length, text, heading, part_of_week, date,
                    places, place_ids)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let events = try db.makeStatement(
            sql: """
                SELECT id, paragraph, idx, text, heading, part_of_week, date, places, place_ids
                FROM event WHERE week_id = ? ORDER BY paragraph, idx
                """)
        let figures = try db.makeStatement(
            sql: """
                SELECT value, qualifier, role, weapon, phrase, whole_week, occasion
                FROM figure WHERE event_id = ? ORDER BY id
                """)
        let insertFigure = try db.makeStatement(
            sql: """
                INSERT INTO figure_v4(event_id, n, value, qualifier, role, weapon, start, length, phrase, whole_week, occasion)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        var firstEvents: [(week: Int64, first: Int64)] = []
        while let w = try weeks.next() {
            let weekID: Int64 = w["id"]
            let rows = try Row.fetchAll(events, arguments: [weekID])
            let spans = EventSpans.locate(rows.map { $0["text"] }, in: w["body"])
            for (r, span) in zip(rows, spans) {
                try insert.execute(arguments: [
                    r["id"], weekID, r["paragraph"], r["idx"], span?.lowerBound, span?.count,
                    span == nil ? r["text"] as String : nil, r["heading"], r["part_of_week"], r["date"], r["places"],
                    r["place_ids"],
                ])
                let text: String = r["text"]
                for (n, f) in try Row.fetchAll(figures, arguments: [r["id"]]).enumerated() {
                    let phrase: String = f["phrase"]
                    let span = EventSpans.phrase(phrase, in: text)
                    try insertFigure.execute(arguments: [
                        r["id"], n, f["value"], f["qualifier"], f["role"], f["weapon"], span?.lowerBound, span?.count,
                        span == nil ? phrase : nil, f["whole_week"], f["occasion"],
                    ])
                }
            }
            if let first = rows.first { firstEvents.append((weekID, first["id"])) }
        }
        // Once the weeks are read (never a table changed under its own open cursor).
        for (week, first) in firstEvents {
            try db.execute(sql: "UPDATE week SET first_event = ? WHERE id = ?", arguments: [first, week])
        }
        try db.execute(
            sql: """
                DROP TABLE figure;
                DROP TABLE event;
                ALTER TABLE event_v4 RENAME TO event;
                ALTER TABLE figure_v4 RENAME TO figure;
                DROP INDEX event_place_event;
                CREATE INDEX week_order ON week(first_day, last_day, language, first_event, event_count);
                CREATE INDEX place_front ON place(id, name) WHERE front;
                \(createFullText)
                INSERT INTO event_ft(event_ft) VALUES ('rebuild');
                """)
    }

    /// The full-text index over the `event_content` view, the view, and the trigger that takes a
    /// removed event's words out of the index before the event goes (its week's text is still there:
    /// weeks are removed after their events).
    static let createFullText = """
        CREATE VIEW event_content(id, text, places) AS
            SELECT e.id, \(Store.eventText), e.places FROM event e JOIN week w ON w.id = e.week_id;
        CREATE VIRTUAL TABLE event_ft USING fts5(
            text, places, content = 'event_content', content_rowid = 'id', columnsize = 0,
            tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE event_vocab USING fts5vocab(event_ft, 'row');
        CREATE TRIGGER event_ft_delete BEFORE DELETE ON event BEGIN
            INSERT INTO event_ft(event_ft, rowid, text, places)
                SELECT 'delete', old.id, text, places FROM event_content WHERE id = old.id;
        END;
        """
}
