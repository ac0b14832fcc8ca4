/// A word of a sentence with its folded key and how it was written.
struct Word: Sendable, Hashable {
    var folded: String
    var capitalized: Bool
    var allCaps: Bool
}

/// Splits text into words at anything that is not a letter or a digit (spaces, punctuation,
/// hyphens, apostrophes), so "d’Avdiivka" gives "d", "avdiivka" and "nord-coréens" "nord", "coreens".
enum WordTokenizer {
    static func words(_ text: some StringProtocol) -> [Word] {
        var out: [Word] = []
        var current = String.UnicodeScalarView()
        var first: Unicode.Scalar? = nil
        var upper = 0
        var letters = 0
        func flush() {
            guard !current.isEmpty else { return }
            let raw = String(current)
            let cap = first.map { $0.properties.isUppercase } ?? false
            out.append(Word(folded: Folding.fold(raw), capitalized: cap, allCaps: letters > 1 && upper == letters))
            current = String.UnicodeScalarView()
            first = nil
            upper = 0
            letters = 0
        }
        for u in text.unicodeScalars {
            let p = u.properties
            if p.isAlphabetic || p.numericType != nil || (0x0300...0x036F).contains(u.value) {
                if first == nil { first = u }
                if p.isAlphabetic {
                    letters += 1
                    if p.isUppercase { upper += 1 }
                }
                current.append(u)
            } else {
                flush()
            }
        }
        flush()
        return out
    }
}
