/// A figure with the sentence it was read from.
public struct SourcedFigure: Sendable, Hashable, Codable {
    /// The figure.
    public var figure: DroneFigure
    /// The paragraph of the sentence in its week, from 0.
    public var paragraph: Int
    /// The sentence's position in its paragraph, from 0.
    public var index: Int
    /// The whole sentence.
    public var text: String
    /// Whether the sentence is a sub-headline.
    public var heading: Bool
    /// "start", "middle", "end" or nil.
    public var partOfWeek: String?
    /// The ISO day ("2024-10-21") the sentence names, or nil.
    public var date: String?

    /// Creates a sourced figure.
    public init(
        figure: DroneFigure, paragraph: Int, index: Int, text: String, heading: Bool = false,
        partOfWeek: String? = nil, date: String? = nil
    ) {
        self.figure = figure
        self.paragraph = paragraph
        self.index = index
        self.text = text
        self.heading = heading
        self.partOfWeek = partOfWeek
        self.date = date
    }
}

/// A tallied count and how exact it is.
public struct TallyValue: Sendable, Hashable, Codable {
    /// The count; nil when only unknown counts ("plusieurs drones") were reported.
    public var value: Int?
    /// How exact the count is.
    public var qualifier: Qualifier

    /// Creates a tally value.
    public init(value: Int?, qualifier: Qualifier) {
        self.value = value
        self.qualifier = qualifier
    }
}

/// A week's drone figures per role.
public struct WeekTally: Sendable, Hashable, Codable {
    /// Drones launched; nil when the week reports none.
    public var launched: TallyValue?
    /// Drones shot down; nil when the week reports none.
    public var shotDown: TallyValue?
    /// Drones suppressed by electronic warfare ("locally lost"); nil when the week reports none.
    public var suppressed: TallyValue?
    /// Every figure the tally came from (all roles, `.other` included), in text order.
    public var figures: [SourcedFigure]

    /// Creates a tally.
    public init(
        launched: TallyValue? = nil, shotDown: TallyValue? = nil, suppressed: TallyValue? = nil,
        figures: [SourcedFigure] = []
    ) {
        self.launched = launched
        self.shotDown = shotDown
        self.suppressed = suppressed
        self.figures = figures
    }

    /// The tally for `role`; always nil for `.other`, which is not tallied.
    public subscript(role: FigureRole) -> TallyValue? {
        switch role {
        case .launched: launched
        case .shotDown: shotDown
        case .suppressed: suppressed
        case .other: nil
        }
    }
}
