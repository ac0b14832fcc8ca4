@testable import BilanCore
import Foundation
import Testing

@Suite struct PublishedWeeksTests {
    static func r(_ first: Int, _ last: Int) -> DayRange { DayRange(first: first, last: last) }

    /// An ISO 8601 UTC instant, e.g. `2024-10-20T21:30:00Z`.
    static func instant(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }

    // MARK: range(containing:)

    @Test(arguments: [
        (971, 971), (973, 971), (975, 971),  // Monday, Wednesday, Friday 21–25 October 2024
        (976, 971), (977, 971),  // Saturday 26, Sunday 27: still the week of 21 October
        (978, 978),  // Monday 28 October
        (5, 5), (9, 5), (11, 5), (12, 12),  // the first published week, 28 February – 4 March 2022
        (1027, 1027), (1033, 1027),
    ])
    func rangeContainingADay(day: Int, monday: Int) {
        #expect(PublishedWeeks.range(containing: day) == Self.r(monday, monday + 4))
    }

    @Test(arguments: [4, 3, 1, 0, -3])
    func noRangeBeforeTheFirstMonday(day: Int) {
        #expect(PublishedWeeks.range(containing: day) == nil)
    }

    @Test func rangesRunMondayToFriday() throws {
        for day in 5...1100 {
            let range = try #require(PublishedWeeks.range(containing: day))
            #expect(range.startDate.weekday == 0, "day \(day)")
            #expect(range.endDate.weekday == 4, "day \(day)")
            #expect(range.calendarWeekMonday == CalendarDay(invasionDay: day).adding(days: -CalendarDay(invasionDay: day).weekday))
        }
        #expect(PublishedWeeks.range(containing: 971)?.startDate.iso == "2024-10-21")
    }

    // MARK: ranges(overlapping:_:)

    @Test func spanOfThreeWeeks() {
        #expect(PublishedWeeks.ranges(overlapping: 957, 975) == [Self.r(957, 961), Self.r(964, 968), Self.r(971, 975)])
    }

    @Test func spanStartingOnAWeekendSkipsThatWeek() {
        // 976 is Saturday 26 October 2024, 977 Sunday 27.
        #expect(PublishedWeeks.ranges(overlapping: 976, 985) == [Self.r(978, 982), Self.r(985, 989)])
        #expect(PublishedWeeks.ranges(overlapping: 977, 982) == [Self.r(978, 982)])
    }

    @Test func spanStartingMidWeekKeepsThatWeek() {
        #expect(PublishedWeeks.ranges(overlapping: 975, 978) == [Self.r(971, 975), Self.r(978, 982)])
        #expect(PublishedWeeks.ranges(overlapping: 973, 973) == [Self.r(971, 975)])
    }

    @Test func spanEndingOnAWeekendStopsAtThatWeek() {
        #expect(PublishedWeeks.ranges(overlapping: 964, 977) == [Self.r(964, 968), Self.r(971, 975)])  // to Sunday
        #expect(PublishedWeeks.ranges(overlapping: 964, 976) == [Self.r(964, 968), Self.r(971, 975)])  // to Saturday
        #expect(PublishedWeeks.ranges(overlapping: 964, 978) == [Self.r(964, 968), Self.r(971, 975), Self.r(978, 982)])
    }

    @Test func weekendOnlySpanHasNoRange() {
        #expect(PublishedWeeks.ranges(overlapping: 976, 977).isEmpty)
    }

    @Test func spanFromTheStart() {
        #expect(PublishedWeeks.ranges(overlapping: 1, 10) == [Self.r(5, 9)])
        #expect(PublishedWeeks.ranges(overlapping: 3, 5) == [Self.r(5, 9)])
        #expect(PublishedWeeks.ranges(overlapping: 1, 4).isEmpty)
    }

    @Test func reversedSpanHasNoRange() {
        #expect(PublishedWeeks.ranges(overlapping: 975, 957).isEmpty)
    }

    @Test func overlappingRangesAreExactlyThoseSharingADay() {
        // Against a plain definition, over many spans.
        let all = (0..<200).map { Self.r(5 + 7 * $0, 9 + 7 * $0) }
        for first in 1...60 {
            for last in first...(first + 30) {
                let expected = all.filter { $0.first <= last && $0.last >= first }
                #expect(PublishedWeeks.ranges(overlapping: first, last) == expected, "\(first)..\(last)")
            }
        }
    }

    // MARK: today(now:)

    @Test func todayIsKyivsDateInSummer() throws {
        // UTC+3 until 27 October 2024: 21:30 UTC on the 20th is 00:30 on the 21st in Kyiv.
        #expect(PublishedWeeks.today(now: try Self.instant("2024-10-20T21:30:00Z")) == 971)
        #expect(PublishedWeeks.today(now: try Self.instant("2024-10-20T20:59:59Z")) == 970)
        #expect(PublishedWeeks.today(now: try Self.instant("2024-10-21T20:59:59Z")) == 971)
        #expect(PublishedWeeks.today(now: try Self.instant("2024-10-21T21:00:00Z")) == 972)
    }

    @Test func todayIsKyivsDateInWinter() throws {
        // UTC+2 in winter: 21:30 UTC on 15 December 2024 is still the 15th (day 1026) in Kyiv.
        #expect(PublishedWeeks.today(now: try Self.instant("2024-12-15T21:30:00Z")) == 1026)
        #expect(PublishedWeeks.today(now: try Self.instant("2024-12-15T22:00:00Z")) == 1027)
        #expect(PublishedWeeks.today(now: try Self.instant("2022-02-23T22:00:00Z")) == 1)  // 24 February 2022, 00:00
    }

    @Test func todayAcrossTheSpringChange() throws {
        // Summer time starts at 01:00 UTC on 31 March 2024 (day 767).
        #expect(PublishedWeeks.today(now: try Self.instant("2024-03-30T21:59:59Z")) == 766)
        #expect(PublishedWeeks.today(now: try Self.instant("2024-03-30T22:00:00Z")) == 767)
        #expect(PublishedWeeks.today(now: try Self.instant("2024-03-31T20:59:59Z")) == 767)
        #expect(PublishedWeeks.today(now: try Self.instant("2024-03-31T21:00:00Z")) == 768)
    }

    // MARK: FetchSpan

    @Test(arguments: [
        ("971-975", FetchSpan.week(DayRange(first: 971, last: 975))),
        ("973", .week(DayRange(first: 971, last: 975))),
        ("976", .week(DayRange(first: 971, last: 975))),  // a Saturday: the week it ends
        ("2024-10-23", .week(DayRange(first: 971, last: 975))),
        (" 971-975 ", .week(DayRange(first: 971, last: 975))),
        ("957..975", .span(first: 957, last: 975)),
        ("2024-10-01..2024-10-31", .span(first: 951, last: 981)),
        ("957..2024-10-25", .span(first: 957, last: 975)),
        ("973..973", .span(first: 973, last: 973)),
    ])
    func spansRead(text: String, expected: FetchSpan) {
        #expect(FetchSpan(text) == expected)
    }

    @Test(arguments: [
        "975..957", "abc", "..5", "5..", "..", "", "4", "0", "-3", "latest", "2022-02-23", "2024-02-30",
        "2024-10-31..2024-10-01", "957..abc", "957...975", "1234567..1234568",
    ])
    func badSpans(text: String) {
        #expect(FetchSpan(text) == nil)
    }

    @Test func spanRangesAndDescriptions() throws {
        let october = try #require(FetchSpan("2024-10-01..2024-10-31"))
        #expect(october.ranges == [Self.r(950, 954), Self.r(957, 961), Self.r(964, 968), Self.r(971, 975), Self.r(978, 982)])
        #expect(october.description == "951..981")
        let span = try #require(FetchSpan("957..975"))
        #expect(span.ranges == [Self.r(957, 961), Self.r(964, 968), Self.r(971, 975)])
        #expect(span.description == "957..975")
        let week = try #require(FetchSpan("973"))
        #expect(week.ranges == [Self.r(971, 975)])
        #expect(week.description == "971-975")
    }

    // MARK: URLTemplate.make

    func url(_ template: String?, _ base: String, _ range: DayRange = DayRange(first: 971, last: 975), _ language: Language = .fr) -> String? {
        guard case .success(let t) = URLTemplate.make(template: template, base: base) else { return nil }
        return t.url(range, language)?.absoluteString
    }

    func rejects(_ template: String?, _ base: String) -> Bool {
        if case .failure = URLTemplate.make(template: template, base: base) { return true }
        return false
    }

    @Test func defaultTemplate() {
        #expect(URLTemplate.standard == "{base}/{lang}/{range}")
        #expect(url(nil, "https://example.org") == "https://example.org/fr/971-975")
        #expect(url(nil, "https://example.org", Self.r(1027, 1031), .en) == "https://example.org/en/1027-1031")
        #expect(url(nil, "http://localhost:8080/archive") == "http://localhost:8080/archive/fr/971-975")
    }

    @Test func trailingSlashOnTheBaseGivesNoDoubleSlash() {
        #expect(url(nil, "https://example.org/") == "https://example.org/fr/971-975")
        #expect(url(nil, "https://example.org/archive/") == "https://example.org/archive/fr/971-975")
    }

    @Test func customTemplates() {
        #expect(url("{base}/{lang}/weekly-{first}-to-{last}.html", "https://example.org") == "https://example.org/fr/weekly-971-to-975.html")
        #expect(url("{base}/?lang={lang}&week={range}", "https://example.org", Self.r(971, 975), .en) == "https://example.org/?lang=en&week=971-975")
        #expect(url("https://mirror.example.net/{range}", "https://example.org") == "https://mirror.example.net/971-975")
    }

    @Test(arguments: ["{base}/{lang}/", "{base}/{lang}/{last}", "{base}/{lang}/latest", ""])
    func templateWithoutAWeekIsRejected(template: String) {
        #expect(rejects(template, "https://example.org"))
    }

    @Test(arguments: ["ftp://x", "file:///tmp", "example.org", "https://", "mailto:a@example.org", "javascript:alert(1)", ""])
    func baseThatIsNotHTTPIsRejected(base: String) {
        #expect(rejects(nil, base))
    }

    @Test func schemeIsCaseInsensitive() {
        #expect(!rejects(nil, "HTTPS://example.org"))
    }
}
