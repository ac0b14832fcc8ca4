import BilanCore
import CBilanSQLite
import Foundation
import GRDB
import GRDBSQLite

/// The archive: weeks, events, places and drone figures in SQLite, with an FTS5 index over events.
///
/// Reading does not need the gazetteer in memory: the names of the places the weeks name are in the
/// `place` and `alias` tables, filled as weeks are stored (`PlaceTables`); importing does, and so
/// does a reader's name for a place no week names.
public final class Store: Sendable {
    let writer: any DatabaseWriter
    /// Where the database lives, for messages (":memory:" for tests).
    public let path: String
    /// The page size of a new database file (an existing one keeps its own).
    static let pageSize = 16384
    /// How much of the database file a connection maps (`PRAGMA mmap_size`) when opened `mapped`.
    static let mapSize = 1 << 30

    /// SQLite without its memory statistics, which take a global lock at every allocation (7 % of
    /// storing an import): set once, before the process opens its first database.
    /// And `file:` URIs accepted as names, for `immutableURI`.
    static let tuneSQLite: Void = {
        _ = bilan_sqlite_without_memory_statistics()
        _ = bilan_sqlite_accept_uri_filenames()
    }()

    /// Opens (creating if needed) the database at `path`; `readOnly` never writes; `mapped` reads
    /// it through a memory map (for a one-shot command).
    ///
    /// Read-only opening uses one connection and takes no write lock, so reading commands never
    /// checkpoint or truncate the log of a database another process is writing.
    public init(path: String, readOnly: Bool = false, mapped: Bool = false) throws {
        _ = Store.tuneSQLite
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.readonly = readOnly
        config.prepareDatabase { db in
            // The log and its index (-wal, -shm) stay when the last connection closes, with the
            // owner and mode the database's writer gave them. Otherwise the next process to open
            // the archive makes them again: another user only reading it would own them, and its
            // writer could no longer write (a shared archive, a cron import and readers).
            var persist: Int32 = 1
            _ = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
            if !db.configuration.readonly {
                // A new database's pages (before its first table): a week's text, about 2.3 KB, takes
                // a 4 KB page alone; 16 KB pages hold six (a tenth of the archive).
                try db.execute(sql: "PRAGMA page_size = \(Store.pageSize)")
                // And the pages a change frees go back to the file system when a command is done
                // (`releaseFreePages`), not left in the file: the full-text index's merges free
                // some at every import.
                try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
                // WAL with NORMAL sync: a commit is durable at the next checkpoint, never torn. A
                // larger page cache keeps a batch of imported weeks from spilling mid-transaction.
                try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY")
                // The log kept between runs (above) is emptied when the last connection closes, and
                // kept to 4 MB after each checkpoint meanwhile.
                try db.execute(sql: "PRAGMA journal_size_limit = \(4 << 20)")
            }
            // A one-shot command reads pages through a memory map rather than a read call each (a
            // search reads some 450 pages of 16 KB: a tenth of its process's time when copied). A
            // long session (the browser) keeps SQLite's bounded cache: mapped pages it touched
            // would stay in its memory.
            if mapped { try db.execute(sql: "PRAGMA mmap_size = \(Store.mapSize)") }
        }
        if !readOnly {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty, !FileManager.default.fileExists(atPath: dir) {
                do {
                    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                } catch {
                    throw StoreError.cannotOpen(path: path, reason: "cannot create the folder \(dir)")
                }
            }
        } else if !FileManager.default.fileExists(atPath: path) {
            throw StoreError.cannotOpen(path: path, reason: "no such file")
        }
        do {
            if readOnly {
                do {
                    let queue = try DatabaseQueue(path: path, configuration: config)
                    try Store.checkSchema(queue, path: path)
                    self.writer = queue
                } catch let e as DatabaseError where Store.cannotMakeLog(e, path: path) {
                    let queue = try DatabaseQueue(path: Store.immutableURI(path), configuration: config)
                    try Store.checkSchema(queue, path: path)
                    self.writer = queue
                }
            } else {
                self.writer = try Store.openAndMigrate(path: path, configuration: config)
            }
        } catch let e as DatabaseError {
            throw Store.translate(e, path: path)
        }
    }

    /// Opens an existing, up-to-date database read-only when it holds weeks; otherwise opens it for
    /// writing (creating, migrating, and loading the bundled sample). A database that cannot be
    /// written is read as it is. Only when `memoryFallback` (the default location, not one the reader
    /// named) cannot be created at all is the sample shown from memory.
    public static func openForReading(
        path: String, memoryFallback: Bool = false, mapped: Bool = false, parser: @autoclosure () -> SummaryParser
    ) throws -> Store {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            if isDir.boolValue { throw StoreError.cannotOpen(path: path, reason: "it is a folder, not a database file") }
            if let ro = try? Store(path: path, readOnly: true, mapped: mapped), (try? ro.isEmpty()) == false { return ro }
        }
        do {
            let store = try Store(path: path, mapped: mapped)
            try store.loadSampleIfEmpty(parser: parser())
            return store
        } catch let e as StoreError {
            switch e {
            case .readOnly, .cannotOpen:
                if FileManager.default.fileExists(atPath: path), let ro = try? Store(path: path, readOnly: true, mapped: mapped) {
                    return ro
                }
                guard memoryFallback else { throw e }
                let mem = try Store()
                try mem.loadSampleIfEmpty(parser: parser())
                return mem
            default: throw e
            }
        }
    }

    /// A private in-memory database (tests, or a read-only fallback).
    public init(inMemory: Void = ()) throws {
        _ = Store.tuneSQLite
        self.path = ":memory:"
        let queue = try DatabaseQueue()
        self.writer = queue
        try Store.migrate(queue)
    }

    /// Opens a pool and brings the schema up to date. Two processes creating the same new file at
    /// once race on WAL setup and on the migration: the loser waits for the winner and tries again.
    static func openAndMigrate(path: String, configuration: Configuration) throws -> DatabasePool {
        var attempt = 0
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                let applied = try pool.read(Store.appliedMigrations)
                try migrate(pool)
                // An archive from before v5 has just dropped most of the gazetteer's pages.
                if !applied.isEmpty, !applied.contains("v5") { compactAfterUpgrade(pool) }
                return pool
            } catch let e as DatabaseError
                where attempt < 30
                && (e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED
                    || (e.message ?? "").contains("already exists"))
            {
                attempt += 1
                usleep(100_000)
            }
        }
    }

    static func migrate(_ w: any DatabaseWriter) throws {
        try Schema.migrator.migrate(w)
    }

    /// Archives up to this size are rewritten compact when an upgrade has freed pages: a real
    /// archive (hundreds of weeks, a few MB) in well under a second. The copy is built in memory
    /// (`temp_store`), hence the limit. A larger archive keeps its free pages for later writes;
    /// `VACUUM` in sqlite3 compacts it.
    static let compactionLimit = 64 << 20

    /// Rewrites a small archive without its free pages, and with incremental auto-vacuum from then
    /// on (`releaseFreePages`). Best effort: a failure (a full disk) leaves the archive as it was.
    static func compactAfterUpgrade(_ pool: DatabasePool) {
        do {
            let (mode, pages, pageSize, free) = try pool.read { db in
                (
                    try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") ?? 0, try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0,
                    try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0, try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
                )
            }
            guard free > 0, pages * pageSize <= compactionLimit else { return }
            try pool.barrierWriteWithoutTransaction { db in
                if mode == 0 { try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL") }
                try db.execute(sql: "VACUUM")
                // The rewrite went through the log: into the file, and the log emptied.
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        } catch {}
    }

    /// A read-only database must already have this version's schema.
    ///
    /// Read through SQLite's C API with the migrations' names listed in `Schema.identifiers`:
    /// GRDB's migrator instantiates its generic types on first use, a fifth of the instructions of
    /// a search process.
    static func checkSchema(_ r: any DatabaseReader, path: String) throws {
        let applied = try r.read(Store.appliedMigrations)
        if !Schema.identifiers.allSatisfy(applied.contains) {
            throw StoreError.cannotOpen(path: path, reason: "the database needs an upgrade, which read-only mode cannot do")
        }
    }

    /// The names of the migrations a database has had (none for a new file).
    static func appliedMigrations(_ db: Database) throws -> Set<String> {
        var out = Set<String>()
        var statement: OpaquePointer? = nil
        defer { sqlite3_finalize(statement) }
        let error = { (rc: Int32) in
            DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        let prepared = sqlite3_prepare_v2(db.sqliteConnection, "SELECT identifier FROM grdb_migrations", -1, &statement, nil)
        if prepared != SQLITE_OK {
            // No table: nothing applied. Anything else (busy, damaged) is that error.
            if String(cString: sqlite3_errmsg(db.sqliteConnection)).hasPrefix("no such table") { return out }
            throw error(prepared)
        }
        var rc = sqlite3_step(statement)
        while rc == SQLITE_ROW {
            if let text = sqlite3_column_text(statement, 0) { out.insert(String(cString: text)) }
            rc = sqlite3_step(statement)
        }
        if rc != SQLITE_DONE { throw error(rc) }
        return out
    }

    /// Whether a read-only opening failed because SQLite could not make the log's files beside the
    /// database (a folder the reader may not write to, and no log there). Then no one can be
    /// writing to it either (a writer needs the log), and it can be read as an unchanging file.
    static func cannotMakeLog(_ e: DatabaseError, path: String) -> Bool {
        guard e.resultCode == .SQLITE_CANTOPEN || e.resultCode == .SQLITE_READONLY else { return false }
        let dir = (path as NSString).deletingLastPathComponent
        return !FileManager.default.fileExists(atPath: path + "-wal")
            && !FileManager.default.isWritableFile(atPath: dir.isEmpty ? "." : dir)
    }

    /// The database as a `file:` URI SQLite reads without locks or a log (`immutable=1`).
    static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "/-._~")
        return "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
    }

    static func translate(_ e: DatabaseError, path: String) -> StoreError {
        switch e.resultCode {
        case .SQLITE_NOTADB: return .notADatabase(path: path)
        case .SQLITE_CORRUPT: return .damaged(path: path, reason: e.message ?? "corrupt")
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
        case .SQLITE_READONLY:
            // The database file writable, but its log left by another user: say whose.
            if FileManager.default.isWritableFile(atPath: path) {
                for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                    if !FileManager.default.isWritableFile(atPath: path + suffix) {
                        let owner = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.ownerAccountName] as? String) ?? nil
                        return .foreignLog(path: path, file: path + suffix, owner: owner)
                    }
                }
            }
            return .readOnly(path: path)
        case .SQLITE_CANTOPEN: return .cannotOpen(path: path, reason: e.message ?? "cannot open")
        default: return .cannotOpen(path: path, reason: e.message ?? "\(e.resultCode)")
        }
    }

    /// Gives the file's free pages back (databases created with incremental auto-vacuum; others
    /// keep them for later writes). Best effort: a writer busy meanwhile keeps them for now, and
    /// nothing is lost.
    public func releaseFreePages() {
        do {
            let free = try writer.read { db in
                try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") == 2 ? Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0 : 0
            }
            if free > 0 { try writer.write { db in try db.execute(sql: "PRAGMA incremental_vacuum") } }
        } catch {}
    }

    /// Runs a read, translating SQLite errors into sentences.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch let e as DatabaseError { throw Store.translate(e, path: path) }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.write(body) } catch let e as DatabaseError { throw Store.translate(e, path: path) }
    }

    // MARK: Events' text and ids

    /// An event's sentence in SQL, from event `e` and its week `w`: its own copy, or the span of the
    /// week's text it is, line breaks read as spaces (`EventSpans`).
    static let eventText = """
        COALESCE(e.text, replace(CAST(substr(CAST(w.body AS BLOB), e.start + 1, e.length) AS TEXT), char(10), ' '))
        """

    /// Sentences and figure phrases cut from their week's text in Swift, as `eventText` cuts a
    /// sentence in SQL, each week's text read once: in SQL the whole text is read
    /// again for every row, which grows with the square of a week's size (a 4 MB file of repeated
    /// sentences: 20 s to tally). Rows must come week by week.
    struct TextCutter {
        private let body: Statement
        private var current: (week: Int64, bytes: [UInt8])? = nil

        init(_ db: Database) throws { body = try db.cachedStatement(sql: "SELECT CAST(body AS BLOB) FROM week WHERE id = ?") }

        /// An event's sentence: its own copy, else its span of the week's text, line ends as spaces.
        mutating func sentence(week: Int64, own: String?, start: Int?, length: Int?) throws -> [UInt8] {
            if let own { return Array(own.utf8) }
            if current?.week != week { current = (week, Array(try Data.fetchOne(body, arguments: [week]) ?? Data())) }
            return Store.span(of: current!.bytes, own: nil, start: start, length: length, lineEnds: true)
        }

        /// A figure's phrase: its own copy, else its span of its sentence.
        static func phrase(in sentence: [UInt8], own: String?, start: Int?, length: Int?) -> String {
            String(decoding: Store.span(of: sentence, own: own, start: start, length: length, lineEnds: false), as: UTF8.self)
        }
    }

    /// What `eventText` gives (and a phrase's span of its sentence), in Swift: `own` when the row keeps its own copy,
    /// else the bytes `start ..< start + length` of `text` (its line ends read as spaces when
    /// `lineEnds`, as for a sentence cut from its week's text).
    static func span(of text: [UInt8], own: String?, start: Int?, length: Int?, lineEnds: Bool) -> [UInt8] {
        if let own { return Array(own.utf8) }
        guard let start, let length, start >= 0, length >= 0, start < text.count else { return [] }
        var bytes = Array(text[start..<min(text.count, start + length)])
        if lineEnds { for i in bytes.indices where bytes[i] == 0x0A { bytes[i] = 0x20 } }
        return bytes
    }

    /// Whether event `e` is one of week `w`'s: a week's events have consecutive ids, from `first_event`.
    static let eventOfWeek = "e.id BETWEEN w.first_event AND w.first_event + w.event_count - 1"

    /// The first and last event ids of a stored week.
    static func eventIDs(_ db: Database, week id: Int64) throws -> ClosedRange<Int64>? {
        guard let r = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT first_event, event_count FROM week WHERE id = ?"), arguments: [id]),
            let count: Int64 = r[1], count > 0, let first: Int64 = r[0]
        else { return nil }
        return first...(first + count - 1)
    }

    // MARK: Weeks

    /// How many weeks are stored.
    /// Whether no week is stored.
    public func isEmpty() throws -> Bool {
        try read { db in try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM week)") ?? false) }
    }

    public func weekCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM week INDEXED BY week_hash") ?? 0 }
    }

    /// All weeks, newest first (French before English for the same range).
    public func weeks() throws -> [WeekInfo] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT first_day, last_day, language, title, event_count, source, sample
                    FROM week ORDER BY first_day DESC, last_day DESC, language DESC
                    """
            ).map(Store.weekInfo)
        }
    }

    static func weekInfo(_ r: Row) -> WeekInfo {
        WeekInfo(
            range: DayRange(first: r["first_day"], last: r["last_day"]),
            language: Language(rawValue: r["language"]) ?? .fr, title: r["title"], eventCount: r["event_count"],
            source: r["source"], sample: r["sample"])
    }

    /// The stored week a reference names, in `language` or French when present, else English.
    public func week(_ ref: WeekRef, language: Language? = nil) throws -> (id: Int64, info: WeekInfo) {
        let found: (Int64, WeekInfo)? = try read { db in
            let cols = "id, first_day, last_day, language, title, event_count, source, sample"
            let order = "ORDER BY (language = 'fr') DESC"
            let langClause = language == nil ? "" : " AND language = '\(language!.rawValue)'"
            let row: Row?
            switch ref {
            case .latest:
                // The newest first day from the (first_day, last_day, language) index, then its
                // rows: sorting the whole table would read every stored text (0.3 s at 100,000 weeks).
                row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT \(cols) FROM week
                        WHERE first_day = (SELECT max(first_day) FROM week WHERE 1\(langClause))\(langClause)
                        ORDER BY (language = 'fr') DESC LIMIT 1
                        """)
            case .range(let r):
                row = try Row.fetchOne(
                    db, sql: "SELECT \(cols) FROM week WHERE first_day = ? AND last_day = ?\(langClause) \(order) LIMIT 1",
                    arguments: [r.first, r.last])
            case .day(let d):
                // The summary whose Monday–Sunday calendar week holds the day: its range starts within
                // the same calendar week (or covers the day).
                let monday = CalendarDay(invasionDay: d)
                let mondayDay = monday.adding(days: -monday.weekday).invasionDay
                row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT \(cols) FROM week
                        WHERE ((first_day <= ? AND last_day >= ?) OR (first_day BETWEEN ? AND ?))\(langClause)
                        ORDER BY (first_day <= ? AND last_day >= ?) DESC, (last_day - first_day) DESC, \
                        (language = 'fr') DESC LIMIT 1
                        """, arguments: [d, d, mondayDay, mondayDay + 6, d, d])
            }
            return row.map { ($0["id"], Store.weekInfo($0)) }
        }
        guard let found else { throw StoreError.weekNotFound(ref, language) }
        return found
    }

    /// The events of a stored week, in text order.
    public func events(ofWeek id: Int64) throws -> [Event] {
        try read { db in
            var cutter = try TextCutter(db)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT e.paragraph, e.idx, e.text, e.start, e.length, e.heading, e.part_of_week, e.date, e.places,
                        e.place_ids
                    FROM week w JOIN event e ON \(Store.eventOfWeek) WHERE w.id = ? ORDER BY e.id
                    """, arguments: [id]
            ).map { r in
                Store.event(r, text: String(decoding: try cutter.sentence(week: id, own: r["text"], start: r["start"], length: r["length"]), as: UTF8.self))
            }
        }
    }

    /// An event from its row; `text` when its sentence was cut in Swift, else the row's `text`.
    static func event(_ r: Row, text: String? = nil) -> Event {
        let places: String = r["places"]
        let ids: String = r["place_ids"]
        return Event(
            paragraph: r["paragraph"], index: r["idx"], text: text ?? r["text"], heading: r["heading"],
            placeIDs: ids.isEmpty ? [] : ids.split(separator: " ").map(String.init),
            places: places.isEmpty ? [] : places.components(separatedBy: "; "),
            partOfWeek: (r["part_of_week"] as String?).flatMap(PartOfWeek.init(rawValue:)),
            date: (r["date"] as String?).flatMap(CalendarDay.init(iso:)))
    }

    /// Removes a week (one language, or every language of the range); returns how many were removed.
    @discardableResult
    public func remove(_ ref: WeekRef, language: Language?) throws -> [WeekInfo] {
        var removed: [WeekInfo] = []
        let first = try week(ref, language: language)
        let targets: [Int64]
        if language == nil {
            targets = try read { db in
                try Int64.fetchAll(
                    db, sql: "SELECT id FROM week WHERE first_day = ? AND last_day = ?",
                    arguments: [first.info.range.first, first.info.range.last])
            }
        } else {
            targets = [first.id]
        }
        try write { db in
            for id in targets {
                if let row = try Row.fetchOne(
                    db, sql: "SELECT first_day, last_day, language, title, event_count, source, sample FROM week WHERE id = ?",
                    arguments: [id])
                {
                    removed.append(Store.weekInfo(row))
                }
                try Store.deleteWeek(db, id: id)
            }
        }
        releaseFreePages()
        return removed
    }

    /// Removes a week with its events (taking their words out of the index), figures and places.
    static func deleteWeek(_ db: Database, id: Int64) throws {
        if let events = try eventIDs(db, week: id) {
            let bounds: StatementArguments = [events.lowerBound, events.upperBound]
            // Each place of each event, by the (place, event) key.
            let places = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT id, place_ids FROM event WHERE id BETWEEN ? AND ? AND place_ids != ''"),
                arguments: bounds)
            let deletePlace = try db.cachedStatement(sql: "DELETE FROM event_place WHERE place_id = ? AND event_id = ?")
            for r in places {
                let event: Int64 = r[0]
                for place in (r[1] as String).split(separator: " ") {
                    try deletePlace.execute(arguments: [String(place), event])
                }
            }
            try db.cachedStatement(sql: "DELETE FROM figure WHERE event_id BETWEEN ? AND ?").execute(arguments: bounds)
            try db.cachedStatement(sql: "DELETE FROM event WHERE id BETWEEN ? AND ?").execute(arguments: bounds)
        }
        try db.cachedStatement(sql: "DELETE FROM week WHERE id = ?").execute(arguments: [id])
    }

    // MARK: Tallies

    /// Every week's drone tally, newest first; one language, or all. Tallies are computed from the
    /// stored figures, so they always follow the current tally rules.
    public func tallies(language: Language? = nil) throws -> [TallyRow] {
        try tallies(language: language, range: nil, texts: true)
    }

    /// Tallies of one language, or all; of one range, or all. Without `texts` the figures carry no
    /// sentence (the list of every week needs only the numbers, and reads several times faster).
    func tallies(language: Language?, range: DayRange?, texts: Bool) throws -> [TallyRow] {
        try read { db in
            var clauses: [String] = []
            var args: [any DatabaseValueConvertible] = []
            if let language {
                clauses.append("w.language = ?")
                args.append(language.rawValue)
            }
            if let range {
                clauses.append("w.first_day = ? AND w.last_day = ?")
                args += [range.first, range.last]
            }
            let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
            let figures = try Store.figuresByWeek(db, whereClause, StatementArguments(args), texts: texts)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT w.id, w.first_day, w.last_day, w.language FROM week w\(whereClause)
                    ORDER BY w.first_day DESC, w.last_day DESC, w.language DESC
                    """,
                arguments: StatementArguments(args)
            ).map { r in
                TallyRow(
                    range: DayRange(first: r[1], last: r[2]),
                    language: Language(rawValue: r[3]) ?? .fr,
                    tally: TallyBuilder.tally(figures[r[0]] ?? []))
            }
        }
    }

    /// The figures of the weeks `whereClause` (on week `w`) selects, with their sentences when
    /// `texts`, by week id, in text order.
    static func figuresByWeek(
        _ db: Database, _ whereClause: String, _ arguments: StatementArguments, texts: Bool
    ) throws -> [Int64: [SourcedFigure]] {
        var figures: [Int64: [SourcedFigure]] = [:]
        var cutter = try TextCutter(db)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT w.id, f.value, f.qualifier, f.role, f.weapon, f.phrase, f.start, f.length, f.whole_week,
                       f.occasion, e.paragraph, e.idx, e.text, e.start, e.length, e.heading, e.part_of_week, e.date
                FROM week w JOIN event e ON \(Store.eventOfWeek) JOIN figure f ON f.event_id = e.id\(whereClause)
                ORDER BY w.id, f.event_id, f.n
                """, arguments: arguments)
        while let r = try rows.next() {
            let weekID: Int64 = r[0]
            let sentence = try cutter.sentence(week: weekID, own: r[12], start: r[13], length: r[14])
            let figure = DroneFigure(
                value: r[1], qualifier: Qualifier(rawValue: r[2]) ?? .exact,
                role: FigureRole(rawValue: r[3]) ?? .other, weapon: r[4],
                phrase: TextCutter.phrase(in: sentence, own: r[5], start: r[6], length: r[7]),
                wholeWeek: r[8], occasion: r[9])
            figures[weekID, default: []].append(
                SourcedFigure(
                    figure: figure, paragraph: r[10], index: r[11], text: texts ? String(decoding: sentence, as: UTF8.self) : "",
                    heading: r[15], partOfWeek: r[16], date: r[17]))
        }
        return figures
    }

    // MARK: Integrity

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    /// A value of the `meta` table.
    func meta(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    func setMeta(_ db: Database, _ key: String, _ value: String) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
    }
}
