/// Builds a week's drone tally from the figures read in its sentences.
///
/// Per role (launched, shot down, suppressed):
/// - Two figures are the same report when their values are equal and neither names a different
///   night, date or weapon (`occasion`, `date`, `weapon` differ only when both are known). The
///   same report counts once; a repeat fills in what the first mention left unknown (its night,
///   date, weapon, and whether it covers the whole week), and the first mention's qualifier stays.
/// - A report stated for the whole week wins over the sum of the others. When several distinct
///   whole-week reports remain, they are summed if each names its own weapon ("1 200 Shahed" and
///   "300 Gerbera" this week); otherwise the largest wins (the first on a tie). A whole-week
///   report without a value ("plusieurs drones cette semaine") never wins.
/// - Otherwise the tally is the sum of the distinct reports, with the weakest qualifier: all exact
///   → exact; any at_least and no at_most → at_least; any approx, or at_least mixed with at_most →
///   approx; only exact and at_most → at_most. A report without a value counts as at_least: the
///   tally sums the known values and is at least that (nil when no value is known).
/// - A role without any figure has no tally (nil, never 0).
public enum TallyBuilder {
    /// The tally of a week's figures; `figures` keeps them all, in the order given.
    public static func tally(_ figures: [SourcedFigure]) -> WeekTally {
        WeekTally(
            launched: tally(of: .launched, in: figures),
            shotDown: tally(of: .shotDown, in: figures),
            suppressed: tally(of: .suppressed, in: figures),
            figures: figures)
    }

    /// One report: a figure and what tells it apart from others with the same value.
    private struct Report {
        var value: Int?
        var qualifier: Qualifier
        var wholeWeek: Bool
        var occasion: String?
        var date: String?
        var weapon: String?

        init(_ sourced: SourcedFigure) {
            value = sourced.figure.value
            qualifier = sourced.figure.qualifier
            wholeWeek = sourced.figure.wholeWeek
            occasion = sourced.figure.occasion
            date = sourced.date
            weapon = sourced.figure.weapon
        }

        func isSameReport(as other: Report) -> Bool {
            value == other.value && Report.agree(occasion, other.occasion) && Report.agree(date, other.date)
                && Report.agree(weapon, other.weapon)
        }

        /// Two keys disagree only when both are known and unequal.
        private static func agree(_ a: String?, _ b: String?) -> Bool {
            guard let a, let b else { return true }
            return a == b
        }

        mutating func absorb(_ repeat: Report) {
            occasion = occasion ?? `repeat`.occasion
            date = date ?? `repeat`.date
            weapon = weapon ?? `repeat`.weapon
            wholeWeek = wholeWeek || `repeat`.wholeWeek
        }
    }

    private static func tally(of role: FigureRole, in figures: [SourcedFigure]) -> TallyValue? {
        var reports: [Report] = []
        for sourced in figures where sourced.figure.role == role {
            let report = Report(sourced)
            if let same = reports.firstIndex(where: { $0.isSameReport(as: report) }) {
                reports[same].absorb(report)
            } else {
                reports.append(report)
            }
        }
        guard !reports.isEmpty else { return nil }
        let week = reports.filter { $0.wholeWeek && $0.value != nil }
        if let first = week.first {
            let weapons = week.compactMap(\.weapon)
            if week.count > 1, weapons.count == week.count, Set(weapons).count == week.count {
                return sum(week)
            }
            let largest = week.reduce(first) { ($1.value ?? 0) > ($0.value ?? 0) ? $1 : $0 }
            return TallyValue(value: largest.value, qualifier: largest.qualifier)
        }
        return sum(reports)
    }

    private static func sum(_ reports: [Report]) -> TallyValue {
        let known = reports.compactMap(\.value)
        let value = known.isEmpty ? nil : known.reduce(0, +)
        let qualifiers = reports.map { $0.value == nil ? Qualifier.atLeast : $0.qualifier }
        return TallyValue(value: value, qualifier: weakest(qualifiers))
    }

    /// The weakest of several qualifiers, per the rule above.
    static func weakest(_ qualifiers: [Qualifier]) -> Qualifier {
        let atLeast = qualifiers.contains(.atLeast)
        let atMost = qualifiers.contains(.atMost)
        if qualifiers.contains(.approx) || (atLeast && atMost) { return .approx }
        if atLeast { return .atLeast }
        if atMost { return .atMost }
        return .exact
    }
}
