/// The language a summary is written in.
public enum Language: String, Codable, Sendable, Hashable, CaseIterable {
    case fr, en
}
