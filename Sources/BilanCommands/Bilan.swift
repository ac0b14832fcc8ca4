import ArgumentParser
import Foundation
import BilanCore
import BilanStore

/// The `bilan` command tree. The executable `bilan` runs it; `bilan-web` runs `BilanWebTool` below,
/// which shares `import` and adds the web work (HTML pages, fetching) that `bilan` itself does not
/// link (libxml2 and FoundationNetworking cost milliseconds on every start).
public struct Bilan: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "bilan",
        abstract: "Read the Ukraine Crisis Media Center's weekly war summaries in a terminal.",
        discussion: """
            Weeks are imported from text files or saved web pages (French "Bilan de la semaine. Jours \
            971-975 de résistance" or English "Weekly roundup … Days 971-975"), or fetched from the \
            publisher (`bilan fetch`); places, times of the week and drone figures are read from every \
            sentence. With no summaries imported, the bundled sample week is shown.

            `bilan` alone opens the browser (`bilan browse`); the other commands are for scripts.

            Database: --db PATH, else $BILAN_DB, else $XDG_DATA_HOME/bilan/bilan.sqlite \
            (~/.local/share/bilan/bilan.sqlite).

            WEEK is a range (971-975), a day inside it (973), a date (2024-10-23) or `latest`.
            """,
        version: version,
        subcommands: [
            BrowseCommand.self, ImportCommand.self, FetchCommand.self, WeeksCommand.self, ShowCommand.self,
            SearchCommand.self, FrontsCommand.self, TallyCommand.self, RemoveCommand.self, ReindexCommand.self,
            ServeCommand.self, SSHEntryCommand.self,
        ],
        defaultSubcommand: BrowseCommand.self
    )

    public init() {}

    /// Runs the command line. `bilan search` with plain words and options skips the reflection
    /// swift-argument-parser needs (scripts run it in loops); everything else, help and errors
    /// included, goes through the full parser.
    public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        if arguments.first == "search", let parameters = SearchParameters.fastParse(Array(arguments.dropFirst())) {
            do {
                try parameters.run()
                Self.exit()
            } catch {
                Self.exit(withError: error)
            }
        }
        if let word = arguments.first, let message = unknownCommand(word) {
            Output.stderr("Error: \(message)")
            Foundation.exit(64)
        }
        Self.main(arguments)
        Self.exit()
    }

    /// A first argument that is neither an option nor a command: the browser takes no words, so
    /// it is a mistyped command (`bilan serach drones`), said as such with the nearest command.
    static func unknownCommand(_ word: String) -> String? {
        guard !word.hasPrefix("-"), word != "help" else { return nil }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        guard !names.contains(word) else { return nil }
        let near = names.filter { name in
            name.hasPrefix(word) || EditDistance.distance(Array(word.unicodeScalars), Array(name.unicodeScalars), limit: 2) != nil
        }
        let hint = near.isEmpty ? "" : "; did you mean \(near.map { "“\($0)”" }.joined(separator: " or "))?"
        return "“\(Output.safe(word))” is not a bilan command\(hint) (`bilan --help` lists them)"
    }
}

/// `bilan-web`: the commands that read HTML or use the network. `bilan import` hands over to it when
/// it meets a saved page, and `bilan fetch` always does; it can also be run by itself.
public struct BilanWebTool: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bilan-web",
        abstract: "bilan's web half: import saved pages and fetch weeks from the publisher.",
        discussion: """
            `bilan import` and `bilan fetch` run this program (installed next to bilan) when they need \
            the HTML parser or the network, so that every other bilan command starts without them.
            """,
        version: Bilan.version,
        subcommands: [ImportCommand.self, FetchCommand.self]
    )

    public init() {}
}
