import CBilanSQLite
import Foundation
import GRDBSQLite

/// `bilan-bench floor ARCHIVE DB [--without-index]`: SQLite's own cost of storing what an import
/// stores, with nothing of bilan around it. The rows of an imported archive are read into memory
/// first; then they are written into a new database with the archive's schema and settings, in the
/// order and the transactions of `bilan import` (256 weeks a transaction; per week its row, then per
/// sentence its row, its full-text entry, its places and its figures), through prepared statements
/// and the C API. No parsing, no lookups: what is left is the floor an import at any speed pays on
/// the one thread that writes the database.
enum FloorBench {
    static func main(_ args: [String]) -> Int32 {
        let positional = args.filter { !$0.hasPrefix("--") }
        guard positional.count == 2 else {
            FileHandle.standardError.write(Data("usage: bilan-bench floor ARCHIVE DB [--without-index]\n".utf8))
            return 2
        }
        do {
            try run(source: positional[0], target: positional[1], index: !args.contains("--without-index"))
            return 0
        } catch {
            FileHandle.standardError.write(Data("bilan-bench floor: \(error)\n".utf8))
            return 1
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// One connection, statements prepared once, every call checked.
    final class Connection {
        let handle: OpaquePointer

        init(_ path: String, readOnly: Bool) throws {
            var db: OpaquePointer?
            let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            guard sqlite3_open_v2(path, &db, flags, nil) == SQLITE_OK, let db else {
                throw Failure(description: "\(path): cannot open")
            }
            handle = db
        }

        deinit { sqlite3_close_v2(handle) }

        func check(_ rc: Int32, _ what: String) throws {
            guard rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW else {
                throw Failure(description: "\(what): \(String(cString: sqlite3_errmsg(handle)))")
            }
        }

        func exec(_ sql: String) throws { try check(sqlite3_exec(handle, sql, nil, nil, nil), sql) }

        func prepare(_ sql: String) throws -> OpaquePointer {
            var s: OpaquePointer?
            try check(sqlite3_prepare_v2(handle, sql, -1, &s, nil), sql)
            return s!
        }

        /// Every row of a query, each value copied out (`sqlite3_value_dup`).
        func rows(_ sql: String) throws -> [[OpaquePointer]] {
            let s = try prepare(sql)
            defer { sqlite3_finalize(s) }
            var out: [[OpaquePointer]] = []
            while sqlite3_step(s) == SQLITE_ROW {
                out.append((0..<sqlite3_column_count(s)).map { sqlite3_value_dup(sqlite3_column_value(s, $0))! })
            }
            return out
        }
    }

    static func run(source: String, target: String, index: Bool) throws {
        bilan_sqlite_without_memory_statistics()
        let src = try Connection(source, readOnly: true)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
        let dst = try Connection(target, readOnly: false)
        // The archive's own page size and vacuum mode, and the connection settings of `Store.init`.
        let pageSize = try src.rows("PRAGMA page_size").first.map { sqlite3_value_int64($0[0]) } ?? 4096
        let vacuum = try src.rows("PRAGMA auto_vacuum").first.map { sqlite3_value_int64($0[0]) } ?? 0
        try dst.exec("PRAGMA page_size = \(pageSize); PRAGMA auto_vacuum = \(vacuum); PRAGMA journal_mode = WAL")
        try dst.exec("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY")
        // The archive's schema, but for the index's own tables (the index makes them).
        for row in try src.rows("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid") {
            let name = String(cString: sqlite3_value_text(row[0]))
            guard !name.hasPrefix("event_ft_"), !name.hasPrefix("sqlite_") else { continue }
            try dst.exec(String(cString: sqlite3_value_text(row[1])))
        }
        // What a new archive holds before its first import: not timed.
        let quoted = source.replacingOccurrences(of: "'", with: "''")
        try dst.exec("ATTACH '\(quoted)' AS src")
        for table in ["meta", "place", "alias", "place_key_filter"] { try dst.exec("INSERT INTO \(table) SELECT * FROM src.\(table)") }
        try dst.exec("DETACH src")

        // Every row, in the order the import writes them (one pass per table, merged by id).
        let weeks = try src.rows("SELECT * FROM week ORDER BY id")
        let events = try src.rows("SELECT * FROM event ORDER BY week_id, id")
        let texts = try src.rows("SELECT id, text, places FROM event_content ORDER BY id")
        let places = try src.rows("SELECT place_id, event_id FROM event_place ORDER BY event_id, place_id")
        let figures = try src.rows("SELECT * FROM figure ORDER BY event_id, n")
        let words = try src.rows("SELECT term FROM word")
        let textBytes = try src.rows("SELECT sum(length(CAST(body AS BLOB))) FROM week").first.map { sqlite3_value_int64($0[0]) } ?? 0
        var textOf: [Int64: [OpaquePointer]] = [:]
        for t in texts { textOf[sqlite3_value_int64(t[0])] = t }

        func insert(_ table: String, _ columns: Int) throws -> OpaquePointer {
            try dst.prepare("INSERT INTO \(table) VALUES (\(Array(repeating: "?", count: columns).joined(separator: ", ")))")
        }
        let insertWeek = try insert("week", weeks.first?.count ?? 1)
        let insertEvent = try insert("event", events.first?.count ?? 1)
        let insertText = try dst.prepare("INSERT INTO event_ft(rowid, text, places) VALUES (?, ?, ?)")
        let insertPlace = try dst.prepare("INSERT OR IGNORE INTO event_place(place_id, event_id) VALUES (?, ?)")
        let insertFigure = try insert("figure", figures.first?.count ?? 1)
        let insertWord = try dst.prepare("INSERT OR IGNORE INTO word(term) VALUES (?)")
        func write(_ s: OpaquePointer, _ values: [OpaquePointer]) throws {
            for (i, v) in values.enumerated() { sqlite3_bind_value(s, Int32(i + 1), v) }
            try dst.check(sqlite3_step(s), "insert")
            sqlite3_reset(s)
        }

        let started = Date()
        var e = 0, p = 0, f = 0
        for (k, week) in weeks.enumerated() {
            if k % 256 == 0 {
                if k > 0 { try dst.exec("COMMIT") }
                try dst.exec("BEGIN")
            }
            try write(insertWeek, week)
            let weekID = sqlite3_value_int64(week[0])
            while e < events.count, sqlite3_value_int64(events[e][1]) == weekID {
                let eventID = sqlite3_value_int64(events[e][0])
                try write(insertEvent, events[e])
                if index, let t = textOf[eventID] { try write(insertText, t) }
                while p < places.count, sqlite3_value_int64(places[p][1]) == eventID {
                    try write(insertPlace, places[p])
                    p += 1
                }
                while f < figures.count, sqlite3_value_int64(figures[f][0]) == eventID {
                    try write(insertFigure, figures[f])
                    f += 1
                }
                e += 1
            }
            // The word list: the import adds each batch's new words; here all of them with the first.
            if k == 0 { for w in words { try write(insertWord, w) } }
        }
        if !weeks.isEmpty { try dst.exec("COMMIT") }
        let seconds = Date().timeIntervalSince(started)
        let mbps = Double(textBytes) / 1e6 / seconds
        let rows = weeks.count + e + (index ? e : 0) + p + f + words.count
        print(
            String(
                format: "SQLite alone stored %d weeks (%d rows%@) in %.2f s: %.0f µs per week, %.1f MB/s of text",
                weeks.count, rows, index ? "" : ", no full-text index", seconds,
                seconds / Double(max(weeks.count, 1)) * 1e6, mbps))
        Record.value(
            "import", index ? "SQLite alone, storing the same rows (MB/s)" : "SQLite alone, without the full-text index (MB/s)",
            size: weeks.count, mbps, unit: "MB/s", note: String(format: "%.0f µs per week", seconds / Double(max(weeks.count, 1)) * 1e6))
        for s in [insertWeek, insertEvent, insertText, insertPlace, insertFigure, insertWord] { sqlite3_finalize(s) }
        for r in [weeks, events, texts, places, figures, words] { for row in r { for v in row { sqlite3_value_free(v) } } }
    }
}
