import Foundation
import BilanCore

/// The views of the browser.
public enum ViewKind: String, Sendable, Hashable, CaseIterable {
    case weeks, events, tallies, reader, figures, help

    var title: String {
        switch self {
        case .weeks: "Weeks"
        case .events: "Events"
        case .tallies: "Tallies"
        case .reader: "Reader"
        case .figures: "Figures"
        case .help: "Help"
        }
    }

    /// The views `Tab` cycles through and the title bar lists.
    static let tabs: [ViewKind] = [.weeks, .events, .tallies]
}

/// A cursor in a list and the first row shown.
public struct ListPosition: Sendable, Hashable {
    public var cursor = 0
    public var top = 0

    /// Moves the cursor by `delta` rows within `count`, keeping it on screen (`rows` tall).
    mutating func move(by delta: Int, count: Int, rows: Int) {
        set(cursor + delta, count: count, rows: rows)
    }

    /// Puts the cursor on `row`, scrolling as little as needed.
    mutating func set(_ row: Int, count: Int, rows: Int) {
        cursor = max(0, min(row, count - 1))
        clamp(count: count, rows: rows)
    }

    /// Keeps cursor and top valid after the list or the window changed.
    mutating func clamp(count: Int, rows: Int) {
        let rows = max(1, rows)
        cursor = max(0, min(cursor, count - 1))
        if cursor < top { top = cursor }
        if cursor >= top + rows { top = cursor - rows + 1 }
        top = max(0, min(top, max(0, count - rows)))
    }
}

/// What the browser filters by, as the reader typed and picked it.
public struct FilterState: Sendable, Hashable {
    /// The search as typed ("" for none).
    public var text = ""
    /// Front places picked (ORed).
    public var fronts: [Place] = []

    var query: SearchQuery? {
        text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : SearchQuery(text)
    }

    var browseFilter: BrowseFilter { BrowseFilter(query: query, fronts: fronts) }
    var isEmpty: Bool { query == nil && fronts.isEmpty }

    /// Why the search cannot match anything, said once instead of searching.
    var problem: String? {
        guard let q = query else { return nil }
        if q.isEmpty { return "Nothing to search for in “\(text.trimmingCharacters(in: .whitespaces))”: type letters or digits." }
        if q.groups.contains(where: { !$0.isEmpty && $0.allSatisfy(\.negated) }) {
            return "The search only excludes words (-word): give at least one word to look for."
        }
        return nil
    }
}

/// The weeks list.
public struct WeeksState: Sendable, Hashable {
    /// nil until loaded.
    public var keys: [WeekKey]?
    /// The filter generation the keys were loaded for.
    var generation = -1
    var requestedGeneration = -1
    /// How many weeks the archive holds, whatever the filter (for "3/12 of 240").
    public var unfiltered: Int?
    public var details: [DayRange: WeekDetail] = [:]
    var requested: Set<DayRange> = []
    public var position = ListPosition()
}

/// The events list: a count and the pages loaded so far.
public struct EventsState: Sendable, Hashable {
    public var total: Int?
    var generation = -1
    /// Loaded rows by index.
    public var rows: [Int: SearchHit] = [:]
    var requestedPages: Set<Int> = []
    public var position = ListPosition()
    static let pageSize = 200
}

/// The drone tallies.
public struct TalliesState: Sendable, Hashable {
    public var language: Language?
    public var rows: [TallyRow]?
    /// Languages stored in the archive.
    public var languages: [Language] = []
    public var position = ListPosition()
}

/// A week's drone figures and the sentences they come from.
public struct FiguresState: Sendable, Hashable {
    public var row: TallyRow
    public var top = 0
    /// Whether the sentences have arrived (the tallies list carries numbers only).
    public var loaded = false
    /// The language asked for with L, until it arrives.
    var pending: Language?
}

/// Where the reader should land once the week is loaded.
public struct ReaderAnchor: Sendable, Hashable {
    public var paragraph: Int
    public var index: Int
}

/// The reader: one week, laid out for the window.
public struct ReaderState: Sendable, Hashable {
    public var range: DayRange
    public var language: Language
    public var week: ReaderWeek?
    /// Lines for the current width and query.
    var layout = ReaderLayout()
    public var top = 0
    var anchor: ReaderAnchor?
    /// The sentence the reader was opened at (from the events list), marked in the margin.
    public var focus: ReaderAnchor?
    /// The match `n`/`N` went to last (index into the layout's match lines).
    public var currentMatch: Int?
    /// The query the layout marks.
    var query: SearchQuery?
    /// A failure to load (week removed meanwhile).
    var missing = false
}

/// The search prompt at the bottom.
public struct PromptState: Sendable, Hashable {
    public var text: String
    /// The search before the prompt opened, restored by Esc.
    var previous: String
}

/// The front picker.
public struct PickerState: Sendable, Hashable {
    public var entries: [PickerEntry]?
    public var text = ""
    /// Indexes into `entries` that match `text`.
    var shown: [Int] = []
    /// Place ids marked with Tab (starts with the active fronts).
    public var marked: Set<String> = []
    /// Whether Tab was used since the picker opened.
    var marking = false
    public var position = ListPosition()
}

/// A fetch running in the background (`R`), as its report lines tell it.
public struct FetchState: Sendable, Hashable {
    /// Pages to fetch, once the fetch has said.
    public var total: Int?
    public var done = 0
    /// The last page's outcome ("971-975 FR added").
    public var last = ""
    /// The closing count line ("2 added, 0 updated, …").
    var summary: String?
    /// The last error the fetch printed.
    var problem: String?
}

/// What takes the keys: the views, the prompt, or the picker.
public enum Mode: Sendable, Hashable {
    case normal
    case prompt(PromptState)
    case picker(PickerState)
}

/// Everything the browser shows; changed only by the reducer.
public struct BrowserState: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var ascii: Bool
    /// Navigation stack: a tab view at the bottom; Enter pushes, q pops.
    public var stack: [ViewKind] = [.weeks]
    public var filter = FilterState()
    /// Bumped whenever the filter changes; loads carry it, stale results are dropped.
    public var generation = 0
    public var mode = Mode.normal
    public var weeks = WeeksState()
    public var events = EventsState()
    public var tallies = TalliesState()
    public var reader: ReaderState?
    public var figures: FiguresState?
    public var helpTop = 0
    /// The picker's places, loaded once.
    public var pickerCache: [PickerEntry]?
    /// A one-line notice for the status line (an error, "only French is stored"), until the next key.
    public var message: String?
    /// Whether `R` may fetch (a writable database and bilan-web at hand).
    public var canFetch = false
    /// Why it may not, said when `R` is pressed.
    public var noFetchReason = "R fetches only when the database is writable (not --read-only, not over SSH)."
    /// The background fetch, while it runs.
    public var fetch: FetchState?
    public var quitting = false

    public init(width: Int, height: Int, ascii: Bool = false) {
        self.width = width
        self.height = height
        self.ascii = ascii
    }

    public var view: ViewKind { stack.last ?? .weeks }

    /// Rows available to a view's body: the title line, a column heading where the view has one,
    /// and the status line are taken.
    func bodyRows(_ view: ViewKind) -> Int {
        switch view {
        case .weeks, .events, .reader, .figures: max(1, height - 3)
        case .tallies: max(1, height - 4)
        case .help: max(1, height - 2)
        }
    }

    /// Whether the window is too small to lay anything out.
    public var tooSmall: Bool { width < 40 || height < 10 }

    /// The tallies shown: with a filter, only the weeks that match it; nil while loading.
    public var tallyRows: [TallyRow]? {
        guard let rows = tallies.rows else { return nil }
        if filter.isEmpty { return rows }
        guard weeks.generation == generation, let keys = weeks.keys else { return nil }
        let ranges = Set(keys.map(\.range))
        return rows.filter { ranges.contains($0.range) }
    }
}
