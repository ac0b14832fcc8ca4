/// One drone count read from a sentence.
public struct DroneFigure: Sendable, Hashable, Codable {
    /// The count; nil for "quelques-uns", "plusieurs", "several".
    public var value: Int?
    /// How exact the count is.
    public var qualifier: Qualifier
    /// What happened to the drones counted.
    public var role: FigureRole
    /// The canonical weapon when one is named ("Shahed", "Geran", "Lancet", "Orlan", "Gerbera");
    /// nil for plain "drones" or "UAVs".
    public var weapon: String?
    /// The exact substring of the sentence the count came from ("plus d’une centaine de drones").
    public var phrase: String
    /// Whether the sentence states the figure for the whole week ("cette semaine", "this week").
    public var wholeWeek: Bool
    /// A lowercased, accent-folded key for the night, date or weekday the sentence names
    /// ("3 septembre", "monday"); nil when none. Used only to tell equal figures apart.
    public var occasion: String?

    /// Creates a figure.
    public init(
        value: Int?, qualifier: Qualifier, role: FigureRole, weapon: String? = nil,
        phrase: String, wholeWeek: Bool = false, occasion: String? = nil
    ) {
        self.value = value
        self.qualifier = qualifier
        self.role = role
        self.weapon = weapon
        self.phrase = phrase
        self.wholeWeek = wholeWeek
        self.occasion = occasion
    }
}
