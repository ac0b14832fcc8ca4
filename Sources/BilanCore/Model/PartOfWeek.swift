/// When in the week a sentence says something happened.
public enum PartOfWeek: String, Codable, Sendable, Hashable, CaseIterable {
    case start, middle, end
}
