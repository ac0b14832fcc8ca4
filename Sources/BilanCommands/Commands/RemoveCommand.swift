import ArgumentParser
import BilanCore
import BilanStore

struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a week (both languages unless --lang).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The week: 971-975, a day, a date or latest.", valueName: "week")) var week: String
    @Option(name: .long, help: "Only this language: fr or en.") var lang: Language?

    func validate() throws {
        guard WeekRef(week) != nil else { throw ValidationError(WeekRef.notAWeek(Output.safe(week))) }
    }

    func run() throws {
        try Output.run {
            let store = try global.openForWriting()
            // The bundled sample is shown while the database holds no week; it is not stored.
            if try store.isEmpty() {
                Output.error("the database holds no week, so there is nothing to remove (the bundled sample is shown until the first import)")
                throw ExitCode(1)
            }
            for w in try store.remove(WeekRef(week)!, language: lang) {
                print(Output.safe("removed  \(w.range.id) \(w.language.rawValue)  \(w.source ?? "")"))
            }
            if try store.isEmpty() {
                Output.stderr("The database holds no week now: reading commands show the bundled sample until the next import.")
            }
        }
    }
}
