import BilanTestSupport
import Foundation
import Testing

@testable import BilanCore

@Suite struct SearchQueryTests {
    typealias T = SearchQuery.Term

    @Test func wordsAreAndedAndFolded() {
        #expect(SearchQuery("Drones  KOURSK").groups == [[T(words: ["drones"]), T(words: ["koursk"])]])
    }

    @Test func orBindsLooser() {
        #expect(SearchQuery("a b OR c").groups == [[T(words: ["a"]), T(words: ["b"])], [T(words: ["c"])]])
        #expect(SearchQuery("a or b").groups.count == 1)  // lower-case "or" is a word
    }

    @Test func quotesNegationAndHyphens() {
        #expect(SearchQuery("\"Chasiv Yar\" -capitale").groups == [[T(words: ["chasiv", "yar"], quoted: true), T(words: ["capitale"], negated: true)]])
        #expect(SearchQuery("nord-coréens").groups == [[T(words: ["nord", "coreens"])]])
        #expect(SearchQuery("-nord-coréens drones").groups == [[T(words: ["nord", "coreens"], negated: true), T(words: ["drones"])]])
    }

    @Test func unclosedQuoteClosesAtTheEnd() {
        #expect(SearchQuery("\"région de Koursk").groups == [[T(words: ["region", "de", "koursk"], quoted: true)]])
    }

    @Test func ftsSyntaxIsJustText() {
        // Operators and punctuation of FTS5 are not passed through: "NEAR(a" is a phrase of its words.
        #expect(SearchQuery("NEAR(a b) * ^col: {x}").groups == [[T(words: ["near", "a"]), T(words: ["b"]), T(words: ["col"]), T(words: ["x"])]])
        #expect(SearchQuery("  ").isEmpty)
    }
}

@Suite struct JSONTests {
    @Test func escapesWhatTerminalsAndPagesFear() {
        let s = JSON.string("a\"b\\c\n\u{1B}[31m\u{85}\u{2028}\u{7F}é").render()
        #expect(s == "\"a\\\"b\\\\c\\n\\u001b[31m\\u0085\\u2028\\u007fé\"")
    }

    @Test func keepsKeyOrderAndNulls() {
        let j = JSON.object([("b", .int(1)), ("a", .null), ("c", .array([]))])
        #expect(j.render(pretty: false) == "{\"b\":1,\"a\":null,\"c\":[]}")
    }
}

@Suite struct SnippetTests {
    @Test(arguments: [
        ("drone", "Plus de 100 drones ont attaqué ; un drone abattu.", "Plus de 100 [drones] ont attaqué ; un [drone] abattu."),
        ("nord-coréens", "Des soldats nord-coréens et nord-coréennes.", "Des soldats [nord-coréens] et nord-coréennes."),
        ("\"région de Koursk\" -drones", "Dans la région de Koursk, la région.", "Dans la [région de Koursk], la région."),
        ("kyiv OR odesa", "Kyiv et Odesa.", "[Kyiv] et [Odesa]."),
        ("yar", "Chasiv Yar et Yarovaya.", "Chasiv [Yar] et Yarovaya."),
        ("resistance", "Jours de RÉSISTANCE.", "Jours de [RÉSISTANCE]."),
    ])
    func marksMatches(query: String, text: String, expected: String) {
        #expect(SearchQuery(query).snippet(text) == expected)
    }
}

/// The marker (terms indexed by first word, compared as bytes) finds what trying every term at every
/// word finds, on every sentence of the fixture weeks.
@Suite struct MarkerTests {
    /// Every positive term tried at every word: a word equal, or for the last word of an unquoted
    /// term of 4+ letters a prefix; overlapping matches merged as the marker merges them (the
    /// snippet tests check the merging).
    static func reference(_ query: SearchQuery, _ text: String) -> [Range<String.Index>] {
        let spans = WordTokenizer.spans(text)
        var ranges: [Range<String.Index>] = []
        for t in query.groups.flatMap({ $0 }) where !t.negated && !t.words.isEmpty && spans.count >= t.words.count {
            for i in 0...(spans.count - t.words.count) {
                let ok = t.words.indices.allSatisfy { k in
                    let token = spans[i + k].word.folded
                    let w = t.words[k]
                    return token == w || (k == t.words.count - 1 && !t.quoted && w.count >= 4 && token.hasPrefix(w))
                }
                if ok { ranges.append(spans[i].range.lowerBound..<spans[i + t.words.count - 1].range.upperBound) }
            }
        }
        return SearchQuery.Marker.merged(ranges)
    }

    @Test func findsWhatEveryTermFinds() throws {
        let dir = TestSupport.fixture("weeks")
        var sentences: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".txt") {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            if let week = try? TestSupport.parser.parse(text, source: name) { sentences += week.events.map(\.text) }
        }
        #expect(sentences.count > 150)
        let queries = [
            "drones", "dron", "dro", "\"Chasiv Yar\"", "nord-coréens", "Koursk OR Kupiansk", "-drones semaine",
            "Selydove Selidove Selidovo Селидове Tchassiv", "abattus drones", "shahed-136", "\"drones abattus\"",
            "région de", "forces armées", "Ukraine OR ukrainiennes OR ukr", "ДРОН київ",
        ]
        var marked = 0
        for q in queries {
            let query = SearchQuery(q)
            let marker = query.marker()
            for s in sentences {
                let found = marker.matches(in: s)
                #expect(found == Self.reference(query, s), "\(q): \(s)")
                marked += found.count
            }
        }
        #expect(marked > 100)
    }
}
