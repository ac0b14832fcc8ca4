import BilanCore
import Testing

@Suite struct TimeInWeekTests {
    let week = DayRange(first: 971, last: 975)  // Mon 21 – Fri 25 October 2024

    @Test(arguments: [
        ("En début de semaine, les Russes ont avancé.", PartOfWeek.start, nil as String?),
        ("Au début de la semaine, des drones ont attaqué.", .start, nil),
        ("À mi-semaine, la Corée du Nord a envoyé des soldats.", .middle, nil),
        ("En milieu de semaine, rien.", .middle, nil),
        ("En fin de semaine, quatre soldats ont été tués.", .end, nil),
        ("À la fin de la semaine, Kyiv a été visée.", .end, nil),
        ("Early in the week, Russia attacked.", .start, nil),
        ("Midweek, Ukraine struck back.", .middle, nil),
        ("Late in the week, the front held.", .end, nil),
        ("Le mardi 22 octobre, Kharkiv a été frappée.", .start, "2024-10-22"),
        ("Dans la nuit du 23 octobre, 40 drones ont attaqué.", .middle, "2024-10-23"),
        ("Dans la nuit du 23 au 24 octobre, 40 drones ont attaqué.", .middle, "2024-10-23"),
        ("Overnight on Thursday, Russia launched drones.", .end, "2024-10-24"),
        ("On October 25, Ukraine struck an airfield.", .end, "2024-10-25"),
        ("Jeudi, le président a parlé.", .end, "2024-10-24"),
        ("Le week-end dernier, Odesa a été frappée.", .start, nil),
        ("Dimanche, Odesa a été frappée.", .start, "2024-10-20"),
    ])
    func explicitPhrases(sentence: String, part: PartOfWeek?, date: String?) {
        let t = TimeInWeek.read(sentence, in: week, previous: nil)
        #expect(t.part == part)
        #expect(t.date?.iso == date)
    }

    @Test(arguments: [
        "Cette semaine, le secrétaire à la Défense a visité Kyiv.", "This week, Russia attacked.",
        "La semaine a été marquée par la poursuite des combats.", "Les combats continuent près de Selydove.",
    ])
    func nothingExplicit(sentence: String) {
        let t = TimeInWeek.read(sentence, in: week, previous: nil)
        #expect(t.part == nil)
        #expect(t.date == nil)
    }

    @Test func nextDayFollowsThePreviousDate() {
        let prev = CalendarDay(iso: "2024-10-22")
        let t = TimeInWeek.read("Dès le lendemain, une nouvelle attaque a eu lieu.", in: week, previous: prev)
        #expect(t.date?.iso == "2024-10-23")
        #expect(t.part == .middle)
        #expect(TimeInWeek.read("Dès le lendemain, rien.", in: week, previous: nil).date == nil)
    }

    @Test func datesPickTheYearNearestTheWeek() {
        let newYear = DayRange(first: 1042, last: 1046)  // 30 Dec 2024 – 3 Jan 2025
        #expect(TimeInWeek.read("Le 2 janvier, Kyiv a été attaquée.", in: newYear, previous: nil).date?.iso == "2025-01-02")
        #expect(TimeInWeek.read("Le 30 décembre, Kyiv a été attaquée.", in: newYear, previous: nil).date?.iso == "2024-12-30")
    }
}
