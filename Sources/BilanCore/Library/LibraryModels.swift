/// A stored week as the weeks list shows it.
public struct WeekInfo: Sendable, Hashable {
    public var range: DayRange
    public var language: Language
    public var title: String
    public var eventCount: Int
    public var source: String?
    public var sample: Bool

    public init(range: DayRange, language: Language, title: String, eventCount: Int, source: String?, sample: Bool) {
        self.range = range
        self.language = language
        self.title = title
        self.eventCount = eventCount
        self.source = source
        self.sample = sample
    }
}

/// One search result: an event and where it stands.
public struct SearchHit: Sendable, Hashable {
    public var range: DayRange
    public var language: Language
    public var event: Event
    /// The sentence with the matches marked `[` `]`.
    public var snippet: String

    public init(range: DayRange, language: Language, event: Event, snippet: String) {
        self.range = range
        self.language = language
        self.event = event
        self.snippet = snippet
    }
}

/// A place with how often the stored weeks mention it.
public struct PlaceMentions: Sendable, Hashable {
    public var place: Place
    public var mentions: Int
    /// The canonical name of the enclosing region.
    public var parentName: String?

    public init(place: Place, mentions: Int, parentName: String?) {
        self.place = place
        self.mentions = mentions
        self.parentName = parentName
    }
}

/// A week's tally with the week it belongs to.
public struct TallyRow: Sendable, Hashable {
    public var range: DayRange
    public var language: Language
    public var tally: WeekTally

    public init(range: DayRange, language: Language, tally: WeekTally) {
        self.range = range
        self.language = language
        self.tally = tally
    }
}
