import Foundation

/// What a summary's title says: the day range and the language.
public struct ParsedTitle: Sendable, Hashable {
    public var range: DayRange
    public var language: Language
    /// A daily page ("Jour 938 de résistance : …", "Day 924: …") rather than a weekly roundup.
    public var daily: Bool
}

/// Reads the title forms of the series (DESIGN §1) by grammar, not by fixed strings.
///
/// French: `Bilan|Résumé de la semaine` + `.`/` :`/` –` + `Jours A-B de résistance` or
/// `A-B jours (de résistance)`; a one-day `Jour N de résistance : …`. English:
/// `Weekly roundup. … Days A-B` and `Day N: …`. Numbers may carry thousands separators (`1,027`,
/// `1 027`, NBSP, U+202F) and ordinal suffixes (`628ème`); the range takes `-`, `–` or `—`, spaced or not.
public enum TitleParser {
    private static let num = #"(\d{1,3}(?:[ ,.]\d{3})+|\d+)(?:\s*(?:eme|er|e|th|st|nd|rd)\b)?"#
    private static var range: String { num + #"(?:\s*-\s*"# + num + ")?" }

    private static let frWeekly = try! NSRegularExpression(
        pattern: #"^(?:bilan|resume|recapitulatif)\s+de\s+la\s+semaine\s*[.:;,!-]*\s*(?:les\s+)?(?:(jours?)\s+)?"#
            + range + #"(?:\s*(jours?))?"#)
    private static let frBare = try! NSRegularExpression(
        pattern: #"^(jours?)\s+"# + range + #"\s+de\s+(?:la\s+)?resistance"#)
    private static let enWeekly = try! NSRegularExpression(
        pattern: #"^weekly\s+(?:roundup|round-up|round up|review|summary|digest)\b.*?\b(days?)\s+"# + range)
    private static let enDaily = try! NSRegularExpression(
        pattern: #"^(days?)\s+"# + range + #"(?:\s*[:.,-]|\s+of\b|$)"#)

    /// Parses a title line; nil when it is none of the series' forms.
    public static func parse(_ title: String) -> ParsedTitle? {
        var t = Folding.fold(title).trimmingSpaces()
        while t.hasPrefix("#") { t = String(t.dropFirst()).trimmingSpaces() }
        for (re, language) in [(frWeekly, Language.fr), (frBare, .fr), (enWeekly, .en), (enDaily, .en)] {
            if let r = range(re, t) { return ParsedTitle(range: r, language: language, daily: r.first == r.last) }
        }
        return nil
    }

    /// The day range a title form's pattern reads in `t`; nil when it does not match or the range is
    /// impossible (backwards, over a month, day 0).
    private static func range(_ re: NSRegularExpression, _ t: String) -> DayRange? {
        let ns = t as NSString
        guard let m = re.firstMatch(in: t, range: NSRange(location: 0, length: ns.length)) else { return nil }
        var numbers: [Int] = []
        for g in 1..<m.numberOfRanges {
            let r = m.range(at: g)
            guard r.location != NSNotFound else { continue }
            let s = ns.substring(with: r)
            if let n = parseNumber(s) { numbers.append(n) }
        }
        guard let first = numbers.first else { return nil }
        let last = numbers.count > 1 ? numbers[1] : first
        guard first >= 1, last >= first, last - first <= 31, last < 100_000 else { return nil }
        return DayRange(first: first, last: last)
    }

    /// Digits with optional thousands separators (`1,027`, `1 027`, `1.027`); nil for words.
    static func parseNumber(_ s: String) -> Int? {
        let digits = s.filter(\.isASCII).filter(\.isNumber)
        guard !digits.isEmpty, s.first?.isNumber == true else { return nil }
        return Int(digits)
    }
}
