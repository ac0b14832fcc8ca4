import Foundation
import Testing

@testable import BilanCore

/// The parser's byte-level fast paths must read exactly what the slower readings they replaced
/// read: the words of a sentence, the drone prefilter, the figure reader's folding, strings built
/// from scalars, the import's word collector, the splitter's abbreviation test and the time
/// reader's keyword filter.
@Suite struct ParserFastPathTests {
    /// Sentences of every kind the series has, and characters beyond it.
    static let texts: [String] = {
        var texts = [
            "", " ", "Le 3 septembre, plus d’une centaine de drones Shahed-136 ont été lancés sur Kyiv.",
            "À Selydove, l’armée a abattu 61 Shahed : 40 abattus, 12 perdus localement.",
            "ÉTATS-UNIS — Mr. Zelensky met U.S. officials; 3 000 soldats, 2,4 millions, 1,642 UAVs.",
            "Russia launched GERAN-2 and GÉRAN drones; UNMANNED vessels hit Odesa. BPLA, Lancet, Orlan-10.",
            "Хмельницький, Київ і Селидове: дрони «Шахед» збито. Ελληνικά ΣΊΣΥΦΟΣ ς.",
            "emoji 👍🏽 and 🇺🇦 flags, e\u{301}te\u{301} composed, ﬁ ligature, ǅ titlecase, İstanbul, ß.",
            "a\u{200B}b\u{00A0}c\u{202F}d 12\u{202F}000 drones\u{2019}s x-y_z 3e 95MS Kh-101",
            "drone", "Drone", "DRONES", "dron", "shahe", "uav", "xuavx", "gerber", "gerbera", "chahed",
            "\u{1F600}drone\u{1F600}", "l’oblast de Kharkiv d’Avdiivka jusqu’à",
        ]
        // Every character of the first twelve thousand, alone, inside a word and between words.
        for v in UInt32(0x80)..<0x3000 {
            guard let u = Unicode.Scalar(v) else { continue }
            texts.append("a\(u)b \(u) Ab\(u)\(u)É \(u)")
        }
        return texts
    }()

    @Test func wordsFromBytesAreTheWordsOfTheSpans() {
        var differ: [String] = []
        for t in Self.texts where WordTokenizer.words(t) != WordTokenizer.spans(t).map(\.word) {
            differ.append(t)
        }
        // A Substring takes the generic path: the same words.
        let t = Self.texts[1]
        #expect(WordTokenizer.words(t[...]) == WordTokenizer.words(t))
        #expect(differ == [])
    }

    /// The prefilter as it was: each needle searched over the whole sentence in turn.
    static func mentionsDronesSlowly(_ s: String) -> Bool {
        let bytes = s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        let needles = ["drone", "uav", "shahed", "chahed", "geran", "g\u{E9}ran", "lancet", "orlan", "gerbera", "unmanned", "bpla"]
        return needles.contains { n in
            let nb = Array(n.utf8)
            guard bytes.count >= nb.count else { return false }
            return (0...(bytes.count - nb.count)).contains { i in Array(bytes[i..<(i + nb.count)]) == nb }
        }
    }

    @Test func dronePrefilterFindsWhatEachNeedleFinds() {
        var differ: [String] = []
        for t in Self.texts where FigureText.mayMentionDrones(t) != Self.mentionsDronesSlowly(t) { differ.append(t) }
        #expect(differ == [])
        #expect(FigureText.mayMentionDrones("xxUNMANNED"))
        #expect(FigureText.mayMentionDrones("geran"))
        #expect(!FigureText.mayMentionDrones("gera"))
        #expect(!FigureText.mayMentionDrones("Des missiles et des soldats"))
    }

    /// The figure reader's folding as it was, scalar by scalar into a String.
    static func foldSlowly(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        for c in scalars {
            let v = c.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 32)! : c)
                continue
            }
            switch v {
            case 0xC0...0xC5, 0xE0...0xE5, 0x100...0x105: out.append("a")
            case 0xC7, 0xE7, 0x106...0x10D: out.append("c")
            case 0xC8...0xCB, 0xE8...0xEB, 0x112...0x11B: out.append("e")
            case 0xCC...0xCF, 0xEC...0xEF, 0x128...0x12F: out.append("i")
            case 0xD1, 0xF1: out.append("n")
            case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8: out.append("o")
            case 0xD9...0xDC, 0xF9...0xFC, 0x168...0x173: out.append("u")
            case 0xDD, 0xFD, 0xFF, 0x178: out.append("y")
            case 0x152, 0x153: out.append("o"); out.append("e")
            case 0xC6, 0xE6: out.append("a"); out.append("e")
            case 0xDF: out.append("s"); out.append("s")
            default:
                if c.properties.generalCategory == .nonspacingMark { continue }
                out.append(contentsOf: String(Character(c)).lowercased().unicodeScalars)
            }
        }
        return String(out)
    }

    @Test func figureFoldingAndScalarStringsAreUnchanged() {
        var differ: [String] = []
        for t in Self.texts {
            let scalars = Array(t.unicodeScalars)
            if FigureText.fold(scalars[...]) != Self.foldSlowly(scalars[...]) { differ.append("fold " + t) }
            if String(scalars: scalars[...]) != t { differ.append("scalars " + t) }
            if scalars.count > 2, String(scalars: scalars[1..<(scalars.count - 1)]) != String(String.UnicodeScalarView(scalars[1..<(scalars.count - 1)])) {
                differ.append("slice " + t)
            }
        }
        #expect(differ == [])
        #expect(FigureText.fold(Array("ÉTÉ Œuvre".unicodeScalars)[...]) == "ete oeuvre")
    }

    /// The word list's words collected into a Set, as the import did before the collector.
    static func collectForList(_ text: String, into words: inout Set<String>) {
        IndexFolding.forEachWord(in: text) { word, sure in
            if let sure {
                words.insert(String(decoding: word.utf8.prefix(sure), as: UTF8.self) + IndexFolding.unsure)
            } else {
                words.insert(word)
            }
        }
    }

    @Test func wordCollectorKeepsEachWordOnceAsTheSetDid() {
        var set = Set<String>()
        var collector = WordCollector()
        var added: [String] = []
        // Enough distinct words to grow the table several times.
        var texts = Self.texts
        for k in 0..<5_000 { texts.append("mot\(k) word\(k % 97) Ωmega\(k % 13)") }
        // The words as bytes: how the index keeps them and how the word table's key compares them.
        var bytes = Set<[UInt8]>()
        for t in texts {
            Self.collectForList(t, into: &set)
            IndexFolding.collectForList(t, into: &collector) { added.append($0) }
            IndexFolding.forEachToken(in: t) { token, sure in
                bytes.insert(sure.map { Array(token[..<$0]) + [0xEF, 0xBF, 0xBD] } ?? Array(token))
            }
        }
        #expect(Set(added.map { Array($0.utf8) }) == bytes)
        #expect(added.count == bytes.count)
        #expect(collector.count == bytes.count)
        // A Set<String> also merged words that are canonically equivalent but differ in bytes (the
        // index keeps both, and so does the table, from two batches): the same words as Strings.
        #expect(Set(added) == set)
        // Words the index is not sure of end with U+FFFD, in both.
        #expect(set.contains { $0.hasSuffix(IndexFolding.unsure) })
        var again: [String] = []
        for t in texts { IndexFolding.collectForList(t, into: &collector) { again.append($0) } }
        #expect(again == [])
    }

    @Test(arguments: [
        ("Il a rencontré les dirigeants européens. Puis il est parti.", 2),
        ("Réunion avec les représentants des U.S. Army. Fin.", 2),
        ("Les Etats-Unis.Europe. Fin de la phrase.", 2),
        ("Selon M. Zelensky, la situation est difficile. Voir approx. Cent drones.", 2),
        ("Le prés. Macron. Le rapport du gouvernement. Suite.", 4),
        ("He met Gen. Syrskyi and Lt. Col. Ivanov in the U.S.A. Talks followed.", 1),
        ("Kyiv was hit overnight. Lviv too.", 2),
    ])
    func longWordsEndSentencesAndAbbreviationsDoNot(text: String, count: Int) {
        #expect(SentenceSplitter.split(text).count == count)
    }

    /// Sentences are the paragraph's own text, in order, trimmed, and nothing but spaces is lost,
    /// whatever characters stand around the full stops.
    @Test func sentencesAreThePieceOfTheParagraph() {
        var failures: [String] = []
        for t in Self.texts {
            let paragraph = t.replacingOccurrences(of: " ", with: ". ") + " Fin."
            let sentences = SentenceSplitter.split(paragraph)
            var rest = Substring(paragraph)
            for s in sentences {
                guard !s.isEmpty, s == s.trimmingSpaces(), let r = rest.range(of: s) else {
                    failures.append(paragraph)
                    break
                }
                rest = rest[r.upperBound...]
            }
            let kept = sentences.joined().unicodeScalars.filter { !SentenceSplitter.isSpace($0.value) }
            let all = paragraph.unicodeScalars.filter { !SentenceSplitter.isSpace($0.value) }
            if String(String.UnicodeScalarView(kept)) != String(String.UnicodeScalarView(all)) { failures.append(paragraph) }
        }
        #expect(failures == [])
        #expect(SentenceSplitter.split("Kyiv « Déjà. » Puis Lviv… Fin ! Non?") == ["Kyiv « Déjà. »", "Puis Lviv…", "Fin !", "Non?"])
    }

    @Test func characterCountTestAgreesWithCount() {
        var texts = Self.texts
        texts += [
            String(repeating: "a", count: 120), String(repeating: "a", count: 121),
            String(repeating: "e\u{301}", count: 120), String(repeating: "e\u{301}", count: 121),
            String(repeating: "\r\n", count: 100), String(repeating: "👍🏽", count: 121), String(repeating: "é", count: 119),
            "\u{600}1" + String(repeating: "b", count: 119), String(repeating: "x", count: 60) + String(repeating: "ж", count: 61),
        ]
        for n in [0, 1, 5, 120] {
            let differ = texts.filter { Paragraphs.hasMoreCharacters($0, than: n) != ($0.count > n) }
            #expect(differ == [], "more than \(n)")
        }
    }

    @Test func everyNameStartPassesThePlaceFilter() {
        let matcher = PlaceMatcher()
        var missed: [String] = []
        for names in Gazetteer.shared.matchingAliases {
            for name in names {
                guard let first = PlaceMatcher.entry(name, place: 0, needsContext: false)?.tokens.first else { continue }
                if !matcher.mayStartName(first) { missed.append(name) }
            }
        }
        #expect(missed == [])
        // Most words of a sentence start no name, and the filter says so for most of them.
        let words = WordTokenizer.words(Self.texts[1] + " " + Self.texts[3]).map(\.folded)
        #expect(words.filter(matcher.mayStartName).count < words.count)
    }

    @Test func everyMonthAndWeekdayPassesTheFigureReadersFilter() {
        for language in [Language.fr, .en] {
            let words = DroneWords.of(language)
            #expect(words.months.union(words.weekdays).allSatisfy(words.mayBeCalendarWord))
            #expect(!words.mayBeCalendarWord("drones"))
        }
    }

    @Test func everyKeywordPassesTheTimeFilter() {
        let keywords = Array(TimeInWeek.months.keys) + Array(TimeInWeek.weekdays.keys)
            + TimeInWeek.phraseWords.map { $0.0[0] } + TimeInWeek.nextDayWords.map { $0[0] }
        #expect(keywords.allSatisfy(TimeInWeek.mayBeKeyword))
        #expect(!TimeInWeek.mayBeKeyword("drones"))
        #expect(TimeInWeek.read("Le 3 septembre, des drones.", in: DayRange(first: 922, last: 926), previous: nil).date != nil)
    }
}
