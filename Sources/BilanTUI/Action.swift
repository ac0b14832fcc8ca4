import BilanCore

/// What can happen to the browser: a key, a resize, or the result of an effect.
public enum Action: Sendable {
    /// The browser starts: load what the first view needs.
    case start
    case key(Key)
    case resize(width: Int, height: Int)
    case weeksLoaded(generation: Int, [WeekKey])
    case weekDetailsLoaded([DayRange: WeekDetail])
    case eventCountLoaded(generation: Int, Int)
    case eventsLoaded(generation: Int, offset: Int, [SearchHit])
    case readerLoaded(DayRange, Language, ReaderWeek?)
    case talliesLoaded(Language?, [TallyRow], languages: [Language])
    case pickerLoaded([PickerEntry])
    /// A week's figures with their sentences, for the figures view (nil: no longer stored).
    case figuresLoaded(DayRange, Language, TallyRow?)
    /// The debounce delay of a search typed in the prompt has passed.
    case searchDue(generation: Int)
    /// An effect failed; the sentence goes to the status line.
    case failed(String)
    /// A line of the background fetch's report (`R`).
    case fetchLine(String)
    /// The background fetch ended with this exit status (130: interrupted).
    case fetchEnded(Int32)
}

/// Work the reducer asks the runtime to do; results come back as actions.
public enum Effect: Sendable, Hashable {
    case loadWeeks(BrowseFilter, generation: Int)
    case loadWeekDetails([DayRange])
    case countEvents(BrowseFilter, generation: Int)
    case loadEvents(BrowseFilter, generation: Int, offset: Int, limit: Int)
    case loadReader(DayRange, Language)
    /// nil: French when stored, else English.
    case loadTallies(Language?)
    case loadPicker
    case loadFigures(DayRange, Language)
    /// Sends `.searchDue(generation)` after a delay.
    case debounce(generation: Int, milliseconds: Int)
    /// Stops the running query: a newer keystroke made it useless.
    case cancelQueries
    /// Starts fetching the newest weeks in the background (`R`).
    case startFetch
    case redraw
    case suspend
    case quit
}
