/// The places the parser knows: GeoNames' Ukrainian and Russian localities with the hand-kept overlay
/// applied over them (canonical names, French spellings, regions, directions, front flags).
///
/// Loading parses the embedded tables once (tens of milliseconds); only `import`, `reindex` and the
/// creation of a database need it. Reading commands use the store's alias table instead.
public final class Gazetteer: Sendable {
    public let places: [Place]
    private let index: [String: Int]
    /// Names used only for matching text: region forms generated from stems ("région de Koursk").
    let matchingAliases: [[String]]

    /// The embedded gazetteer, loaded on first use.
    public static let shared: Gazetteer = Gazetteer(geonames: GeoNamesData.tsv, overlay: OverlayData.tsv)

    /// Names the embedded gazetteer's tables, without loading them (a hash of their text, about a
    /// millisecond): what a database records it took its places from.
    public static let embeddedVersion: String = ContentHash.of(GeoNamesData.tsv + "\u{0}" + OverlayData.tsv)

    public init(geonames: String, overlay: String) {
        var places: [Place] = []
        var index: [String: Int] = [:]
        var admin1: [Int: String] = [:]  // place index -> GeoNames admin1 code
        var stems: [Int: [String]] = [:]
        places.reserveCapacity(12_000)

        // Split as bytes: splitting the 1 MB table by Characters was a third of the load time.
        for line in geonames.utf8.split(separator: UInt8(ascii: "\n")) {
            let c = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
            guard c.count >= 8 else { continue }
            let pop = Int(c[6]) ?? 0
            let kind: PlaceKind = pop >= 100_000 ? .city : pop >= 10_000 ? .town : .village
            let p = Place(
                id: "gn:\(c[0])", name: c[1], kind: kind, country: c[2],
                latitude: Double(c[4]), longitude: Double(c[5]), population: pop,
                aliases: c[7].isEmpty ? [] : c[7].utf8.split(separator: UInt8(ascii: "|")).map { String(decoding: $0, as: UTF8.self) })
            index[p.id] = places.count
            admin1[places.count] = c[3]
            places.append(p)
        }

        var adminParent: [String: String] = [:]
        for line in overlay.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                String($0).trimmingSpaces()
            }
            guard c.count >= 12, !c[0].isEmpty else { continue }
            let key = c[0]
            let list = { (s: String) in s.isEmpty ? [] : s.split(separator: "|").map { String($0).trimmingSpaces() } }
            var i: Int
            if let existing = index[key] {
                i = existing
            } else {
                guard !c[1].isEmpty, let kind = PlaceKind(rawValue: c[2]) else { continue }
                i = places.count
                index[key] = i
                places.append(Place(id: key, name: c[1], kind: kind, country: c[4].isEmpty ? "UA" : c[4]))
            }
            var p = places[i]
            p.curated = true
            if !c[1].isEmpty, c[1] != p.name {
                p.aliases.insert(p.name, at: 0)
                p.name = c[1]
            }
            if let k = PlaceKind(rawValue: c[2]) { p.kind = k }
            if !c[3].isEmpty { p.parent = c[3] }
            if !c[4].isEmpty { p.country = c[4] }
            if c[5] == "1" { p.front = true }
            if let lat = Double(c[6]) { p.latitude = lat }
            if let lon = Double(c[7]) { p.longitude = lon }
            if let pop = Int(c[8]) { p.population = pop }
            for code in list(c[9]) { adminParent[code] = key }
            let s = list(c[10])
            if !s.isEmpty { stems[i, default: []] += s }
            p.aliases += s + list(c[11])
            places[i] = p
        }

        // Parents from GeoNames' admin1 codes, deduplicated aliases.
        for i in places.indices {
            if places[i].parent == nil, let code = admin1[i], let parent = adminParent[code], parent != places[i].id {
                places[i].parent = parent
            }
            var seen: Set<String> = [Folding.fold(places[i].name)]
            places[i].aliases = places[i].aliases.filter { seen.insert(Folding.fold($0)).inserted }
        }

        var matching: [[String]] = Array(repeating: [], count: places.count)
        for (i, p) in places.enumerated() {
            if p.kind == .oblast || p.kind == .region || p.kind == .direction, let s = stems[i] {
                let bare = Set(s.map { Folding.fold($0) })
                matching[i] = [p.name] + p.aliases.filter { !bare.contains(Folding.fold($0)) }
                    + s.flatMap { Gazetteer.expand(stem: $0, kind: p.kind) }
            } else {
                matching[i] = [p.name] + p.aliases
            }
        }
        self.places = places
        self.index = index
        self.matchingAliases = matching
    }

    public func place(id: String) -> Place? { index[id].map { places[$0] } }

    /// Every name of every place, as `names(of:)` gives them but with repeats: for building a set
    /// of keys without folding each name twice.
    public func forEachName(_ body: (Place, String) -> Void) {
        for (i, p) in places.enumerated() {
            body(p, p.name)
            for a in p.aliases { body(p, a) }
            for m in matchingAliases[i] { body(p, m) }
        }
    }

    /// Every name a reader may type for a place: canonical, aliases, and the region forms.
    public func names(of id: String) -> [String] {
        guard let i = index[id] else { return [] }
        var seen = Set<String>()
        return ([places[i].name] + places[i].aliases + matchingAliases[i]).filter { seen.insert(Folding.fold($0)).inserted }
    }

    /// The region or direction forms of a bare name: "région de Koursk", "Kursk region", "oblast de Koursk"…
    static func expand(stem s: String, kind: PlaceKind) -> [String] {
        let elided = s.first.map { "aeiouyhâéèêîïôûAEIOUYHÂÉÈÊÎÏÔÛ".contains($0) } ?? false
        let de = elided ? "d’" + s : "de " + s
        let cyrillic = s.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
        if cyrillic { return [] }
        switch kind {
        case .direction:
            return ["direction \(de)", "axe \(de)", "secteur \(de)", "front \(de)", "\(s) direction",
                "\(s) axis", "\(s) sector", "\(s) front"]
        default:
            return ["région \(de)", "oblast \(de)", "province \(de)", "kraï \(de)", "krai \(de)",
                "territoire \(de)", "république \(de)", "\(s) region", "\(s) Region", "\(s) oblast",
                "\(s) Oblast", "\(s) province", "\(s) krai", "\(s) Krai", "Republic of \(s)", "oblast \(s)"]
        }
    }
}
