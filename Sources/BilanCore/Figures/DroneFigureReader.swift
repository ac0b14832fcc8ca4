/// Reads the drone counts of one sentence: the count, its qualifier, its role and the phrase.
///
/// The reader tokenizes the sentence once and works on tokens: a count (see `NumberReader`) is a
/// drone figure when a drone noun follows it, possibly after adjectives ("plus de 100 nouveaux
/// drones", "62 Shahed attack drones"); when it stands for drones already counted in the sentence
/// ("61 Shahed : 40 abattus", "… of which 52 were shot down"); or when it is a share of drones
/// ("40 des 61 drones"). Model numbers (Shahed-136, Kh-101), dates, percentages, articles ("un
/// drone") and counts of other nouns (missiles, soldats) are not drone figures.
///
/// The role comes from the verb phrase nearest the count in its clause: a verb the drones are
/// the subject of ("drones ont attaqué", "drones were shot down") wins; otherwise the nearest
/// role word, before the count on a tie, first in the comma-delimited clause, then in the
/// segment up to ";", ":" or "."; with none, `.other`. A participle right after the drones
/// ("drones lancés par la Russie") belongs to them and to no other count. In a share ("40 des 61
/// drones", "46 of the 50 drones were shot down") the verb is the share's and the whole, without
/// a participle of its own, is `.launched`. A count framed by a longer period than the week
/// ("depuis le début de la guerre", "en 2024", "in October", "par jour") is `.other`, so that
/// tallies stay weekly.
///
/// `wholeWeek` and `occasion` are read per sentence: every figure of a sentence saying "cette
/// semaine" covers the week (unless a longer period frames it more closely); the occasion is the
/// first date ("3 septembre", the first day of "du 2 au 3 septembre") or else the first weekday.
public enum DroneFigureReader {
    /// Every drone count in `sentence`, in text order.
    public static func figures(in sentence: String, language: Language) -> [DroneFigure] {
        guard FigureText.mayMentionDrones(sentence) else { return [] }
        let scalars = Array(sentence.unicodeScalars)
        let reading = DroneSentence(
            tokens: FigureTokenizer.tokens(scalars, language: language), language: language)
        let hits = reading.hits()
        guard !hits.isEmpty else { return [] }
        let week = reading.wholeWeekPhrases()
        let longer = reading.longerPeriodPhrases()
        let occasion = reading.occasion()
        let tokens = reading.tokens
        return hits.map { hit in
            let from = tokens[hit.count.start].start
            let to = tokens[hit.end - 1].end
            let phrase = String(scalars: scalars[from..<to])
            // A count framed by a longer period ("depuis le début de la guerre", "in 2024") is no
            // part of the week's tally: it keeps its phrase but takes the role `.other`.
            let position = hit.count.start
            let distance = { (k: Int) in abs(k - position) }
            let toWeek = week.map(distance).min()
            let toLonger = longer.filter { reading.segment[$0] == reading.segment[position] }.map(distance).min()
            let cumulative = toLonger.map { longer in toWeek.map { longer < $0 } ?? true } ?? false
            return DroneFigure(
                value: hit.count.value, qualifier: hit.count.qualifier, role: cumulative ? .other : hit.role,
                weapon: hit.weapon, phrase: phrase, wholeWeek: toWeek != nil && !cumulative, occasion: occasion)
        }
    }
}

/// A drone count found in a sentence, before and after its role is known.
struct DroneHit: Sendable {
    enum Kind: Sendable { case noun, share, elliptical }
    var count: FigureCount
    /// One past the last token of the phrase.
    var end: Int
    var kind: Kind
    var weapon: String?
    var role: FigureRole = .other
}

/// A word or phrase that tells what happened to drones ("abattus", "were shot down").
struct RoleMark: Sendable {
    var role: FigureRole
    var start: Int
    var end: Int
}

/// One tokenized sentence and the reading of its drone figures.
struct DroneSentence {
    let tokens: [FigureToken]
    let language: Language
    let words: DroneWords
    let numbers: NumberWords
    /// Clause number of each token (commas, semicolons, colons… start a new clause).
    let clause: [Int]
    /// Segment number of each token (everything but commas starts a new segment).
    let segment: [Int]
    let marks: [RoleMark]

    init(tokens: [FigureToken], language: Language) {
        self.tokens = tokens
        self.language = language
        let words = DroneWords.of(language)
        self.words = words
        self.numbers = NumberWords.of(language)
        var clause: [Int] = []
        var segment: [Int] = []
        clause.reserveCapacity(tokens.count)
        segment.reserveCapacity(tokens.count)
        var c = 0
        var s = 0
        for token in tokens {
            if token.kind == .punct {
                if token.text == "," {
                    c += 1
                } else if DroneWords.segmentBreaks.contains(token.text) {
                    c += 1
                    s += 1
                }
            }
            clause.append(c)
            segment.append(s)
        }
        self.clause = clause
        self.segment = segment
        self.marks = DroneSentence.roleMarks(tokens, words: words, clause: clause)
    }

    // MARK: Counts

    /// The drone counts of the sentence with their roles, in text order.
    func hits() -> [DroneHit] {
        var hits: [DroneHit] = []
        var i = 0
        var lastCountedDrones = false
        var lastWeapon: String?
        while i < tokens.count {
            guard let count = NumberReader.read(tokens, at: i, words: numbers) else {
                i += 1
                continue
            }
            i = count.end
            if isPercent(count) {
                lastCountedDrones = false
                continue
            }
            if let noun = nounPhrase(after: count.end) {
                guard !count.isArticle else { continue }   // "un drone", not a count
                hits.append(DroneHit(count: count, end: noun.end, kind: .noun, weapon: noun.weapon))
                lastCountedDrones = true
                lastWeapon = noun.weapon
                continue
            }
            if !count.isArticle, let weapon = share(after: count.end) {
                hits.append(DroneHit(count: count, end: count.end, kind: .share, weapon: weapon))
                lastCountedDrones = true
                continue
            }
            if isNounless(after: count.end) {
                if lastCountedDrones, let end = elliptical(count) {
                    hits.append(DroneHit(count: count, end: end, kind: .elliptical, weapon: lastWeapon))
                }
                continue
            }
            if count.end < tokens.count, words.months.contains(tokens[count.end].text) { continue }   // a date
            lastCountedDrones = false
        }
        return assignRoles(hits)
    }

    /// "80 pour cent", "per cent": not a count of anything.
    private func isPercent(_ count: FigureCount) -> Bool {
        let first = tokens[count.start].text
        guard first == "cent" || first == "percent" || first == "cents" else { return false }
        return count.start > 0 && (tokens[count.start - 1].text == "pour" || tokens[count.start - 1].text == "per")
    }

    /// A drone noun after a count, past adjectives: "drones", "nouveaux drones", "Shahed attack drones".
    func nounPhrase(after start: Int) -> (end: Int, weapon: String?)? {
        var k = start
        var skipped = 0
        while k < tokens.count, tokens[k].kind == .word, skipped <= 4 {
            if let noun = droneNoun(at: k) {
                return absorbComplements(from: k + noun.length, weapon: noun.weapon)
            }
            guard words.preNoun.contains(tokens[k].text) else { return nil }
            k += 1
            skipped += 1
        }
        return nil
    }

    /// A drone noun at `k`: "drones", "UAVs", "Shahed", "unmanned aerial vehicles".
    private func droneNoun(at k: Int) -> (length: Int, weapon: String?)? {
        let word = tokens[k].text
        if let weapon = DroneWords.weapons[word] { return (1, weapon) }
        if DroneWords.droneNouns.contains(word) { return (1, nil) }
        if word == "unmanned", k + 2 < tokens.count, tokens[k + 1].text == "aerial",
            tokens[k + 2].text.hasPrefix("vehicle")
        {
            return (3, nil)
        }
        return nil
    }

    /// Extends a drone noun over what names the drone: "d’attaque", "de type Shahed", "-136", "drones".
    private func absorbComplements(from start: Int, weapon: String?) -> (end: Int, weapon: String?) {
        var k = start
        var weapon = weapon
        while k < tokens.count {
            let token = tokens[k]
            if token.kind == .number, token.hyphenBefore {
                k += 1   // Shahed-136, Geran-2
                continue
            }
            guard token.kind == .word else { break }
            if let noun = droneNoun(at: k) {
                weapon = weapon ?? noun.weapon
                k += noun.length
            } else if token.hyphenBefore, token.text == "type" || token.text == "class" {
                k += 1
            } else if words.complements.contains(token.text) {
                k += 1
            } else if token.text == "d'", k + 1 < tokens.count, tokens[k + 1].text == "attaque" {
                k += 2
            } else if token.text == "de", k + 2 < tokens.count, tokens[k + 1].text == "type",
                let noun = droneNoun(at: k + 2)
            {
                weapon = weapon ?? noun.weapon
                k += 2 + noun.length
            } else {
                break
            }
        }
        return (k, weapon)
    }

    /// "40 des 61 drones", "40 of the 62 drones": the weapon of the drones the share is of.
    private func share(after start: Int) -> String?? {
        var k = start
        while k < tokens.count, k - start < 3, words.shareLinks.contains(tokens[k].text) { k += 1 }
        guard k > start, let whole = NumberReader.read(tokens, at: k, words: numbers),
            !whole.isArticle, let noun = nounPhrase(after: whole.end)
        else { return nil }
        return .some(noun.weapon)
    }

    /// Whether nothing is counted after the count: an end, a comma, a verb ("40 abattus", "52 were").
    private func isNounless(after end: Int) -> Bool {
        guard end < tokens.count else { return true }
        let token = tokens[end]
        switch token.kind {
        case .punct: return token.text != "%"
        case .number: return false
        case .word: return words.nounless.contains(token.text) || marks.contains { $0.start == end }
        }
    }

    /// The end of an elliptical figure ("40 abattus", "of which 52 were shot down"), or nil when
    /// the bare count does not stand for drones.
    private func elliptical(_ count: FigureCount) -> Int? {
        if let v = count.value, (1900...2100).contains(v), count.end == count.start + 1,
            tokens[count.start].kind == .number, tokens[count.start].text.utf8.count == 4
        {
            return nil   // a year
        }
        if let (mark, _) = attachedMark(after: count.end, of: .elliptical) { return marks[mark].end }
        if count.isArticle { return nil }
        if marks.contains(where: { $0.end == count.start && clause[$0.start] == clause[count.start] }) {
            return count.end   // "shot down 45"
        }
        if count.start > 0, words.anaphora.contains(tokens[count.start - 1].text) { return count.end }
        return nil
    }

    // MARK: Roles

    /// Role words and phrases, with "neutralisés par la guerre électronique" read as suppressed.
    private static func roleMarks(_ tokens: [FigureToken], words: DroneWords, clause: [Int]) -> [RoleMark] {
        var marks: [RoleMark] = []
        var k = 0
        while k < tokens.count {
            guard tokens[k].kind == .word else {
                k += 1
                continue
            }
            var found = false
            let text = tokens[k].text
            for pattern in words.roleIndex[String(text.prefix(3))] ?? [] {
                if let length = pattern.match(tokens, at: k) {
                    marks.append(RoleMark(role: pattern.role, start: k, end: k + length))
                    k += length
                    found = true
                    break
                }
            }
            if !found { k += 1 }
        }
        // "neutralisés par la guerre électronique", "neutralised by electronic warfare"
        for (index, mark) in marks.enumerated() where mark.role == .shotDown {
            let word = tokens[mark.start].text
            guard word.hasPrefix("neutralis") || word.hasPrefix("neutraliz") else { continue }
            let next = index + 1 < marks.count ? marks[index + 1].start : tokens.count
            let previous = index > 0 ? marks[index - 1].end : 0
            let after = mark.end..<min(next, mark.end + 8)
            let before = max(previous, mark.start - 5)..<mark.start
            for k in Array(after) + Array(before) where clause[k] == clause[mark.start] {
                if words.electronicWarfare.contains(where: { FigureToken.matches(tokens, at: k, $0) }) {
                    marks[index].role = .suppressed
                    break
                }
            }
        }
        return marks
    }

    /// The role mark right after a phrase, past auxiliaries and adjectives ("drones russes ont
    /// attaqué", "52 were shot down"), and whether the drones are its subject (strong).
    private func attachedMark(after end: Int, of kind: DroneHit.Kind) -> (Int, strong: Bool)? {
        guard end < tokens.count else { return nil }
        var k = end
        var auxiliary = false
        var window = 4
        while k < tokens.count, k - end <= window, tokens[k].kind == .word, clause[k] == clause[end] {
            if let index = marks.firstIndex(where: { $0.start == k }) {
                return (index, auxiliary || kind == .elliptical)
            }
            // "16 d’entre eux ont été détruits": the partitive does not use up the window.
            if let length = words.partitives.lazy.compactMap({ FigureToken.matches(self.tokens, at: k, $0) ? $0.count : nil }).first {
                k += length
                window += length
                continue
            }
            if words.auxiliaries.contains(tokens[k].text) {
                auxiliary = true
            } else if !words.postNoun.contains(tokens[k].text) {
                return nil
            }
            k += 1
        }
        return nil
    }

    private func assignRoles(_ found: [DroneHit]) -> [DroneHit] {
        var hits = found
        // Role words inside a drone phrase ("drones d’attaque", "attack drones") name the drone.
        let inside = Set(marks.indices.filter { m in
            hits.contains { $0.kind == .noun && marks[m].start < $0.end && marks[m].end > $0.count.start }
        })
        var owner = [Int?](repeating: nil, count: marks.count)
        var strong = [Int?](repeating: nil, count: hits.count)
        var attached = [Bool](repeating: false, count: hits.count)
        for (h, hit) in hits.enumerated() {
            let end = hit.kind == .elliptical ? hit.count.end : hit.end
            guard let (mark, isStrong) = attachedMark(after: end, of: hit.kind), !inside.contains(mark) else {
                continue
            }
            attached[h] = true
            if owner[mark] == nil { owner[mark] = h }
            if isStrong {
                strong[h] = mark
            } else if let predicate = predicate(after: mark, inside: inside),
                h == 0 || hits[h - 1].kind != .share
            {
                // "All 31 drones launched by Russia were shot down": the predicate, not the participle.
                strong[h] = predicate
                if owner[predicate] == nil { owner[predicate] = h }
            }
        }
        // "46 of the 50 drones were shot down": the verb is the share's; the whole was sent.
        for h in hits.indices.dropFirst() where hits[h - 1].kind == .share && strong[h - 1] == nil {
            if let mark = strong[h] {
                strong[h - 1] = mark
                strong[h] = nil
                attached[h] = false
            }
        }
        for h in hits.indices {
            if let mark = strong[h] {
                hits[h].role = marks[mark].role
                continue
            }
            if h > 0, hits[h - 1].kind == .share, !attached[h] {
                hits[h].role = .launched   // the whole of "40 des 61 drones": the drones sent
                continue
            }
            let usable = marks.indices.filter { !inside.contains($0) && (owner[$0] == nil || owner[$0] == h) }
            let hit = hits[h]
            var start = hit.count.start
            while start > 0, words.determiners.contains(tokens[start - 1].text) { start -= 1 }
            let best = nearest(usable, from: start, to: hit.end) { clause[$0] == clause[start] }
                ?? nearest(usable, from: start, to: hit.end) { segment[$0] == segment[start] }
            hits[h].role = best.map { marks[$0].role } ?? .other
        }
        return hits
    }

    /// A finite verb after a participle, in the same clause: "launched by Russia were shot down".
    private func predicate(after participle: Int, inside: Set<Int>) -> Int? {
        let from = marks[participle].end
        for index in marks.indices where index > participle && !inside.contains(index) {
            let mark = marks[index]
            guard mark.start - from <= 6, clause[mark.start] == clause[from - 1] else { return nil }
            if words.auxiliaries.contains(tokens[mark.start - 1].text) { return index }
        }
        return nil
    }

    /// The mark nearest to tokens `start..<end` among those `inScope`; a mark before wins a tie.
    private func nearest(_ candidates: [Int], from start: Int, to end: Int, inScope: (Int) -> Bool) -> Int? {
        var best: Int?
        var bestDistance = Int.max
        var bestBefore = false
        for index in candidates {
            let mark = marks[index]
            guard inScope(mark.start) else { continue }
            let distance: Int
            let before: Bool
            if mark.end <= start {
                distance = start - mark.end
                before = true
            } else if mark.start >= end {
                distance = mark.start - end
                before = false
            } else {
                continue
            }
            if distance < bestDistance || (distance == bestDistance && before && !bestBefore) {
                best = index
                bestDistance = distance
                bestBefore = before
            }
        }
        return best
    }

    // MARK: Week and occasion

    /// Whether the sentence states its figures for the whole week ("cette semaine", "this week").
    /// Token positions of phrases stating the whole week ("cette semaine", "this week").
    func wholeWeekPhrases() -> [Int] {
        guard tokens.contains(where: { $0.text == "semaine" || $0.text == "week" }) else { return [] }
        var found: [Int] = []
        for k in tokens.indices {
            for pattern in words.wholeWeek where FigureToken.matches(tokens, at: k, pattern) {
                let lead = tokens[max(0, k - 2)..<k].contains { words.partOfWeek.contains($0.text) }
                if !lead { found.append(k) }
                break
            }
        }
        return found
    }

    /// Token positions of phrases framing a period longer than the week: "depuis le début de la
    /// guerre", "en 2024", "in October", "this year", "par jour".
    func longerPeriodPhrases() -> [Int] {
        var found: [Int] = []
        for (k, token) in tokens.enumerated() where token.kind == .word {
            guard let start = words.periodStarts[token.text] else { continue }
            let next = k + 1 < tokens.count ? tokens[k + 1] : nil
            if start.contains(.since) {
                let window = tokens[(k + 1)..<min(tokens.count, k + 6)]
                let week = window.contains { $0.text == "semaine" || $0.text == "week" }
                let long = window.contains { words.periodWords.contains($0.text) || words.months.contains($0.text) || isYear($0) }
                if long && !week { found.append(k) }
            } else if start.contains(.during), let next {
                // "en 2024", "in October" (a month without a day)
                if isYear(next) || (words.months.contains(next.text) && !(k + 2 < tokens.count && dayNumber(tokens[k + 2]) != nil)) {
                    found.append(k)
                }
            } else if start.contains(.period), words.periods.contains(where: { FigureToken.matches(tokens, at: k, $0) }) {
                found.append(k)
            }
        }
        return found
    }

    private func isYear(_ token: FigureToken) -> Bool {
        token.kind == .number && token.suffix.isEmpty && token.text.utf8.count == 4 && (1990...2100).contains(Int(token.value))
    }

    /// The date ("3 septembre") or else the weekday ("monday") the sentence names, folded.
    func occasion() -> String? {
        var weekday: String?
        for (k, token) in tokens.enumerated() {
            if token.kind == .number, let day = dayNumber(token) {
                // "3 septembre", "2 au 3 septembre", "3rd of September"
                var m = k + 1
                if m < tokens.count, tokens[m].text == "of" { m += 1 }
                if m < tokens.count, words.months.contains(tokens[m].text) {
                    return "\(day) \(tokens[m].text)"
                }
                if m + 2 < tokens.count, words.rangeLinks.contains(tokens[m].text),
                    tokens[m + 1].kind == .number, dayNumber(tokens[m + 1]) != nil,
                    words.months.contains(tokens[m + 2].text)
                {
                    return "\(day) \(tokens[m + 2].text)"
                }
            } else if token.kind == .word, words.mayBeCalendarWord(token.text) {
                if words.months.contains(token.text), k + 1 < tokens.count, tokens[k + 1].kind == .number,
                    let day = dayNumber(tokens[k + 1])
                {
                    return "\(day) \(token.text)"   // "September 3"
                }
                if weekday == nil, words.weekdays.contains(token.text) { weekday = token.text }
            }
        }
        return weekday
    }

    private func dayNumber(_ token: FigureToken) -> Int? {
        guard token.kind == .number, token.text.utf8.count <= 2, DroneWords.ordinalSuffixes.contains(token.suffix)
        else { return nil }
        let day = Int(token.value)
        return (1...31).contains(day) ? day : nil
    }
}

/// A role phrase: words matched exactly, or by prefix when written with a final "*".
struct RolePattern: Sendable {
    let words: [String]
    let prefix: [Bool]
    let role: FigureRole

    init(_ phrase: String, _ role: FigureRole) {
        let parts = phrase.split(separator: " ").map(String.init)
        words = parts.map { $0.hasSuffix("*") ? String($0.dropLast()) : $0 }
        prefix = parts.map { $0.hasSuffix("*") }
        self.role = role
    }

    func match(_ tokens: [FigureToken], at k: Int) -> Int? {
        guard k + words.count <= tokens.count else { return nil }
        for i in words.indices {
            let token = tokens[k + i]
            guard token.kind == .word else { return nil }
            if prefix[i] {
                guard token.text.hasPrefix(words[i]), !DroneWords.notRoles.contains(token.text) else { return nil }
                if k + i + 1 < tokens.count, tokens[k + i + 1].hyphenBefore, tokens[k + i + 1].kind == .word {
                    return nil   // "lance-roquettes"
                }
            } else if token.text != words[i] {
                return nil
            }
        }
        return words.count
    }
}

/// The drone nouns, role words and time phrases of one language.
struct DroneWords: Sendable {
    let preNoun: Set<String>
    let postNoun: Set<String>
    let complements: Set<String>
    let shareLinks: Set<String>
    let nounless: Set<String>
    let auxiliaries: Set<String>
    let anaphora: Set<String>
    let determiners: Set<String>
    let roles: [RolePattern]
    /// Role patterns by the first three letters of their first word, longest patterns first.
    var roleIndex: [String: [RolePattern]] = [:]
    /// What a word may start of a longer period (`PeriodStart`): one look-up per word.
    var periodStarts: [String: PeriodStart] = [:]
    /// The months and weekdays, tested before they are hashed.
    var calendarShapes = WordShapes([])

    /// Whether a folded word may be a month or a weekday (never false when it is one).
    @inline(__always) func mayBeCalendarWord(_ word: String) -> Bool { calendarShapes.mayContain(word) }
    let electronicWarfare: [[String]]
    let wholeWeek: [[String]]
    let partOfWeek: Set<String>
    let months: Set<String>
    let weekdays: Set<String>
    let rangeLinks: Set<String>
    /// "depuis", "since": followed by a period word, a month or a year.
    let since: Set<String>
    let periodWords: Set<String>
    /// "en", "in": followed by a year or a month without a day.
    let during: Set<String>
    let periods: [[String]]
    /// "d’entre eux", "of them": a partitive between an elliptical count and its verb.
    let partitives: [[String]]

    static func of(_ language: Language) -> DroneWords { language == .fr ? french : english }

    private func indexed() -> DroneWords {
        var words = self
        for pattern in roles { words.roleIndex[String(pattern.words[0].prefix(3)), default: []].append(pattern) }
        for w in since { words.periodStarts[w, default: []].insert(.since) }
        for w in during { words.periodStarts[w, default: []].insert(.during) }
        for p in periods { words.periodStarts[p[0], default: []].insert(.period) }
        words.calendarShapes = WordShapes(months.union(weekdays))
        return words
    }

    /// The ways a word can start a phrase of a longer period.
    struct PeriodStart: OptionSet, Sendable {
        let rawValue: UInt8
        static let since = PeriodStart(rawValue: 1)
        static let during = PeriodStart(rawValue: 2)
        static let period = PeriodStart(rawValue: 4)
    }

    static let weapons: [String: String] = [
        "shahed": "Shahed", "shaheds": "Shahed", "chahed": "Shahed", "chaheds": "Shahed",
        "geran": "Geran", "gerans": "Geran", "lancet": "Lancet", "lancets": "Lancet",
        "orlan": "Orlan", "orlans": "Orlan", "gerbera": "Gerbera", "gerberas": "Gerbera",
    ]
    static let droneNouns: Set<String> = ["drone", "drones", "uav", "uavs", "bpla"]
    static let notRoles: Set<String> = [
        "lancet", "lancets", "lanceur", "lanceurs", "intercepteur", "intercepteurs", "interceptor",
        "interceptors", "attaques", "attacks", "hitting",
    ]
    static let segmentBreaks: Set<String> = [";", ":", ".", "!", "?", "(", ")", "[", "]", "–", "—", "-", "…"]
    static let ordinalSuffixes: Set<String> = ["", "er", "e", "eme", "st", "nd", "rd", "th"]

    private static func split(_ phrases: [String]) -> [[String]] {
        phrases.map { $0.split(separator: " ").map(String.init) }
    }

    private static func patterns(_ table: [(FigureRole, [String])]) -> [RolePattern] {
        table.flatMap { role, phrases in phrases.map { RolePattern($0, role) } }
            .sorted { $0.words.count > $1.words.count }
    }

    static let french = DroneWords(
        preNoun: ["de", "d'", "des", "nouveaux", "nouvelles", "autres", "premiers", "derniers", "petits"],
        postNoun: ["russes", "russe", "ennemis", "ennemies", "iraniens", "hostiles", "supplementaires", "lui", "seuls"],
        complements: ["kamikazes", "kamikaze", "suicides", "fpv"],
        shareLinks: ["des", "sur", "parmi", "les"],
        nounless: ["et", "ont", "a", "sont", "ete", "etaient", "d'", "dont", "se", "s'", "qui", "ou", "autres"],
        auxiliaries: [
            "ont", "a", "ete", "sont", "etaient", "avaient", "avait", "est", "etait", "furent", "se", "s'",
            "qui", "aussi", "egalement", "deja", "ensuite", "finalement", "d'", "entre", "eux", "elles",
            "y", "autres",
        ],
        anaphora: ["dont", "parmi", "lesquels"],
        determiners: ["les", "tous", "toutes", "des", "ces", "ses", "leurs"],
        roles: patterns([
            (.suppressed, ["perdu* localement", "localement perdu*", "perdu*", "brouill*", "supprime*"]),
            (.launched, ["attaqu*", "lanc*", "utilis*", "envoy*", "tire", "tires", "tiree", "tirees", "deploy*",
                           "vise", "vises", "visee", "visees", "visant", "viser"]),
            (.shotDown, ["abatt*", "detrui*", "neutralis*", "intercept*", "elimin*"]),
            (.other, [
                "retourn*", "reparti*", "frappe", "frappes", "frappee", "frappees", "frapper", "touche", "touches",
                "touchee", "touchees", "atteint*", "toujours en vol", "encore en vol", "tombe*",
                "ecrase*", "en vol", "rest* en l' air", "toujours en l' air",
            ]),
        ]),
        electronicWarfare: split(["guerre electronique", "reb", "brouillage", "moyens de guerre electronique"]),
        wholeWeek: split([
            "cette semaine", "au cours de la semaine", "pendant la semaine", "durant la semaine",
            "sur la semaine", "en une semaine", "toute la semaine", "la semaine ecoulee",
            "la semaine passee", "depuis le debut de la semaine", "sur l'ensemble de la semaine",
            "en une seule semaine", "de la semaine ecoulee",
        ]),
        partOfWeek: ["debut", "fin", "milieu", "mi"],
        months: [
            "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
            "octobre", "novembre", "decembre",
        ],
        weekdays: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
        rangeLinks: ["au", "et"],
        since: ["depuis"],
        periodWords: ["debut", "guerre", "invasion", "annee", "mois", "janvier", "fevrier", "l'invasion", "l'annee"],
        during: ["en", "durant", "pendant"],
        periods: split([
            "cette annee", "l' annee", "ce mois", "par jour", "par mois", "chaque jour", "chaque nuit",
            "par nuit", "en moyenne",
        ]),
        partitives: split(["d' entre eux", "d' entre elles", "parmi eux", "parmi elles"])
    ).indexed()

    static let english = DroneWords(
        preNoun: [
            "of", "the", "russian", "enemy", "iranian", "ukrainian", "hostile", "new", "more", "other",
            "additional", "attack", "strike", "kamikaze", "combat", "loitering", "decoy", "jet", "powered",
            "long", "range", "made", "explosive", "suicide", "fpv",
        ],
        postNoun: ["in", "total", "alone", "overall"],
        complements: ["attack", "strike", "kamikaze", "suicide", "decoy"],
        shareLinks: ["of", "the", "out"],
        nounless: [
            "and", "were", "was", "have", "had", "has", "been", "are", "of", "which", "that", "or", "others", "more",
        ],
        auxiliaries: [
            "were", "was", "have", "has", "had", "been", "be", "being", "are", "is", "also", "then",
            "reportedly", "successfully", "later", "that", "which", "of", "them", "these", "those",
            "all", "others", "more",
        ],
        anaphora: ["including", "which", "these", "them"],
        determiners: ["the", "all", "its", "these", "those", "their"],
        roles: patterns([
            (.shotDown, [
                "shot down", "shoot down", "shooting down", "brought down", "taken down", "took down",
                "downed", "destroy*", "intercept*", "neutralis*", "neutraliz*", "eliminated",
            ]),
            (.suppressed, ["locally lost", "lost", "suppress*", "jammed"]),
            (.launched, [
                "launch*", "attack*", "targeted", "targeting", "fired", "fire", "firing", "used", "using",
                "deployed", "sent", "sending",
            ]),
            (.other, [
                "returned", "return", "returning", "still airborne", "airborne", "still in the air",
                "remain* in the air", "remain* airborne", "hit",
                "struck", "reached", "crashed", "fell", "flew",
            ]),
        ]),
        electronicWarfare: split(["electronic warfare", "ew", "jamming"]),
        wholeWeek: split([
            "this week", "past week", "over the week", "during the week", "throughout the week",
            "in a week", "in one week", "in a single week", "over the course of the week",
            "for the week", "the whole week", "the entire week",
        ]),
        partOfWeek: ["early", "late", "earlier", "later", "mid", "end", "start", "beginning", "middle"],
        months: [
            "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december",
        ],
        weekdays: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
        rangeLinks: ["to", "and", "into"],
        since: ["since"],
        periodWords: ["start", "beginning", "war", "invasion", "year", "month"],
        during: ["in", "during"],
        periods: split([
            "this year", "last year", "this month", "last month", "per day", "per month", "a day", "a month",
            "every day", "each day", "every night", "daily", "on average", "an average",
        ]),
        partitives: split(["of them", "of those"])
    ).indexed()
}

extension FigureText {
    /// A cheap test on the raw bytes: does the sentence name drones at all? One pass over the
    /// bytes, trying at each the needles that start with its letter.
    static func mayMentionDrones(_ sentence: String) -> Bool {
        let found = sentence.utf8.withContiguousStorageIfAvailable { containsNeedle($0) }
        if let found { return found }
        return Array(sentence.utf8).withUnsafeBufferPointer { containsNeedle($0) }
    }

    private static let droneNeedles: [[UInt8]] = [
        "drone", "uav", "shahed", "chahed", "geran", "g\u{E9}ran", "lancet", "orlan", "gerbera",
        "unmanned", "bpla",
    ].map { Array($0.utf8) }

    /// For each byte (lower case), the needles that start with it.
    private static let needlesByFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for n in droneNeedles { table[Int(n[0])].append(n) }
        return table
    }()

    /// Whether `haystack` contains one of the needles (lower case), ignoring ASCII case.
    private static func containsNeedle(_ haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }
        let table = needlesByFirstByte
        let n = haystack.count
        var i = 0
        while i < n {
            let candidates = table[Int(lower(haystack[i]))]
            if !candidates.isEmpty {
                next: for needle in candidates where i + needle.count <= n {
                    var j = 1
                    while j < needle.count {
                        if lower(haystack[i + j]) != needle[j] { continue next }
                        j += 1
                    }
                    return true
                }
            }
            i += 1
        }
        return false
    }
}
