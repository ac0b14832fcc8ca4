/// When in the week a sentence places what it reports (DESIGN §1, "When in the week").
///
/// Only explicit phrases count: "En début de semaine", "Midweek", a weekday, a date, "the night of
/// 2 September". Nothing carries over to the next sentence, except "le lendemain" / "the next day",
/// which is the day after the previous sentence's date.
public struct TimeInWeek: Sendable, Hashable {
    public var part: PartOfWeek?
    public var date: CalendarDay?

    public init(part: PartOfWeek? = nil, date: CalendarDay? = nil) {
        self.part = part
        self.date = date
    }

    static let phrases: [(String, PartOfWeek?)] = [
        ("au debut de la semaine", .start), ("en debut de semaine", .start), ("debut de semaine", .start),
        ("des le debut de la semaine", .start), ("early in the week", .start),
        ("early this week", .start), ("at the beginning of the week", .start),
        ("at the start of the week", .start), ("earlier in the week", .start),
        ("le week-end dernier", .start), ("ce week-end", .start), ("over the weekend", .start),
        ("at the weekend", .start), ("le week-end", .start), ("pendant le week-end", .start),
        ("a mi-semaine", .middle), ("en milieu de semaine", .middle), ("au milieu de la semaine", .middle),
        ("en milieu de la semaine", .middle), ("midweek", .middle), ("mid-week", .middle),
        ("in the middle of the week", .middle),
        ("en fin de semaine", .end), ("a la fin de la semaine", .end), ("fin de semaine", .end),
        ("late in the week", .end), ("late this week", .end), ("at the end of the week", .end),
        ("later in the week", .end), ("by the end of the week", .end),
        ("cette semaine", nil), ("this week", nil),
    ]

    /// Weekday words (folded) → 0 = Monday … 6 = Sunday.
    static let weekdays: [String: Int] = [
        "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    ]

    static let months: [String: Int] = [
        "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
        "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
        "janv": 1, "fevr": 2, "sept": 9, "oct": 10, "nov": 11, "dec": 12, "jan": 1, "feb": 2,
        "aug": 8, "sep": 9,
    ]

    static let nextDay = ["des le lendemain", "le lendemain", "the next day", "the following day", "a day later"]

    /// The phrases as word sequences, longest first.
    static let phraseWords: [([String], PartOfWeek?)] = phrases.map { (PlaceMatcher.key($0.0).split(separator: " ").map(String.init), $0.1) }
    /// The phrases keyed by their first word, longest first.
    static let phrasesByFirstWord: [String: [([String], PartOfWeek?)]] = Dictionary(
        grouping: phraseWords, by: { $0.0[0] }
    ).mapValues { $0.sorted { $0.0.count > $1.0.count } }
    static let nextDayWords: [[String]] = nextDay.map { PlaceMatcher.key($0).split(separator: " ").map(String.init) }

    /// Reads the time of one sentence of the week `range`; `previous` is the previous sentence's date.
    public static func read(_ sentence: String, in range: DayRange, previous: CalendarDay?) -> TimeInWeek {
        read(words: WordTokenizer.words(sentence).map(\.folded), in: range, previous: previous)
    }

    /// The months, weekdays and first words of the phrases this reader looks up.
    static let keywordShapes = WordShapes(
        Array(months.keys) + Array(weekdays.keys) + Array(phrasesByFirstWord.keys) + nextDayWords.map { $0[0] })

    /// Whether `word` may be a month, a weekday or the first word of a phrase this reader knows.
    @inline(__always) static func mayBeKeyword(_ word: String) -> Bool { keywordShapes.mayContain(word) }

    /// The same, on the sentence's folded words.
    static func read(words: [String], in range: DayRange, previous: CalendarDay?) -> TimeInWeek {
        var result = TimeInWeek()
        // A sentence without a word this reader knows says nothing of the time (most of them).
        guard words.contains(where: mayBeKeyword) else { return result }

        // Phrases: the first one in the sentence wins (the longest at the same place).
        var best: (pos: Int, len: Int, part: PartOfWeek?)? = nil
        search: for i in words.indices {
            guard mayBeKeyword(words[i]), let candidates = phrasesByFirstWord[words[i]] else { continue }
            for (phrase, part) in candidates where i + phrase.count <= words.count {
                if words[i..<(i + phrase.count)].elementsEqual(phrase) {
                    best = (i, phrase.count, part)
                    break search
                }
            }
        }

        // An explicit date: "3 septembre", "September 3", "nuit du 2 au 3 septembre" (the first day).
        if let d = explicitDate(words, near: range) {
            result.date = d
        } else if let wd = firstWeekday(words) {
            let monday = range.calendarWeekMonday
            // Saturday and Sunday name the weekend before the week.
            result.date = wd >= 5 ? monday.adding(days: wd - 7) : monday.adding(days: wd)
        } else if nextDayWords.contains(where: { find($0, in: words) != nil }) {
            result.date = previous?.adding(days: 1)
        }

        if let p = best?.part {
            result.part = p
        } else if let d = result.date {
            result.part = part(of: d, in: range)
        }
        return result
    }

    /// The part of the week a date falls in, when it is inside the week or the weekend before it.
    static func part(of date: CalendarDay, in range: DayRange) -> PartOfWeek? {
        let monday = range.calendarWeekMonday
        let offset = date.ordinal - monday.ordinal
        switch offset {
        case -2...1: return .start
        case 2: return .middle
        case 3...4: return .end
        default: return nil
        }
    }

    /// Word index where `phrase` starts in `words`, or nil.
    static func find(_ phrase: [String], in words: [String]) -> Int? {
        guard let first = phrase.first, words.count >= phrase.count else { return nil }
        for i in 0...(words.count - phrase.count) where words[i] == first {
            var ok = true
            for k in 1..<phrase.count where words[i + k] != phrase[k] {
                ok = false
                break
            }
            if ok { return i }
        }
        return nil
    }

    static func firstWeekday(_ words: [String]) -> Int? {
        for w in words where mayBeKeyword(w) {
            if let d = weekdays[w] { return d }
        }
        return nil
    }

    static func explicitDate(_ words: [String], near range: DayRange) -> CalendarDay? {
        for (i, w) in words.enumerated() {
            guard mayBeKeyword(w), let month = months[w] else { continue }
            // "3 septembre", "2 au 3 septembre" (the first: the night of the 2nd), "1er septembre"
            var day: Int? = nil
            if i >= 1, let d = dayNumber(words[i - 1]) {
                day = d
                if i >= 3, words[i - 2] == "au" || words[i - 2] == "to", let first = dayNumber(words[i - 3]) {
                    day = first
                }
            } else if i + 1 < words.count, let d = dayNumber(words[i + 1]) {
                day = d  // "September 3"
            }
            guard let dd = day, w.count > 3 || i >= 1 else { continue }
            // The year that puts the date nearest the week.
            let center = range.startDate
            var bestDate: CalendarDay? = nil
            for y in [center.year - 1, center.year, center.year + 1] {
                guard dd <= CalendarDay.daysIn(month: month, year: y) else { continue }
                let c = CalendarDay(year: y, month: month, day: dd)
                if bestDate == nil || abs(c.ordinal - center.ordinal) < abs(bestDate!.ordinal - center.ordinal) {
                    bestDate = c
                }
            }
            if let b = bestDate, abs(b.ordinal - center.ordinal) <= 45 { return b }
        }
        return nil
    }

    static func dayNumber(_ w: String) -> Int? {
        var s = Substring(w)
        for suffix in ["er", "st", "nd", "rd", "th", "e"] where s.hasSuffix(suffix) && s.count > suffix.count {
            s = s.dropLast(suffix.count)
            break
        }
        guard s.count <= 2, let n = Int(s), (1...31).contains(n) else { return nil }
        return n
    }
}
