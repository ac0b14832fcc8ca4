import BilanCore
import Testing

@Suite struct TitleParserTests {
    @Test(arguments: [
        ("Bilan de la semaine. Jours 971-975 de résistance", 971, 975, Language.fr),
        ("Bilan de la semaine. 971-975 jours de résistance", 971, 975, .fr),
        ("Résumé de la semaine. Jours 957-961 de résistance", 957, 961, .fr),
        ("Résumé de la semaine. 957-961 jours de résistance", 957, 961, .fr),
        ("Bilan de la semaine. 943-947 jours", 943, 947, .fr),
        ("Bilan de la semaine : Jours 628 – 632 de résistance", 628, 632, .fr),
        ("Bilan de la semaine – 628ème-632ème jours de résistance", 628, 632, .fr),
        ("Bilan de la semaine.Jour 600-604 de résistance", 600, 604, .fr),
        ("Bilan  de la  semaine.   Jours  1048-1052  de résistance", 1048, 1052, .fr),
        ("Bilan de la semaine. Jours 1\u{202F}048-1\u{00A0}052 de résistance", 1048, 1052, .fr),
        ("Weekly roundup. Ukraine resists Russia’s invasion. Days 971-975", 971, 975, .en),
        ("Weekly roundup. Ukraine resists Russia's invasion. Days 1,027-1,031", 1027, 1031, .en),
        ("Weekly roundup. Ukraine resists Russia’s invasion. Days 1 027 – 1 031", 1027, 1031, .en),
        ("Jour 938 de résistance : la Russie frappe Kharkiv", 938, 938, .fr),
        ("Day 924: Russia shells Kherson", 924, 924, .en),
        ("# Bilan de la semaine. Jours 971-975 de résistance", 971, 975, .fr),
    ])
    func titles(title: String, first: Int, last: Int, language: Language) throws {
        let t = try #require(TitleParser.parse(title))
        #expect(t.range == DayRange(first: first, last: last))
        #expect(t.language == language)
        #expect(t.daily == (first == last))
    }

    @Test(arguments: [
        "Hello world", "Bilan de la semaine", "Bilan de la semaine. Jours de résistance",
        "Weekly roundup. Ukraine resists Russia’s invasion.", "La semaine a été marquée par 971-975",
        "Bilan de la semaine. Jours 975-971 de résistance", "Days of our lives",
    ])
    func notTitles(title: String) {
        #expect(TitleParser.parse(title) == nil)
    }
}
