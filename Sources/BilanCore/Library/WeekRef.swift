/// How a reader names a week on the command line: `971-975` (thousands separators and en dashes
/// accepted), a day inside it (`973`), a date (`2024-10-23`), or `latest`.
public enum WeekRef: Sendable, Hashable, CustomStringConvertible {
    case range(DayRange)
    case day(Int)
    case latest

    /// What the command line says of a text that is none of these.
    public static func notAWeek(_ text: String) -> String {
        "“\(text)” is not a week: give a range (971-975), a day (973), a date (2024-10-23) or latest"
    }

    public init?(_ text: String) {
        let t = Folding.fold(text).trimmingSpaces()
        if t == "latest" || t == "last" || t == "newest" {
            self = .latest
            return
        }
        if let d = CalendarDay(iso: t) {
            let n = d.invasionDay
            guard n >= 1 else { return nil }
            self = .day(n)
            return
        }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
        func number(_ s: String) -> Int? {
            let cleaned = s.filter { $0 != "," && $0 != " " && $0 != "." && $0 != "'" }
            guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isASCII && $0.isNumber }), cleaned.count <= 6 else { return nil }
            return Int(cleaned)
        }
        if parts.count == 1, let n = number(parts[0]), n >= 1 {
            self = .day(n)
        } else if parts.count == 2, let a = number(parts[0]), let b = number(parts[1]), a >= 1, b >= a {
            self = .range(DayRange(first: a, last: b))
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .range(let r): return r.id
        case .day(let d): return "day \(d) (\(CalendarDay(invasionDay: d).iso))"
        case .latest: return "latest"
        }
    }
}
