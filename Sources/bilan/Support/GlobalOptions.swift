import ArgumentParser
import BilanCore
import BilanStore
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file.", valueName: "path"))
    var db: String?

    /// --db, else $BILAN_DB, else $XDG_DATA_HOME/bilan/bilan.sqlite, else ~/.local/share/bilan/bilan.sqlite.
    var databasePath: String {
        if let db, !db.isEmpty { return db }
        let env = ProcessInfo.processInfo.environment
        if let p = env["BILAN_DB"], !p.isEmpty { return p }
        let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/share")
        return data + "/bilan/bilan.sqlite"
    }

    /// Opens the database for a reading command, with the bundled sample when it holds no week.
    func openForReading() throws -> Store {
        let env = ProcessInfo.processInfo.environment["BILAN_DB"] ?? ""
        let named = !(db ?? "").isEmpty || !env.isEmpty
        return try Store.openForReading(path: databasePath, memoryFallback: !named, parser: SummaryParser())
    }

    func openForWriting() throws -> Store {
        try Store(path: databasePath)
    }
}

/// `--json` for reading commands.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (snake_case fields, null when unknown).")
    var json = false
}

/// `--lang fr|en`.
extension Language: ExpressibleByArgument {}
