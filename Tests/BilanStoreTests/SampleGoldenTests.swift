import BilanCore
import BilanStore
import BilanTestSupport
import Testing

/// The golden values on the real sample (issue #2), through the store as the CLI sees them.
@Suite struct SampleGoldenTests {
    let store: Store
    let weekID: Int64
    /// 1-based sentence numbers in text order, keyed by (paragraph, index).
    let numbers: [String: Int]

    init() throws {
        store = try Store()
        let outcome = try store.importText(TestSupport.sampleText, source: "seeds/sample.txt", parser: TestSupport.parser)
        guard case .added = outcome else { throw Failure("sample not added: \(outcome)") }
        let w = try store.week(.range(DayRange(first: 971, last: 975)))
        weekID = w.id
        var n: [String: Int] = [:]
        for (i, e) in try store.events(ofWeek: w.id).enumerated() { n["\(e.paragraph).\(e.index)"] = i + 1 }
        numbers = n
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    func sentences(_ query: String, fronts: [String] = []) throws -> [Int] {
        var places: [Place] = []
        for f in fronts { places += try store.places(named: f) }
        let hits = try store.search(SearchRequest(query: SearchQuery(query), fronts: places, sort: .date))
        return hits.compactMap { numbers["\($0.event.paragraph).\($0.event.index)"] }.sorted()
    }

    @Test func weekShape() throws {
        let events = try store.events(ofWeek: weekID)
        #expect(events.count == 15)
        var perParagraph: [Int] = []
        for e in events {
            if e.paragraph == perParagraph.count { perParagraph.append(0) }
            perParagraph[e.paragraph] += 1
        }
        #expect(perParagraph == [3, 2, 4, 2, 3, 1])
        let w = try store.week(.day(973)).info
        #expect(w.range.startDate.iso == "2024-10-21")
        #expect(w.range.endDate.iso == "2024-10-25")
        #expect(w.language == .fr)
    }

    @Test func placesPerSentence() throws {
        let events = try store.events(ofWeek: weekID)
        let expected: [Int: [String]] = [
            2: ["Selydove"], 3: ["Chasiv Yar"], 5: ["Kyiv"], 6: ["Kyiv"], 10: ["Selydove", "Donetsk Oblast"],
            12: ["Kursk Oblast"], 13: ["Kursk Oblast"],
        ]
        for (i, e) in events.enumerated() {
            #expect(e.places == expected[i + 1] ?? [], "sentence \(i + 1): \(e.text)")
        }
    }

    @Test func partOfWeek() throws {
        let events = try store.events(ofWeek: weekID)
        let expected: [Int: PartOfWeek] = [3: .start, 4: .start, 8: .middle, 5: .end, 10: .end]
        for (i, e) in events.enumerated() {
            #expect(e.partOfWeek == expected[i + 1], "sentence \(i + 1)")
            #expect(e.date == nil)
        }
    }

    @Test func searchByFront() throws {
        #expect(try sentences("", fronts: ["Selydove"]) == [2, 10])
        #expect(try sentences("", fronts: ["selidove"]) == [2, 10])
        #expect(try sentences("", fronts: ["Chasiv Yar"]) == [3])
        #expect(try sentences("", fronts: ["tchassiv iar"]) == [3])
        #expect(try sentences("", fronts: ["Kursk"]) == [12, 13])
        #expect(try sentences("", fronts: ["KOURSK"]) == [12, 13])
        #expect(try sentences("", fronts: ["Donetsk Oblast"]) == [2, 3, 10])
        #expect(try sentences("", fronts: ["Kyiv"]) == [5, 6])
        #expect(try sentences("", fronts: ["Selydove", "Kyiv"]) == [2, 5, 6, 10])
    }

    @Test func unknownFrontSuggests() {
        do {
            _ = try store.places(named: "Atlantis")
            Issue.record("Atlantis resolved")
        } catch let e as StoreError {
            guard case .unknownPlace = e else { Issue.record("wrong error \(e)"); return }
        } catch {
            Issue.record("wrong error \(error)")
        }
        do {
            _ = try store.places(named: "Selydov")
        } catch let e as StoreError {
            guard case .unknownPlace(_, let s) = e else { Issue.record("wrong error \(e)"); return }
            #expect(s.contains("Selydove"))
        } catch {
            Issue.record("wrong error \(error)")
        }
        // The first word of a longer name suggests that name first.
        do {
            _ = try store.places(named: "Chasiv")
            Issue.record("Chasiv resolved")
        } catch let e as StoreError {
            guard case .unknownPlace(_, let s) = e else { Issue.record("wrong error \(e)"); return }
            #expect(s.first == "Chasiv Yar")
        } catch {
            Issue.record("wrong error \(error)")
        }
    }

    @Test func searchByWords() throws {
        #expect(try sentences("koursk") == [12, 13])
        #expect(try sentences("Kursk") == [12, 13])
        #expect(try sentences("nord-coréens") == [7, 9, 12, 13, 14, 15])
        #expect(try sentences("nord-coreens") == [7, 9, 12, 13, 14, 15])
        #expect(try sentences("drone") == [4, 5])
        #expect(try sentences("drones -capitale") == [4])
        #expect(try sentences("Atlantis") == [])
        #expect(try sentences("drones OR Kyiv") == [4, 5, 6])
        #expect(try sentences("\"région de Koursk\"") == [12, 13])
    }

    @Test func onlyExclusionsIsAnError() {
        #expect(throws: StoreError.self) { try sentences("-drones") }
    }

    @Test func snippetsMarkOtherSpellingsOfAPlace() throws {
        let hits = try store.search(SearchRequest(query: SearchQuery("Kursk")))
        #expect(hits.count == 2)
        #expect(hits.allSatisfy { $0.snippet.contains("[région de Koursk]") })
        let selydove = try store.search(SearchRequest(query: SearchQuery("selidovo")))
        #expect(selydove.map(\.snippet).allSatisfy { $0.contains("[Selydove]") })
    }

    @Test func snippetsMarkMatches() throws {
        let hits = try store.search(SearchRequest(query: SearchQuery("quinzaine")))
        #expect(hits.count == 1)
        #expect(hits.first?.snippet.contains("[quinzaine]") == true)
    }

    @Test func tally() throws {
        let rows = try store.tallies()
        #expect(rows.count == 1)
        let t = rows[0].tally
        #expect(t.launched == TallyValue(value: 100, qualifier: .atLeast))
        #expect(t.shotDown == TallyValue(value: 15, qualifier: .approx))
        #expect(t.suppressed == nil)
        #expect(t.figures.map(\.figure.phrase) == ["plus d’une centaine de drones", "une quinzaine de drones"])
        #expect(t.figures.map(\.index) == [0, 1])
        #expect(t.figures.map(\.paragraph) == [1, 1])
    }

    @Test func goldenJSON() throws {
        let info = try store.week(.latest).info
        let show = Contract.show(info, events: try store.events(ofWeek: weekID)).render()
        #expect(TestSupport.matchesGolden(show, "sample-show.json"))
        #expect(TestSupport.matchesGolden(Contract.tally(try store.tallies()).render(), "sample-tally.json"))
        #expect(TestSupport.matchesGolden(Contract.weeks(try store.weeks()).render(), "sample-weeks.json"))
        let hits = try store.search(SearchRequest(query: SearchQuery("nord-coréens"), sort: .date))
        #expect(TestSupport.matchesGolden(Contract.search(hits).render(), "sample-search-nord-coreens.json"))
        #expect(TestSupport.matchesGolden(Contract.tallyCSV(try store.tallies()), "sample-tally.csv"))
    }
}
