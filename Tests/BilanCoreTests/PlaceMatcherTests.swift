import BilanCore
import BilanTestSupport
import Testing

@Suite struct PlaceMatcherTests {
    let matcher = TestSupport.parser.matcher
    let gazetteer = Gazetteer.shared

    func names(_ s: String) -> [String] { matcher.names(matcher.placeIDs(in: s)) }

    @Test(arguments: [
        ("Les combats se poursuivent près de Selydove.", ["Selydove"]),
        ("Les combats se poursuivent près de Selidovo.", ["Selydove"]),
        ("Les Russes ont pénétré dans Tchassiv Iar.", ["Chasiv Yar"]),
        ("Fighting near Chasov Yar continued.", ["Chasiv Yar"]),
        ("Heavy fighting in Chasiv Yar.", ["Chasiv Yar"]),
        ("Les troupes sont arrivées dans la région de Koursk.", ["Kursk Oblast"]),
        ("Fighting continues in the Kursk region.", ["Kursk Oblast"]),
        ("Une frappe a touché Koursk.", ["Kursk"]),
        ("La situation à Koupiansk et à Koupyansk reste tendue.", ["Kupiansk"]),
        ("Kupyansk was shelled.", ["Kupiansk"]),
        ("Les défenseurs d’Avdiïvka ont tenu.", ["Avdiivka"]),
        ("The defenders of Avdiyivka held.", ["Avdiivka"]),
        ("Des drones ont visé Soumy et Zaporizhzhya.", ["Sumy", "Zaporizhzhia"]),
        ("Des explosions à Zaporijjia.", ["Zaporizhzhia"]),
        ("La région de Louhansk est occupée.", ["Luhansk Oblast"]),
        ("Les habitants de Marioupol ont été déportés.", ["Mariupol"]),
        ("Une raffinerie a brûlé à Briansk.", ["Bryansk"]),
        ("La Crimée a été frappée.", ["Crimea"]),
        ("Bakhmout est tombée ; les Russes l’appellent Artemovsk.", ["Bakhmut"]),
        ("Des drones approchaient de la capitale.", ["Kyiv"]),
        ("Drones approached the capital.", ["Kyiv"]),
        ("Селидове обстріляли.", ["Selydove"]),
        ("L’oblast de Kharkiv a été bombardé.", ["Kharkiv Oblast"]),
        ("Pokrovsk direction remains the hottest.", ["Pokrovsk direction"]),
        ("Les combats près de Robotyne et de Krynky continuent.", ["Robotyne", "Krynky"]),
        ("Selydove dans la région de Donetsk.", ["Selydove", "Donetsk Oblast"]),
    ])
    func findsPlaces(sentence: String, expected: [String]) {
        #expect(names(sentence) == expected, "\(sentence)")
    }

    @Test(arguments: [
        "La Corée du Sud envisage de déployer ses propres troupes en Ukraine.",
        "Les Forces de défense ukrainiennes ont repoussé les assauts.",
        "Selon le HUR, environ 12 000 soldats sont en Russie.",
        "Le secrétaire à la Défense des États-Unis est venu.",
        "Moscou, la capitale russe, a été visée par des drones.",
        "Le président a parlé à Paris et à New York.",
        "Les soldats ont parlé de la paix et de la victoire.",
        "The capital of Russia was attacked by drones.",
        "Le yar est un mot, pas un lieu.",
    ])
    func precision(sentence: String) {
        #expect(names(sentence).filter { !["Moscow"].contains($0) } == [], "\(sentence)")
    }

    @Test func sharedNamesGoToTheFrontPlace() throws {
        let ids = matcher.placeIDs(in: "Les combats près de Pokrovsk s’intensifient.")
        let id = try #require(ids.first)
        let place = try #require(gazetteer.place(id: id))
        #expect(place.country == "UA")
        #expect(place.front)
    }

    @Test func everyPlaceHasWhatReadersNeed() throws {
        let kursk = try #require(gazetteer.places.first { $0.name == "Kursk Oblast" })
        #expect(kursk.front && kursk.country == "RU" && kursk.kind == .oblast)
        let selydove = try #require(gazetteer.places.first { $0.name == "Selydove" })
        #expect(selydove.parent.flatMap(gazetteer.place(id:))?.name == "Donetsk Oblast")
        #expect(selydove.front)
        #expect(selydove.latitude != nil && selydove.longitude != nil)
        #expect(selydove.aliases.contains("Selidovo"))
        #expect(gazetteer.places.count > 10_000)
        // GeoNames' population for Kherson is wrong; the overlay corrects it.
        #expect(gazetteer.place(id: "gn:706448")?.kind == .city)
        // No country is a place.
        #expect(!gazetteer.places.contains { ["Ukraine", "Russia", "Russie"].contains($0.name) })
    }
}
