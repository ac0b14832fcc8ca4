/// What happened to the drones a figure counts.
public enum FigureRole: String, Codable, Sendable, Hashable, CaseIterable {
    case launched
    case shotDown = "shot_down"
    case suppressed
    case other
}
