import ArgumentParser
import BilanCore
import BilanStore

struct TallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally", abstract: "Drones launched, shot down and suppressed, week by week.",
        discussion: """
            ≥ at least, ~ about, ≤ at most; — when the week reports nothing (never a made-up 0). --json lists \
            the figures each number came from, with their sentences.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "fr or en.") var lang: Language?
    @Flag(name: .long, help: "Print JSON with the source figures.") var json = false
    @Flag(name: .long, help: "Print CSV (RFC 4180).") var csv = false

    func validate() throws {
        if json && csv { throw ValidationError("choose one of --json and --csv") }
    }

    func run() throws {
        try Output.run {
            let rows = try global.openForReading().tallies(language: lang)
            if json {
                print(Contract.tally(rows).render())
            } else if csv {
                print(Contract.tallyCSV(rows), terminator: "")
            } else {
                let table = rows.map { r in
                    [r.range.id, r.language.rawValue, Labels.dates(r.range), Labels.value(r.tally.launched),
                     Labels.value(r.tally.shotDown), Labels.value(r.tally.suppressed)]
                }
                print(Output.table([["week", "lang", "dates", "launched", "shot down", "suppressed"]] + table))
            }
        }
    }
}
