import ArgumentParser
import BilanCore
import BilanStore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find events (sentences) by words, front, week and language.",
        discussion: """
            Words are ANDed; OR (upper case) between words binds looser; "quoted phrases"; -word excludes; \
            accents and case are ignored; a word of 4 or more letters also matches as a prefix (drone finds \
            drones); a place name also matches its other spellings (Kursk finds Koursk).
            --front takes any name or spelling of a place and matches events that name it or a place \
            inside it (Donetsk Oblast → Selydove, Chasiv Yar…); repeated --front options are ORed.
            Results come best first (bm25; a word found in more than 400 sentences, after --lang, --week \
            and --front, is ranked among its 400 most recently imported matches), or newest first with \
            --sort date. No result is not an error.

            Examples:
              bilan search drones -capitale
              bilan search "région de Koursk" --lang fr --json
              bilan search --front "Chasiv Yar" --front Toretsk --sort date
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(parsing: .allUnrecognized, help: "Words to look for (optional with --front); -word excludes.")
    var query: [String] = []
    @Option(name: .long, help: ArgumentHelp("A place or region; repeatable.", valueName: "name")) var front: [String] = []
    @Option(name: .long, help: ArgumentHelp("Only this week.", valueName: "week")) var week: String?
    @Option(name: .long, help: "fr or en.") var lang: Language?
    // A negative value is read as a value (and refused by `validate`), not as an unknown option.
    @Option(name: .long, parsing: .unconditional, help: "At most this many results.") var limit = 50
    @Option(name: .long, help: "rank (best first) or date (newest first).") var sort: SearchRequest.Sort = .rank
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let week, WeekRef(week) == nil {
            throw ValidationError("--week " + WeekRef.notAWeek(Output.safe(week)))
        }
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
    }

    var parameters: SearchParameters {
        SearchParameters(
            db: global.db, query: query, front: front, week: week, lang: lang, limit: limit, sort: sort, json: output.json)
    }

    func run() throws { try parameters.run() }
}

/// A search, as plain values: what `SearchCommand` parses, and what `SearchParameters.fastParse`
/// reads without swift-argument-parser.
struct SearchParameters: Equatable {
    var db: String?
    var query: [String] = []
    var front: [String] = []
    var week: String?
    var lang: Language?
    var limit = 50
    var sort: SearchRequest.Sort = .rank
    var json = false

    func run() throws {
        try Output.run {
            let store = try DatabaseLocation(db: db).openForReading(mapped: true)
            var places: [Place] = []
            for name in front { places += try store.places(named: name) }
            let request = SearchRequest(
                query: SearchQuery(query.joined(separator: " ")), fronts: places, week: week.flatMap(WeekRef.init),
                language: lang, limit: limit, sort: sort)
            let hits = try store.search(request)
            // Words in capitals that other search tools read as operators are words here.
            if hits.isEmpty {
                let words = query.flatMap { $0.split(separator: " ") }
                for op in ["AND", "NOT"] where words.contains(Substring(op)) {
                    Output.error(
                        op == "AND"
                            ? "“AND” is searched as a word: every word given must be in the sentence already"
                            : "“NOT” is searched as a word: put a dash before a word to leave it out (-word)")
                }
            }
            if json {
                print(Contract.search(hits).render())
                return
            }
            for h in hits {
                let when = h.event.date?.iso ?? h.event.partOfWeek?.rawValue ?? ""
                let loc = "\(h.range.id) \(h.language.rawValue) ¶\(h.event.paragraph + 1).\(h.event.index + 1)"
                print(Output.safe("\(loc)  \(when.isEmpty ? "" : "(\(when)) ")\(h.snippet)"))
            }
        }
    }

    /// The arguments after `search`, read directly when they are words and well-formed options,
    /// since swift-argument-parser's reflection costs about 6 ms of a 25 ms search; nil for anything
    /// else (help, a bad or unknown option, a missing value, an invalid week or limit), which the
    /// full parser then reads and reports. A test checks that both readings agree.
    static func fastParse(_ args: [String]) -> SearchParameters? {
        var p = SearchParameters()
        var i = 0
        while i < args.count {
            let arg = args[i]
            i += 1
            guard arg.hasPrefix("-") else {
                p.query.append(arg)
                continue
            }
            if arg == "--json" {
                p.json = true
                continue
            }
            if !arg.hasPrefix("--") {
                // `-word` excludes a word; anything else with one dash (-h, -5, -) is left to the parser.
                guard arg.count > 2, arg.dropFirst().allSatisfy(\.isLetter) else { return nil }
                p.query.append(arg)
                continue
            }
            let name: Substring
            let value: String
            if let eq = arg.firstIndex(of: "=") {
                name = arg[..<eq]
                value = String(arg[arg.index(after: eq)...])
            } else {
                guard i < args.count, !args[i].hasPrefix("-") else { return nil }
                name = Substring(arg)
                value = args[i]
                i += 1
            }
            switch name {
            case "--db": p.db = value
            case "--front": p.front.append(value)
            case "--week":
                guard WeekRef(value) != nil else { return nil }
                p.week = value
            case "--lang":
                guard let l = Language(rawValue: value) else { return nil }
                p.lang = l
            case "--limit":
                guard let n = Int(value), n >= 0 else { return nil }
                p.limit = n
            case "--sort":
                guard let s = SearchRequest.Sort(rawValue: value) else { return nil }
                p.sort = s
            default: return nil
            }
        }
        // The full parser says what is wrong with the database's path.
        guard DatabaseLocation.problem(db: p.db) == nil else { return nil }
        return p
    }
}

extension SearchRequest.Sort: ExpressibleByArgument {}
