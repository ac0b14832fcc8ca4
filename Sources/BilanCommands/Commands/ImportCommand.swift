import ArgumentParser
import BilanCore
import BilanStore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add or update summaries from files or folders.",
        discussion: """
            Folders are read recursively for .txt and .md files and for saved web pages (.html, .htm: the \
            article's title and text are taken from the page, by bilan-web); dotfiles are left out and other \
            files listed as skipped. A week is keyed by its day range and language: a different file for the \
            same week replaces it and says so; a file imported before is "unchanged"; of several files of one \
            import that hold the same week, the last is kept and the others are skipped. Each file is stored \
            whole or not at all (a transaction per batch of 256 files; when a file cannot be stored, the batch \
            is stored again file by file and that file alone is lost), and reported once it is committed. \
            Prints one line per file; exits 1 when any file was rejected (the others are still imported).
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "Print the report as JSON.") var json = false
    @Argument(help: ArgumentHelp("Files or folders to import.", valueName: "path")) var paths: [String]

    func run() throws {
        let hooks = WebHooks.installed
        if hooks == nil && Importer.holdsPages(paths) {
            // Saved pages need the HTML parser, which lives in bilan-web so that bilan starts without it.
            if Sibling.path("bilan-web") != nil { try Sibling.exec("bilan-web", Sibling.sameArguments) }
            Output.error("saved web pages (.html) need bilan-web, installed next to bilan; they are skipped")
        }
        try Output.run {
            let preload = ParserPreload()
            let store = try global.openForWriting()
            let importer = Importer(store: store, preload: preload, pageExtractor: hooks?.extractPage)
            var counts: [Importer.Report.Status: Int] = [:]
            var reports: [JSON] = []
            try importer.run(paths) { r in
                counts[r.status, default: 0] += 1
                if json {
                    reports.append(
                        .object([
                            ("path", .string(r.path)), ("status", .string(r.status.rawValue)),
                            ("week", .str(r.week?.range.id)), ("language", .str(r.week?.language.rawValue)),
                            ("events", .num(r.week?.eventCount)), ("detail", .str(r.detail)),
                        ]))
                    return
                }
                let w = r.week.map { "\($0.range.id) \($0.language.rawValue)" } ?? ""
                switch r.status {
                case .added: print(Output.safe("added      \(w)  \(r.path) (\(Output.count(r.week!.eventCount, "event")))"))
                case .updated:
                    print(Output.safe("updated    \(w)  \(r.path) (replaces \(r.detail ?? "an earlier version"))"))
                case .unchanged: print(Output.safe("unchanged  \(w)  \(r.path)"))
                case .skipped: print(Output.safe("skipped    \(r.path) (\(r.detail ?? ""))"))
                case .rejected: Output.stderr("rejected   \(r.detail ?? r.path)")
                }
                fflush(nil)
            }
            if json {
                print(JSON.array(reports).render())
            } else {
                let order: [Importer.Report.Status] = [.added, .updated, .unchanged, .rejected, .skipped]
                print(order.map { "\(counts[$0, default: 0]) \($0.rawValue)" }.joined(separator: ", "))
            }
            if counts[.rejected, default: 0] > 0 { throw ExitCode(1) }
        }
    }
}
