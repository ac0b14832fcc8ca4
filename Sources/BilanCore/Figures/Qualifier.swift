/// How exact a count is.
public enum Qualifier: String, Codable, Sendable, Hashable, CaseIterable {
    case exact
    case approx
    case atLeast = "at_least"
    case atMost = "at_most"
}
