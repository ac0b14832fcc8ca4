/// One sentence of a summary: the unit a reader filters and searches.
public struct Event: Sendable, Hashable, Codable {
    /// Paragraph number in the week, from 0.
    public var paragraph: Int
    /// Sentence number within the paragraph, from 0.
    public var index: Int
    public var text: String
    /// A sub-headline rather than a sentence of the body.
    public var heading: Bool
    /// Ids of the places the sentence names (gazetteer keys), in order of first mention.
    public var placeIDs: [String]
    /// Canonical names of those places, same order.
    public var places: [String]
    public var partOfWeek: PartOfWeek?
    public var date: CalendarDay?
    public var figures: [DroneFigure]

    public init(
        paragraph: Int, index: Int, text: String, heading: Bool = false, placeIDs: [String] = [],
        places: [String] = [], partOfWeek: PartOfWeek? = nil, date: CalendarDay? = nil,
        figures: [DroneFigure] = []
    ) {
        self.paragraph = paragraph
        self.index = index
        self.text = text
        self.heading = heading
        self.placeIDs = placeIDs
        self.places = places
        self.partOfWeek = partOfWeek
        self.date = date
        self.figures = figures
    }
}
