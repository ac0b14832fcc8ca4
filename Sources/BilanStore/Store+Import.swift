import BilanCore
import Foundation
import GRDB

/// What importing one file did.
public enum ImportOutcome: Sendable, Hashable {
    case added(WeekInfo)
    /// Replaced the week of the same range and language (from `previousSource`).
    case updated(WeekInfo, previousSource: String?)
    case unchanged(WeekInfo)
    case rejected(ParseError)
}

/// When this process started importing (one formatter call per process, not per week).
private let importTimestamp = ISO8601DateFormatter().string(from: Date())

extension Store {
    /// The name the bundled sample is stored under.
    public static func sampleSource(_ name: String) -> String { "bundled sample (seeds/\(name))" }

    /// Stores a text as a week: one transaction; unchanged when the same bytes were stored before.
    ///
    /// A real import removes the bundled sample, unless the text imported is the sample itself
    /// (which then stops being marked as a sample).
    public func importText(
        _ text: String, hash: String? = nil, source: String, parser: @autoclosure () -> SummaryParser, sample: Bool = false
    ) throws -> ImportOutcome {
        let hash = hash ?? ContentHash.of(text)
        if let unchanged = try importKnown(hash: hash, source: source, sample: sample) { return unchanged }
        do {
            return try store(try parser().parse(text, source: source), hash: hash, source: source, sample: sample)
        } catch let e as ParseError {
            return .rejected(e)
        }
    }

    /// `.unchanged` when a week with these bytes is stored already (turning the sample into a real
    /// week when it is imported for real); nil when the text is new.
    public func importKnown(hash: String, source: String, sample: Bool = false) throws -> ImportOutcome? {
        guard let known = try read({ db in
            try Row.fetchOne(
                db,
                sql: "SELECT id, first_day, last_day, language, title, event_count, source, sample FROM week WHERE content_hash = ?",
                arguments: [hash])
        }) else { return nil }
        var info = Store.weekInfo(known)
        if info.sample && !sample {
            try write { db in
                try db.execute(
                    sql: "UPDATE week SET sample = 0, source = ? WHERE id = ?", arguments: [source, known["id"] as Int64])
                try Store.dropSample(db)
            }
            info.sample = false
            info.source = source
        } else if !sample, try hasSample() {
            try write { db in try Store.dropSample(db) }
        }
        return .unchanged(info)
    }

    /// Which of `hashes` some stored week has: one query for a batch of files, most of them new.
    public func knownHashes(_ hashes: [String]) throws -> Set<String> {
        guard !hashes.isEmpty else { return [] }
        return try read { db in
            var known = Set<String>()
            // SQLite binds at most 32,766 values a statement.
            for chunk in stride(from: 0, to: hashes.count, by: 500).map({ hashes[$0..<min($0 + 500, hashes.count)] }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                known.formUnion(
                    try String.fetchAll(
                        db, sql: "SELECT content_hash FROM week WHERE content_hash IN (\(marks))",
                        arguments: StatementArguments(Array(chunk))))
            }
            return known
        }
    }

    /// Stores a parsed week in one transaction, replacing the week of the same range and language.
    public func store(_ week: Week, hash: String, source: String, sample: Bool = false) throws -> ImportOutcome {
        try write { db in
            var memo = Store.BatchMemo()
            return try Store.store(db, week, hash: hash, source: source, sample: sample, memo: &memo)
        }
    }

    /// Stores several parsed weeks in one transaction: one commit for many files spares the full-text
    /// index a segment flush per file. A week is stored whole or not at all: should any week fail, the
    /// batch is rolled back and stored again with a savepoint per week, so the failure rolls back that
    /// week only. (A savepoint per week on the fast path would cost the same flush per week: FTS5
    /// writes its pending terms to disk at every savepoint.)
    public func store(batch: [(week: Week, hash: String, source: String)]) throws -> [Result<ImportOutcome, Error>] {
        do {
            // `writer` directly, not `write`: the SQLite result code tells which failure this is.
            return try writer.write { db in
                // What the batch has stored so far: each word and each place is looked up once.
                var memo = Store.BatchMemo()
                return try batch.map { item in
                    .success(try Store.store(db, item.week, hash: item.hash, source: item.source, sample: false, memo: &memo))
                }
            }
        } catch let e as DatabaseError where Store.isDatabaseWide(e) {
            // Busy, read-only, full, unreadable: no week would fare better alone.
            throw Store.translate(e, path: path)
        } catch {
            // One week failed: store them again one by one to find it and keep the others.
        }
        return try write { db in
            batch.map { item in
                var outcome: ImportOutcome? = nil
                do {
                    try db.inSavepoint {
                        var memo = Store.BatchMemo()
                        outcome = try Store.store(db, item.week, hash: item.hash, source: item.source, sample: false, memo: &memo)
                        return .commit
                    }
                    return .success(outcome!)
                } catch {
                    return .failure(Store.translateAny(error, path: path))
                }
            }
        }
    }

    /// Errors of the database as a whole rather than of one week's rows.
    static func isDatabaseWide(_ e: DatabaseError) -> Bool {
        [.SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_READONLY, .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_CORRUPT, .SQLITE_NOTADB,
            .SQLITE_CANTOPEN, .SQLITE_NOMEM, .SQLITE_INTERRUPT].contains(e.resultCode)
    }

    static func translateAny(_ error: Error, path: String) -> Error {
        (error as? DatabaseError).map { translate($0, path: path) } ?? error
    }

    /// What a transaction has stored already, so that a batch of weeks looks each word and each
    /// place up once. It must not outlive a rolled-back savepoint.
    struct BatchMemo {
        /// The words added to the word list.
        var words = WordCollector()
        /// The places whose rows are in the place tables, with the places they lie in.
        var places = Set<String>()
    }

    /// `memo`: what this transaction has stored already (see `insert`).
    static func store(
        _ db: Database, _ week: Week, hash: String, source: String, sample: Bool, memo: inout BatchMemo
    ) throws -> ImportOutcome {
        let previous = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, source FROM week WHERE first_day = ? AND last_day = ? AND language = ?"),
            arguments: [week.range.first, week.range.last, week.language.rawValue])
        if let previous { try Store.deleteWeek(db, id: previous["id"]) }
        if !sample { try Store.dropSample(db) }
        try Store.insert(db, week: week, hash: hash, source: source, sample: sample, memo: &memo)
        let info = WeekInfo(
            range: week.range, language: week.language, title: week.title, eventCount: week.events.count,
            source: source, sample: sample)
        if let previous { return .updated(info, previousSource: previous["source"]) }
        return .added(info)
    }

    func hasSample() throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM week INDEXED BY week_sample WHERE sample = 1)") ?? false
        }
    }

    static func dropSample(_ db: Database) throws {
        for id in try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM week INDEXED BY week_sample WHERE sample = 1")) {
            try deleteWeek(db, id: id)
        }
    }

    static func insert(_ db: Database, week: Week, hash: String, source: String?, sample: Bool) throws {
        var memo = Store.BatchMemo()
        try insert(db, week: week, hash: hash, source: source, sample: sample, memo: &memo)
    }

    /// Inserts a week, its events, figures and places, indexes its sentences and adds their words to
    /// the word list; `memo` holds the words and places this transaction has stored already, so a
    /// batch of weeks looks each up once. (It must not outlive a rolled-back savepoint.)
    static func insert(
        _ db: Database, week: Week, hash: String, source: String?, sample: Bool, memo: inout BatchMemo
    ) throws {
        let insertWeek = try RawStatement(
            db,
            """
            INSERT INTO week(first_day, last_day, language, title, start_date, end_date, source, content_hash,
                body, sample, event_count, parser_version, imported_at, first_event)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // The week's events take the next ids, in text order (`Store.eventOfWeek`).
        let firstEvent = (try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM event")) ?? 0) + 1
        insertWeek.bind(1, week.range.first)
        insertWeek.bind(2, week.range.last)
        insertWeek.bind(3, week.language.rawValue)
        insertWeek.bind(4, week.title)
        insertWeek.bind(5, week.range.startDate.iso)
        insertWeek.bind(6, week.range.endDate.iso)
        insertWeek.bind(7, source)
        insertWeek.bind(8, hash)
        insertWeek.bind(9, week.text)
        insertWeek.bind(10, sample)
        insertWeek.bind(11, week.events.count)
        insertWeek.bind(12, SummaryParser.version)
        insertWeek.bind(13, importTimestamp)
        insertWeek.bind(14, firstEvent)
        let weekID = try insertWeek.run()
        let insertEvent = try RawStatement(
            db,
            """
            INSERT INTO event(id, week_id, paragraph, idx, start, length, text, heading, part_of_week, date, places,
                place_ids)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertPlace = try RawStatement(db, "INSERT OR IGNORE INTO event_place(place_id, event_id) VALUES (?, ?)")
        // One row at a time: a multi-row INSERT … SELECT opens a statement savepoint, at which FTS5
        // flushes its pending terms as a new segment (one per week, then merged again and again).
        let insertText = try RawStatement(db, "INSERT INTO event_ft(rowid, text, places) VALUES (?, ?, ?)")
        let insertFigure = try RawStatement(
            db,
            """
            INSERT INTO figure(event_id, n, value, qualifier, role, weapon, start, length, phrase, whole_week, occasion)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let spans = EventSpans.locate(week.events.map(\.text), in: week.text)
        for (i, e) in week.events.enumerated() {
            let eventID = firstEvent + Int64(i)
            insertEvent.bind(1, eventID)
            insertEvent.bind(2, weekID)
            insertEvent.bind(3, e.paragraph)
            insertEvent.bind(4, e.index)
            insertEvent.bind(5, spans[i]?.lowerBound)
            insertEvent.bind(6, spans[i]?.count)
            insertEvent.bind(7, spans[i] == nil ? e.text : nil)
            insertEvent.bind(8, e.heading)
            insertEvent.bind(9, e.partOfWeek?.rawValue)
            insertEvent.bind(10, e.date?.iso)
            let places = e.places.joined(separator: "; ")
            insertEvent.bind(11, places)
            insertEvent.bind(12, e.placeIDs.joined(separator: " "))
            try insertEvent.run()
            insertText.bind(1, eventID)
            insertText.bind(2, e.text)
            insertText.bind(3, places)
            try insertText.run()
            for id in e.placeIDs {
                insertPlace.bind(1, id)
                insertPlace.bind(2, eventID)
                try insertPlace.run()
            }
            for (n, f) in e.figures.enumerated() {
                let span = EventSpans.phrase(f.phrase, in: e.text)
                insertFigure.bind(1, eventID)
                insertFigure.bind(2, n)
                insertFigure.bind(3, f.value)
                insertFigure.bind(4, f.qualifier.rawValue)
                insertFigure.bind(5, f.role.rawValue)
                insertFigure.bind(6, f.weapon)
                insertFigure.bind(7, span?.lowerBound)
                insertFigure.bind(8, span?.count)
                insertFigure.bind(9, span == nil ? f.phrase : nil)
                insertFigure.bind(10, f.wholeWeek)
                insertFigure.bind(11, f.occasion)
                try insertFigure.run()
            }
        }
        // The places the week names, with the places they lie in, unless the tables hold them.
        var named = Set<String>()
        for e in week.events { named.formUnion(e.placeIDs) }
        named.subtract(memo.places)
        if !named.isEmpty { try PlaceTables.add(db, ids: named.sorted(), from: .shared, stored: &memo.places) }
        var newWords: [String] = []
        for e in week.events { IndexFolding.collectForList(e.text, into: &memo.words) { newWords.append($0) } }
        let insertWord = try RawStatement(db, "INSERT OR IGNORE INTO word(term) VALUES (?)")
        for w in newWords {
            insertWord.bind(1, w)
            try insertWord.run()
        }
    }

    /// Lists the word list again from the index itself (`reindex`, and the migration that made it).
    static func refillWords(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM word")
        try db.execute(sql: "INSERT OR IGNORE INTO word(term) SELECT term FROM event_vocab")
    }

    /// Loads the bundled sample when the database holds no week; returns whether it did.
    @discardableResult
    public func loadSampleIfEmpty(parser: @autoclosure () -> SummaryParser) throws -> Bool {
        guard try isEmpty() else { return false }
        let p = parser()
        let weeks = try SampleData.files.map { file in
            (week: try p.parse(file.text, source: file.name), hash: ContentHash.of(file.text), source: Store.sampleSource(file.name))
        }
        // Checked again inside the transaction: an import that committed meanwhile wins.
        return try write { db in
            guard try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM week)") ?? false) else { return false }
            for w in weeks { try Store.insert(db, week: w.week, hash: w.hash, source: w.source, sample: true) }
            return true
        }
    }

    /// Whether some stored week was parsed by an older parser (then `reindex` is due).
    public func needsReindex() throws -> Bool {
        try read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM week WHERE parser_version < ?)", arguments: [SummaryParser.version])
                ?? false
        }
    }

    /// Parses every stored text again with `parser`, one transaction per week; returns the count.
    @discardableResult
    public func reindex(parser: SummaryParser, refreshPlaces: Bool = true) throws -> Int {
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT id, body, content_hash, source, sample FROM week ORDER BY id")
        }
        var n = 0
        for r in rows {
            let body: String = r["body"]
            guard let week = try? parser.parse(body, source: r["source"]) else { continue }
            try write { db in
                try Store.deleteWeek(db, id: r["id"])
                try Store.insert(db, week: week, hash: r["content_hash"], source: r["source"], sample: r["sample"])
            }
            n += 1
        }
        // Drops the words of sentences no longer there, and the places no sentence names now.
        try write { db in try Store.refillWords(db) }
        if refreshPlaces { try write { db in try PlaceTables.fill(db, from: .shared) } }
        releaseFreePages()
        return n
    }
}
