import ArgumentParser
import BilanCore
import BilanStore
import BilanTUI
import BilanTerminal
import Foundation

struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Browse the weeks in the terminal (what `bilan` alone does).",
        discussion: """
            Weeks, the reader, events by front, search as you type and drone tallies. Press ? in the \
            browser for the keys. Over a terminal that is not UTF-8 (LANG=C) the text is shown in ASCII; \
            NO_COLOR turns colours off.
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "Never write to the database (the sample is shown from memory when it is empty).")
    var readOnly = false
    @Flag(name: .long, help: "Draw with ASCII only (automatic when the locale is not UTF-8).")
    var ascii = false

    func run() throws {
        guard CursesTerminal.isTerminal() else {
            Output.error(
                "the browser needs a terminal; in scripts use `bilan weeks`, `bilan show WEEK`, `bilan search QUERY` or `bilan tally` (each with --json).")
            throw ExitCode(2)
        }
        let path = global.database.path
        if !readOnly && !FileManager.default.fileExists(atPath: path) {
            // Creating the database (place tables, the sample parsed) takes a second or two.
            Output.stderr("bilan: preparing \(path) with the bundled sample…")
        }
        var store: Store?
        try Output.run { store = try readOnly ? global.openReadOnly() : global.openForReading() }
        guard let store else { throw ExitCode(1) }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(asciiRequested: ascii)
        } catch {
            Output.error("\(error)")
            throw ExitCode(1)
        }
        let code = Browser(library: store, terminal: terminal).run()
        terminal.close()
        if code != 0 { throw ExitCode(code) }
    }
}
