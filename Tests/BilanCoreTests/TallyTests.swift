import Foundation
import Testing

@testable import BilanCore

private func fig(
    _ value: Int?, _ qualifier: Qualifier = .exact, _ role: FigureRole = .launched, weapon: String? = nil,
    week: Bool = false, occasion: String? = nil, date: String? = nil, paragraph: Int = 0, index: Int = 0,
    heading: Bool = false
) -> SourcedFigure {
    SourcedFigure(
        figure: DroneFigure(
            value: value, qualifier: qualifier, role: role, weapon: weapon, phrase: "\(value ?? 0) drones",
            wholeWeek: week, occasion: occasion),
        paragraph: paragraph, index: index, text: "…", heading: heading, date: date)
}

private func launched(_ figures: [SourcedFigure]) -> TallyValue? { TallyBuilder.tally(figures).launched }

@Suite("TallyBuilder")
struct TallyTests {
    @Test("a role without figures is nil, never 0")
    func empty() {
        let tally = TallyBuilder.tally([])
        #expect(tally.launched == nil && tally.shotDown == nil && tally.suppressed == nil)
        #expect(tally.figures.isEmpty)
        let onlyShotDown = TallyBuilder.tally([fig(40, .exact, .shotDown)])
        #expect(onlyShotDown.launched == nil)
        #expect(onlyShotDown.suppressed == nil)
        #expect(onlyShotDown.shotDown == TallyValue(value: 40, qualifier: .exact))
    }

    @Test("tallies each role apart and never tallies other")
    func roles() {
        let tally = TallyBuilder.tally([
            fig(62, .exact, .launched), fig(52, .exact, .shotDown), fig(7, .exact, .suppressed), fig(3, .exact, .other),
            fig(40, .exact, .shotDown, occasion: "4 septembre"),
        ])
        #expect(tally[.launched] == TallyValue(value: 62, qualifier: .exact))
        #expect(tally[.shotDown] == TallyValue(value: 92, qualifier: .exact))
        #expect(tally[.suppressed] == TallyValue(value: 7, qualifier: .exact))
        #expect(tally[.other] == nil)
        #expect(tally.figures.count == 5)
    }

    @Test("equal values of different roles are different reports")
    func equalValuesOtherRole() {
        let tally = TallyBuilder.tally([fig(40, .exact, .launched), fig(40, .exact, .shotDown)])
        #expect(tally.launched?.value == 40)
        #expect(tally.shotDown?.value == 40)
    }

    @Test("a headline repeating the body counts once")
    func headlineRepeat() {
        let figures = [
            fig(100, .atLeast, heading: true),
            fig(100, .atLeast, occasion: "lundi", paragraph: 1, index: 0),
        ]
        #expect(launched(figures) == TallyValue(value: 100, qualifier: .atLeast))
        // an English-style recap repeating two nights
        let recap = [
            fig(62, occasion: "monday"), fig(40, occasion: "tuesday"), fig(62, paragraph: 3), fig(40, paragraph: 3),
        ]
        #expect(launched(recap) == TallyValue(value: 102, qualifier: .exact))
    }

    @Test("figures of different nights, dates or weapons are not merged")
    func differentNights() {
        #expect(launched([fig(40, occasion: "3 septembre"), fig(40, occasion: "4 septembre")])?.value == 80)
        #expect(launched([fig(40, date: "2024-09-03"), fig(40, date: "2024-09-04")])?.value == 80)
        #expect(launched([fig(40, weapon: "Shahed"), fig(40, weapon: "Lancet")])?.value == 80)
        #expect(launched([fig(40, occasion: "lundi"), fig(40, date: "2024-09-04")])?.value == 40)
        #expect(launched([fig(40, weapon: "Shahed"), fig(40)])?.value == 40)
        #expect(launched([fig(40), fig(41)])?.value == 81)
    }

    @Test("a repeat without a night does not swallow a second night")
    func repeatLearnsItsNight() {
        // headline first: it takes the first night's key, so the second night stays apart
        #expect(launched([fig(40, heading: true), fig(40, occasion: "3 septembre"), fig(40, occasion: "4 septembre")])?.value == 80)
        // headline last
        #expect(launched([fig(40, occasion: "3 septembre"), fig(40, occasion: "4 septembre"), fig(40)])?.value == 80)
    }

    @Test("a whole-week figure wins over the sum of nightly figures")
    func wholeWeekWins() {
        let figures = [fig(100, occasion: "lundi"), fig(1800, .atLeast, week: true), fig(200, occasion: "mardi")]
        #expect(launched(figures) == TallyValue(value: 1800, qualifier: .atLeast))
        // even when stated by a repeat of a plain figure
        let repeated = [fig(1800), fig(50, occasion: "lundi"), fig(1800, week: true)]
        #expect(launched(repeated) == TallyValue(value: 1800, qualifier: .exact))
        // the whole week of one role does not touch another
        let tally = TallyBuilder.tally([fig(1800, week: true), fig(40, .exact, .shotDown), fig(30, .exact, .shotDown, occasion: "x")])
        #expect(tally.shotDown?.value == 70)
    }

    @Test("several whole-week figures: the largest, or the sum of distinct weapons")
    func severalWholeWeek() {
        #expect(launched([fig(1800, .atLeast, week: true), fig(1900, .approx, week: true)])
                == TallyValue(value: 1900, qualifier: .approx))
        #expect(launched([fig(1200, week: true, occasion: nil), fig(1200, .approx, week: true)])
                == TallyValue(value: 1200, qualifier: .exact))
        #expect(launched([fig(1200, .exact, weapon: "Shahed", week: true), fig(300, .approx, weapon: "Gerbera", week: true)])
                == TallyValue(value: 1500, qualifier: .approx))
        #expect(launched([fig(1200, weapon: "Shahed", week: true), fig(300, week: true)])
                == TallyValue(value: 1200, qualifier: .exact))
    }

    @Test("a whole-week figure without a value does not win")
    func wholeWeekWithoutValue() {
        #expect(launched([fig(nil, .atLeast, week: true), fig(100), fig(50, occasion: "x")])
                == TallyValue(value: 150, qualifier: .atLeast))
    }

    @Test(
        "the tally takes the weakest qualifier",
        arguments: [
            ([Qualifier.exact, .exact], Qualifier.exact),
            ([.exact], .exact),
            ([.exact, .atLeast], .atLeast),
            ([.atLeast, .atLeast], .atLeast),
            ([.exact, .approx], .approx),
            ([.approx, .atLeast], .approx),
            ([.atLeast, .atMost], .approx),
            ([.exact, .atMost], .atMost),
            ([.atMost, .atMost], .atMost),
            ([.approx, .atMost], .approx),
            ([.exact, .atLeast, .atMost], .approx),
        ])
    func qualifiers(_ qualifiers: [Qualifier], _ expected: Qualifier) {
        let figures = qualifiers.enumerated().map { fig(10 + $0.offset, $0.element) }
        let tally = launched(figures)
        #expect(tally?.qualifier == expected)
        #expect(tally?.value == figures.compactMap(\.figure.value).reduce(0, +))
    }

    @Test("a figure without a value makes the tally at_least")
    func nullValues() {
        #expect(launched([fig(nil, .atLeast), fig(40)]) == TallyValue(value: 40, qualifier: .atLeast))
        #expect(launched([fig(40), fig(nil, .approx)]) == TallyValue(value: 40, qualifier: .atLeast))
        #expect(launched([fig(nil, .atLeast)]) == TallyValue(value: nil, qualifier: .atLeast))
        #expect(launched([fig(nil, .atLeast), fig(nil, .atLeast, occasion: "lundi")]) == TallyValue(value: nil, qualifier: .atLeast))
        #expect(launched([fig(nil, .atLeast), fig(40, .atMost)]) == TallyValue(value: 40, qualifier: .approx))
        #expect(launched([fig(nil, .atLeast), fig(40, .approx)]) == TallyValue(value: 40, qualifier: .approx))
    }

    @Test("keeps every figure in the order given")
    func keepsFigures() {
        let figures = [fig(100, heading: true), fig(3, .exact, .other, paragraph: 1), fig(100, paragraph: 2), fig(nil, .atLeast, .shotDown, paragraph: 2, index: 1)]
        #expect(TallyBuilder.tally(figures).figures == figures)
    }

    @Test("tallies the sample week read sentence by sentence")
    func sample() {
        let sentences = [
            "Au début de la semaine, plus d’une centaine de drones russes ont attaqué l’Ukraine, avec des assauts légèrement moins intenses les autres jours.",
            "En fin de semaine, les Forces aériennes ukrainiennes ont neutralisé une quinzaine de drones approchant de la capitale.",
            "À mi-semaine, la Corée du Nord a envoyé 3 000 soldats en Russie pour participer à la guerre contre l’Ukraine, et la Corée du Sud envisage en réponse de déployer ses propres troupes en Ukraine, selon Newsweek.",
        ]
        let figures = sentences.enumerated().flatMap { index, text in
            DroneFigureReader.figures(in: text, language: .fr).map {
                SourcedFigure(figure: $0, paragraph: 1, index: index, text: text, heading: false, partOfWeek: index == 0 ? "start" : "end")
            }
        }
        let tally = TallyBuilder.tally(figures)
        #expect(tally.launched == TallyValue(value: 100, qualifier: .atLeast))
        #expect(tally.shotDown == TallyValue(value: 15, qualifier: .approx))
        #expect(tally.suppressed == nil)
        #expect(tally.figures.map(\.figure.phrase) == ["plus d’une centaine de drones", "une quinzaine de drones"])
    }

    @Test("encodes qualifiers and roles in snake_case")
    func coding() throws {
        let data = try JSONEncoder().encode([TallyValue(value: 1, qualifier: .atLeast)])
        #expect(String(decoding: data, as: UTF8.self) == #"[{"qualifier":"at_least","value":1}]"# ||
                String(decoding: data, as: UTF8.self) == #"[{"value":1,"qualifier":"at_least"}]"#)
        #expect(FigureRole.shotDown.rawValue == "shot_down")
        #expect(Qualifier.atMost.rawValue == "at_most")
        let tally = TallyBuilder.tally([fig(5, .atMost, .suppressed)])
        let back = try JSONDecoder().decode(WeekTally.self, from: JSONEncoder().encode(tally))
        #expect(back == tally)
    }
}
