/// One parsed summary: a week (or a day) in one language.
public struct Week: Sendable, Hashable, Codable {
    public var range: DayRange
    public var language: Language
    public var title: String
    public var events: [Event]
    /// The text as stored (normalised), from which the week can be parsed again.
    public var text: String

    public init(range: DayRange, language: Language, title: String, events: [Event], text: String) {
        self.range = range
        self.language = language
        self.title = title
        self.events = events
        self.text = text
    }

    public var paragraphCount: Int { (events.map(\.paragraph).max() ?? -1) + 1 }

    /// The week's drone tally, built from every figure of its events.
    public var tally: WeekTally {
        TallyBuilder.tally(
            events.flatMap { e in
                e.figures.map {
                    SourcedFigure(
                        figure: $0, paragraph: e.paragraph, index: e.index, text: e.text, heading: e.heading,
                        partOfWeek: e.partOfWeek?.rawValue, date: e.date?.iso)
                }
            })
    }
}
