import BilanCore

/// The browser's logic: `reduce(&state, action) -> [Effect]`. Pure: it never draws, never waits,
/// never touches the store; what needs the store comes back later as an action.
public enum Reducer {
    /// How long typing in the search prompt must pause before the search runs.
    static let debounceMS = 90

    public static func reduce(_ s: inout BrowserState, _ action: Action) -> [Effect] {
        switch action {
        case .start:
            return ensureLoaded(&s)
        case .key(let key):
            s.message = nil
            if s.tooSmall {
                // Nothing is shown to act on: only the keys that quit do something.
                if key == .char("q") || key == .char("Q") || key == .ctrl("c") {
                    s.quitting = true
                    return [.quit]
                }
                return []
            }
            switch s.mode {
            case .normal: return normalKey(&s, key)
            case .prompt(var p):
                let fx = promptKey(&s, &p, key)
                if case .prompt = s.mode { s.mode = .prompt(p) }
                return fx
            case .picker(var p):
                let fx = pickerKey(&s, &p, key)
                if case .picker = s.mode { s.mode = .picker(p) }
                return fx
            }
        case .resize(let w, let h):
            return resize(&s, width: w, height: h)
        case .weeksLoaded(let generation, let keys):
            guard generation == s.generation else { return [] }
            s.weeks.keys = keys
            s.weeks.generation = generation
            if s.filter.isEmpty { s.weeks.unfiltered = keys.count }
            if s.view == .tallies, let rows = s.tallyRows {
                s.tallies.position.clamp(count: rows.count, rows: s.bodyRows(.tallies))
            }
            s.weeks.position.clamp(count: keys.count, rows: s.bodyRows(.weeks))
            return weekDetails(&s)
        case .weekDetailsLoaded(let details):
            s.weeks.details.merge(details) { $1 }
            return []
        case .eventCountLoaded(let generation, let n):
            guard generation == s.events.generation else { return [] }
            s.events.total = n
            s.events.position.clamp(count: n, rows: s.bodyRows(.events))
            return eventPages(&s)
        case .eventsLoaded(let generation, let offset, let hits):
            guard generation == s.events.generation else { return [] }
            for (i, h) in hits.enumerated() { s.events.rows[offset + i] = h }
            return []
        case .readerLoaded(let range, let language, let week):
            guard var r = s.reader, r.range == range, r.language == language else { return [] }
            r.week = week
            r.missing = week == nil
            if let week {
                r.layout = ReaderLayout(week: week, width: s.width, query: s.filter.query, ascii: s.ascii)
                if let a = r.anchor {
                    r.top = r.layout.line(of: a, in: week)
                } else if let first = r.layout.matchLines.first {
                    r.top = max(0, first - 2)
                    r.currentMatch = 0
                } else {
                    r.top = 0
                }
                r.anchor = nil
                r.top = clampReaderTop(r.top, r, s)
            } else {
                s.message = "Week \(Labels.range(range)) (\(language.rawValue.uppercased())) is no longer stored."
            }
            s.reader = r
            return []
        case .talliesLoaded(let language, let rows, let languages):
            guard language == s.tallies.language || s.tallies.language == nil else { return [] }
            s.tallies.rows = rows
            s.tallies.languages = languages
            s.tallies.language = language ?? rows.first?.language ?? languages.first
            s.tallies.position.clamp(count: s.tallyRows?.count ?? 0, rows: s.bodyRows(.tallies))
            return []
        case .pickerLoaded(let entries):
            s.pickerCache = entries
            guard case .picker(var p) = s.mode else { return [] }
            p.entries = entries
            narrow(&p, rows: s.bodyRows(.weeks))
            s.mode = .picker(p)
            return []
        case .figuresLoaded(let range, let language, let row):
            guard var f = s.figures, f.row.range == range, f.row.language == language || f.pending == language else {
                return []
            }
            if let row {
                f.row = row
                f.top = 0
            } else {
                s.message = "No \(name(language)) summary of \(Labels.range(range)) is stored."
            }
            f.loaded = true
            f.pending = nil
            s.figures = f
            return []
        case .searchDue(let generation):
            guard generation == s.generation else { return [] }
            return ensureLoaded(&s)
        case .failed(let message):
            s.message = message
            return []
        case .fetchLine(let line):
            return fetchLine(&s, line)
        case .fetchEnded(let status):
            return fetchEnded(&s, status)
        }
    }

    // MARK: Normal mode

    static func normalKey(_ s: inout BrowserState, _ key: Key) -> [Effect] {
        guard let command = KeyTable.command(for: key, in: s.view) else { return [] }
        let rows = s.bodyRows(s.view)
        switch command {
        case .down: return move(&s, by: 1)
        case .up: return move(&s, by: -1)
        case .pageDown: return move(&s, by: rows)
        case .pageUp: return move(&s, by: -rows)
        case .top: return move(&s, by: Int.min / 2)
        case .bottom: return move(&s, by: Int.max / 2)
        case .open: return open(&s)
        case .back:
            if s.stack.count > 1 {
                s.stack.removeLast()
                return ensureLoaded(&s)
            }
            s.quitting = true
            return [.quit]
        case .quit, .interrupt:
            s.quitting = true
            return [.quit]
        case .search:
            s.mode = .prompt(PromptState(text: "", previous: s.filter.text))
            return []
        case .nextMatch, .previousMatch:
            jumpToMatch(&s, forward: command == .nextMatch)
            return []
        case .pickFronts:
            var p = PickerState()
            p.marked = Set(s.filter.fronts.map(\.id))
            p.entries = s.pickerCache
            if p.entries != nil { narrow(&p, rows: s.bodyRows(.weeks)) }
            s.mode = .picker(p)
            return p.entries == nil ? [.loadPicker] : []
        case .clearFilters:
            if s.filter.isEmpty {
                s.message = "No filter to clear."
                return []
            }
            return setFilter(&s, FilterState())
        case .showWeeks: return show(&s, .weeks)
        case .showEvents: return show(&s, .events)
        case .showTallies: return show(&s, .tallies)
        case .nextView:
            let base = ViewKind.tabs.firstIndex(of: s.stack.first ?? .weeks) ?? 0
            return show(&s, ViewKind.tabs[(base + 1) % ViewKind.tabs.count])
        case .previousWeek, .nextWeek:
            if s.view == .figures { return neighbourFigures(&s, older: command == .previousWeek) }
            return neighbourWeek(&s, older: command == .previousWeek)
        case .otherLanguage:
            return otherLanguage(&s)
        case .help:
            if s.view == .help {
                s.stack.removeLast()
            } else {
                s.helpTop = 0
                s.stack.append(.help)
            }
            return []
        case .fetch:
            if !s.canFetch {
                s.message = s.noFetchReason
                return []
            }
            if s.fetch != nil {
                s.message = "Already fetching."
                return []
            }
            s.fetch = FetchState()
            return [.startFetch]
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        case .accept, .cancel, .eraseQuery, .eraseCharacter, .mark: return []
        }
    }

    static func show(_ s: inout BrowserState, _ view: ViewKind) -> [Effect] {
        s.stack = [view]
        return ensureLoaded(&s)
    }

    /// Loads what the current view needs and does not have for the current filter.
    static func ensureLoaded(_ s: inout BrowserState) -> [Effect] {
        if let problem = s.filter.problem, s.view != .reader {
            // Nothing can match: say why at once rather than search.
            s.message = problem
            if s.weeks.generation != s.generation {
                s.weeks.keys = []
                s.weeks.generation = s.generation
            }
            if s.events.generation != s.generation {
                s.events = EventsState()
                s.events.generation = s.generation
                s.events.total = 0
            }
            return []
        }
        switch s.view {
        case .weeks:
            if s.weeks.generation != s.generation && s.weeks.requestedGeneration != s.generation {
                s.weeks.requestedGeneration = s.generation
                return [.loadWeeks(s.filter.browseFilter, generation: s.generation)]
            }
            return weekDetails(&s)
        case .events:
            if s.events.generation != s.generation {
                s.events = EventsState()
                s.events.generation = s.generation
                s.events.requestedPages = [0]
                return [
                    .countEvents(s.filter.browseFilter, generation: s.generation),
                    .loadEvents(s.filter.browseFilter, generation: s.generation, offset: 0, limit: EventsState.pageSize),
                ]
            }
            return eventPages(&s)
        case .tallies:
            var fx: [Effect] = s.tallies.rows == nil ? [.loadTallies(s.tallies.language)] : []
            // With a filter, the tallies keep the weeks that match it: the weeks list knows which.
            if !s.filter.isEmpty && s.weeks.generation != s.generation && s.weeks.requestedGeneration != s.generation {
                s.weeks.requestedGeneration = s.generation
                fx.append(.loadWeeks(s.filter.browseFilter, generation: s.generation))
            }
            return fx
        case .reader:
            // The query may have changed while the reader was below another view.
            if var r = s.reader, let week = r.week, r.layout.width != s.width || r.query != s.filter.query {
                let top = r.layout.lines.indices.contains(r.top) ? r.layout.lines[r.top].event : nil
                r.layout = ReaderLayout(week: week, width: s.width, query: s.filter.query, ascii: s.ascii)
                r.query = s.filter.query
                r.currentMatch = nil
                if let top { r.top = r.layout.eventLines[top] }
                r.top = clampReaderTop(r.top, r, s)
                s.reader = r
            }
            return []
        case .figures, .help:
            return []
        }
    }

    /// Changes the filter: every list reloads, positions go back to the top.
    static func setFilter(_ s: inout BrowserState, _ filter: FilterState) -> [Effect] {
        guard filter != s.filter else { return [] }
        s.filter = filter
        bumpGeneration(&s)
        return [.cancelQueries] + ensureLoaded(&s)
    }

    static func bumpGeneration(_ s: inout BrowserState) {
        s.generation += 1
        s.weeks.position = ListPosition()
        s.events.position = ListPosition()
        s.tallies.position = ListPosition()
    }

    // MARK: Moving

    static func move(_ s: inout BrowserState, by delta: Int) -> [Effect] {
        let rows = s.bodyRows(s.view)
        switch s.view {
        case .weeks:
            s.weeks.position.move(by: delta, count: s.weeks.keys?.count ?? 0, rows: rows)
            return weekDetails(&s)
        case .events:
            s.events.position.move(by: delta, count: s.events.total ?? 0, rows: rows)
            return eventPages(&s)
        case .tallies:
            s.tallies.position.move(by: delta, count: s.tallyRows?.count ?? 0, rows: rows)
        case .reader:
            guard var r = s.reader else { return [] }
            r.top = clampReaderTop(r.top.addingReportingOverflow(delta).partialValue, r, s)
            s.reader = r
        case .figures:
            guard var f = s.figures else { return [] }
            let count = FiguresView.lines(f.row, width: s.width, ascii: s.ascii).count
            f.top = max(0, min(f.top.addingReportingOverflow(delta).partialValue, count - rows))
            s.figures = f
        case .help:
            let count = HelpView.lines(width: s.width, ascii: s.ascii).count
            s.helpTop = max(0, min(s.helpTop.addingReportingOverflow(delta).partialValue, count - rows))
        }
        return []
    }

    static func clampReaderTop(_ top: Int, _ r: ReaderState, _ s: BrowserState) -> Int {
        max(0, min(top, r.layout.lines.count - s.bodyRows(.reader)))
    }

    /// Asks for the details (tally, fronts) of the weeks on screen that are not loaded yet.
    static func weekDetails(_ s: inout BrowserState) -> [Effect] {
        guard let keys = s.weeks.keys, !keys.isEmpty else { return [] }
        let rows = s.bodyRows(.weeks)
        // The screen, and a screen ahead, so paging down finds them ready.
        let from = max(0, s.weeks.position.top - rows)
        let to = min(keys.count, s.weeks.position.top + 2 * rows)
        guard from < to else { return [] }
        let missing = keys[from..<to].map(\.range).filter { s.weeks.details[$0] == nil && !s.weeks.requested.contains($0) }
        guard !missing.isEmpty else { return [] }
        s.weeks.requested.formUnion(missing)
        return [.loadWeekDetails(missing)]
    }

    /// Asks for the pages of events on screen (and the next one) that are not loaded yet; forgets
    /// pages far from the cursor so memory stays flat over hundreds of thousands of events.
    static func eventPages(_ s: inout BrowserState) -> [Effect] {
        guard let total = s.events.total, total > 0 else { return [] }
        let size = EventsState.pageSize
        let top = s.events.position.top
        let first = max(0, top - size / 2) / size
        let last = min(total - 1, top + s.bodyRows(.events) + size / 2) / size
        var fx: [Effect] = []
        for page in first...last where !s.events.requestedPages.contains(page) {
            s.events.requestedPages.insert(page)
            fx.append(
                .loadEvents(s.filter.browseFilter, generation: s.events.generation, offset: page * size, limit: size))
        }
        if s.events.rows.count > 8 * size {
            let keep = (first - 2)...(last + 2)
            s.events.rows = s.events.rows.filter { keep.contains($0.key / size) }
            s.events.requestedPages = s.events.requestedPages.filter { keep.contains($0) }
        }
        return fx
    }

    // MARK: Opening

    static func open(_ s: inout BrowserState) -> [Effect] {
        switch s.view {
        case .weeks:
            guard let keys = s.weeks.keys, keys.indices.contains(s.weeks.position.cursor) else { return [] }
            let key = keys[s.weeks.position.cursor]
            return openReader(&s, key.range, key.languages.first ?? .fr, anchor: nil)
        case .events:
            guard let hit = s.events.rows[s.events.position.cursor] else { return [] }
            let at = ReaderAnchor(paragraph: hit.event.paragraph, index: hit.event.index)
            let fx = openReader(&s, hit.range, hit.language, anchor: at)
            s.reader?.focus = at
            return fx
        case .tallies:
            guard let rows = s.tallyRows, rows.indices.contains(s.tallies.position.cursor) else { return [] }
            let row = rows[s.tallies.position.cursor]
            s.figures = FiguresState(row: row)
            s.stack.append(.figures)
            return [.loadFigures(row.range, row.language)]
        case .reader, .figures, .help:
            return []
        }
    }

    static func openReader(_ s: inout BrowserState, _ range: DayRange, _ language: Language, anchor: ReaderAnchor?)
        -> [Effect]
    {
        s.reader = ReaderState(range: range, language: language, anchor: anchor, query: s.filter.query)
        if s.view != .reader { s.stack.append(.reader) }
        return [.loadReader(range, language)]
    }

    static func neighbourWeek(_ s: inout BrowserState, older: Bool) -> [Effect] {
        guard let r = s.reader, let keys = s.weeks.keys else { return [] }
        guard let i = keys.firstIndex(where: { $0.range == r.range }) ?? nearest(r.range, in: keys, older: older) else {
            return []
        }
        let j = keys[i].range == r.range ? (older ? i + 1 : i - 1) : i
        guard keys.indices.contains(j) else {
            let which = older ? "oldest" : "newest"
            s.message = s.filter.isEmpty ? "This is the \(which) week." : "This is the \(which) week matching the filters."
            return []
        }
        let target = keys[j]
        s.weeks.position.set(j, count: keys.count, rows: s.bodyRows(.weeks))
        let language = target.languages.contains(r.language) ? r.language : target.languages.first ?? .fr
        return openReader(&s, target.range, language, anchor: nil) + weekDetails(&s)
    }

    /// The figures of the week before or after, in the order of the tallies list.
    static func neighbourFigures(_ s: inout BrowserState, older: Bool) -> [Effect] {
        guard let f = s.figures, let rows = s.tallyRows, let i = rows.firstIndex(where: { $0.range == f.row.range }) else {
            return []
        }
        let j = older ? i + 1 : i - 1
        guard rows.indices.contains(j) else {
            s.message = older ? "This is the oldest week." : "This is the newest week."
            return []
        }
        s.tallies.position.set(j, count: rows.count, rows: s.bodyRows(.tallies))
        s.figures = FiguresState(row: rows[j])
        return [.loadFigures(rows[j].range, rows[j].language)]
    }

    /// The week next to a range the list does not hold (the filter hides it).
    static func nearest(_ range: DayRange, in keys: [WeekKey], older: Bool) -> Int? {
        older ? keys.firstIndex(where: { $0.range < range }) : keys.lastIndex(where: { $0.range > range })
    }

    static func otherLanguage(_ s: inout BrowserState) -> [Effect] {
        switch s.view {
        case .reader:
            guard let r = s.reader, let week = r.week else { return [] }
            guard let other = week.languages.first(where: { $0 != r.language }) else {
                s.message = "This week is stored in \(name(r.language)) only."
                return []
            }
            var anchor: ReaderAnchor?
            if let e = r.layout.lines.indices.contains(r.top) ? r.layout.lines[r.top].event : nil {
                anchor = ReaderAnchor(paragraph: week.events[e].paragraph, index: week.events[e].index)
            }
            return openReader(&s, r.range, other, anchor: anchor)
        case .tallies:
            guard let current = s.tallies.language,
                let other = s.tallies.languages.first(where: { $0 != current })
            else {
                s.message = "The archive holds weeks in one language only."
                return []
            }
            s.tallies.language = other
            s.tallies.rows = nil
            return [.loadTallies(other)]
        case .figures:
            guard var f = s.figures, let other = s.tallies.languages.first(where: { $0 != f.row.language }) else {
                s.message = "The archive holds weeks in one language only."
                return []
            }
            f.pending = other
            s.figures = f
            return [.loadFigures(f.row.range, other)]
        default:
            return []
        }
    }

    static func name(_ l: Language) -> String { l == .fr ? "French" : "English" }

    static func jumpToMatch(_ s: inout BrowserState, forward: Bool) {
        guard var r = s.reader else { return }
        guard s.filter.query != nil else {
            s.message = "No search yet: press / to search."
            return
        }
        let lines = r.layout.matchLines
        guard !lines.isEmpty else {
            s.message = "No match in this week."
            return
        }
        var next: Int
        if let current = r.currentMatch {
            next = forward ? current + 1 : current - 1
        } else {
            // The first match on screen going down, the last above the screen's middle going up.
            next = forward
                ? lines.firstIndex(where: { $0 >= r.top }) ?? lines.count
                : (lines.lastIndex(where: { $0 < r.top + 2 }) ?? -1)
        }
        if lines.count == 1 {
            next = 0
            s.message = "Only one match in this week."
        } else if next >= lines.count {
            next = 0
            s.message = "Search wrapped to the top."
        } else if next < 0 {
            next = lines.count - 1
            s.message = "Search wrapped to the bottom."
        }
        r.currentMatch = next
        // The match sits two lines below the top, with its context above.
        r.top = clampReaderTop(lines[next] - 2, r, s)
        s.reader = r
    }

    // MARK: Resize

    static func resize(_ s: inout BrowserState, width: Int, height: Int) -> [Effect] {
        s.width = width
        s.height = height
        s.weeks.position.clamp(count: s.weeks.keys?.count ?? 0, rows: s.bodyRows(.weeks))
        s.events.position.clamp(count: s.events.total ?? 0, rows: s.bodyRows(.events))
        s.tallies.position.clamp(count: s.tallyRows?.count ?? 0, rows: s.bodyRows(.tallies))
        if case .picker(var p) = s.mode {
            p.position.clamp(count: p.shown.count, rows: s.bodyRows(.weeks))
            s.mode = .picker(p)
        }
        var fx = weekDetails(&s)
        if s.view == .events { fx += eventPages(&s) }
        if s.view == .reader { fx += ensureLoaded(&s) }
        return fx
    }
}
