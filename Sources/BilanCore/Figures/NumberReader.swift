/// Reads a count at the start of a text: digits, number words, collective nouns and qualifiers.
///
/// Digits may group thousands with a space, NBSP, U+202F or a comma ("3 000", "1,800"); a decimal
/// needs a multiplier ("2,4 millions" in French, "2.4 million" in English). Number words cover
/// French ("quatre-vingt-douze", "vingt et un", "deux mille cinq cents") and English
/// ("forty-four", "one hundred and twenty", "a hundred"). Collective nouns ("une quinzaine",
/// "des centaines", "dozens") and leading qualifiers ("plus de", "près de", "up to") set the
/// qualifier; "plusieurs", "quelques-uns", "several" and "a few" give no value.
public enum NumberReader {
    /// Reads the count that starts `text`.
    ///
    /// - Returns: the value (nil for "plusieurs", "several"), its qualifier, and how many
    ///   characters of `text` the count spans; nil when `text` does not start with a count.
    public static func read<S: StringProtocol>(
        _ text: S, language: Language
    ) -> (value: Int?, qualifier: Qualifier, length: Int)? {
        let string = String(text)
        let scalars = string.unicodeScalars
        let tokens = FigureTokenizer.tokens(Array(scalars), language: language)
        guard let count = read(tokens, at: 0, language: language) else { return nil }
        let end = scalars.index(scalars.startIndex, offsetBy: tokens[count.end - 1].end)
        return (count.value, count.qualifier, string.distance(from: string.startIndex, to: end))
    }

    /// Reads the count that starts at token `start`, qualifier included.
    static func read(_ tokens: [FigureToken], at start: Int, language: Language) -> FigureCount? {
        read(tokens, at: start, words: NumberWords.of(language))
    }

    /// Reads the count that starts at token `start` with the number words of one language.
    static func read(_ tokens: [FigureToken], at start: Int, words: NumberWords) -> FigureCount? {
        guard start < tokens.count else { return nil }
        // Cheap gate: most tokens cannot start a count.
        guard tokens[start].kind == .number || words.starters.contains(tokens[start].text) else { return nil }
        var index = start
        var prefix: Qualifier?
        if let (qualifier, length) = words.qualifierPrefix(tokens, at: start) {
            prefix = qualifier
            index += length
        }
        guard var count = body(tokens, at: index, words) else { return nil }
        count.start = start
        if let prefix {
            count.qualifier = prefix
            count.isArticle = false
        }
        return count
    }

    // MARK: - Count bodies

    private static func body(_ t: [FigureToken], at i: Int, _ w: NumberWords) -> FigureCount? {
        guard i < t.count, !t[i].hyphenBefore else { return nil }
        switch t[i].kind {
        case .punct:
            return nil
        case .number:
            guard t[i].suffix.isEmpty else { return nil }   // "3e", "95MS"
            var value = t[i].value
            var end = i + 1
            if end < t.count, t[end].kind == .word, let factor = w.multipliers[t[end].text] {
                value *= Double(factor)
                end += 1
            }
            guard value.rounded() == value, value < 1e15 else { return nil }
            return FigureCount(value: Int(value), qualifier: .exact, start: i, end: end)
        case .word:
            return collective(t, at: i, w) ?? single(t, at: i, w) ?? cardinal(t, at: i, w)
                ?? vague(t, at: i, w)
        }
    }

    /// "une quinzaine", "deux centaines", "des milliers", "dozens", "tens of thousands".
    private static func collective(_ t: [FigureToken], at i: Int, _ w: NumberWords) -> FigureCount? {
        enum Lead { case none, article, plural, cardinal(Int) }
        var lead = Lead.none
        var k = i
        let first = t[i].text
        if w.collectiveArticles.contains(first) {
            lead = .article
            k += 1
        } else if w.pluralLeads.contains(first) {
            lead = .plural
            k += 1
        } else if let c = cardinal(t, at: i, w), let n = c.value, n >= 2 {
            lead = .cardinal(n)
            k = c.end
        }
        guard k < t.count, t[k].kind == .word, let noun = w.collectives[t[k].text] else { return nil }
        var value: Int
        let qualifier: Qualifier
        switch lead {
        case .article:
            guard !noun.plural else { return nil }
            value = noun.base
            qualifier = .approx
        case .cardinal(let n):
            value = n * noun.base
            qualifier = .approx
        case .plural, .none:
            guard noun.plural else { return nil }
            value = noun.atLeast
            qualifier = .atLeast
        }
        var end = k + 1
        if end + 1 < t.count, w.linkers.contains(t[end].text),
            let factor = w.collectiveFactors[t[end + 1].text]
        {
            value *= factor
            end += 2
        }
        return FigureCount(value: value, qualifier: qualifier, start: i, end: end)
    }

    /// "un seul", "une seule", "a single".
    private static func single(_ t: [FigureToken], at i: Int, _ w: NumberWords) -> FigureCount? {
        guard i + 1 < t.count, let next = w.singles[t[i].text], next.contains(t[i + 1].text) else {
            return nil
        }
        return FigureCount(value: 1, qualifier: .exact, start: i, end: i + 2)
    }

    /// "plusieurs", "quelques-uns", "several", "a few": a count without a value.
    private static func vague(_ t: [FigureToken], at i: Int, _ w: NumberWords) -> FigureCount? {
        for pattern in w.vague where FigureToken.matches(t, at: i, pattern) {
            var end = i + pattern.count
            if end < t.count, w.vagueTails.contains(t[end].text) {
                end += 1   // "quelques-uns", "quelques unes"
            }
            return FigureCount(value: nil, qualifier: .atLeast, start: i, end: end)
        }
        return nil
    }

    private enum Rank { case unit, teen, tens, hundred, thousand }

    /// Number words: "quatre-vingt-douze", "vingt et un", "one hundred and twenty", "a thousand".
    static func cardinal(_ t: [FigureToken], at i: Int, _ w: NumberWords) -> FigureCount? {
        var total = 0
        var current = 0
        var k = i
        var used = 0
        var last: Rank?
        var lastWord = ""
        if w.language == .en, k + 1 < t.count, t[k].text == "a", w.scales[t[k + 1].text] != nil
            || w.hundreds.contains(t[k + 1].text)
        {
            k += 1   // "a hundred", "a thousand"
            current = 1
            last = .unit
            used = 1
        }
        while k < t.count, t[k].kind == .word {
            let word = t[k].text
            if let v = w.small[word] {
                let rank: Rank = v < 10 ? .unit : .teen
                if let last {
                    let afterDix = last == .teen && lastWord == "dix" && rank == .unit
                    guard afterDix || last == .tens || last == .hundred || last == .thousand else { break }
                    if afterDix { current += v; lastWord = word; k += 1; used += 1; continue }
                }
                current += v
                last = rank
            } else if let v = w.tens[word] {
                if w.language == .fr, v == 20, lastWord == "quatre", last == .unit {
                    current += 76   // quatre-vingt(s): 4 becomes 80
                } else {
                    if let last, last != .hundred, last != .thousand { break }
                    current += v
                }
                last = .tens
            } else if w.hundreds.contains(word) {
                if let last, last == .tens || last == .hundred { break }
                current = max(current, 1) * 100
                last = .hundred
            } else if let scale = w.scales[word] {
                if let last, last == .thousand, scale <= 1000 { break }
                total += max(current, 1) * scale
                current = 0
                last = .thousand
            } else if word == w.conjunction, used > 0, k + 1 < t.count, let last {
                let next = t[k + 1].text
                let joins: Bool
                if w.language == .fr {
                    joins = last == .tens && (next == "un" || next == "une" || next == "onze")
                } else {
                    joins = (last == .hundred || last == .thousand)
                        && (w.small[next] != nil || w.tens[next] != nil)
                }
                guard joins else { break }
                k += 1
                continue
            } else {
                break
            }
            used += 1
            lastWord = word
            k += 1
        }
        guard used > 0, k > i else { return nil }
        var count = FigureCount(value: total + current, qualifier: .exact, start: i, end: k)
        count.isArticle = used == 1 && k == i + 1 && w.articles.contains(t[i].text)
        return count
    }
}

/// A count read from tokens: its value, qualifier and token span.
struct FigureCount: Sendable, Hashable {
    var value: Int?
    var qualifier: Qualifier
    /// First token of the count, qualifier included.
    var start: Int
    /// One past the last token of the count.
    var end: Int
    /// A bare "un"/"une": an article rather than a count.
    var isArticle = false
}

// MARK: - Tokens

/// A word, number or punctuation mark of a sentence, with its place in the sentence's scalars.
struct FigureToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case word, number, punct }
    var kind: Kind
    /// Lowercased, accent-folded word ("d'" for an elided word); digits for a number.
    var text: String
    /// Offset of the first unicode scalar in the sentence.
    var start: Int
    /// Offset one past the last unicode scalar.
    var end: Int
    /// Glued to the previous token by a hyphen ("Shahed-136", "quarante-quatre").
    var hyphenBefore = false
    /// A number's value.
    var value: Double = 0
    /// Letters glued to a number ("e" in "3e", "ms" in "95MS").
    var suffix = ""

    /// Whether the words of `pattern` follow one another from `index`.
    static func matches(_ tokens: [FigureToken], at index: Int, _ pattern: [String]) -> Bool {
        guard index + pattern.count <= tokens.count else { return false }
        for (offset, word) in pattern.enumerated() where tokens[index + offset].text != word {
            return false
        }
        return true
    }
}

/// Splits a sentence into `FigureToken`s, grouping thousands and folding words.
enum FigureTokenizer {
    static func tokens(_ s: [Unicode.Scalar], language: Language) -> [FigureToken] {
        var tokens: [FigureToken] = []
        tokens.reserveCapacity(s.count / 4)
        let n = s.count
        var i = 0
        var spaced = true
        var hyphen = false
        while i < n {
            let c = s[i]
            if FigureText.isSpace(c) {
                spaced = true
                hyphen = false
                i += 1
                continue
            }
            if FigureText.isHyphen(c), !spaced, !tokens.isEmpty, i + 1 < n,
                FigureText.isLetter(s[i + 1]) || FigureText.isDigit(s[i + 1])
            {
                hyphen = true
                i += 1
                continue
            }
            let start = i
            if FigureText.isLetter(c) {
                while i < n, FigureText.isLetter(s[i]) { i += 1 }
                var text = FigureText.fold(s[start..<i])
                if i + 1 < n, FigureText.isApostrophe(s[i]), FigureText.isLetter(s[i + 1]) {
                    if language == .fr, FigureText.elisions.contains(text) {
                        text += "'"
                        i += 1
                    } else {
                        let tail = i + 1
                        i += 1
                        while i < n, FigureText.isLetter(s[i]) { i += 1 }
                        text += "'" + FigureText.fold(s[tail..<i])
                    }
                }
                tokens.append(FigureToken(kind: .word, text: text, start: start, end: i, hyphenBefore: hyphen))
            } else if FigureText.isDigit(c) {
                tokens.append(number(s, &i, language: language, hyphen: hyphen))
            } else if FigureText.isQuote(c) {
                i += 1
                continue
            } else {
                i += 1
                tokens.append(FigureToken(kind: .punct, text: String(Character(c)), start: start, end: i))
            }
            spaced = false
            hyphen = false
        }
        return tokens
    }

    private static func digits(_ s: [Unicode.Scalar], from i: Int) -> Int {
        var j = i
        while j < s.count, FigureText.isDigit(s[j]) { j += 1 }
        return j - i
    }

    private static func number(
        _ s: [Unicode.Scalar], _ i: inout Int, language: Language, hyphen: Bool
    ) -> FigureToken {
        let start = i
        // The digits as bytes (ASCII digits only, `isDigit`).
        var bytes: [UInt8] = []
        var run = digits(s, from: i)
        for k in i..<(i + run) { bytes.append(UInt8(s[k].value)) }
        i += run
        // Thousands: "3 000", "1 800 000", "2,000"; the first group has at most 3 digits.
        if run <= 3 {
            while i + 3 < s.count {
                let sep = s[i]
                let thousands =
                    FigureText.isGroupSpace(sep) || sep == ","
                    || (sep == "." && language == .fr)
                guard thousands, i + 1 < s.count, digits(s, from: i + 1) == 3 else { break }
                for k in (i + 1)..<(i + 4) { bytes.append(UInt8(s[k].value)) }
                i += 4
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        var value = Double(text) ?? 0
        // Decimals: "2,4" in French, "2.4" in English.
        let decimalMark: Unicode.Scalar = language == .fr ? "," : "."
        if i + 1 < s.count, s[i] == decimalMark, FigureText.isDigit(s[i + 1]) {
            run = digits(s, from: i + 1)
            var fraction = "0."
            for k in (i + 1)..<(i + 1 + run) { fraction.unicodeScalars.append(s[k]) }
            value += Double(fraction) ?? 0
            i += 1 + run
        }
        var suffix = ""
        if i < s.count, FigureText.isLetter(s[i]) {
            let from = i
            while i < s.count, FigureText.isLetter(s[i]) { i += 1 }
            suffix = FigureText.fold(s[from..<i])
        }
        return FigureToken(
            kind: .number, text: text, start: start, end: i, hyphenBefore: hyphen, value: value,
            suffix: suffix)
    }
}

/// Character classes and folding shared by the figure readers.
enum FigureText {
    static let elisions: Set<String> = [
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    ]

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x2007, 0x2009, 0x200A, 0x202F, 0x200B, 0x3000: return true
        default: return false
        }
    }

    static func isGroupSpace(_ c: Unicode.Scalar) -> Bool {
        c.value == 0x20 || c.value == 0xA0 || c.value == 0x202F || c.value == 0x2009
    }

    static func isHyphen(_ c: Unicode.Scalar) -> Bool {
        c.value == 0x2D || c.value == 0x2010 || c.value == 0x2011
    }

    static func isApostrophe(_ c: Unicode.Scalar) -> Bool {
        c.value == 0x27 || c.value == 0x2019 || c.value == 0x2BC
    }

    /// Quotation marks carry no meaning for counts and are skipped.
    static func isQuote(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0xAB, 0xBB, 0x2018, 0x2019, 0x201C, 0x201D, 0x201E, 0x2039, 0x203A, 0x2BC:
            return true
        default: return false
        }
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) }
        if v < 0xC0 { return false }
        return c.properties.isAlphabetic || c.properties.generalCategory == .nonspacingMark
    }

    /// Lowercases and strips accents ("Été" → "ete", "œ" → "oe").
    static func fold(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        // Built as UTF-8 bytes: appending scalars to a String one by one cost more than the rest.
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count + 4)
        for c in scalars {
            let v = c.value
            if v < 0x80 {
                out.append(UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v))
                continue
            }
            switch v {
            case 0xC0...0xC5, 0xE0...0xE5, 0x100...0x105: out.append(0x61)  // a
            case 0xC7, 0xE7, 0x106...0x10D: out.append(0x63)  // c
            case 0xC8...0xCB, 0xE8...0xEB, 0x112...0x11B: out.append(0x65)  // e
            case 0xCC...0xCF, 0xEC...0xEF, 0x128...0x12F: out.append(0x69)  // i
            case 0xD1, 0xF1: out.append(0x6E)  // n
            case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8: out.append(0x6F)  // o
            case 0xD9...0xDC, 0xF9...0xFC, 0x168...0x173: out.append(0x75)  // u
            case 0xDD, 0xFD, 0xFF, 0x178: out.append(0x79)  // y
            case 0x152, 0x153: out.append(contentsOf: [0x6F, 0x65])  // oe
            case 0xC6, 0xE6: out.append(contentsOf: [0x61, 0x65])  // ae
            case 0xDF: out.append(contentsOf: [0x73, 0x73])  // ss
            default:
                if c.properties.generalCategory == .nonspacingMark { continue }
                out.append(contentsOf: String(Character(c)).lowercased().utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

// MARK: - Number words

/// The number words, collective nouns and qualifiers of one language.
struct NumberWords: Sendable {
    struct Collective: Sendable {
        var base: Int
        var plural: Bool
        var atLeast: Int
    }

    let language: Language
    let small: [String: Int]
    let tens: [String: Int]
    let hundreds: Set<String>
    let scales: [String: Int]
    let conjunction: String
    let articles: Set<String>
    let multipliers: [String: Int]
    let collectives: [String: Collective]
    let collectiveArticles: Set<String>
    let pluralLeads: Set<String>
    let linkers: Set<String>
    let collectiveFactors: [String: Int]
    let singles: [String: Set<String>]
    let vague: [[String]]
    let vagueTails: Set<String>
    /// Qualifier phrases, longest first.
    let qualifiers: [([String], Qualifier)]
    /// Every word that can start a count.
    var starters: Set<String> = []

    private func withStarters() -> NumberWords {
        var words = self
        var set = Set(small.keys).union(tens.keys).union(hundreds).union(scales.keys)
        set.formUnion(collectiveArticles)
        set.formUnion(pluralLeads)
        set.formUnion(collectives.keys)
        set.formUnion(singles.keys)
        set.formUnion(vague.compactMap(\.first))
        set.formUnion(qualifiers.compactMap(\.0.first))
        if language == .en { set.insert("a") }
        words.starters = set
        return words
    }

    static func of(_ language: Language) -> NumberWords { language == .fr ? french : english }

    func qualifierPrefix(_ t: [FigureToken], at i: Int) -> (Qualifier, Int)? {
        guard i < t.count, t[i].kind == .word else { return nil }
        for (pattern, qualifier) in qualifiers where FigureToken.matches(t, at: i, pattern) {
            return (qualifier, pattern.count)
        }
        return nil
    }

    private static func phrases(_ table: [Qualifier: [String]]) -> [([String], Qualifier)] {
        var list: [([String], Qualifier)] = []
        for (qualifier, phrases) in table {
            for phrase in phrases {
                list.append((phrase.split(separator: " ").map(String.init), qualifier))
            }
        }
        return list.sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.0.joined() < $1.0.joined() }
    }

    private static func collectives(_ table: [(String, Int)], plural: [(String, Int, Int)]) -> [String: Collective] {
        var map: [String: Collective] = [:]
        for (word, base) in table { map[word] = Collective(base: base, plural: false, atLeast: base * 2) }
        for (word, base, atLeast) in plural { map[word] = Collective(base: base, plural: true, atLeast: atLeast) }
        return map
    }

    static let french = NumberWords(
        language: .fr,
        small: [
            "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
            "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
            "quinze": 15, "seize": 16,
        ],
        tens: [
            "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
        ],
        hundreds: ["cent", "cents"],
        scales: ["mille": 1000, "million": 1_000_000, "millions": 1_000_000, "milliard": 1_000_000_000,
                 "milliards": 1_000_000_000],
        conjunction: "et",
        articles: ["un", "une"],
        multipliers: ["mille": 1000, "million": 1_000_000, "millions": 1_000_000,
                      "milliard": 1_000_000_000, "milliards": 1_000_000_000],
        collectives: collectives(
            [("dizaine", 10), ("douzaine", 12), ("quinzaine", 15), ("vingtaine", 20), ("trentaine", 30),
             ("quarantaine", 40), ("cinquantaine", 50), ("soixantaine", 60), ("centaine", 100),
             ("millier", 1000)],
            plural: [("dizaines", 10, 20), ("douzaines", 12, 24), ("vingtaines", 20, 40),
                     ("centaines", 100, 200), ("milliers", 1000, 2000)]),
        collectiveArticles: ["un", "une"],
        pluralLeads: ["des", "plusieurs", "quelques"],
        linkers: ["de", "d'"],
        collectiveFactors: ["milliers": 1000, "millions": 1_000_000],
        singles: ["un": ["seul"], "une": ["seule"]],
        vague: [["quelques"], ["plusieurs"]],
        vagueTails: ["uns", "unes"],
        qualifiers: phrases([
            .approx: [
                "environ", "pres de", "pres d'", "quelque", "presque", "a peu pres", "approximativement",
                "autour de", "autour d'", "quasiment", "aux alentours de", "aux alentours d'",
                "pratiquement",
            ],
            .atLeast: [
                "plus de", "plus d'", "au moins", "pas moins de", "pas moins d'", "un peu plus de",
                "un peu plus d'", "bien plus de", "bien plus d'", "largement plus de", "au-dela de",
                "au dela de", "plus que",
            ],
            .atMost: [
                "moins de", "moins d'", "jusqu' a", "au plus", "au maximum", "pas plus de", "pas plus d'",
                "un peu moins de", "un peu moins d'", "tout au plus",
            ],
        ])
    ).withStarters()

    static let english = NumberWords(
        language: .en,
        small: [
            "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
            "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
        ],
        tens: [
            "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
            "seventy": 70, "eighty": 80, "ninety": 90,
        ],
        hundreds: ["hundred"],
        scales: ["thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000],
        conjunction: "and",
        articles: [],
        multipliers: ["thousand": 1000, "million": 1_000_000, "millions": 1_000_000,
                      "billion": 1_000_000_000],
        collectives: collectives(
            [("dozen", 12)],
            plural: [("dozens", 12, 20), ("tens", 10, 20), ("hundreds", 100, 200),
                     ("thousands", 1000, 2000)]),
        collectiveArticles: ["a"],
        pluralLeads: ["several", "many"],
        linkers: ["of"],
        collectiveFactors: ["thousands": 1000, "millions": 1_000_000],
        singles: ["a": ["single"], "one": ["single"]],
        vague: [["a", "few"], ["several"]],
        vagueTails: [],
        qualifiers: phrases([
            .approx: [
                "about", "around", "nearly", "almost", "roughly", "some", "approximately", "approx",
                "close to", "an estimated", "estimated", "an approximate",
            ],
            .atLeast: [
                "more than", "over", "at least", "no fewer than", "no less than", "upwards of",
                "in excess of", "just over", "well over", "not less than", "not fewer than",
            ],
            .atMost: [
                "up to", "fewer than", "less than", "no more than", "at most", "as many as", "just under",
                "under", "not more than",
            ],
        ])
    ).withStarters()
}
