/// Durations on the command line: `90s`, `30m`, `1h`, `1h30m`, `500ms`, or plain seconds (`45`).
public enum DurationText {
    /// The longest duration accepted: a year (longer ones overflow the timers' nanoseconds).
    public static let longest = 365.0 * 86400

    /// Seconds, or nil when the text is not a duration or is longer than a year. `0` is allowed
    /// (it turns a timeout off).
    public static func seconds(_ text: String) -> Double? {
        guard let s = parse(text), s <= longest else { return nil }
        return s
    }

    static func parse(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: " ")
        guard !t.isEmpty else { return nil }
        if let n = Double(t), n >= 0, n.isFinite { return n }
        var total = 0.0
        var number = ""
        var unit = ""
        var parts: [(String, String)] = []
        for c in t {
            if c.isNumber || c == "." {
                if !unit.isEmpty {
                    parts.append((number, unit))
                    number = ""
                    unit = ""
                }
                number.append(c)
            } else if c.isLetter {
                guard !number.isEmpty else { return nil }
                unit.append(c)
            } else {
                return nil
            }
        }
        guard !number.isEmpty, !unit.isEmpty else { return nil }
        parts.append((number, unit))
        for (n, u) in parts {
            guard let v = Double(n), v >= 0 else { return nil }
            switch u {
            case "ms": total += v / 1000
            case "s": total += v
            case "m": total += v * 60
            case "h": total += v * 3600
            case "d": total += v * 86400
            default: return nil
            }
        }
        return total
    }

    /// `30m`, `1h30m`, `90s`: the shortest way to write a whole number of seconds.
    public static func format(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s == 0 { return seconds > 0 ? "\(Int(seconds * 1000))ms" : "0s" }
        var parts = ""
        if s >= 3600 { parts += "\(s / 3600)h" }
        if s % 3600 >= 60 { parts += "\(s % 3600 / 60)m" }
        if s % 60 > 0 { parts += "\(s % 60)s" }
        return parts
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
