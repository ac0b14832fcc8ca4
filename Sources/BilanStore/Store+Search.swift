import BilanCore
import GRDB

/// What a reader asks `search` for.
public struct SearchRequest: Sendable, Hashable {
    public enum Sort: String, Sendable, CaseIterable { case rank, date }
    public var query: SearchQuery
    /// Places from `--front` (each with the places inside it); empty for no filter.
    public var fronts: [Place]
    public var week: WeekRef?
    public var language: Language?
    public var limit: Int
    public var offset: Int
    public var sort: Sort
    /// How many of the newest matches a word-only search ranks (tests make it small).
    var rankingWindow = Store.rankingWindow
    /// How many matches make a date-ordered page walk the weeks (tests change it).
    var walkThreshold = Store.walkThreshold

    public init(
        query: SearchQuery, fronts: [Place] = [], week: WeekRef? = nil, language: Language? = nil, limit: Int = 50,
        offset: Int = 0, sort: Sort = .rank
    ) {
        self.query = query
        self.fronts = fronts
        self.week = week
        self.language = language
        self.limit = limit
        self.offset = offset
        self.sort = sort
    }
}

extension Store {
    /// How many of the most recent matches a word-only search ranks by relevance.
    static let rankingWindow = 400

    /// Events matching a request: best first (bm25), or newest first with `.date`.
    ///
    /// Best first ranks the newest `rankingWindow` matches (`Store+Rank.swift`); newest first walks
    /// the weeks when the matches are many (`newestFirst`); either way only the page of results is
    /// joined to events and weeks, so a word found in most sentences costs little more than a rare
    /// one.
    public func search(_ request: SearchRequest) throws -> [SearchHit] {
        // Something was typed but none of it is a word: nothing can match it.
        if request.query.isEmpty && request.query.typed { return [] }
        var placeSpellings: [SearchQuery.Term] = []
        let match = try ftsExpression(for: request.query, placeSpellings: &placeSpellings)
        var filters: [String] = []
        var args: [(any DatabaseValueConvertible)?] = []
        var with = ""
        if !request.fronts.isEmpty {
            with = Store.insideFronts(request.fronts.count)
            args += request.fronts.map(\.id)
            filters.append(Store.inFronts)
        }
        // A week's events have consecutive ids (inserted together, each after the last row).
        var weekRows: (first: Int64, last: Int64)?
        if let week = request.week {
            let id = try self.week(week, language: request.language).id
            guard let events = try read({ db in try Store.eventIDs(db, week: id) }) else { return [] }
            filters.append("e.id BETWEEN \(events.lowerBound) AND \(events.upperBound)")
            weekRows = (events.lowerBound, events.upperBound)
        } else if let l = request.language {
            filters.append("w.language = ?")
            args.append(l.rawValue)
        }
        // The weeks' index order (first day, last day, language, all descending), then text order.
        let byDate = Store.newestFirst
        let page: String
        var pageIsLiteral = false
        if let match {
            args.insert(match, at: request.fronts.count)
            if request.sort == .rank {
                // A word found in thousands of sentences: rank its newest matches only (those that
                // pass the filters), so the cost stays bounded whatever the size of the archive.
                // Ranked here rather than by FTS5's bm25(), which would count every match of every
                // phrase (Store+Rank.swift); the page comes back as literal rows.
                let window = max(1, request.rankingWindow)
                let ranked: [(id: Int64, rank: Double)]
                if filters.isEmpty {
                    let cutoff = try read { db in
                        try Int64.fetchOne(
                            db, sql: "SELECT rowid FROM event_ft WHERE event_ft MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                            arguments: [match, window - 1])
                    }
                    ranked = try rankWindow(match: match, cutoff: cutoff ?? 0, window: window)
                } else {
                    let rows = weekRows.map { " AND event_ft.rowid BETWEEN \($0.first) AND \($0.last)" } ?? ""
                    let candidates = """
                        SELECT e.id FROM event_ft JOIN event e ON e.id = event_ft.rowid JOIN week w ON w.id = e.week_id
                        WHERE event_ft MATCH ?\(rows)\(filters.map { " AND " + $0 }.joined())
                        ORDER BY event_ft.rowid DESC LIMIT \(window)
                        """
                    ranked = try rank(match: match, with: with, candidates: candidates, arguments: args, window: window)
                }
                let slice = ranked.dropFirst(max(0, request.offset)).prefix(max(0, request.limit))
                if slice.isEmpty { return [] }
                page = Store.literalPage(Array(slice))
                pageIsLiteral = true
            } else if request.week == nil, request.fronts.isEmpty,
                let ids = try newestFirst(with: with, match: match, filters: filters, arguments: args, request: request)
            {
                if ids.isEmpty { return [] }
                page = Store.literalPage(inOrder: ids)
                pageIsLiteral = true
            } else {
                page = """
                    SELECT e.id AS id, 0 AS r FROM event_ft
                    JOIN event e ON e.id = event_ft.rowid JOIN week w ON w.id = e.week_id
                    WHERE event_ft MATCH ?\(filters.map { " AND " + $0 }.joined())
                    ORDER BY \(byDate) LIMIT ? OFFSET ?
                    """
            }
        } else if request.week == nil, !filters.isEmpty,
            let ids = try newestFirst(with: with, match: nil, filters: filters, arguments: args, request: request)
        {
            if ids.isEmpty { return [] }
            page = Store.literalPage(inOrder: ids)
            pageIsLiteral = true
        } else {
            page = """
                SELECT e.id AS id, 0 AS r FROM event e JOIN week w ON w.id = e.week_id
                \(filters.isEmpty ? "" : "WHERE " + filters.joined(separator: " AND "))
                ORDER BY \(byDate) LIMIT ? OFFSET ?
                """
        }
        if pageIsLiteral {
            args = []
            with = ""
        } else {
            args.append(max(0, request.limit))
            args.append(max(0, request.offset))
        }
        let outerOrder = match != nil && request.sort == .rank ? "h.r, \(byDate)" : byDate
        let sql = """
            \(with)
            SELECT \(Store.eventColumns)
            FROM (\(page)) h JOIN event e ON e.id = h.id JOIN week w ON w.id = e.week_id
            ORDER BY \(outerOrder)
            """
        // Snippets mark the words of the query and the other spellings of the places it names.
        var query = request.query
        if !placeSpellings.isEmpty { query.groups.append(placeSpellings) }
        let marker = query.marker()
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { r in
                let event = Store.event(r)
                return SearchHit(
                    range: DayRange(first: r["first_day"], last: r["last_day"]),
                    language: Language(rawValue: r["language"]) ?? .fr, event: event, snippet: marker.snippet(event.text))
            }
        }
    }

    /// A page of results as literal rows (ids and an order), for the outer query.
    static func literalPage(_ rows: [(id: Int64, rank: Double)]) -> String {
        "SELECT column1 AS id, column2 AS r FROM (VALUES " + rows.map { "(\($0.id), \($0.rank))" }.joined(separator: ", ") + ")"
    }

    /// The same for ids already in the page's order.
    static func literalPage(inOrder ids: [Int64]) -> String {
        literalPage(ids.enumerated().map { (id: $0.element, rank: Double($0.offset)) })
    }

    /// How many matches make a date-ordered page walk the weeks rather than sort every match.
    static let walkThreshold = 2000
    /// How many weeks the walk visits before it gives up for the sort (the matches were sparse).
    static let walkLimit = 3000

    /// A page in date order, newest first, when there are many matches: the weeks are walked in
    /// their index's order and each week's events that pass are taken in text order, until the page
    /// is full (a few weeks for a common word, where sorting every match took 0.2 s at 10,000
    /// weeks). nil when the query's matches are fewer than `walkThreshold` (sorting them is cheaper)
    /// or the page is not full within `walkLimit` weeks (sparse matches). `arguments`: the fronts' ids, then `match`
    /// when there is one, then the filters' values, as `search` collects them.
    func newestFirst(
        with: String, match: String?, filters: [String], arguments: [(any DatabaseValueConvertible)?], request: SearchRequest
    ) throws -> [Int64]? {
        let wanted = max(0, request.offset) + max(0, request.limit)
        let fronts = request.fronts.count
        let frontArgs = Array(arguments.prefix(fronts))
        let filterArgs = Array(arguments.dropFirst(fronts + (match == nil ? 0 : 1)))
        // Each event checked against the fronts' places (an IN list of the fronts' events would be
        // built again for every week).
        let filters = filters.map { $0 == Store.inFronts ? Store.eventInFronts : $0 }
        return try read { db in
            // Many matches, or none to count (a filter alone: the walk gives up if it is sparse).
            if let match {
                let many = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM (SELECT rowid FROM event_ft WHERE event_ft MATCH ? LIMIT \(request.walkThreshold))",
                    arguments: [match]) ?? 0
                if many < request.walkThreshold { return nil }
            }
            let matching = match == nil ? "" : " AND e.id IN (SELECT rowid FROM event_ft WHERE event_ft MATCH ? AND rowid BETWEEN ? AND ?)"
            let perWeek = try db.makeStatement(
                sql: """
                    \(with) SELECT e.id FROM event e JOIN week w ON w.id = e.week_id
                    WHERE e.id BETWEEN ? AND ?\(filters.map { " AND " + $0 }.joined())\(matching)
                    ORDER BY e.id
                    """)
            // Weeks newest first from the (first_day, last_day, language) index, each with the range
            // of its event ids (a week's events have consecutive ids).
            let weeks = try Row.fetchCursor(
                db,
                sql: """
                    SELECT first_event, first_event + event_count - 1 FROM week
                    ORDER BY first_day DESC, last_day DESC, language DESC
                    """)
            var ids: [Int64] = []
            var visited = 0
            while ids.count < wanted, let week = try weeks.next() {
                visited += 1
                if visited > Store.walkLimit { return nil }
                guard let first: Int64 = week[0], let last: Int64 = week[1] else { continue }
                var values: [(any DatabaseValueConvertible)?] = frontArgs + [first, last] + filterArgs
                if let match { values += [match, first, last] }
                ids += try Int64.fetchAll(perWeek, arguments: StatementArguments(values))
            }
            return Array(ids.dropFirst(max(0, request.offset)).prefix(max(0, request.limit)))
        }
    }

    /// `WITH RECURSIVE … inside(id)`: the ids of `count` front places (bound in order) and of every
    /// place inside them, keeping only the places some event names (an oblast holds hundreds of
    /// localities, and each would be a lookup wherever an event is checked against `inside`).
    static func insideFronts(_ count: Int) -> String {
        let values = Array(repeating: "(?)", count: count).joined(separator: ",")
        return """
            WITH RECURSIVE tree(id) AS (VALUES \(values)
                UNION SELECT p.id FROM place p JOIN tree ON p.parent = tree.id),
            inside(id) AS MATERIALIZED (SELECT id FROM tree WHERE EXISTS (SELECT 1 FROM event_place WHERE place_id = tree.id))
            """
    }

    /// The filter `search` adds for `--front`: the event is one of `eventsInFronts`.
    static let inFronts = "e.id IN \(eventsInFronts)"

    /// Whether event `e` names a place of `inside` (after `insideFronts`).
    static let eventInFronts = "EXISTS (SELECT 1 FROM event_place ep WHERE ep.event_id = e.id AND ep.place_id IN (SELECT id FROM inside))"

    /// The ids of the events naming a place of `inside` (after `insideFronts`), for `IN`.
    static let eventsInFronts = "(SELECT ep.event_id FROM event_place ep JOIN inside ON ep.place_id = inside.id)"

    /// The FTS5 expression for a query; nil for an empty query. User words are always quoted, so
    /// nothing a reader types is read as FTS syntax.
    func ftsExpression(for query: SearchQuery) throws -> String? {
        var ignored: [SearchQuery.Term] = []
        return try ftsExpression(for: query, placeSpellings: &ignored)
    }

    /// The same, collecting in `placeSpellings` every spelling of the places the query names.
    func ftsExpression(for query: SearchQuery, placeSpellings: inout [SearchQuery.Term]) throws -> String? {
        if query.isEmpty { return nil }
        var groups: [String] = []
        for group in query.groups {
            let positives = try mergePlaceNames(group.filter { !$0.negated }, spellings: &placeSpellings)
            let negatives = group.filter(\.negated)
            if positives.isEmpty { throw StoreError.onlyExclusions }
            var s = "(" + positives.joined(separator: " AND ") + ")"
            for n in negatives { s += " NOT " + (try expression(n)) }
            groups.append("(" + s + ")")
        }
        return groups.joined(separator: " OR ")
    }

    static func phrase(_ t: SearchQuery.Term) -> String {
        let body = t.index.map { $0.replacingOccurrences(of: "\"", with: "\"\"") }.joined(separator: " ")
        let prefix = !t.quoted && (t.index.last?.count ?? 0) >= 4
        return "\"\(body)\"" + (prefix ? "*" : "")
    }

    /// A term as FTS5 syntax, matched in the sentence text (place names have their own column).
    ///
    /// A word of 4+ letters matches the words it begins (`drone` → `drone`, `drones`): when the
    /// index holds few such words they are listed (FTS5 then seeks instead of merging every posting
    /// list under the prefix), else a prefix query does it. Words folded with "oe"/"ae" also match
    /// "œ"/"æ" as the index keeps them ("manoeuvres" finds "manœuvres").
    func expression(_ t: SearchQuery.Term) throws -> String {
        var alternatives: [String] = []
        for words in Store.spellings(t.index) {
            for a in try prefixAlternatives(SearchQuery.Term(words: words, quoted: t.quoted)) where !alternatives.contains(a) {
                alternatives.append(a)
            }
        }
        let inText = alternatives.map { "text : " + $0 }
        return inText.count == 1 ? inText[0] : "(" + inText.joined(separator: " OR ") + ")"
    }

    /// The term's words as folded, and with "oe"/"ae" written "œ"/"æ", as the index may hold them.
    static func spellings(_ words: [String]) -> [[String]] {
        var out = [words]
        for (plain, ligature) in [("oe", "œ"), ("ae", "æ")] where words.contains(where: { $0.contains(plain) }) {
            out.append(words.map { $0.replacingOccurrences(of: plain, with: ligature) })
        }
        return out
    }

    func prefixAlternatives(_ t: SearchQuery.Term) throws -> [String] {
        guard !t.quoted, t.index.count == 1, let w = t.index.first, w.count >= 4,
            w.unicodeScalars.allSatisfy(IndexFolding.isWellKnown), let next = Store.successor(of: w)
        else { return [Store.phrase(t)] }
        // The word list (filled at import with the words the index holds), not fts5vocab, which
        // counts every posting of every word it lists: 40 ms for "drones" in 100,000 weeks.
        let terms = try read { db in
            try String.fetchAll(db, sql: "SELECT term FROM word WHERE term >= ? AND term < ? LIMIT 9", arguments: [w, next])
        }
        // Many words, or none listed (none there, or one the list spells otherwise): the index's
        // own prefix query.
        // So does a word the list is not sure of (IndexFolding.unsure).
        if terms.count > 8 || terms.isEmpty || terms.contains(where: { $0.hasSuffix(IndexFolding.unsure) }) {
            return [Store.phrase(t)]
        }
        return terms.map { Store.phrase(.init(words: [$0], quoted: true)) }
    }

    /// The smallest string greater than every string starting with `w`.
    static func successor(of w: String) -> String? {
        var scalars = Array(w.unicodeScalars)
        guard let last = scalars.popLast(), let bumped = Unicode.Scalar(last.value + 1) else { return nil }
        scalars.append(bumped)
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars)
        return String(v)
    }

    /// Compiles terms, reading runs of words that name a place (longest first) as that place, which
    /// also matches its other spellings through the events' canonical place names.
    func mergePlaceNames(_ terms: [SearchQuery.Term], spellings: inout [SearchQuery.Term]) throws -> [String] {
        var out: [String] = []
        var i = 0
        while i < terms.count {
            var matched = false
            if !terms[i].quoted || terms[i].words.count > 1 {
                for n in stride(from: min(4, terms.count - i), through: 1, by: -1) {
                    let run = terms[i..<(i + n)]
                    if n > 1 && run.contains(where: \.quoted) { continue }
                    let key = run.flatMap(\.words).joined(separator: " ")
                    // The places the words name: their canonical names, and every spelling of them.
                    // (`Store.isSearched` is the same test on a gazetteer's place.)
                    let rows = try read { db in
                        try Row.fetchAll(
                            db,
                            sql: """
                                SELECT DISTINCT p.name, other.folded FROM alias a JOIN place p ON p.id = a.place_id
                                JOIN alias other ON other.place_id = p.id
                                WHERE a.folded = ? AND (p.front OR p.curated OR p.population >= 10000)
                                """, arguments: [key])
                    }
                    guard !rows.isEmpty else { continue }
                    var names: [String] = []
                    for r in rows where !names.contains(r[0]) { names.append(r[0]) }
                    let others: [String] = rows.map { $0[1] }
                    spellings += others.map { SearchQuery.Term(words: $0.split(separator: " ").map(String.init), quoted: true) }
                    let literal = SearchQuery.Term(
                        words: run.flatMap(\.words), negated: false, quoted: n > 1 || run.first!.quoted, index: run.flatMap(\.index))
                    let alternatives = [try expression(literal)] + names.map { name in
                        "places : " + Store.phrase(.init(words: Store.nameKey(name).split(separator: " ").map(String.init), negated: false, quoted: true))
                    }
                    out.append("(" + alternatives.joined(separator: " OR ") + ")")
                    i += n
                    matched = true
                    break
                }
            }
            if !matched {
                out.append(try expression(terms[i]))
                i += 1
            }
        }
        return out
    }
}
