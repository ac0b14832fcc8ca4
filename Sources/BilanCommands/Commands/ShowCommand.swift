import ArgumentParser
import BilanCore
import BilanStore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print one week: its text, places and drone figures.",
        discussion: "Without --lang, French when the week exists in French, else English.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The week: 971-975, a day (973), a date (2024-10-23) or latest.", valueName: "week"))
    var week: String
    @Option(name: .long, help: "fr or en.") var lang: Language?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard WeekRef(week) != nil else {
            throw ValidationError(WeekRef.notAWeek(Output.safe(week)))
        }
    }

    func run() throws {
        try Output.run {
            let store = try global.openForReading()
            let (id, info) = try store.week(WeekRef(week)!, language: lang)
            let events = try store.events(ofWeek: id)
            if output.json {
                print(Contract.show(info, events: events).render())
                return
            }
            let width = min(Output.terminalSize()?.cols ?? 100, 100)
            var out = Output.safe(info.title) + "\n"
            var meta = [info.range.id, info.language.rawValue, Labels.dates(info.range), Output.count(info.eventCount, "event")]
            if info.sample { meta.append("bundled sample") }
            out += meta.joined(separator: " · ") + "\n"
            var paragraph = -1
            var current: [String] = []
            func flush() {
                if !current.isEmpty { out += "\n" + Output.wrap(Output.safe(current.joined(separator: " ")), width: width) + "\n" }
                current = []
            }
            for e in events {
                if e.paragraph != paragraph {
                    flush()
                    paragraph = e.paragraph
                }
                current.append(e.heading ? "## " + e.text : e.text)
            }
            flush()
            var mentions: [String: Int] = [:]
            var order: [String] = []
            for e in events {
                for p in e.places {
                    if mentions[p] == nil { order.append(p) }
                    mentions[p, default: 0] += 1
                }
            }
            if !order.isEmpty {
                out += "\nPlaces: " + order.map { "\($0) (\(mentions[$0]!))" }.joined(separator: ", ") + "\n"
            }
            if let t = try store.tallies(language: info.language).first(where: { $0.range == info.range }) {
                out += "Drones: launched \(Labels.value(t.tally.launched)) · shot down \(Labels.value(t.tally.shotDown))"
                    + " · suppressed \(Labels.value(t.tally.suppressed))\n"
            }
            Output.page(out)
        }
    }
}
