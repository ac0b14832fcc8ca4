import GRDB

/// The database schema, as named migrations (GRDB's `DatabaseMigrator`).
enum Schema {
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
        return m
    }
}
