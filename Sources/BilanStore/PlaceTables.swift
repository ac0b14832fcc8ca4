import BilanCore
import Foundation
import GRDB

/// The places an archive needs, as tables: `place` (one row per place) and `alias` (every folded
/// name a reader may type, for `--front` and for search).
///
/// Not the whole gazetteer: its 10,888 places and 69,000 spellings took 6.5 MB, three times the
/// text of a thousand summaries. The tables hold the places some event names, each with the places
/// it lies in and the searched places named within its name (`namesWithin`). That is every place a
/// `--front` or a search can find events through: a place holds events only when it or a place
/// inside it is named, and then it is in the tables. For a name they do not hold,
/// `KeyFilter` tells at once whether the gazetteer knows it at all (a typo, most of the time), and
/// only when it may does the reader load the gazetteer (`Store.places(named:)`).
enum PlaceTables {
    /// Writes the places the stored events name, and the filter of every name the gazetteer knows.
    ///
    /// Rows of named places this gazetteer does not know (an archive made by a program with
    /// another gazetteer) stay, with the places they lie in: the events still name them, until
    /// `reindex` reads the weeks again.
    static func fill(_ db: Database, from gazetteer: Gazetteer) throws {
        let mentioned = try String.fetchAll(db, sql: "SELECT DISTINCT place_id FROM event_place")
        var known = mentioned.filter { gazetteer.place(id: $0) != nil }
        var keep = Set<String>()
        var climb = mentioned.filter { gazetteer.place(id: $0) == nil }
        while let id = climb.popLast() {
            guard keep.insert(id).inserted,
                let row = try Row.fetchOne(db, sql: "SELECT parent FROM place WHERE id = ?", arguments: [id])
            else { continue }
            if let parent: String = row["parent"] {
                if gazetteer.place(id: parent) == nil { climb.append(parent) } else { known.append(parent) }
            }
        }
        // The kept ids as a JSON array: one statement per table, whatever their number.
        let kept = String(decoding: try JSONEncoder().encode(keep.sorted()), as: UTF8.self)
        try db.execute(sql: "DELETE FROM alias WHERE place_id NOT IN (SELECT value FROM json_each(?))", arguments: [kept])
        try db.execute(sql: "DELETE FROM place WHERE id NOT IN (SELECT value FROM json_each(?))", arguments: [kept])
        try db.execute(sql: "DELETE FROM place_key_filter")
        try add(db, ids: known, from: gazetteer)
        let embedded = gazetteer === Gazetteer.shared
        let filter = embedded ? KeyFilter.shared : KeyFilter(keys: Store.keys(of: gazetteer))
        try db.execute(
            sql: "INSERT INTO place_key_filter(id, gazetteer, hashes, bits) VALUES (1, ?, ?, ?)",
            arguments: [embedded ? KeyFilter.version : "other", filter.hashes, filter.bits])
    }

    /// The places a search reads a typed name as, by the key of their canonical name: front,
    /// curated, or of 10,000 people and more (`Store.mergePlaceNames`).
    static func searchedPlaces(_ gazetteer: Gazetteer) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for p in gazetteer.places where Store.isSearched(p) {
            out[Store.nameKey(p.name), default: []].append(p.id)
        }
        return out
    }

    static let searchedPlacesOfShared = searchedPlaces(.shared)

    /// The searched places whose canonical name is a run of words of `place`'s: Kharkiv in "Kharkiv
    /// Oblast", Kupiansk in "Kupiansk direction", and the places of the same name. A search for
    /// "Kharkov" reads it as Kharkiv, whose name matches the events that name Kharkiv Oblast; for
    /// that, Kharkiv must be in the tables even when no week names the city.
    static func namesWithin(_ place: Place, _ searched: [String: [String]]) -> [String] {
        let words = Store.nameKey(place.name).split(separator: " ")
        var out: [String] = []
        for n in stride(from: words.count, through: 1, by: -1) {
            for start in 0...(words.count - n) {
                out += searched[words[start..<(start + n)].joined(separator: " ")] ?? []
            }
        }
        return out.filter { $0 != place.id }
    }

    /// Adds the places `ids`, the places they lie in and the places named within their names
    /// (`namesWithin`), unless they are there already. A place in the table always has those
    /// there too, so a place found stops the climb.
    static func add(_ db: Database, ids: some Sequence<String>, from gazetteer: Gazetteer) throws {
        var stored = Set<String>()
        try add(db, ids: ids, from: gazetteer, stored: &stored)
    }

    /// `stored`: ids known to be in the tables with the places they lie in (skipped); the ids this
    /// call finds or adds join them.
    static func add(_ db: Database, ids: some Sequence<String>, from gazetteer: Gazetteer, stored: inout Set<String>) throws {
        let exists = try RawStatement(db, "SELECT 1 FROM place WHERE id = ?")
        let insertPlace = try RawStatement(
            db,
            """
            INSERT INTO place(id, name, kind, parent, country, front, latitude, longitude, population, aliases, curated)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertAlias = try RawStatement(db, "INSERT OR IGNORE INTO alias(folded, place_id) VALUES (?, ?)")
        let searched = gazetteer === Gazetteer.shared ? searchedPlacesOfShared : searchedPlaces(gazetteer)
        var pending = Array(ids).reversed() as [String]
        var seen = Set<String>()
        while let id = pending.popLast() {
            guard !stored.contains(id), seen.insert(id).inserted, let p = gazetteer.place(id: id) else { continue }
            exists.bind(1, id)
            if try exists.hasRow() {
                stored.insert(id)
                continue
            }
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
            stored.insert(id)
            for key in Store.nameKeys(of: p.id, in: gazetteer) {
                insertAlias.bind(1, key)
                insertAlias.bind(2, p.id)
                try insertAlias.run()
            }
            if let parent = p.parent { pending.append(parent) }
            pending += namesWithin(p, searched)
        }
    }
}

extension Store {
    /// The folded, space-separated words of a name: how names are keyed in the `alias` table.
    public static func nameKey(_ name: String) -> String {
        PlaceMatcher.key(name)
    }

    /// A name's key, unless it is too short or too common to name a place.
    static func placeKey(_ name: String) -> String? {
        let key = nameKey(name)
        return key.count >= 3 && !PlaceMatcher.isStopWord(key) ? key : nil
    }

    /// The keys a place is found by.
    static func nameKeys(of id: String, in gazetteer: Gazetteer) -> [String] {
        gazetteer.names(of: id).compactMap(placeKey)
    }

    /// Every key of a gazetteer's places (what `nameKeys` gives for each).
    static func keys(of gazetteer: Gazetteer) -> Set<String> {
        var out = Set<String>()
        out.reserveCapacity(80_000)
        gazetteer.forEachName { _, name in
            if let key = placeKey(name) { out.insert(key) }
        }
        return out
    }

    /// Whether a search reads a typed name as this place: front, curated, or of 10,000 people and
    /// more (the same test as `mergePlaceNames`' query).
    static func isSearched(_ p: Place) -> Bool {
        p.front || p.curated || (p.population ?? 0) >= 10_000
    }

    /// The embedded gazetteer's places by key, for names the database's tables do not hold. Built
    /// on first use (half a second: a reader who types a place no week names).
    static let gazetteerKeys: [String: [Place]] = {
        var out: [String: [Place]] = [:]
        Gazetteer.shared.forEachName { p, name in
            // A place's names come together: a key it has already is at the end of its list.
            guard let key = placeKey(name), out[key]?.last?.id != p.id else { return }
            out[key, default: []].append(p)
        }
        return out
    }()

    /// Most relevant first: front, curated, then by population.
    static func relevance(_ a: Place, _ b: Place) -> Bool {
        if a.front != b.front { return a.front }
        if a.curated != b.curated { return a.curated }
        if a.population != b.population { return (a.population ?? -1) > (b.population ?? -1) }
        return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
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
                    ORDER BY p.front DESC, p.curated DESC, p.population DESC, p.id
                    """, arguments: [key]
            ).map(Store.place)
        }
        if !found.isEmpty { return found }
        // A place no week names is not in the tables; the gazetteer may still know it. The filter
        // answers for the gazetteer it was made from: a program with another one looks it up.
        let filter = try read { db in
            try Row.fetchOne(db, sql: "SELECT gazetteer, hashes, bits FROM place_key_filter WHERE id = 1").flatMap {
                $0["gazetteer"] == KeyFilter.version ? KeyFilter(hashes: $0["hashes"], bits: $0["bits"]) : nil
            }
        }
        if filter?.mayContain(key) ?? true, let known = Store.gazetteerKeys[key] { return known.sorted(by: Store.relevance) }
        throw StoreError.unknownPlace(name, suggestions: try suggestions(for: key))
    }

    /// Names close to `key` (edit distance), among the places the weeks name and the regions they
    /// lie in.
    func suggestions(for key: String) throws -> [String] {
        let rows = try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.folded, p.name FROM alias a JOIN place p ON p.id = a.place_id
                    """)
        }
        let target = Array(key.unicodeScalars)
        var scored: [(Int, String)] = []
        for r in rows {
            let folded: String = r[0]
            // The first words of a longer name come first ("chasiv" → Chasiv Yar).
            if !key.isEmpty, folded.hasPrefix(key + " ") {
                scored.append((-1, r[1]))
                continue
            }
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

    /// Places mentioned at least once (or the whole gazetteer with `all`), front first, then by
    /// mentions.
    public func fronts(all: Bool = false) throws -> [PlaceMentions] {
        var out = try read { db in
            let sql = """
                SELECT p.*, coalesce(m.n, 0) AS mentions, parent.name AS parent_name
                FROM place p
                \(all ? "LEFT" : "") JOIN (SELECT place_id, count(*) AS n FROM event_place GROUP BY place_id) m
                    ON m.place_id = p.id
                LEFT JOIN place parent ON parent.id = p.parent
                ORDER BY p.front DESC, mentions DESC, p.population DESC, p.name, p.id
                """
            return try Row.fetchAll(db, sql: sql).map {
                PlaceMentions(place: Store.place($0), mentions: $0["mentions"], parentName: $0["parent_name"])
            }
        }
        guard all else { return out }
        // The places no week names are in the gazetteer only.
        let g = Gazetteer.shared
        let held = Set(out.map(\.place.id))
        let rest = g.places.filter { !held.contains($0.id) }.map { p in
            PlaceMentions(place: p, mentions: 0, parentName: p.parent.flatMap { g.place(id: $0)?.name })
        }
        out += rest
        // The order of the query above.
        return out.sorted { a, b in
            if a.place.front != b.place.front { return a.place.front }
            if a.mentions != b.mentions { return a.mentions > b.mentions }
            if a.place.population != b.place.population { return (a.place.population ?? -1) > (b.place.population ?? -1) }
            if a.place.name != b.place.name { return a.place.name.utf8.lexicographicallyPrecedes(b.place.name.utf8) }
            return a.place.id.utf8.lexicographicallyPrecedes(b.place.id.utf8)
        }
    }
}

/// A Bloom filter of the keys a gazetteer knows: whether a name may be one of them (about 1 in 100
/// names that are not say yes) or surely is not. 9.6 bits and 7 probes per key: 72 KB for the
/// embedded gazetteer's keys, where the keys themselves took 2 MB with their index.
struct KeyFilter: Sendable {
    let hashes: Int
    let bits: Data

    /// The filter of the embedded gazetteer, built once per process.
    static let shared = KeyFilter(keys: Store.keys(of: .shared))

    /// What a stored filter answers for: the embedded gazetteer's tables, and the way names become
    /// keys and keys bits. Bump `format` when `PlaceMatcher.key`, the stop words, the region forms
    /// or `probes` change.
    static let format = 1
    static let version = "\(Gazetteer.embeddedVersion) keys \(format)"

    init(hashes: Int, bits: Data) {
        self.hashes = hashes
        self.bits = bits
    }

    init(keys: some Collection<String>) {
        let size = max(64, (keys.count * 96 / 10 + 7) / 8)
        var bytes = [UInt8](repeating: 0, count: size)
        hashes = 7
        for key in keys {
            for bit in KeyFilter.probes(key, hashes: hashes, bitCount: size * 8) { bytes[bit >> 3] |= 1 << UInt8(bit & 7) }
        }
        bits = Data(bytes)
    }

    func mayContain(_ key: String) -> Bool {
        guard !bits.isEmpty, hashes > 0 else { return true }
        return bits.withUnsafeBytes { raw in
            KeyFilter.probes(key, hashes: hashes, bitCount: raw.count * 8).allSatisfy { raw[$0 >> 3] & (1 << UInt8($0 & 7)) != 0 }
        }
    }

    /// The bits a key sets: two FNV-1a hashes of its UTF-8 bytes, combined (Kirsch–Mitzenmacher).
    /// Fixed here, not Swift's per-process seeded `Hasher`: the bits are stored.
    static func probes(_ key: String, hashes: Int, bitCount: Int) -> [Int] {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x84222325_cbf29ce4
        for byte in key.utf8 {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_0193
        }
        b |= 1
        let m = UInt64(bitCount)
        return (0..<UInt64(hashes)).map { Int((a &+ $0 &* b) % m) }
    }
}

/// Levenshtein distance with an upper limit (nil when over it).
public enum EditDistance {
    public static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
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
