import BilanCore
import GRDB

/// The browser's reads (`Library`): weeks, their short figures, filtered event pages and the
/// reader's week, each in one to three statements whatever the number of weeks shown.
extension Store: Library {
    // MARK: Filter

    /// A browse filter compiled to SQL: how to select the ids of the matching events.
    struct EventSelection {
        /// Nothing can match (a query typed without any searchable word).
        var none = false
        /// The `WITH` clause the selection needs ("" for none).
        var with = ""
        /// `SELECT … AS id` of the matching events; nil when every event matches.
        var ids: String?
        /// Arguments, in order, of `with` then `ids`.
        var arguments: [(any DatabaseValueConvertible)?] = []
        /// Both a query and fronts.
        var intersection = false
        /// The query that marks snippets (the query's words and the other spellings of the places it
        /// names); nil without a query.
        var marking: SearchQuery?
    }

    /// Compiles a filter the way `search` reads a query and `--front`s: the query's groups (place
    /// names also match their other spellings), ANDed with the fronts, which are ORed together and
    /// include the places inside them. A query typed without any word matches nothing.
    func selection(_ filter: BrowseFilter) throws -> EventSelection {
        do {
            return try compile(filter)
        } catch StoreError.cannotOpen(_, let reason) where reason == "interrupted" {
            // Interrupted while reading the index's words or the place names (through `read`).
            throw CancellationError()
        }
    }

    private func compile(_ filter: BrowseFilter) throws -> EventSelection {
        var s = EventSelection()
        var match: String?
        if let query = filter.query, query.typed {
            if query.isEmpty {
                s.none = true
                return s
            }
            var spellings: [SearchQuery.Term] = []
            match = try ftsExpression(for: query, placeSpellings: &spellings)
            var marking = query
            if !spellings.isEmpty { marking.groups.append(spellings) }
            s.marking = marking
        }
        if !filter.fronts.isEmpty {
            s.with = Store.insideFronts(filter.fronts.count)
            s.arguments += filter.fronts.map(\.id)
        }
        switch (match, filter.fronts.isEmpty) {
        case (nil, true):
            break
        case (let m?, true):
            s.ids = "SELECT rowid AS id FROM event_ft WHERE event_ft MATCH ?"
            s.arguments.append(m)
        case (nil, false):
            s.ids = "SELECT DISTINCT ep.event_id AS id FROM event_place ep JOIN inside ON ep.place_id = inside.id"
        case (let m?, false):
            // `+rowid`: the index scans its matches once and checks each against the fronts' events,
            // rather than running the MATCH again for every event of the fronts.
            s.ids = "SELECT rowid AS id FROM event_ft WHERE event_ft MATCH ? AND +rowid IN \(Store.eventsInFronts)"
            s.arguments.append(m)
            s.intersection = true
        }
        return s
    }

    /// Whether at least `threshold` events match: then walking the weeks in order and testing each
    /// event against the matches beats sorting the matches. An intersection of a query with fronts
    /// is taken as sparse (counting it costs as much as the query).
    func isDense(_ s: EventSelection, threshold: Int, _ db: Database) throws -> Bool {
        guard let ids = s.ids, !s.intersection else { return false }
        let n = try Int.fetchOne(
            db, sql: "\(s.with) SELECT count(*) FROM (\(ids) LIMIT \(threshold))", arguments: StatementArguments(s.arguments))
        return (n ?? 0) >= threshold
    }

    /// A read for the browser: an interrupted statement throws `CancellationError`.
    func browse<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let e as DatabaseError {
            if e.resultCode == .SQLITE_INTERRUPT { throw CancellationError() }
            throw Store.translate(e, path: path)
        }
    }

    static func languages(fr: Bool, en: Bool) -> [Language] {
        (fr ? [Language.fr] : []) + (en ? [.en] : [])
    }

    // MARK: Weeks

    public func weekKeys(_ filter: BrowseFilter) throws -> [WeekKey] {
        let s = try selection(filter)
        if s.none { return [] }
        return try browse { db in
            // Matches per stored week (with a filter), then per range through the weeks in range order.
            var perWeek: [Int64: Int]?
            if let ids = s.ids {
                var counts: [Int64: Int] = [:]
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        \(s.with)
                        SELECT e.week_id, count(*) FROM (\(ids)) h JOIN event e ON e.id = h.id GROUP BY e.week_id
                        """, arguments: StatementArguments(s.arguments))
                while let r = try rows.next() { counts[r[0]] = r[1] }
                if counts.isEmpty { return [] }
                perWeek = counts
            }
            // The weeks from the (first_day, last_day, language) index alone, walked backwards: no sort,
            // and never the rows, which hold whole texts. Grouping here costs less than GROUP BY.
            let weeks = try Row.fetchCursor(
                db.cachedStatement(
                    sql: "SELECT id, first_day, last_day, language FROM week ORDER BY first_day DESC, last_day DESC, language DESC"
                ))
            var out: [WeekKey] = []
            var current: WeekKey?
            func flush() {
                guard let k = current else { return }
                if perWeek == nil || (k.matches ?? 0) > 0 { out.append(k) }
            }
            while let r = try weeks.next() {
                let range = DayRange(first: r[1], last: r[2])
                let language = Language(rawValue: r[3]) ?? .fr
                let n = perWeek.map { $0[r[0]] ?? 0 }
                if current?.range == range {
                    current!.languages.append(language)
                    if let n { current!.matches! += n }
                } else {
                    flush()
                    current = WeekKey(range: range, languages: [language], matches: n)
                }
            }
            flush()
            return out
        }
    }

    /// From how many matches a page walks the events in order rather than sorting the matches.
    static let denseForEvents = 3000

    /// How many ranges one statement binds (two arguments each), well under SQLite's limit.
    static let rangeChunk = 2000

    public func weekDetails(_ ranges: [DayRange]) throws -> [DayRange: WeekDetail] {
        let wanted = Array(Set(ranges))
        guard !wanted.isEmpty else { return [:] }
        return try browse { db in
            // The week whose drones are shown for each range: French when stored, else English.
            // Its fronts are those of both languages (a translation may name a place the other
            // leaves out, and a filter may have matched either).
            var chosen: [Int64: DayRange] = [:]
            var byRange: [DayRange: (id: Int64, fr: Bool)] = [:]
            var rangeOf: [Int64: DayRange] = [:]
            for start in stride(from: 0, to: wanted.count, by: Store.rangeChunk) {
                let chunk = wanted[start..<min(wanted.count, start + Store.rangeChunk)]
                let values = Array(repeating: "(?,?)", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        WITH r(f, l) AS (VALUES \(values))
                        SELECT w.id, w.first_day, w.last_day, w.language = 'fr' FROM r
                        JOIN week w ON w.first_day = r.f AND w.last_day = r.l
                        """, arguments: StatementArguments(chunk.flatMap { [$0.first, $0.last] }))
                while let r = try rows.next() {
                    let range = DayRange(first: r[1], last: r[2])
                    let fr: Bool = r[3]
                    rangeOf[r[0]] = range
                    if let had = byRange[range], had.fr || !fr { continue }
                    byRange[range] = (r[0], fr)
                }
            }
            for (range, w) in byRange { chosen[w.id] = range }
            let ids = Array(chosen.keys)
            var figures: [Int64: [SourcedFigure]] = [:]
            let frontNames = Dictionary(
                try Row.fetchAll(db, sql: "SELECT id, name FROM place WHERE front").map { ($0[0] as String, $0[1] as String) },
                uniquingKeysWith: { a, _ in a })
            for start in stride(from: 0, to: ids.count, by: Store.rangeChunk * 2) {
                let chunk = Array(ids[start..<min(ids.count, start + Store.rangeChunk * 2)])
                let list = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                figures.merge(try Store.figuresByWeek(db, " WHERE w.id IN (\(list))", StatementArguments(chunk), texts: true)) { a, _ in a }
            }
            // Front places by the number of sentences naming them, in either language, from the
            // events' own lists of places.
            var mentions: [DayRange: [String: Int]] = [:]
            let every = Array(rangeOf.keys)
            for start in stride(from: 0, to: every.count, by: Store.rangeChunk * 2) {
                let chunk = Array(every[start..<min(every.count, start + Store.rangeChunk * 2)])
                let list = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let placeRows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT w.id, e.place_ids FROM week w JOIN event e ON \(Store.eventOfWeek)
                        WHERE w.id IN (\(list)) AND e.place_ids != ''
                        """, arguments: StatementArguments(chunk))
                while let r = try placeRows.next() {
                    guard let range = rangeOf[r[0]] else { continue }
                    let ids: String = r[1]
                    for place in Set(ids.split(separator: " ")) {
                        if let name = frontNames[String(place)] { mentions[range, default: [:]][name, default: 0] += 1 }
                    }
                }
            }
            var fronts: [DayRange: [String]] = [:]
            for (range, counts) in mentions {
                fronts[range] = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(6).map(\.key)
            }
            var out: [DayRange: WeekDetail] = [:]
            for (id, range) in chosen {
                out[range] = WeekDetail(tally: TallyBuilder.tally(figures[id] ?? []), fronts: fronts[range] ?? [])
            }
            return out
        }
    }

    /// A figure from columns value, qualifier, role, weapon, phrase, whole_week, occasion at `i`.
    static func figure(_ r: Row, from i: Int) -> DroneFigure {
        DroneFigure(
            value: r[i], qualifier: Qualifier(rawValue: r[i + 1]) ?? .exact, role: FigureRole(rawValue: r[i + 2]) ?? .other,
            weapon: r[i + 3], phrase: r[i + 4], wholeWeek: r[i + 5], occasion: r[i + 6])
    }

    // MARK: Events

    public func eventCount(_ filter: BrowseFilter) throws -> Int {
        let s = try selection(filter)
        if s.none { return 0 }
        return try browse { db in
            guard let ids = s.ids else {
                // The weeks' counts: never a row of the events.
                return try Int.fetchOne(db.cachedStatement(sql: "SELECT sum(event_count) FROM week")) ?? 0
            }
            return try Int.fetchOne(
                db, sql: "\(s.with) SELECT count(*) FROM (\(ids))", arguments: StatementArguments(s.arguments)) ?? 0
        }
    }

    static let eventColumns = """
        w.first_day, w.last_day, w.language, e.paragraph, e.idx, \(Store.eventText) AS text, e.heading,
        e.part_of_week, e.date, e.places, e.place_ids
        """
    /// Weeks newest first, each week's events in text order (their ids' order).
    static let newestFirst = "w.first_day DESC, w.last_day DESC, w.language DESC, e.id"

    public func events(_ filter: BrowseFilter, offset: Int, limit: Int) throws -> [SearchHit] {
        let s = try selection(filter)
        if s.none || limit <= 0 { return [] }
        let args = StatementArguments(s.arguments + [limit, max(0, offset)])
        return try browse { db in
            let sql: String
            if let ids = s.ids, try !isDense(s, threshold: Store.denseForEvents, db) {
                // Few matches: only their ids are sorted; the page alone is joined to its text.
                sql = """
                    \(s.with)
                    SELECT \(Store.eventColumns) FROM (
                        SELECT e.id FROM (\(ids)) h JOIN event e ON e.id = h.id JOIN week w ON w.id = e.week_id
                        ORDER BY \(Store.newestFirst) LIMIT ? OFFSET ?) p
                    JOIN event e ON e.id = p.id JOIN week w ON w.id = e.week_id
                    ORDER BY \(Store.newestFirst)
                    """
            } else {
                // Weeks in index order, each week's events in id order: no sort, and the walk stops
                // at the end of the page. (`+e.id`: the matches are a test on each event, not a list
                // of ids SQLite would look up again in every week.)
                sql = """
                    \(s.with)
                    SELECT \(Store.eventColumns) FROM week w INDEXED BY week_order CROSS JOIN event e ON \(Store.eventOfWeek)
                    \(s.ids.map { "WHERE +e.id IN (\($0))" } ?? "")
                    ORDER BY \(Store.newestFirst) LIMIT ? OFFSET ?
                    """
            }
            let marker = s.marking?.marker()
            return try Row.fetchAll(db, sql: sql, arguments: args).map { r in
                let event = Store.event(r)
                return SearchHit(
                    range: DayRange(first: r["first_day"], last: r["last_day"]),
                    language: Language(rawValue: r["language"]) ?? .fr, event: event,
                    snippet: marker?.snippet(event.text) ?? event.text)
            }
        }
    }

    // MARK: Reader

    public func readerWeek(_ range: DayRange, language: Language) throws -> ReaderWeek? {
        try browse { db in
            var fr = false
            var en = false
            var info: WeekInfo?
            var weekID: Int64 = 0
            for r in try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT id, first_day, last_day, language, title, event_count, source, sample
                        FROM week WHERE first_day = ? AND last_day = ?
                        """), arguments: [range.first, range.last])
            {
                let w = Store.weekInfo(r)
                if w.language == .fr { fr = true } else { en = true }
                if w.language == language {
                    info = w
                    weekID = r["id"]
                }
            }
            guard let info else { return nil }
            var ids: [Int64] = []
            var events: [Event] = []
            var sentences: [[UInt8]] = []
            var cutter = try Store.TextCutter(db)
            for r in try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT e.id, e.paragraph, e.idx, e.text, e.start, e.length, e.heading, e.part_of_week, e.date,
                            e.places, e.place_ids
                        FROM week w JOIN event e ON \(Store.eventOfWeek) WHERE w.id = ? ORDER BY e.id
                        """), arguments: [weekID])
            {
                ids.append(r["id"])
                let sentence = try cutter.sentence(week: weekID, own: r["text"], start: r["start"], length: r["length"])
                sentences.append(sentence)
                events.append(Store.event(r, text: String(decoding: sentence, as: UTF8.self)))
            }
            let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            let figureRows = try Row.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT f.event_id, f.value, f.qualifier, f.role, f.weapon, '', f.whole_week, f.occasion,
                            f.phrase, f.start, f.length
                        FROM week w JOIN event e ON \(Store.eventOfWeek) JOIN figure f ON f.event_id = e.id
                        WHERE w.id = ? ORDER BY f.event_id, f.n
                        """), arguments: [weekID])
            while let r = try figureRows.next() {
                guard let i = position[r[0]] else { continue }
                var figure = Store.figure(r, from: 1)
                figure.phrase = Store.TextCutter.phrase(in: sentences[i], own: r[8], start: r[9], length: r[10])
                events[i].figures.append(figure)
            }
            // Every folded spelling of the week's places.
            let placeIDs = Array(Set(events.flatMap(\.placeIDs)))
            var spellings: [String: [[String]]] = [:]
            for start in stride(from: 0, to: placeIDs.count, by: 500) {
                let chunk = Array(placeIDs[start..<min(placeIDs.count, start + 500)])
                let list = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT place_id, folded FROM alias WHERE place_id IN (\(list))",
                    arguments: StatementArguments(chunk))
                while let r = try rows.next() {
                    let folded: String = r[1]
                    spellings[r[0], default: []].append(folded.split(separator: " ").map(String.init))
                }
            }
            let marks = events.map { Marks.marks(in: $0, spellings: spellings) }
            return ReaderWeek(info: info, events: events, marks: marks, languages: Store.languages(fr: fr, en: en))
        }
    }

    // MARK: Lists

    public func tallies(language: Language) throws -> [TallyRow] {
        try tallies(language: language, range: nil, texts: false)
    }

    public func weekTally(_ range: DayRange, language: Language) throws -> TallyRow? {
        try tallies(language: language, range: range, texts: true).first
    }

    public func languages() throws -> [Language] {
        try browse { db in
            let fr = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM week WHERE language = 'fr')") ?? false
            let en = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM week WHERE language = 'en')") ?? false
            return Store.languages(fr: fr, en: en)
        }
    }

    /// The places the weeks mention, and the regions they lie in: a region counts the mentions of
    /// the places inside it too (choosing it filters on all of them, as `--front` does). Fronts
    /// first, then by mentions.
    public func pickerEntries() throws -> [PickerEntry] {
        try browse { db in
            let select = """
                SELECT p.*, parent.name AS parent_name,
                    (SELECT group_concat(a.folded, '|') FROM alias a WHERE a.place_id = p.id) AS keys
                """
            func entry(_ r: Row, mentions: Int) -> PickerEntry {
                let place = Store.place(r)
                var keys = [Store.nameKey(place.name)]
                if let aliases: String = r["keys"] {
                    for k in aliases.split(separator: "|").map(String.init) where !keys.contains(k) { keys.append(k) }
                }
                return PickerEntry(place: place, mentions: mentions, parentName: r["parent_name"], keys: keys)
            }
            var entries = try Row.fetchAll(
                db,
                sql: """
                    \(select), m.n AS mentions
                    FROM (SELECT place_id, count(*) AS n FROM event_place GROUP BY place_id) m
                    JOIN place p ON p.id = m.place_id
                    LEFT JOIN place parent ON parent.id = p.parent
                    """
            ).map { entry($0, mentions: $0["mentions"]) }
            // Each place's mentions, added to every region above it.
            var parentOf: [String: String] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT id, parent FROM place WHERE parent IS NOT NULL") { parentOf[r["id"]] = r["parent"] }
            var inside: [String: Int] = [:]
            for e in entries {
                var seen: Set<String> = [e.place.id]
                var up = parentOf[e.place.id]
                while let region = up, seen.insert(region).inserted {
                    inside[region, default: 0] += e.mentions
                    up = parentOf[region]
                }
            }
            for i in entries.indices { entries[i].mentions += inside.removeValue(forKey: entries[i].place.id) ?? 0 }
            if !inside.isEmpty {
                let ids = Array(inside.keys)
                let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
                entries += try Row.fetchAll(
                    db, sql: "\(select) FROM place p LEFT JOIN place parent ON parent.id = p.parent WHERE p.id IN (\(marks))",
                    arguments: StatementArguments(ids)
                ).map { entry($0, mentions: inside[$0["id"]] ?? 0) }
            }
            func order(_ e: PickerEntry) -> (Int, Int, Int) { (e.place.front ? 1 : 0, e.mentions, e.place.population ?? 0) }
            return entries.sorted { order($0) != order($1) ? order($0) > order($1) : $0.place.name < $1.place.name }
        }
    }

    public func interrupt() {
        writer.interrupt()
    }
}

/// Where the reader highlights a sentence: its places (any spelling, whole words, longest first)
/// and its drone figures (the phrase each was read from). Offsets are in Unicode scalars.
enum Marks {
    /// A word of the text: folded, and where it stands (scalar offsets).
    struct Token {
        var folded: String
        var start: Int
        var end: Int
    }

    static func marks(in event: Event, spellings: [String: [[String]]]) -> [TextMark] {
        let scalars = Array(event.text.unicodeScalars)
        var figures: [TextMark] = []
        for f in event.figures {
            guard let r = find(f.phrase, in: scalars, avoiding: figures) else { continue }
            figures.append(TextMark(kind: .figure, start: r.lowerBound, end: r.upperBound))
        }
        var places: [TextMark] = []
        // Spellings by first word, longest first.
        var candidates: [String: [[String]]] = [:]
        for id in event.placeIDs {
            for words in spellings[id] ?? [] where !words.isEmpty {
                if !(candidates[words[0]]?.contains(words) ?? false) { candidates[words[0], default: []].append(words) }
            }
        }
        if !candidates.isEmpty {
            for k in candidates.keys {
                candidates[k]!.sort { $0.count != $1.count ? $0.count > $1.count : $0.joined().count > $1.joined().count }
            }
            let tokens = words(scalars)
            var i = 0
            while i < tokens.count {
                var advanced = false
                for words in candidates[tokens[i].folded] ?? [] where i + words.count <= tokens.count {
                    if (1..<words.count).allSatisfy({ tokens[i + $0].folded == words[$0] }) {
                        places.append(TextMark(kind: .place, start: tokens[i].start, end: tokens[i + words.count - 1].end))
                        i += words.count
                        advanced = true
                        break
                    }
                }
                if !advanced { i += 1 }
            }
        }
        // A figure wins over a place it overlaps.
        let kept = places.filter { p in !figures.contains { $0.start < p.end && p.start < $0.end } }
        return (kept + figures).sorted { $0.start < $1.start }
    }

    /// Where `phrase` stands in the text, not overlapping `taken`: exactly, else ignoring case and
    /// accents (and NBSP against a space).
    static func find(_ phrase: String, in scalars: [Unicode.Scalar], avoiding taken: [TextMark]) -> Range<Int>? {
        func free(_ r: Range<Int>) -> Bool { !taken.contains { $0.start < r.upperBound && r.lowerBound < $0.end } }
        let needle = phrase.unicodeScalars.map(\.value)
        let hay = scalars.map(\.value)
        for r in occurrences(of: needle, in: hay) where free(r) { return r }
        // Folded text, each folded scalar pointing back to the scalar it came from.
        var folded: [UInt32] = []
        var origin: [Int] = []
        for (i, u) in scalars.enumerated() {
            for f in Folding.fold(String(u)).unicodeScalars {
                folded.append(f.value)
                origin.append(i)
            }
        }
        let foldedNeedle = Folding.fold(phrase).unicodeScalars.map(\.value)
        for r in occurrences(of: foldedNeedle, in: folded) {
            let mapped = origin[r.lowerBound]..<(origin[r.upperBound - 1] + 1)
            if free(mapped) { return mapped }
        }
        return nil
    }

    static func occurrences(of needle: [UInt32], in hay: [UInt32]) -> [Range<Int>] {
        guard !needle.isEmpty, needle.count <= hay.count else { return [] }
        var out: [Range<Int>] = []
        var i = 0
        while i + needle.count <= hay.count {
            if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) { out.append(i..<(i + needle.count)) }
            i += 1
        }
        return out
    }

    /// The text's words as `WordTokenizer` splits them (at anything that is not a letter, a digit or a
    /// combining accent), folded like `Store.nameKey`.
    static func words(_ scalars: [Unicode.Scalar]) -> [Token] {
        var out: [Token] = []
        var start = -1
        func flush(_ end: Int) {
            guard start >= 0 else { return }
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[start..<end])
            out.append(Token(folded: Folding.fold(String(v)), start: start, end: end))
            start = -1
        }
        for (i, u) in scalars.enumerated() {
            if isWordScalar(u) {
                if start < 0 { start = i }
            } else {
                flush(i)
            }
        }
        flush(scalars.count)
        return out
    }

    @inline(__always) static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        if (0x0300...0x036F).contains(v) { return true }
        let p = u.properties
        return p.isAlphabetic || p.numericType != nil
    }
}
