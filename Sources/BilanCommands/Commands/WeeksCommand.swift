import ArgumentParser
import BilanCore
import BilanStore

struct WeeksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weeks", abstract: "List the stored weeks, newest first.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try Output.run {
            let weeks = try global.openForReading().weeks()
            if output.json {
                print(Contract.weeks(weeks).render())
                return
            }
            if weeks.isEmpty {
                print("No weeks stored; `bilan import PATH` adds summaries.")
                return
            }
            let rows = weeks.map { w in
                [w.range.id, w.language.rawValue, Labels.dates(w.range), Output.count(w.eventCount, "event"), w.sample ? "sample" : "",
                 Output.safe(w.title)]
            }
            print(Output.table(rows))
        }
    }
}
