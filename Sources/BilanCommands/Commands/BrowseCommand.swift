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
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(asciiRequested: ascii)
        } catch {
            Output.error("\(error)")
            throw ExitCode(1)
        }
        let path = global.database.path
        if !readOnly && !FileManager.default.fileExists(atPath: path) {
            // Creating the database (place tables, the sample parsed) takes a second or two: say so
            // on the screen, which also keeps early keys from echoing.
            terminal.draw(Renderer.notice(
                ["Preparing the database", path, "with the bundled sample week…"],
                width: terminal.size.width, height: terminal.size.height, ascii: terminal.ascii))
        }
        let store: Store
        do {
            store = try readOnly ? global.openReadOnly(mapped: false) : global.openForReading(mapped: false, quietly: true)
        } catch {
            // The terminal first, so that the sentence lands on the reader's screen, not curses'.
            terminal.close()
            try Output.run { throw error }
            throw ExitCode(1)
        }
        // R fetches into a database this browser may write, never for a remote reader.
        let fm = FileManager.default
        let writable = fm.isWritableFile(atPath: path) && fm.isWritableFile(atPath: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
        let fetcher = readOnly || Output.restricted || !writable ? nil : ProcessFetcher(database: path)
        let missing = fetcher == nil && writable && !readOnly && !Output.restricted
        let code = Browser(
            library: store, terminal: terminal, fetcher: fetcher,
            noFetchReason: missing ? "R needs bilan-web, installed next to bilan (swift build builds it)." : nil
        ).run()
        terminal.close()
        if code != 0 { throw ExitCode(code) }
    }
}
