import ArgumentParser
import BilanCore
import BilanStore
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file.", valueName: "path"))
    var db: String?

    var location: DatabaseLocation { DatabaseLocation(db: db) }

    func validate() throws {
        if let problem = DatabaseLocation.problem(db: db) { throw ValidationError(problem) }
    }

    var database: (path: String, named: Bool) { location.database }

    /// For a one-shot command (`mapped`: see `DatabaseLocation.openForReading`).
    func openForReading(mapped: Bool = true, quietly: Bool = false) throws -> Store {
        try location.openForReading(mapped: mapped, quietly: quietly)
    }

    func openReadOnly(mapped: Bool = true) throws -> Store { try location.openReadOnly(mapped: mapped) }

    func openForWriting() throws -> Store {
        try Store(path: database.path)
    }
}

/// Where the database is, from --db (nil when not given) and the environment.
struct DatabaseLocation {
    var db: String?

    /// --db, else $BILAN_DB, else $XDG_DATA_HOME/bilan/bilan.sqlite, else ~/.local/share/bilan/bilan.sqlite;
    /// `named` when the reader chose it (--db or $BILAN_DB) rather than the default location.
    /// (An empty --db or $BILAN_DB never gets here: see `problem`.)
    var database: (path: String, named: Bool) {
        if let db, !db.isEmpty { return (db, true) }
        let env = ProcessInfo.processInfo.environment
        if let p = env["BILAN_DB"], !p.isEmpty { return (p, true) }
        let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (home + "/.local/share")
        return (data + "/bilan/bilan.sqlite", false)
    }

    /// Why the database cannot be chosen from `db` and the environment, or nil. An empty --db or
    /// $BILAN_DB is refused rather than read as "the default": a script whose variable is unset
    /// (`--db "$ARCHIVE"`) must not import into, or remove from, the reader's own archive.
    static func problem(db: String?) -> String? {
        if let db {
            return db.isEmpty ? "--db is empty: give the database file's path, or leave --db out for the default" : nil
        }
        if ProcessInfo.processInfo.environment["BILAN_DB"] == "" {
            return "BILAN_DB is set but empty: give the database file's path, or unset it for the default"
        }
        return nil
    }

    /// Opens the database for a reading command, with the bundled sample when it holds no week;
    /// `mapped` (a one-shot command, not the browser) reads the file through a memory map.
    /// A database named with --db or $BILAN_DB that does not exist is made, with the sample; a
    /// one-shot command says so on stderr, so a mistyped path does not silently become an archive
    /// holding the sample (not the browser, `quietly`: its screen would hide the line at once).
    func openForReading(mapped: Bool, quietly: Bool = false) throws -> Store {
        // A remote reader's command never creates or fills the archive.
        if Output.restricted { return try openReadOnly(mapped: mapped) }
        let (path, named) = database
        if named, !quietly, !FileManager.default.fileExists(atPath: path) {
            let store = try Store.openForReading(path: path, memoryFallback: false, mapped: mapped, parser: SummaryParser())
            Output.error("there was no database at \(path): made it, with the bundled sample")
            return store
        }
        return try Store.openForReading(path: path, memoryFallback: !named, mapped: mapped, parser: SummaryParser())
    }

    /// Opens the database without ever writing to it; an absent or empty one shows the bundled
    /// sample from memory.
    func openReadOnly(mapped: Bool) throws -> Store {
        let path = database.path
        if FileManager.default.fileExists(atPath: path) {
            let store = try Store(path: path, readOnly: true, mapped: mapped)
            if try !store.isEmpty() { return store }
        }
        let memory = try Store()
        try memory.loadSampleIfEmpty(parser: SummaryParser())
        return memory
    }
}

/// `--json` for reading commands.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (snake_case fields, null when unknown).")
    var json = false
}

/// `--lang fr|en`.
extension Language: ExpressibleByArgument {}
