import Foundation

/// The publisher's weekly summaries: Monday to Friday, days A to A+4 with A = 5 + 7k (day 5 is
/// Monday 28 February 2022), at `/fr/A-B` and `/en/A-B`.
public enum PublishedWeeks {
    /// The weekly range of the Monday–Sunday calendar week that holds `day`; nil before day 5.
    public static func range(containing day: Int) -> DayRange? {
        guard day >= 5 else { return nil }
        let monday = 5 + (day - 5) / 7 * 7
        return DayRange(first: monday, last: monday + 4)
    }

    /// Every weekly range that shares a day with `first...last`, oldest first.
    public static func ranges(overlapping first: Int, _ last: Int) -> [DayRange] {
        guard last >= first, last >= 5 else { return [] }
        // The range starting on the Monday on or before `first` overlaps when `first` is Monday–Friday.
        var monday = 5 + max(0, (first - 5)) / 7 * 7
        if monday + 4 < first { monday += 7 }
        var out: [DayRange] = []
        while monday <= last {
            out.append(DayRange(first: monday, last: monday + 4))
            monday += 7
        }
        return out
    }

    /// Today's invasion day number in Kyiv, where the summaries are dated.
    public static func today(now: Date = Date()) -> Int {
        let zone = TimeZone(identifier: "Europe/Kyiv") ?? TimeZone(identifier: "Europe/Kiev") ?? TimeZone(secondsFromGMT: 2 * 3600)!
        let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: now)
        let ordinal = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return CalendarDay(ordinal: ordinal).invasionDay
    }
}

/// What `bilan fetch` is asked for on its command line: one week (`971-975`, a day, a date) or a span
/// `FROM..TO` of days or dates, meaning every weekly range that overlaps it.
public enum FetchSpan: Sendable, Hashable, CustomStringConvertible {
    case week(DayRange)
    case span(first: Int, last: Int)

    /// Nil when `text` is neither; `latest` is not a span (it is `--latest`).
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let dots = t.range(of: "..") {
            guard let a = FetchSpan.day(String(t[..<dots.lowerBound])), let b = FetchSpan.day(String(t[dots.upperBound...])),
                a <= b
            else { return nil }
            self = .span(first: a, last: b)
            return
        }
        switch WeekRef(t) {
        case .range(let r)?: self = .week(r)
        case .day(let d)?:
            guard let r = PublishedWeeks.range(containing: d) else { return nil }
            self = .week(r)
        default: return nil
        }
    }

    /// A day number or a `YYYY-MM-DD` date, as a day number.
    static func day(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let d = CalendarDay(iso: t) { return d.invasionDay >= 1 ? d.invasionDay : nil }
        guard !t.isEmpty, t.count <= 6, t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t), n >= 1 else { return nil }
        return n
    }

    /// The weekly ranges this names, oldest first.
    public var ranges: [DayRange] {
        switch self {
        case .week(let r): return [r]
        case .span(let a, let b): return PublishedWeeks.ranges(overlapping: a, b)
        }
    }

    public var description: String {
        switch self {
        case .week(let r): return r.id
        case .span(let a, let b): return "\(a)..\(b)"
        }
    }
}
