import ArgumentParser
import BilanCore

@main
struct Bilan: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "bilan",
        abstract: "Read the Ukraine Crisis Media Center's weekly war summaries in a terminal.",
        discussion: """
            Weeks are imported from text files (French "Bilan de la semaine. Jours 971-975 de résistance" or \
            English "Weekly roundup … Days 971-975"); places, times of the week and drone figures are read \
            from every sentence. With no summaries imported, the bundled sample week is shown.

            `bilan` alone opens the browser (`bilan browse`); the other commands are for scripts.

            Database: --db PATH, else $BILAN_DB, else $XDG_DATA_HOME/bilan/bilan.sqlite \
            (~/.local/share/bilan/bilan.sqlite).

            WEEK is a range (971-975), a day inside it (973), a date (2024-10-23) or `latest`.
            """,
        version: version,
        subcommands: [
            BrowseCommand.self, ImportCommand.self, WeeksCommand.self, ShowCommand.self, SearchCommand.self, FrontsCommand.self,
            TallyCommand.self, RemoveCommand.self, ReindexCommand.self, ServeCommand.self, SSHEntryCommand.self,
        ],
        defaultSubcommand: BrowseCommand.self
    )
}
