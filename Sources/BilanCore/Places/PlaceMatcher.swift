/// Finds the places a sentence names, as gazetteer ids, in order of first mention.
///
/// Whole words, case- and accent-insensitive, longest name first, French elision handled by the word
/// split ("d’Avdiivka"). Precision rules: a name written with a capital needs a capital in the text;
/// stop words and country names never match; a small locality (not front, not curated, under 10,000
/// people) also needs a preposition before it ("près de", "à", "near", "in"…); a name several places
/// share goes to the front place, then the curated one, then the region, then the most populous.
public struct PlaceMatcher: Sendable {
    struct Entry: Sendable {
        var tokens: [String]
        /// Index in `tokens` of the word that must be capitalised in the text, if any.
        var capitalIndex: Int?
        /// Gazetteer index, or -1 for a blocker (a country, "la capitale russe").
        var place: Int
        var needsContext: Bool
    }

    /// Entries by their first folded word.
    private let entries: [FoldedKey: [Entry]]
    /// One bit per hash of each first word: most words of a sentence start no name, and this tells
    /// so without the dictionary's hashing (a fifth of the matcher's time went to it).
    private let firstWords: [UInt64]
    private let gazetteer: Gazetteer

    static let contextWords: Set<String> = [
        "a", "au", "aux", "pres", "dans", "vers", "de", "d", "du", "des", "sur", "en", "autour",
        "village", "localite", "ville", "bourg", "hameau", "secteur", "direction", "entre", "et",
        "in", "near", "at", "around", "outside", "of", "from", "to", "towards", "toward", "on", "village",
        "settlement", "town", "city", "and", "liberated", "libere", "capture", "captured",
    ]

    static let blockers: [String] = [
        "Ukraine", "Ukraina", "Russie", "Russia", "Rossiya", "Belarus", "Biélorussie", "Bélarus",
        "Corée du Nord", "Corée du Sud", "North Korea", "South Korea", "États-Unis", "Etats-Unis",
        "United States", "Pologne", "Poland", "Moldavie", "Moldova", "Géorgie", "Georgia", "Iran",
        "Chine", "China", "Turquie", "Turkey", "France", "Allemagne", "Germany", "Royaume-Uni",
        "United Kingdom", "Hongrie", "Hungary", "Roumanie", "Romania", "Slovaquie", "Slovakia",
        "Lituanie", "Lithuania", "Lettonie", "Latvia", "Estonie", "Estonia", "Finlande", "Finland",
        "Kazakhstan", "Syrie", "Syria", "Israël", "Israel", "Japon", "Japan", "Inde", "India",
        "Europe", "Union européenne", "European Union", "OTAN", "NATO", "Kremlin", "Maison Blanche",
        "White House", "la capitale russe", "la capitale de la Russie", "la capitale biélorusse",
        "the Russian capital", "the capital of Russia", "the Belarusian capital",
    ]

    public init(gazetteer: Gazetteer = .shared) {
        self.gazetteer = gazetteer
        var best: [FoldedKey: Entry] = [:]
        best.reserveCapacity(80_000)
        for (i, names) in gazetteer.matchingAliases.enumerated() {
            let p = gazetteer.places[i]
            let small = !p.front && !p.curated && (p.population ?? 0) < 10_000
                && (p.kind == .village || p.kind == .town)
            for name in names {
                guard let e = PlaceMatcher.entry(name, place: i, needsContext: small) else { continue }
                let key = FoldedKey(e.tokens.joined(separator: " "))
                if let old = best[key], old.place >= 0, !p.outranks(gazetteer.places[old.place]) { continue }
                best[key] = e
            }
        }
        for b in PlaceMatcher.blockers {
            if let e = PlaceMatcher.entry(b, place: -1, needsContext: false) {
                best[FoldedKey(e.tokens.joined(separator: " "))] = e
            }
        }
        var entries: [FoldedKey: [Entry]] = [:]
        for e in best.values { entries[FoldedKey(e.tokens[0]), default: []].append(e) }
        for k in entries.keys { entries[k]!.sort { $0.tokens.count > $1.tokens.count } }
        self.entries = entries
        var firstWords = [UInt64](repeating: 0, count: PlaceMatcher.filterBits / 64)
        for k in entries.keys {
            let bit = PlaceMatcher.filterBit(k.text)
            firstWords[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.firstWords = firstWords
    }

    /// 2^20 bits (128 KB) for some 60,000 first words: about one word in twenty passes wrongly.
    static let filterBits = 1 << 20

    /// The filter's bit for a folded word: FNV-1a over its bytes, top bits.
    @inline(__always) static func filterBit(_ word: String) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in word.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h >> 44) & (filterBits - 1)
    }

    /// Whether some name may start with this folded word (never false when one does).
    @inline(__always) func mayStartName(_ word: String) -> Bool {
        let bit = PlaceMatcher.filterBit(word)
        return firstWords[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    static func entry(_ name: String, place: Int, needsContext: Bool) -> Entry? {
        let words = WordTokenizer.words(name)
        guard !words.isEmpty else { return nil }
        let tokens = words.map(\.folded)
        if place >= 0 {
            let joined = tokens.joined(separator: " ")
            if StopWords.all.contains(joined) { return nil }
            if words.reduce(0, { $0 + $1.letters }) < 3 { return nil }
            if tokens.count == 1, words[0].allCaps { return nil }
        }
        return Entry(
            tokens: tokens, capitalIndex: words.firstIndex { $0.capitalized }, place: place,
            needsContext: needsContext)
    }

    /// The gazetteer ids of the places `sentence` names, each once, in order of first mention.
    public func placeIDs(in sentence: String) -> [String] {
        placeIDs(in: WordTokenizer.words(sentence))
    }

    func placeIDs(in words: [Word]) -> [String] {
        var found: [String] = []
        var i = 0
        while i < words.count {
            guard mayStartName(words[i].folded), let candidates = entries[FoldedKey(words[i].folded)] else {
                i += 1
                continue
            }
            var matched = false
            for e in candidates where e.tokens.count <= words.count - i {
                var ok = true
                for k in 1..<e.tokens.count where !FoldedKey.sameBytes(words[i + k].folded, e.tokens[k]) {
                    ok = false
                    break
                }
                guard ok else { continue }
                if let c = e.capitalIndex, !words[i + c].capitalized || (words[i + c].allCaps && e.tokens[c].count <= 4) {
                    continue
                }
                if e.needsContext, i == 0 || !PlaceMatcher.contextWords.contains(words[i - 1].folded) { continue }
                if e.place >= 0 {
                    let id = gazetteer.places[e.place].id
                    if !found.contains(id) { found.append(id) }
                }
                i += e.tokens.count
                matched = true
                break
            }
            if !matched { i += 1 }
        }
        return found
    }

    /// Canonical names for ids.
    public func names(_ ids: [String]) -> [String] { ids.compactMap { gazetteer.place(id: $0)?.name } }
}

extension PlaceMatcher {
    /// The folded words of a name joined by single spaces: "Région de Koursk" → "region de koursk".
    public static func key(_ name: String) -> String {
        WordTokenizer.words(name).map(\.folded).joined(separator: " ")
    }

    /// Whether a folded name is a common French or English word, never read as a place.
    public static func isStopWord(_ key: String) -> Bool { StopWords.all.contains(key) }
}

/// A folded name as a dictionary key, hashed and compared as UTF-8 bytes. Folding decomposes Latin,
/// Greek and Cyrillic letters and drops their accents (U+0300–036F), so for those scripts byte
/// equality is the equality wanted; it spares String's Unicode-aware hashing (an NFC check on every
/// non-ASCII key: a tenth of the matcher's build time).
struct FoldedKey: Hashable, Sendable {
    let text: String
    init(_ text: String) { self.text = text }
    static func == (a: FoldedKey, b: FoldedKey) -> Bool { sameBytes(a.text, b.text) }

    /// Byte equality, the lengths first (most words compared differ in length).
    @inline(__always) static func sameBytes(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }
    func hash(into h: inout Hasher) {
        var t = text
        t.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
