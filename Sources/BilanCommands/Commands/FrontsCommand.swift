import ArgumentParser
import BilanCore
import BilanStore

struct FrontsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fronts", abstract: "List the places the weeks mention, front places first.")

    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "The whole gazetteer, mentioned or not.") var all = false
    @OptionGroup var output: OutputOptions

    func run() throws {
        try Output.run {
            let places = try global.openForReading().fronts(all: all)
            if output.json {
                print(JSON.array(places.map(Contract.front)).render())
                return
            }
            let rows = places.map { p in
                [p.place.front ? "*" : " ", p.place.name, p.place.kind.rawValue, p.parentName ?? "", p.place.country,
                 "\(p.mentions)"]
            }
            print(Output.table([[" ", "place", "kind", "in", "country", "mentions"]] + rows))
        }
    }
}
