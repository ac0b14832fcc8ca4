/// How people read dates and counts in every text output (CLI tables and the browser).
public enum Labels {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "21–25 Oct 2024", "28 Oct–1 Nov 2024", "30 Dec 2024–3 Jan 2025", "23 Oct 2024".
    public static func dates(_ r: DayRange) -> String {
        let a = r.startDate, b = r.endDate
        if a == b { return "\(a.day) \(months[a.month - 1]) \(a.year)" }
        if a.year != b.year {
            return "\(a.day) \(months[a.month - 1]) \(a.year)–\(b.day) \(months[b.month - 1]) \(b.year)"
        }
        if a.month != b.month { return "\(a.day) \(months[a.month - 1])–\(b.day) \(months[b.month - 1]) \(b.year)" }
        return "\(a.day)–\(b.day) \(months[b.month - 1]) \(b.year)"
    }

    /// "971–975", or "938" for a one-day page.
    public static func range(_ r: DayRange) -> String {
        r.first == r.last ? "\(r.first)" : "\(r.first)–\(r.last)"
    }

    /// "≥100", "~15", "≤40", "31", or "—" when the week reports nothing (never a fake 0).
    public static func value(_ v: TallyValue?) -> String {
        guard let v else { return "—" }
        let n = v.value.map(String.init) ?? "?"
        switch v.qualifier {
        case .exact: return n
        case .approx: return "~" + n
        case .atLeast: return "≥" + n
        case .atMost: return "≤" + n
        }
    }
}
