/// A span of invasion day numbers, e.g. 971-975; the key of a weekly summary with its language.
public struct DayRange: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var first: Int
    public var last: Int

    public init(first: Int, last: Int) {
        self.first = first
        self.last = max(first, last)
    }

    /// The stored id: plain digits, `971-975`, or `938` for a one-day page.
    public var id: String { first == last ? "\(first)" : "\(first)-\(last)" }
    public var description: String { id }

    public var startDate: CalendarDay { CalendarDay(invasionDay: first) }
    public var endDate: CalendarDay { CalendarDay(invasionDay: last) }

    public func contains(day: Int) -> Bool { (first...last).contains(day) }

    /// The Monday of the calendar week (Monday–Sunday) that holds the range's first day.
    public var calendarWeekMonday: CalendarDay {
        let s = startDate
        return s.adding(days: -s.weekday)
    }

    public static func < (a: DayRange, b: DayRange) -> Bool {
        a.first != b.first ? a.first < b.first : a.last < b.last
    }
}
