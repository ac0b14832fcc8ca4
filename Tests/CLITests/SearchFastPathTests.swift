import ArgumentParser
import Testing

@testable import BilanCommands

/// `bilan search` reads plain words and options without swift-argument-parser; whatever it reads
/// must be what the full parser reads, and whatever it cannot read must be left to the full parser.
@Suite struct SearchFastPathTests {
    static let accepted: [[String]] = [
        ["drones"],
        ["drones", "--json"],
        ["--json", "drones", "-capitale"],
        ["nord-coréens", "--db", "/tmp/x.sqlite"],
        ["--db=/tmp/x.sqlite", "région", "de", "Koursk", "--lang", "fr"],
        ["--front", "Chasiv Yar", "--front=Toretsk", "--sort", "date"],
        ["--front", "Kursk"],
        ["drones", "--week", "971-975", "--limit", "5"],
        ["drones", "--week=latest", "--limit=0", "--sort=rank", "--lang=en"],
        ["\"région de Koursk\"", "OR", "Selydove"],
        ["a=b", "--week", "2024-10-23"],
        [],
    ]

    static let leftToTheParser: [[String]] = [
        ["--help"], ["-h"], ["drones", "-h"], ["--version"],
        ["drones", "--limit", "-1"], ["drones", "--limit", "many"], ["drones", "--limit"],
        ["drones", "--week", "never"], ["drones", "--lang", "de"], ["drones", "--sort", "size"],
        ["drones", "--json=true"], ["drones", "--unknown"], ["--", "drones"], ["drones", "-"], ["drones", "-5"],
        ["--front", "--json"], ["--db"],
        // An empty path is the full parser's usage error, not the default database.
        ["--db", "", "drones"], ["--db=", "drones"],
    ]

    @Test(arguments: accepted) func readsWhatTheParserReads(_ args: [String]) throws {
        let fast = try #require(SearchParameters.fastParse(args), "the fast path should read \(args)")
        let full = try SearchCommand.parse(args)
        #expect(fast == full.parameters)
    }

    @Test(arguments: leftToTheParser) func leavesTheRestToTheParser(_ args: [String]) {
        #expect(SearchParameters.fastParse(args) == nil)
    }

    /// Words with one dash exclude; the full parser reads them the same way (none is taken for -h).
    @Test func dashWordsAreExclusions() throws {
        for word in ["-capitale", "-hameau", "-drones", "-Koursk"] {
            let fast = try #require(SearchParameters.fastParse(["drones", word]))
            #expect(fast.query == ["drones", word])
            #expect(try SearchCommand.parse(["drones", word]).parameters == fast)
        }
    }
}
