/// What the browser needs from an archive: paged, filtered reads. BilanStore implements it over
/// SQLite; tests may implement it in memory.
///
/// Every list is newest first. A filter with no query and no fronts matches everything.
public protocol Library: Sendable {
    /// Every week range the archive holds (matching the filter), newest first, with its languages and,
    /// when the filter is active, how many events match. At most one entry per range.
    func weekKeys(_ filter: BrowseFilter) throws -> [WeekKey]
    /// The short figures the weeks list shows for some ranges: tally (French when present) and the
    /// front places the week mentions most.
    func weekDetails(_ ranges: [DayRange]) throws -> [DayRange: WeekDetail]
    /// How many events match the filter (every language).
    func eventCount(_ filter: BrowseFilter) throws -> Int
    /// A page of matching events, newest week first, then French before English, then text order.
    func events(_ filter: BrowseFilter, offset: Int, limit: Int) throws -> [SearchHit]
    /// One week's whole text for the reader; nil when that week and language are not stored.
    func readerWeek(_ range: DayRange, language: Language) throws -> ReaderWeek?
    /// Every week's tally in one language, newest first. The figures may come without their
    /// sentences (`text` empty): `weekTally` has them.
    func tallies(language: Language) throws -> [TallyRow]
    /// One week's tally with the sentence of every figure; nil when not stored.
    func weekTally(_ range: DayRange, language: Language) throws -> TallyRow?
    /// Languages that have at least one week.
    func languages() throws -> [Language]
    /// Places the weeks mention, fronts first then by mentions, with the folded spellings the front
    /// picker narrows by.
    func pickerEntries() throws -> [PickerEntry]
    /// Stops the query running on another thread, if any (a newer keystroke made it useless).
    func interrupt()
}

/// What the browser filters by: a search query and front places (ORed), both optional.
public struct BrowseFilter: Sendable, Hashable {
    /// The query; nil or empty for none.
    public var query: SearchQuery?
    /// Places picked as fronts: an event matches when it names one of them or a place inside one.
    public var fronts: [Place]

    public init(query: SearchQuery? = nil, fronts: [Place] = []) {
        self.query = query
        self.fronts = fronts
    }

    /// Whether the filter lets every event through.
    public var isEmpty: Bool { (query?.isEmpty ?? true) && fronts.isEmpty }
}

/// One range in the weeks list.
public struct WeekKey: Sendable, Hashable {
    public var range: DayRange
    /// Languages stored for the range, French first.
    public var languages: [Language]
    /// Matching events when a filter is active; nil without a filter.
    public var matches: Int?

    public init(range: DayRange, languages: [Language], matches: Int? = nil) {
        self.range = range
        self.languages = languages
        self.matches = matches
    }
}

/// What the weeks list shows about a range besides its dates.
public struct WeekDetail: Sendable, Hashable {
    /// The tally of the French week when stored, else the English one.
    public var tally: WeekTally
    /// Canonical names of the front places the range mentions, most mentioned first (at most 6).
    public var fronts: [String]

    public init(tally: WeekTally, fronts: [String]) {
        self.tally = tally
        self.fronts = fronts
    }
}

/// A stretch of an event's text the reader highlights.
public struct TextMark: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case place, figure }
    public var kind: Kind
    /// Offsets in the event's text, in Unicode scalars.
    public var start: Int
    public var end: Int

    public init(kind: Kind, start: Int, end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
    }
}

/// A week as the reader shows it.
public struct ReaderWeek: Sendable, Hashable {
    public var info: WeekInfo
    /// Events in text order.
    public var events: [Event]
    /// Per event (same order), the places and drone figures to highlight, sorted, not overlapping.
    public var marks: [[TextMark]]
    /// Languages stored for the same range, French first.
    public var languages: [Language]

    public init(info: WeekInfo, events: [Event], marks: [[TextMark]], languages: [Language]) {
        self.info = info
        self.events = events
        self.marks = marks
        self.languages = languages
    }
}

/// A place in the front picker.
public struct PickerEntry: Sendable, Hashable {
    public var place: Place
    public var mentions: Int
    /// The canonical name of the enclosing region.
    public var parentName: String?
    /// Folded spellings (canonical name and aliases) the picker's typing is matched against.
    public var keys: [String]

    public init(place: Place, mentions: Int, parentName: String?, keys: [String]) {
        self.place = place
        self.mentions = mentions
        self.parentName = parentName
        self.keys = keys
    }
}
