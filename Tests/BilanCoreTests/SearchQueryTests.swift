import BilanCore
import Testing

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
