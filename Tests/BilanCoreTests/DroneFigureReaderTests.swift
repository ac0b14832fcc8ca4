import Testing

@testable import BilanCore

/// What one figure of a sentence must be; the phrase is checked when given.
struct ExpectedFigure: Sendable, CustomStringConvertible {
    var value: Int?
    var qualifier: Qualifier
    var role: FigureRole
    var weapon: String?
    var phrase: String?
    var description: String {
        "\(value.map(String.init) ?? "nil") \(qualifier.rawValue) \(role.rawValue) \(weapon ?? "-") \(phrase ?? "")"
    }

    init(_ value: Int?, _ qualifier: Qualifier, _ role: FigureRole, weapon: String? = nil, phrase: String? = nil) {
        self.value = value
        self.qualifier = qualifier
        self.role = role
        self.weapon = weapon
        self.phrase = phrase
    }

    func matches(_ figure: DroneFigure) -> Bool {
        figure.value == value && figure.qualifier == qualifier && figure.role == role && figure.weapon == weapon
            && (phrase == nil || figure.phrase == phrase)
    }
}

/// A sentence and every drone figure it must yield, in text order.
struct SentenceCase: Sendable, CustomTestStringConvertible {
    var sentence: String
    var language: Language
    var expected: [ExpectedFigure]
    var testDescription: String { String(sentence.prefix(70)) }

    init(_ sentence: String, _ language: Language, _ expected: [ExpectedFigure]) {
        self.sentence = sentence
        self.language = language
        self.expected = expected
    }
}

private typealias F = ExpectedFigure

let sentenceCases: [SentenceCase] = [
    // The sample's two sentences.
    .init(
        "Au début de la semaine, plus d’une centaine de drones russes ont attaqué l’Ukraine, avec des assauts légèrement moins intenses les autres jours.",
        .fr, [F(100, .atLeast, .launched, phrase: "plus d’une centaine de drones")]),
    .init(
        "En fin de semaine, les Forces aériennes ukrainiennes ont neutralisé une quinzaine de drones approchant de la capitale.",
        .fr, [F(15, .approx, .shotDown, phrase: "une quinzaine de drones")]),
    // Traps: other counted nouns, articles, percentages, years, model numbers.
    .init(
        "À mi-semaine, la Corée du Nord a envoyé 3 000 soldats en Russie pour participer à la guerre contre l’Ukraine.",
        .fr, []),
    .init("La Corée du Nord a envoyé 3 000 soldats et la Russie a lancé 40 drones.", .fr,
          [F(40, .exact, .launched, phrase: "40 drones")]),
    .init(
        "Environ 12 000 soldats nord-coréens, dont 500 officiers et trois généraux, sont en Russie, tandis que 20 drones russes ont été abattus près de Koursk.",
        .fr, [F(20, .exact, .shotDown, phrase: "20 drones")]),
    .init("En fin de semaine, quatre soldats ont été tués par un drone près de Selydove.", .fr, []),
    .init("Au total, 80 % des drones lancés en 2024 ont été abattus.", .fr, []),
    .init("Près de 80 pour cent des drones ont été abattus dans cinq régions.", .fr, []),
    .init("La préparation se déroule sur cinq terrains d’entraînement, survolés par des drones.", .fr, []),
    .init("Les Russes ont lancé des Shahed-136 et des missiles Kh-101 sur Kyiv.", .fr, []),
    .init(
        "The Shahed-238 and Geran-2 drones were used alongside S-300 missiles and FAB-1500 bombs dropped by Tu-95 bombers.",
        .en, []),
    .init("Un drone russe a frappé un immeuble à Kharkiv pendant 3 jours.", .fr, []),
    .init("A drone hit an apartment block in Kharkiv on 3 September.", .en, []),
    .init("Russia launched a drone attack on Kyiv, hitting two refineries.", .en, []),
    .init("Un seul drone a atteint sa cible.", .fr, [F(1, .exact, .other, phrase: "Un seul drone")]),
    .init("Au moins un drone a frappé Kyiv.", .fr, [F(1, .atLeast, .other, phrase: "Au moins un drone")]),
    // Per-night reports with elliptical counts.
    .init(
        "Dans la nuit du 3 septembre, la Russie a attaqué l’Ukraine avec 61 Shahed : 40 abattus, 12 perdus localement à cause de la guerre électronique.",
        .fr,
        [
            F(61, .exact, .launched, weapon: "Shahed", phrase: "61 Shahed"),
            F(40, .exact, .shotDown, weapon: "Shahed", phrase: "40 abattus"),
            F(12, .exact, .suppressed, weapon: "Shahed", phrase: "12 perdus localement"),
        ]),
    .init(
        "Russia launched 62 Shahed drones overnight on Monday; of these, 52 were shot down and 7 were locally lost.",
        .en,
        [
            F(62, .exact, .launched, weapon: "Shahed", phrase: "62 Shahed drones"),
            F(52, .exact, .shotDown, weapon: "Shahed", phrase: "52 were shot down"),
            F(7, .exact, .suppressed, weapon: "Shahed", phrase: "7 were locally lost"),
        ]),
    .init(
        "Dans la nuit de lundi à mardi, l’ennemi a lancé quarante-quatre drones Shahed, dont trente-huit ont été abattus.",
        .fr,
        [
            F(44, .exact, .launched, weapon: "Shahed", phrase: "quarante-quatre drones Shahed"),
            F(38, .exact, .shotDown, weapon: "Shahed", phrase: "trente-huit ont été abattus"),
        ]),
    .init("Dans la nuit du 5 au 6 octobre, l’ennemi a attaqué avec 87 drones ; 62 ont été détruits.", .fr,
          [F(87, .exact, .launched), F(62, .exact, .shotDown, phrase: "62 ont été détruits")]),
    .init("Russia attacked Ukraine with 67 drones; air defence shot down 45.", .en,
          [F(67, .exact, .launched), F(45, .exact, .shotDown, phrase: "45")]),
    .init("En fin de semaine, 25 drones russes ont été interceptés et 10 autres ont été perdus localement.", .fr,
          [F(25, .exact, .shotDown), F(10, .exact, .suppressed)]),
    .init("Dans la nuit du 2 septembre, 35 drones ont attaqué la région de Kyiv.", .fr,
          [F(35, .exact, .launched, phrase: "35 drones")]),
    .init("Of these, 52 were shot down.", .en, []),
    // Missiles next to drones.
    .init("La Russie a lancé 43 missiles et 64 drones contre l’Ukraine.", .fr,
          [F(64, .exact, .launched, phrase: "64 drones")]),
    .init("Russia launched 74 missiles and 130 drones at Ukraine, of which 100 were shot down.", .en,
          [F(130, .exact, .launched, phrase: "130 drones"), F(100, .exact, .shotDown)]),
    .init("L’armée russe a utilisé 3 missiles Iskander-M et 48 drones Shahed.", .fr,
          [F(48, .exact, .launched, weapon: "Shahed", phrase: "48 drones Shahed")]),
    .init("Russia also fired two ballistic missiles and 20 attack drones.", .en,
          [F(20, .exact, .launched, phrase: "20 attack drones")]),
    .init(
        "Cette semaine, la Russie a utilisé plus de 1 100 bombes aériennes guidées, près de 560 drones d’attaque et plus de 30 missiles.",
        .fr, [F(560, .approx, .launched, phrase: "près de 560 drones d’attaque")]),
    .init(
        "Over the past week, Russia launched more than 400 attack drones, nearly 20 missiles and over 800 guided aerial bombs.",
        .en, [F(400, .atLeast, .launched, phrase: "more than 400 attack drones")]),
    // Shares and "all".
    .init("Les forces ukrainiennes ont abattu tous les 31 drones lancés par la Russie.", .fr,
          [F(31, .exact, .shotDown, phrase: "31 drones")]),
    .init("All 31 drones launched by Russia were shot down.", .en, [F(31, .exact, .shotDown)]),
    .init("Les forces de défense aérienne ont abattu 40 des 61 drones Shahed lancés par la Russie.", .fr,
          [F(40, .exact, .shotDown, weapon: "Shahed", phrase: "40"),
           F(61, .exact, .launched, weapon: "Shahed", phrase: "61 drones Shahed")]),
    .init("Ukrainian forces shot down 38 of 42 Shahed-type drones overnight on Tuesday.", .en,
          [F(38, .exact, .shotDown, weapon: "Shahed"),
           F(42, .exact, .launched, weapon: "Shahed", phrase: "42 Shahed-type drones")]),
    .init("Le 3 septembre, l’aviation a détruit vingt-deux drones sur les trente-cinq lancés.", .fr,
          [F(22, .exact, .shotDown, phrase: "vingt-deux drones"), F(35, .exact, .launched)]),
    .init("The Air Force said 46 of the 50 drones were shot down and four were lost.", .en,
          [F(46, .exact, .shotDown, phrase: "46"), F(50, .exact, .launched, phrase: "50 drones"),
           F(4, .exact, .suppressed, phrase: "four were lost")]),
    .init(
        "La défense aérienne a abattu 57 drones dans 11 régions, 18 drones ont été perdus localement et 2 sont repartis vers la Biélorussie.",
        .fr, [F(57, .exact, .shotDown), F(18, .exact, .suppressed), F(2, .exact, .other, phrase: "2 sont repartis")]),
    .init("Ukraine received 10,000 FPV drones from partners.", .en, [F(10000, .exact, .other, phrase: "10,000 FPV drones")]),
    // Thousands separators, number words, collectives, English style.
    .init("Russia launched 1,800 drones this week.", .en, [F(1800, .exact, .launched, phrase: "1,800 drones")]),
    .init("Cette semaine, la Russie a lancé plus de 1 800 drones d’attaque contre l’Ukraine.", .fr,
          [F(1800, .atLeast, .launched, phrase: "plus de 1 800 drones d’attaque")]),
    .init("Selon l’armée de l’air, 2\u{202F}000 drones ont été lancés en une semaine, un record.", .fr,
          [F(2000, .exact, .launched)]),
    .init("Russia targeted Ukraine with 1\u{00A0}642 drones on Monday, according to the Air Force.", .en,
          [F(1642, .exact, .launched, phrase: "1\u{00A0}642 drones")]),
    .init("Les Forces aériennes ont intercepté vingt et un drones au-dessus de la région d’Odesa.", .fr,
          [F(21, .exact, .shotDown, phrase: "vingt et un drones")]),
    .init("Des dizaines de drones ennemis ont été neutralisés par la guerre électronique.", .fr,
          [F(20, .atLeast, .suppressed, phrase: "Des dizaines de drones")]),
    .init("Quelques-uns des drones ont atteint leurs cibles.", .fr,
          [F(nil, .atLeast, .other, phrase: "Quelques-uns des drones")]),
    .init("Several drones hit energy facilities in the Kyiv region.", .en,
          [F(nil, .atLeast, .other, phrase: "Several drones")]),
    .init(
        "The Air Force reported that 31 UAVs were destroyed and 9 unmanned aerial vehicles were lost to electronic warfare.",
        .en, [F(31, .exact, .shotDown, phrase: "31 UAVs"),
              F(9, .exact, .suppressed, phrase: "9 unmanned aerial vehicles")]),
    .init("Jusqu’à 50 drones kamikazes ont visé les infrastructures énergétiques.", .fr,
          [F(50, .atMost, .launched, phrase: "Jusqu’à 50 drones kamikazes")]),
    .init("Deux drones sont retournés en Russie et un drone est toujours en vol.", .fr,
          [F(2, .exact, .other, phrase: "Deux drones")]),
    .init("Ukraine's air defence downed 58 drones and 3 missiles on 3 September.", .en,
          [F(58, .exact, .shotDown, phrase: "58 drones")]),
    .init("Les forces russes ont attaqué la ville avec 12 drones Lancet et 4 drones Orlan.", .fr,
          [F(12, .exact, .launched, weapon: "Lancet"), F(4, .exact, .launched, weapon: "Orlan")]),
    // Counts framed by a longer period are kept but not tallied.
    .init("En 2024, la Russie a lancé 12 000 drones Geran-2.", .fr,
          [F(12000, .exact, .other, weapon: "Geran", phrase: "12 000 drones Geran-2")]),
    .init("Depuis le début de l’invasion, la Russie a lancé plus de 10 000 drones Shahed.", .fr,
          [F(10000, .atLeast, .other, weapon: "Shahed")]),
    .init("In October, Russia launched 2,000 drones at Ukraine, an average of 65 drones per day.", .en,
          [F(2000, .exact, .other), F(65, .exact, .other)]),
    .init("Russia launched 1,200 drones this week, and more than 8,000 since the start of the year.", .en,
          [F(1200, .exact, .launched)]),
    .init("Depuis le début de la semaine, la Russie a lancé 700 drones.", .fr, [F(700, .exact, .launched)]),
    .init("Russia launched 15 Gerbera decoy drones and 30 Shaheds.", .en,
          [F(15, .exact, .launched, weapon: "Gerbera", phrase: "15 Gerbera decoy drones"),
           F(30, .exact, .launched, weapon: "Shahed", phrase: "30 Shaheds")]),
    .init("Over a hundred drones attacked Ukraine on Wednesday night.", .en,
          [F(100, .atLeast, .launched, phrase: "Over a hundred drones")]),
    .init("Plus de 100 nouveaux drones de type Shahed ont été utilisés par l’ennemi.", .fr,
          [F(100, .atLeast, .launched, weapon: "Shahed", phrase: "Plus de 100 nouveaux drones de type Shahed")]),
    .init("Environ 300 drones ont frappé l’infrastructure énergétique.", .fr, [F(300, .approx, .other)]),
    .init("Dozens of drones were still airborne after 40 returned to Russia.", .en,
          [F(20, .atLeast, .other, phrase: "Dozens of drones"), F(40, .exact, .other, phrase: "40 returned")]),
]

@Suite("DroneFigureReader")
struct DroneFigureReaderTests {
    @Test("reads every drone figure of a sentence, in order", arguments: sentenceCases)
    func sentence(_ c: SentenceCase) {
        let figures = DroneFigureReader.figures(in: c.sentence, language: c.language)
        #expect(figures.count == c.expected.count, "got \(figures.map { "\($0.value.map(String.init) ?? "nil") \($0.qualifier) \($0.role) \($0.weapon ?? "-") [\($0.phrase)]" })")
        for (figure, expected) in zip(figures, c.expected) {
            #expect(expected.matches(figure), "expected \(expected), got \(figure)")
        }
    }

    @Test("marks figures stated for the whole week")
    func wholeWeek() {
        func week(_ s: String, _ l: Language) -> [Bool] { DroneFigureReader.figures(in: s, language: l).map(\.wholeWeek) }
        #expect(week("Russia launched 1,800 drones this week.", .en) == [true])
        #expect(week("Over the past week, Russia launched 400 drones.", .en) == [true])
        #expect(week("Cette semaine, la Russie a lancé plus de 1 800 drones.", .fr) == [true])
        #expect(week("Au cours de la semaine, 900 drones ont été lancés.", .fr) == [true])
        #expect(week("Au début de la semaine, 100 drones ont attaqué.", .fr) == [false])
        #expect(week("Au début de cette semaine, 100 drones ont attaqué.", .fr) == [false])
        #expect(week("Earlier this week, 100 drones attacked Kyiv.", .en) == [false])
        #expect(week("Late in the week, 15 drones were shot down.", .en) == [false])
        #expect(week("Depuis le début de la semaine, la Russie a lancé 700 drones.", .fr) == [true])
        #expect(week("Since the start of the full-scale invasion, Russia has launched more than 30,000 drones.", .en) == [false])
        #expect(week("Cette semaine, la Russie a lancé 900 drones ; en 2024, elle a lancé 12 000 drones.", .fr) == [true, false])
    }

    @Test("names the night, date or weekday of a figure")
    func occasion() {
        func occasion(_ s: String, _ l: Language) -> String? {
            DroneFigureReader.figures(in: s, language: l).first?.occasion
        }
        #expect(occasion("Dans la nuit du 3 septembre, 35 drones ont attaqué.", .fr) == "3 septembre")
        #expect(occasion("Le mardi 1er octobre, 20 drones ont été abattus.", .fr) == "1 octobre")
        #expect(occasion("Dans la nuit du 16 au 17 août, 20 drones ont été abattus.", .fr) == "16 aout")
        #expect(occasion("Dans la nuit de lundi à mardi, 20 drones ont été abattus.", .fr) == "lundi")
        #expect(occasion("Overnight on Monday, Russia launched 62 drones.", .en) == "monday")
        #expect(occasion("On September 3, Russia launched 62 drones.", .en) == "3 september")
        #expect(occasion("On 3 September, Russia launched 62 drones.", .en) == "3 september")
        #expect(occasion("Russia launched 62 drones.", .en) == nil)
        #expect(occasion("En fin de semaine, 15 drones ont été abattus.", .fr) == nil)
    }

    @Test("keeps the sentence's own spelling in the phrase")
    func phraseIsExactSubstring() {
        let sentence = "Plus d'une centaine de DRONES russes ont attaqué."
        let figures = DroneFigureReader.figures(in: sentence, language: .fr)
        #expect(figures.map(\.phrase) == ["Plus d'une centaine de DRONES"])
        #expect(figures.allSatisfy { sentence.contains($0.phrase) })
    }

    @Test("skips sentences without drones quickly and returns nothing")
    func noDrones() {
        #expect(DroneFigureReader.figures(in: "Selon le HUR, environ 12 000 soldats nord-coréens, dont 500 officiers et trois généraux, sont actuellement en Russie.", language: .fr).isEmpty)
        #expect(DroneFigureReader.figures(in: "", language: .en).isEmpty)
    }
}
