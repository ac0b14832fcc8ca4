import ArgumentParser
import BilanCore
import BilanStore

struct ReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Parse every stored text again with this version's parser and gazetteer.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Output.run {
            let n = try global.openForWriting().reindex(parser: SummaryParser())
            print("reindexed \(Output.count(n, "week")) (parser version \(SummaryParser.version))")
        }
    }
}
