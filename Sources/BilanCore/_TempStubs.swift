// TEMPORARY: removed when the gazetteer and figure files land.
public enum Qualifier: String, Codable, Sendable, Hashable, CaseIterable { case exact, approx, atLeast = "at_least", atMost = "at_most" }
public enum FigureRole: String, Codable, Sendable, Hashable, CaseIterable { case launched, shotDown = "shot_down", suppressed, other }
public struct DroneFigure: Sendable, Hashable, Codable {
    public var value: Int?; public var qualifier: Qualifier; public var role: FigureRole; public var weapon: String?
    public var phrase: String; public var wholeWeek: Bool; public var occasion: String?
}
public enum DroneFigureReader { public static func figures(in sentence: String, language: Language) -> [DroneFigure] { [] } }
public struct SourcedFigure: Sendable, Hashable, Codable {
    public var figure: DroneFigure; public var paragraph: Int; public var index: Int; public var text: String
    public var heading: Bool; public var partOfWeek: String?; public var date: String?
    public init(figure: DroneFigure, paragraph: Int, index: Int, text: String, heading: Bool, partOfWeek: String?, date: String?) {
        self.figure = figure; self.paragraph = paragraph; self.index = index; self.text = text; self.heading = heading; self.partOfWeek = partOfWeek; self.date = date
    }
}
public struct TallyValue: Sendable, Hashable, Codable { public var value: Int?; public var qualifier: Qualifier }
public struct WeekTally: Sendable, Hashable, Codable {
    public var launched: TallyValue?; public var shotDown: TallyValue?; public var suppressed: TallyValue?; public var figures: [SourcedFigure]
}
public enum TallyBuilder { public static func tally(_ figures: [SourcedFigure]) -> WeekTally { WeekTally(figures: figures) } }
