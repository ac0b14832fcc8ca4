/// What sort of place a gazetteer entry is.
public enum PlaceKind: String, Codable, Sendable, Hashable, CaseIterable {
    case city, town, village, oblast, region, direction
}

/// One place of the gazetteer: a town, a region or a direction of the front.
public struct Place: Sendable, Hashable, Codable {
    /// Stable key: `gn:<GeoNames id>` or an overlay slug such as `oblast:ru-kursk`.
    public var id: String
    /// Canonical name (Ukraine's official romanization for Ukrainian places).
    public var name: String
    public var kind: PlaceKind
    /// Key of the enclosing region, nil for a top-level region.
    public var parent: String?
    /// ISO country code: UA or RU.
    public var country: String
    /// A place of the front line.
    public var front: Bool
    public var latitude: Double?
    public var longitude: Double?
    public var population: Int?
    /// Other names and spellings (French, English, Ukrainian, Russian), without the canonical name.
    public var aliases: [String]
    /// Described or corrected by the hand-kept overlay.
    public var curated: Bool

    public init(
        id: String, name: String, kind: PlaceKind, parent: String? = nil, country: String,
        front: Bool = false, latitude: Double? = nil, longitude: Double? = nil, population: Int? = nil,
        aliases: [String] = [], curated: Bool = false
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parent = parent
        self.country = country
        self.front = front
        self.latitude = latitude
        self.longitude = longitude
        self.population = population
        self.aliases = aliases
        self.curated = curated
    }

    /// Ordering for names that several places share: front first, then curated, then regions, then population.
    func outranks(_ other: Place) -> Bool {
        if front != other.front { return front }
        if curated != other.curated { return curated }
        let r1 = kind.rank, r2 = other.kind.rank
        if r1 != r2 { return r1 < r2 }
        return (population ?? 0) > (other.population ?? 0)
    }
}

extension PlaceKind {
    var rank: Int {
        switch self {
        case .oblast, .region: return 0
        case .direction: return 1
        case .city: return 2
        case .town: return 3
        case .village: return 4
        }
    }
}
