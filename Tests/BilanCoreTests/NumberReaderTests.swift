import Testing

@testable import BilanCore

/// One phrase the number reader must read, and what it must read.
struct NumberCase: CustomTestStringConvertible, Sendable {
    var text: String
    var language: Language
    var value: Int?
    var qualifier: Qualifier
    var testDescription: String { "\(language.rawValue): \(text)" }

    init(_ text: String, _ language: Language, _ value: Int?, _ qualifier: Qualifier = .exact) {
        self.text = text
        self.language = language
        self.value = value
        self.qualifier = qualifier
    }
}

private let nbsp = "\u{00A0}"
private let narrow = "\u{202F}"

let frenchNumbers: [NumberCase] = [
    // digits and thousands
    .init("8 drones", .fr, 8),
    .init("3 000 soldats", .fr, 3000),
    .init("1\(nbsp)800 drones", .fr, 1800),
    .init("1\(narrow)800 drones", .fr, 1800),
    .init("12 000", .fr, 12000),
    .init("1 200 000 obus", .fr, 1_200_000),
    .init("2,000 drones", .fr, 2000),
    .init("1,642 drones", .fr, 1642),
    .init("2,4 millions", .fr, 2_400_000),
    .init("3 mille", .fr, 3000),
    // number words
    .init("un", .fr, 1),
    .init("une", .fr, 1),
    .init("huit drones", .fr, 8),
    .init("seize", .fr, 16),
    .init("dix-sept", .fr, 17),
    .init("vingt et un", .fr, 21),
    .init("vingt-et-un", .fr, 21),
    .init("trente-deux", .fr, 32),
    .init("quarante-quatre drones", .fr, 44),
    .init("quarante quatre", .fr, 44),
    .init("cinquante", .fr, 50),
    .init("soixante-dix", .fr, 70),
    .init("soixante et onze", .fr, 71),
    .init("soixante-dix-huit", .fr, 78),
    .init("quatre-vingts", .fr, 80),
    .init("quatre-vingt-un", .fr, 81),
    .init("quatre-vingt-douze", .fr, 92),
    .init("quatre-vingt-dix-neuf", .fr, 99),
    .init("cent", .fr, 100),
    .init("cent vingt", .fr, 120),
    .init("deux cents", .fr, 200),
    .init("trois cent cinquante", .fr, 350),
    .init("mille", .fr, 1000),
    .init("deux mille cinq cents", .fr, 2500),
    .init("un seul drone", .fr, 1),
    .init("une seule", .fr, 1),
    // collective nouns
    .init("une dizaine de drones", .fr, 10, .approx),
    .init("une douzaine", .fr, 12, .approx),
    .init("une quinzaine de drones", .fr, 15, .approx),
    .init("une vingtaine", .fr, 20, .approx),
    .init("une trentaine", .fr, 30, .approx),
    .init("une quarantaine", .fr, 40, .approx),
    .init("une cinquantaine", .fr, 50, .approx),
    .init("une soixantaine", .fr, 60, .approx),
    .init("une centaine de drones", .fr, 100, .approx),
    .init("un millier de drones", .fr, 1000, .approx),
    .init("deux centaines", .fr, 200, .approx),
    .init("plusieurs dizaines de drones", .fr, 20, .atLeast),
    .init("des dizaines de drones", .fr, 20, .atLeast),
    .init("des centaines de drones", .fr, 200, .atLeast),
    .init("des milliers de drones", .fr, 2000, .atLeast),
    .init("des dizaines de milliers", .fr, 20000, .atLeast),
    .init("quelques-uns", .fr, nil, .atLeast),
    .init("quelques drones", .fr, nil, .atLeast),
    .init("plusieurs drones", .fr, nil, .atLeast),
    // qualifiers
    .init("environ 12 000 soldats", .fr, 12000, .approx),
    .init("près de 3 000", .fr, 3000, .approx),
    .init("près d’une centaine", .fr, 100, .approx),
    .init("quelque 200 drones", .fr, 200, .approx),
    .init("presque 50", .fr, 50, .approx),
    .init("plus de 1 800 drones", .fr, 1800, .atLeast),
    .init("plus d’une centaine de drones", .fr, 100, .atLeast),
    .init("plus d'une centaine de drones", .fr, 100, .atLeast),
    .init("au moins 31", .fr, 31, .atLeast),
    .init("pas moins de quarante", .fr, 40, .atLeast),
    .init("moins de 20 drones", .fr, 20, .atMost),
    .init("moins d’une dizaine", .fr, 10, .atMost),
    .init("jusqu’à 50 drones", .fr, 50, .atMost),
    .init("jusqu'à cent", .fr, 100, .atMost),
]

let englishNumbers: [NumberCase] = [
    .init("8 drones", .en, 8),
    .init("1,800 drones", .en, 1800),
    .init("1,642", .en, 1642),
    .init("12,000 troops", .en, 12000),
    .init("1 800 drones", .en, 1800),
    .init("2.4 million", .en, 2_400_000),
    .init("3 thousand", .en, 3000),
    .init("one", .en, 1),
    .init("five drones", .en, 5),
    .init("twelve", .en, 12),
    .init("nineteen", .en, 19),
    .init("twenty", .en, 20),
    .init("forty-four", .en, 44),
    .init("forty four", .en, 44),
    .init("ninety-nine", .en, 99),
    .init("a hundred", .en, 100),
    .init("one hundred and twenty", .en, 120),
    .init("three hundred", .en, 300),
    .init("two thousand", .en, 2000),
    .init("a thousand drones", .en, 1000),
    .init("two thousand five hundred", .en, 2500),
    .init("a single drone", .en, 1),
    .init("a dozen", .en, 12, .approx),
    .init("two dozen", .en, 24, .approx),
    .init("dozens of drones", .en, 20, .atLeast),
    .init("hundreds of drones", .en, 200, .atLeast),
    .init("thousands of drones", .en, 2000, .atLeast),
    .init("tens of thousands", .en, 20000, .atLeast),
    .init("several drones", .en, nil, .atLeast),
    .init("a few", .en, nil, .atLeast),
    .init("about 40", .en, 40, .approx),
    .init("around 1,800", .en, 1800, .approx),
    .init("nearly 100", .en, 100, .approx),
    .init("almost fifty", .en, 50, .approx),
    .init("roughly 60", .en, 60, .approx),
    .init("some 200", .en, 200, .approx),
    .init("more than 100", .en, 100, .atLeast),
    .init("over 1,000", .en, 1000, .atLeast),
    .init("over a hundred", .en, 100, .atLeast),
    .init("at least 31", .en, 31, .atLeast),
    .init("up to 50", .en, 50, .atMost),
    .init("fewer than 20", .en, 20, .atMost),
    .init("less than ten", .en, 10, .atMost),
    .init("no more than 12", .en, 12, .atMost),
]

@Suite("NumberReader")
struct NumberReaderTests {
    @Test("reads French counts", arguments: frenchNumbers)
    func french(_ c: NumberCase) {
        let reading = NumberReader.read(c.text, language: c.language)
        #expect(reading?.value == c.value)
        #expect(reading?.qualifier == c.qualifier)
    }

    @Test("reads English counts", arguments: englishNumbers)
    func english(_ c: NumberCase) {
        let reading = NumberReader.read(c.text, language: c.language)
        #expect(reading?.value == c.value)
        #expect(reading?.qualifier == c.qualifier)
    }

    @Test("reports the length of the count in characters")
    func length() {
        #expect(NumberReader.read("plus d’une centaine de drones russes", language: .fr)?.length == 19)
        #expect(NumberReader.read("3 000 soldats", language: .fr)?.length == 5)
        #expect(NumberReader.read("quatre-vingt-douze drones", language: .fr)?.length == 18)
        #expect(NumberReader.read("one hundred and twenty drones", language: .en)?.length == 22)
        #expect(NumberReader.read(Substring("1,800 drones"), language: .en)?.length == 5)
    }

    @Test(
        "reads no count where there is none",
        arguments: [
            ("drones", Language.fr), ("plus de drones", .fr), ("près de Selydove", .fr), ("3e brigade", .fr),
            ("a drone", .en), ("over the past week", .en), ("some drones", .en), ("", .en),
            ("-136", .fr), ("2,4 drones", .fr),
        ])
    func none(_ text: String, _ language: Language) {
        #expect(NumberReader.read(text, language: language) == nil)
    }

    @Test("keeps French and English words apart")
    func languages() {
        #expect(NumberReader.read("a hundred", language: .fr) == nil)
        #expect(NumberReader.read("deux", language: .en) == nil)
        #expect(NumberReader.read("2.4 million", language: .en)?.value == 2_400_000)
        #expect(NumberReader.read("2,4 millions", language: .fr)?.value == 2_400_000)
    }
}
