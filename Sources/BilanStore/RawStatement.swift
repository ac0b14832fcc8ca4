import GRDB
import GRDBSQLite

/// A prepared statement driven through SQLite's C API for the import's hot inserts: binding values
/// directly spares the boxing of `StatementArguments`, which cost more than SQLite itself there.
struct RawStatement {
    private let handle: SQLiteStatement
    private let connection: SQLiteConnection
    private let sql: String

    init(_ db: Database, _ sql: String) throws {
        handle = try db.cachedStatement(sql: sql).sqliteStatement
        connection = db.sqliteConnection!
        self.sql = sql
    }

    /// SQLite copies the text at bind time (SQLITE_TRANSIENT).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ i: Int32, _ v: Int) { sqlite3_bind_int64(handle, i, Int64(v)) }
    func bind(_ i: Int32, _ v: Int64) { sqlite3_bind_int64(handle, i, v) }
    func bind(_ i: Int32, _ v: Bool) { sqlite3_bind_int64(handle, i, v ? 1 : 0) }
    func bind(_ i: Int32, _ v: Int?) {
        if let v { sqlite3_bind_int64(handle, i, Int64(v)) } else { sqlite3_bind_null(handle, i) }
    }
    func bind(_ i: Int32, _ v: Double?) {
        if let v { sqlite3_bind_double(handle, i, v) } else { sqlite3_bind_null(handle, i) }
    }
    func bind(_ i: Int32, _ v: String?) {
        guard let v else {
            sqlite3_bind_null(handle, i)
            return
        }
        var s = v
        s.withUTF8 { buf in
            _ = buf.withMemoryRebound(to: CChar.self) {
                sqlite3_bind_text(handle, i, $0.baseAddress, Int32($0.count), RawStatement.transient)
            }
        }
    }

    /// Runs a query; returns whether it gave a row.
    func hasRow() throws -> Bool {
        let rc = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard rc == SQLITE_ROW || rc == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        return rc == SQLITE_ROW
    }

    /// Runs the statement; returns the new row's id.
    @discardableResult
    func run() throws -> Int64 {
        let rc = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard rc == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        return sqlite3_last_insert_rowid(connection)
    }
}
