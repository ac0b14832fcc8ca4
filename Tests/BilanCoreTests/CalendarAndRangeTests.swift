import BilanCore
import Testing

@Suite struct CalendarAndRangeTests {
    @Test func dayOneIsTheInvasion() {
        #expect(CalendarDay(invasionDay: 1).iso == "2022-02-24")
        #expect(CalendarDay(invasionDay: 1).weekday == 3)  // Thursday
    }

    @Test(arguments: [
        (971, "2024-10-21", 0), (975, "2024-10-25", 4), (1027, "2024-12-16", 0), (1048, "2025-01-06", 0),
        (366, "2023-02-24", 4), (5, "2022-02-28", 0),
    ])
    func dayNumbersToDates(day: Int, iso: String, weekday: Int) {
        let d = CalendarDay(invasionDay: day)
        #expect(d.iso == iso)
        #expect(d.weekday == weekday)
        #expect(CalendarDay(iso: iso)?.invasionDay == day)
    }

    @Test func isoParsingRejectsImpossibleDates() {
        #expect(CalendarDay(iso: "2024-02-30") == nil)
        #expect(CalendarDay(iso: "2024-13-01") == nil)
        #expect(CalendarDay(iso: "24-10-21") == nil)
        #expect(CalendarDay(iso: "2024-02-29")?.day == 29)
    }

    @Test func rangeIDsAreDigits() {
        #expect(DayRange(first: 971, last: 975).id == "971-975")
        #expect(DayRange(first: 938, last: 938).id == "938")
        #expect(DayRange(first: 971, last: 975).calendarWeekMonday.iso == "2024-10-21")
    }

    @Test(arguments: [
        ("971-975", WeekRef.range(DayRange(first: 971, last: 975))),
        ("1,027–1,031", .range(DayRange(first: 1027, last: 1031))),
        ("1 027-1 031", .range(DayRange(first: 1027, last: 1031))),
        ("973", .day(973)), ("2024-10-23", .day(973)), ("latest", .latest), ("LATEST", .latest),
    ])
    func weekReferences(text: String, expected: WeekRef) {
        #expect(WeekRef(text) == expected)
    }

    @Test(arguments: ["", "abc", "975-971", "2024-02-30", "0", "-3"])
    func badWeekReferences(text: String) {
        #expect(WeekRef(text) == nil)
    }
}
