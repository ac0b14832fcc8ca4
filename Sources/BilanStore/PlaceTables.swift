import BilanCore
import Foundation
import GRDB

/// The gazetteer as tables: `place` (one row per place) and `alias` (every folded name a reader may
/// type, for `--front` and for search), filled when the database is created.
enum PlaceTables {
    /// Rows go in in key order, and the index by place is built once at the end: inserted at
    /// random into B-trees, the 70,000 spellings took most of a new database's second.
    static func fill(_ db: Database, from gazetteer: Gazetteer) throws {
        try db.execute(sql: "DELETE FROM alias; DELETE FROM place; DROP INDEX IF EXISTS alias_place")
        let insertPlace = try RawStatement(
            db,
            """
            INSERT INTO place(id, name, kind, parent, country, front, latitude, longitude, population, aliases, curated)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var aliases: [(key: String, place: String)] = []
        for p in gazetteer.places.sorted(by: { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }) {
            insertPlace.bind(1, p.id)
            insertPlace.bind(2, p.name)
            insertPlace.bind(3, p.kind.rawValue)
            insertPlace.bind(4, p.parent)
            insertPlace.bind(5, p.country)
            insertPlace.bind(6, p.front)
            insertPlace.bind(7, p.latitude)
            insertPlace.bind(8, p.longitude)
            insertPlace.bind(9, p.population)
            insertPlace.bind(10, p.aliases.joined(separator: "|"))
            insertPlace.bind(11, p.curated)
            try insertPlace.run()
            for name in gazetteer.names(of: p.id) {
                let key = Store.nameKey(name)
                guard key.count >= 3, !PlaceMatcher.isStopWord(key) else { continue }
                aliases.append((key, p.id))
            }
        }
        aliases.sort { a, b in
            a.key != b.key ? a.key.utf8.lexicographicallyPrecedes(b.key.utf8) : a.place.utf8.lexicographicallyPrecedes(b.place.utf8)
        }
        let insertAlias = try RawStatement(db, "INSERT OR IGNORE INTO alias(folded, place_id) VALUES (?, ?)")
        for a in aliases {
            insertAlias.bind(1, a.key)
            insertAlias.bind(2, a.place)
            try insertAlias.run()
        }
        try db.execute(sql: "CREATE INDEX alias_place ON alias(place_id, folded)")
    }
}

extension Store {
    /// The folded, space-separated words of a name: how names are keyed in the `alias` table.
    public static func nameKey(_ name: String) -> String {
        PlaceMatcher.key(name)
    }

    static func place(_ r: Row) -> Place {
        let aliases: String = r["aliases"]
        return Place(
            id: r["id"], name: r["name"], kind: PlaceKind(rawValue: r["kind"]) ?? .village, parent: r["parent"],
            country: r["country"], front: r["front"], latitude: r["latitude"], longitude: r["longitude"],
            population: r["population"], aliases: aliases.isEmpty ? [] : aliases.components(separatedBy: "|"),
            curated: r["curated"])
    }

    /// The places a reader's name stands for: every place that carries the name. Throws
    /// `unknownPlace` with the nearest names when none does.
    public func places(named name: String) throws -> [Place] {
        let key = Store.nameKey(name)
        let found = try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.* FROM alias a JOIN place p ON p.id = a.place_id WHERE a.folded = ?
                    ORDER BY p.front DESC, p.curated DESC, p.population DESC
                    """, arguments: [key]
            ).map(Store.place)
        }
        if found.isEmpty { throw StoreError.unknownPlace(name, suggestions: try suggestions(for: key)) }
        return found
    }

    /// Names close to `key` (edit distance), among places that matter: front, curated or mentioned.
    func suggestions(for key: String) throws -> [String] {
        let rows = try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.folded, p.name FROM alias a JOIN place p ON p.id = a.place_id
                    WHERE p.front OR p.curated OR p.id IN (SELECT place_id FROM event_place)
                    """)
        }
        let target = Array(key.unicodeScalars)
        var scored: [(Int, String)] = []
        for r in rows {
            let folded: String = r[0]
            let d = EditDistance.distance(target, Array(folded.unicodeScalars), limit: max(2, target.count / 3))
            if let d { scored.append((d, r[1])) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var seen = Set<String>()
        return Array(scored.map(\.1).filter { seen.insert($0).inserted }.prefix(3))
    }

    /// Ids of `places` and of every place inside them.
    func placeIDsWithDescendants(_ places: [Place]) throws -> [String] {
        guard !places.isEmpty else { return [] }
        let values = places.map { _ in "(?)" }.joined(separator: ",")
        return try read { db in
            try String.fetchAll(
                db,
                sql: """
                    WITH RECURSIVE inside(id) AS (VALUES \(values)
                        UNION SELECT p.id FROM place p JOIN inside ON p.parent = inside.id)
                    SELECT id FROM inside
                    """, arguments: StatementArguments(places.map(\.id)))
        }
    }

    /// Places mentioned at least once (or all with `all`), front first, then by mentions.
    public func fronts(all: Bool = false) throws -> [PlaceMentions] {
        try read { db in
            let sql = """
                SELECT p.*, coalesce(m.n, 0) AS mentions, parent.name AS parent_name
                FROM place p
                \(all ? "LEFT" : "") JOIN (SELECT place_id, count(*) AS n FROM event_place GROUP BY place_id) m
                    ON m.place_id = p.id
                LEFT JOIN place parent ON parent.id = p.parent
                ORDER BY p.front DESC, mentions DESC, p.population DESC, p.name
                """
            return try Row.fetchAll(db, sql: sql).map {
                PlaceMentions(place: Store.place($0), mentions: $0["mentions"], parentName: $0["parent_name"])
            }
        }
    }
}

/// Levenshtein distance with an upper limit (nil when over it).
enum EditDistance {
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        var prev = Array(0...b.count)
        var cur = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            var rowMin = cur[0]
            if b.count > 0 {
                for j in 1...b.count {
                    cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                    rowMin = min(rowMin, cur[j])
                }
            }
            if rowMin > limit { return nil }
            swap(&prev, &cur)
        }
        return prev[b.count] <= limit ? prev[b.count] : nil
    }
}
