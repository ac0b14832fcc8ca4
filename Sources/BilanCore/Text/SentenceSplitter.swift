/// Splits a paragraph into sentences, French or English.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it) when
/// white space follows and the next word starts a sentence (a capital, a digit, an opening quote).
/// It does not end after an abbreviation ("M.", "Mme", "U.S.", "Mr.", "Gen.") or a lone initial
/// ("V. Zelensky"), and numbers such as "3 000", "2,4 millions" or "1,642" never end one.
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "st", "ste", "mr", "mrs", "ms", "gen", "gén",
        "lt", "col", "sgt", "capt", "cpt", "maj", "adm", "gov", "sen", "rep", "prof", "jr", "sr",
        "no", "nos", "n°", "art", "vol", "p", "pp", "av", "apr", "env", "cf", "etc", "vs", "viz",
        "jan", "janv", "feb", "fév", "févr", "mar", "aug", "sept", "sep", "oct", "nov", "dec", "déc",
        "approx", "est", "inc", "ltd", "co", "corp", "dept", "min", "max", "ex", "fig", "ca", "c",
        "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "i.e", "e.g", "j.-c", "av. j.-c", "s.a", "ltd",
    ]

    static let closers: Set<Character> = ["”", "»", "\"", "’", "'", ")", "]", "»"]
    static let openers: Set<Character> = ["“", "«", "\"", "‘", "(", "["]

    public static func split(_ paragraph: String) -> [String] {
        let chars = Array(paragraph)
        var sentences: [String] = []
        var start = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "." || c == "!" || c == "?" || c == "…" {
                var end = i + 1
                while end < chars.count, chars[end] == "." || chars[end] == "!" || chars[end] == "?" {
                    end += 1
                }
                while true {
                    if end < chars.count, closers.contains(chars[end]) {
                        end += 1
                        continue
                    }
                    // French typography: a (narrow) space before the closing guillemet.
                    var k = end
                    while k < chars.count, chars[k] == " " || chars[k] == "\u{00A0}" || chars[k] == "\u{202F}" { k += 1 }
                    if k > end, k < chars.count, chars[k] == "»" || chars[k] == "”" {
                        end = k + 1
                        continue
                    }
                    break
                }
                // Need white space, then a sentence start.
                var j = end
                var sawSpace = false
                while j < chars.count, chars[j].isWhitespace {
                    j += 1
                    sawSpace = true
                }
                if sawSpace, j < chars.count, startsSentence(chars[j]),
                    c != "." || !isAbbreviation(chars, periodAt: i)
                {
                    let s = String(chars[start..<end]).trimmingSpaces()
                    if !s.isEmpty { sentences.append(s) }
                    start = j
                    i = j
                    continue
                }
                i = end
                continue
            }
            i += 1
        }
        let rest = String(chars[start...]).trimmingSpaces()
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    private static func startsSentence(_ c: Character) -> Bool {
        c.isUppercase || c.isNumber || openers.contains(c) || c == "—" || c == "–"
    }

    /// Whether the period at `p` closes an abbreviation or an initial rather than a sentence.
    private static func isAbbreviation(_ chars: [Character], periodAt p: Int) -> Bool {
        var s = p
        while s > 0, !chars[s - 1].isWhitespace, !openers.contains(chars[s - 1]) { s -= 1 }
        let word = String(chars[s..<p])
        if word.isEmpty { return false }
        let lower = word.lowercased()
        if abbreviations.contains(lower) { return true }
        // A lone capital initial: "V. Zelensky", "J.-C."
        if word.count == 1, let f = word.first, f.isUppercase { return true }
        // Dotted acronyms: "U.S", "U.K", "E.U"
        if word.contains("."), word.allSatisfy({ $0.isLetter || $0 == "." || $0 == "-" }),
            word.split(separator: ".").allSatisfy({ $0.count <= 2 })
        {
            return true
        }
        return false
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (NBSP included).
    func trimmingSpaces() -> String {
        var sub = Substring(self)
        while let f = sub.first, f.isWhitespace { sub = sub.dropFirst() }
        while let l = sub.last, l.isWhitespace { sub = sub.dropLast() }
        return String(sub)
    }
}
