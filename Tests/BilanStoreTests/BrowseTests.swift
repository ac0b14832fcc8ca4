import BilanCore
@testable import BilanStore
import BilanTestSupport
import Foundation
import Testing

/// The browser's reads (`Library`) over a small archive: the real sample (971-975, French), a week in
/// both languages (985-989), a one-day English page (985) and an English-only week (992-996).
@Suite struct BrowseTests {
    static let french985 = """
        Bilan de la semaine. Jours 985-989 de résistance

        En début de semaine, les forces russes ont attaqué Selydove. Dans la nuit du mardi, la Russie a lancé plus d’une centaine de drones sur l’Ukraine.

        Les combats se poursuivent près de Tchassiv Iar. La contre-offensive ukrainienne continue dans la région de Koursk. La ville de Koursk a été visée par des drones ukrainiens.
        """
    static let english985 = """
        Weekly roundup. Ukraine resists Russia’s invasion. Days 985-989

        Early in the week, Russian forces attacked Selydove. Russia launched 120 attack drones overnight on Tuesday.

        Fighting continues near Chasiv Yar. Ukraine’s operation in the Kursk region goes on.
        """
    static let day985 = """
        Day 985: Fighting near Chasiv Yar

        Fighting continued near Chasiv Yar, the General Staff reported.
        """
    static let english992 = """
        Weekly roundup. Ukraine resists Russia’s invasion. Days 992-996

        This week, Russia launched more than 500 drones against Ukraine. Air defense shot down 300 drones.

        Fighting near Pokrovsk continued.
        """

    /// One archive for every test (they only read it): importing into a fresh store fills the
    /// gazetteer tables each time.
    static let archive = Result { () throws -> Store in
        let store = try Store()
        for (text, name) in [
            (TestSupport.sampleText, "seeds/sample.txt"), (french985, "fr-985.txt"), (english985, "en-985.txt"),
            (day985, "en-985-day.txt"), (english992, "en-992.txt"),
        ] {
            _ = try store.importText(text, source: name, parser: TestSupport.parser)
        }
        return store
    }

    let store: Store
    let r971 = DayRange(first: 971, last: 975)
    let r985 = DayRange(first: 985, last: 989)
    let d985 = DayRange(first: 985, last: 985)
    let r992 = DayRange(first: 992, last: 996)

    init() throws {
        store = try Self.archive.get()
    }

    func text(_ s: String, _ m: TextMark) -> String {
        let scalars = Array(s.unicodeScalars)
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[m.start..<m.end])
        return String(v)
    }

    func key(_ h: SearchHit) -> String { "\(h.range.id) \(h.language.rawValue) \(h.event.paragraph).\(h.event.index)" }

    // MARK: Weeks

    @Test func weekKeysListEveryRangeNewestFirst() throws {
        let keys = try store.weekKeys(BrowseFilter())
        #expect(keys.map(\.range) == [r992, r985, d985, r971])
        #expect(keys.map(\.languages) == [[.en], [.fr, .en], [.en], [.fr]])
        #expect(keys.allSatisfy { $0.matches == nil })
        // A query typed as blanks is no query.
        #expect(try store.weekKeys(BrowseFilter(query: SearchQuery("  "))) == keys)
    }

    @Test func filteredWeekKeysCountMatchesOverLanguages() throws {
        let selydove = try store.places(named: "Selydove")
        let filter = BrowseFilter(fronts: selydove)
        let keys = try store.weekKeys(filter)
        // 985-989: one French and one English sentence; the sample: two French ones.
        #expect(keys.map(\.range) == [r985, r971])
        #expect(keys.map(\.matches) == [2, 2])
        // The languages stored for the range, not only those that match.
        #expect(keys.first?.languages == [.fr, .en])
        let hits = try store.events(filter, offset: 0, limit: 100)
        #expect(hits.count == 4)
        #expect(try store.eventCount(filter) == 4)

        for query in ["drones", "Koursk", "Chasiv Yar", "drones OR Pokrovsk", "\"Chasiv Yar\" -General"] {
            let f = BrowseFilter(query: SearchQuery(query))
            let keys = try store.weekKeys(f)
            let hits = try store.events(f, offset: 0, limit: 1000)
            #expect(try store.eventCount(f) == hits.count, "\(query)")
            #expect(keys.compactMap(\.matches).reduce(0, +) == hits.count, "\(query)")
            var perRange: [DayRange: Int] = [:]
            for h in hits { perRange[h.range, default: 0] += 1 }
            #expect(Dictionary(uniqueKeysWithValues: keys.map { ($0.range, $0.matches ?? -1) }) == perRange, "\(query)")
            #expect(keys.map(\.range) == keys.map(\.range).sorted(by: >), "\(query)")
            // The same events as `bilan search` finds.
            let searched = try store.search(SearchRequest(query: SearchQuery(query), limit: 1000, sort: .date))
            #expect(Set(searched.map(key)) == Set(hits.map(key)), "\(query)")
        }
    }

    @Test func queryAndFrontsBothApply() throws {
        let kursk = try store.places(named: "Kursk Oblast")
        // Drones are in several sentences, Kursk Oblast in several others, both in none.
        let f = BrowseFilter(query: SearchQuery("drones"), fronts: try store.places(named: "Selydove"))
        #expect(try store.eventCount(f) == 0)
        #expect(try store.weekKeys(f).isEmpty)
        #expect(try store.events(f, offset: 0, limit: 10).isEmpty)
        let kurskCity = try store.places(named: "Kursk").filter { $0.name == "Kursk" }
        let both = BrowseFilter(query: SearchQuery("drones"), fronts: kurskCity)
        let hits = try store.events(both, offset: 0, limit: 10)
        #expect(hits.map(\.event.text) == ["La ville de Koursk a été visée par des drones ukrainiens."])
        #expect(try store.weekKeys(both).map(\.matches) == [1])
        // Fronts are ORed.
        let selydove = try store.places(named: "Selydove")
        let either = BrowseFilter(fronts: kurskCity + selydove)
        #expect(try store.eventCount(either) == 5)
        #expect(try store.weekKeys(either).map(\.range) == [r985, r971])
        // A front matches the places inside it: Kursk Oblast holds the city of Kursk.
        let oblast = BrowseFilter(query: SearchQuery("drones"), fronts: kursk)
        #expect(try store.events(oblast, offset: 0, limit: 10).map(\.event.text) == [
            "La ville de Koursk a été visée par des drones ukrainiens."
        ])
        #expect(try store.eventCount(BrowseFilter(fronts: kursk)) == 5)
    }

    @Test func aQueryWithoutWordsMatchesNothing() throws {
        for q in ["!!!", "OR", "« »"] {
            let f = BrowseFilter(query: SearchQuery(q), fronts: try store.places(named: "Selydove"))
            #expect(try store.weekKeys(f).isEmpty, "\(q)")
            #expect(try store.eventCount(f) == 0, "\(q)")
            #expect(try store.events(f, offset: 0, limit: 10).isEmpty, "\(q)")
        }
        #expect(throws: StoreError.self) { try store.eventCount(BrowseFilter(query: SearchQuery("-drones"))) }
    }

    @Test func weekDetailsPreferFrenchAndListFronts() throws {
        let details = try store.weekDetails([r971, r985, r992, d985, DayRange(first: 1, last: 5)])
        #expect(details.count == 4)
        // 985-989: the French tally (plus d’une centaine → at least 100), not the English 120.
        let launched985 = details[r985]?.tally.launched
        #expect(launched985?.value == 100)
        #expect(launched985?.qualifier == .atLeast)
        #expect(details[r985]?.tally.figures.map(\.figure.phrase) == ["plus d’une centaine de drones"])
        // 992-996 exists in English only.
        #expect(details[r992]?.tally.launched?.value == 500)
        #expect(details[r992]?.tally.shotDown?.value == 300)
        #expect(details[r992]?.fronts == ["Pokrovsk"])
        // Most mentioned first, then by name; only front places (not Kyiv, not the city of Kursk).
        #expect(details[r971]?.fronts == ["Kursk Oblast", "Selydove", "Chasiv Yar"])
        #expect(details[r985]?.fronts == ["Chasiv Yar", "Kursk Oblast", "Selydove"])
        #expect(details[d985]?.fronts == ["Chasiv Yar"])
        #expect(details[d985]?.tally.launched == nil)
        // The same tallies as `bilan tally`.
        let sample = try store.tallies(language: Optional(.fr)).first { $0.range == r971 }
        #expect(details[r971]?.tally == sample?.tally)
        #expect(try store.weekDetails([]).isEmpty)
    }

    // MARK: Events

    @Test func eventsAreNewestFirstFrenchFirstInTextOrder() throws {
        let all = try store.events(BrowseFilter(), offset: 0, limit: 1000)
        let weeks = try store.weeks()
        #expect(all.count == weeks.map(\.eventCount).reduce(0, +))
        #expect(try store.eventCount(BrowseFilter()) == all.count)
        var expected: [String] = []
        for w in weeks.sorted(by: { ($0.range, $0.language == .fr ? 1 : 0) > ($1.range, $1.language == .fr ? 1 : 0) }) {
            let events = try store.events(ofWeek: store.week(.range(w.range), language: w.language).id)
            expected += events.map { "\(w.range.id) \(w.language.rawValue) \($0.paragraph).\($0.index)" }
        }
        #expect(all.map(key) == expected)
        #expect(all.first.map(key) == "992-996 en 0.0")
        #expect(all.map(\.range.id).firstIndex(of: "985-989") != nil)
        let fr985 = all.firstIndex { $0.range == r985 && $0.language == .fr }!
        let en985 = all.firstIndex { $0.range == r985 && $0.language == .en }!
        #expect(fr985 < en985)
        #expect(all.allSatisfy { $0.snippet == $0.event.text })
        // Pages are slices of the whole list.
        for (offset, limit) in [(0, 3), (3, 4), (7, 100), (all.count - 1, 5), (all.count, 5), (all.count + 10, 5)] {
            let page = try store.events(BrowseFilter(), offset: offset, limit: limit)
            let end = min(all.count, offset + limit)
            #expect(page.map(key) == (offset < end ? all[offset..<end].map(key) : []), "\(offset) \(limit)")
        }
        #expect(try store.events(BrowseFilter(), offset: 0, limit: 0).isEmpty)
    }

    @Test func filteredEventsPageAndMarkSnippets() throws {
        let f = BrowseFilter(query: SearchQuery("drones"))
        let all = try store.events(f, offset: 0, limit: 1000)
        #expect(all.count == (try store.eventCount(f)))
        #expect(all.count >= 6)
        #expect(all.allSatisfy { $0.snippet.contains("[drones]") })
        #expect(all.first?.snippet == "This week, Russia launched more than 500 [drones] against Ukraine.")
        let ranges = all.map(\.range)
        #expect(ranges == ranges.sorted(by: >))
        #expect(try store.events(f, offset: 2, limit: 2).map(key) == all[2..<4].map(key))
        // A place name marks its other spellings too.
        let koursk = try store.events(BrowseFilter(query: SearchQuery("Koursk")), offset: 0, limit: 100)
        #expect(koursk.contains { $0.snippet == "La ville de [Koursk] a été visée par des drones ukrainiens." })
        #expect(koursk.contains { $0.language == .en && $0.snippet.contains("[Kursk") })
    }

    // MARK: Reader

    @Test func readerWeekMarksPlacesAndFigures() throws {
        guard let week = try store.readerWeek(r985, language: .fr) else {
            Issue.record("no 985-989 in French")
            return
        }
        #expect(week.info.language == .fr)
        #expect(week.info.range == r985)
        #expect(week.languages == [.fr, .en])
        #expect(week.events.count == 5)
        #expect(week.marks.count == week.events.count)
        let texts = week.events.map(\.text)
        #expect(texts.first == "En début de semaine, les forces russes ont attaqué Selydove.")
        func marked(_ i: Int) -> [String] {
            week.marks[i].map { "\($0.kind.rawValue):" + text(week.events[i].text, $0) }
        }
        #expect(marked(0) == ["place:Selydove"])
        #expect(marked(1) == ["figure:plus d’une centaine de drones"])
        #expect(week.events[1].figures.map(\.value) == [100])
        #expect(marked(2) == ["place:Tchassiv Iar"])
        #expect(marked(3) == ["place:région de Koursk"])
        #expect(marked(4) == ["place:Koursk"])
        let koursk = week.marks[4][0]
        // "La ville de " is 12 scalars.
        #expect((koursk.start, koursk.end) == (12, 18))
        for m in week.marks {
            #expect(m == m.sorted { $0.start < $1.start })
            #expect(zip(m, m.dropFirst()).allSatisfy { $0.end <= $1.start })
        }
        let english = try store.readerWeek(r985, language: .en)
        #expect(english?.languages == [.fr, .en])
        #expect(english?.marks.flatMap { $0 }.filter { $0.kind == .figure }.count == 1)
        #expect(try store.readerWeek(r992, language: .fr) == nil)
        #expect(try store.readerWeek(DayRange(first: 1, last: 5), language: .fr) == nil)
    }

    @Test func readerWeekOfTheSample() throws {
        let week = try #require(try store.readerWeek(r971, language: .fr))
        #expect(week.languages == [.fr])
        #expect(week.events.count == 15)
        let all = zip(week.events, week.marks).flatMap { e, ms in ms.map { ($0.kind, text(e.text, $0)) } }
        #expect(all.filter { $0.0 == .figure }.map(\.1) == ["plus d’une centaine de drones", "une quinzaine de drones"])
        let places = all.filter { $0.0 == .place }.map(\.1)
        #expect(places.contains("la capitale"))
        #expect(places.contains("région de Koursk"))
        #expect(places.filter { $0 == "Selydove" }.count == 2)
        // Scalar offsets: "Chasiv Yar" after an é and a curly apostrophe-free prefix.
        let chasiv = try #require(week.events.firstIndex { $0.text.contains("défenses de Chasiv Yar") })
        let mark = try #require(week.marks[chasiv].first)
        let prefix = week.events[chasiv].text.components(separatedBy: "Chasiv Yar")[0]
        #expect(mark.start == prefix.unicodeScalars.count)
        #expect(mark.end == mark.start + "Chasiv Yar".unicodeScalars.count)
    }

    @Test func marksPreferFiguresLongestSpellingsAndFoldedPhrases() {
        // A figure wins over a place it overlaps; the longest spelling wins; words are whole.
        let event = Event(
            paragraph: 0, index: 0, text: "Des drones de Koursk ont visé Tchassiv Iar et la région de KOURSK, pas Kourskaïa.",
            placeIDs: ["a", "b"],
            figures: [DroneFigure(value: nil, qualifier: .atLeast, role: .launched, phrase: "drones de Koursk")])
        let marks = Marks.marks(in: event, spellings: ["a": [["koursk"], ["region", "de", "koursk"]], "b": [["tchassiv", "iar"]]])
        #expect(marks.map { "\($0.kind.rawValue):" + text(event.text, $0) } == [
            "figure:drones de Koursk", "place:Tchassiv Iar", "place:région de KOURSK",
        ])
        // A phrase stored with other case, accents or spaces is still found.
        let folded = Event(
            paragraph: 0, index: 0, text: "Plus de 3\u{202F}000 Drones ont été lancés.",
            figures: [DroneFigure(value: 3000, qualifier: .atLeast, role: .launched, phrase: "plus de 3 000 drones")])
        let m = Marks.marks(in: folded, spellings: [:])
        #expect(m.map { text(folded.text, $0) } == ["Plus de 3\u{202F}000 Drones"])
        // Two figures with the same phrase mark two places.
        let twice = Event(
            paragraph: 0, index: 0, text: "20 drones lundi, 20 drones mardi.",
            figures: [
                DroneFigure(value: 20, qualifier: .exact, role: .launched, phrase: "20 drones"),
                DroneFigure(value: 20, qualifier: .exact, role: .launched, phrase: "20 drones"),
            ])
        #expect(Marks.marks(in: twice, spellings: [:]).map(\.start) == [0, 17])
    }

    // MARK: Lists

    @Test func pickerEntriesCarryFoldedSpellings() throws {
        let entries = try store.pickerEntries()
        let fronts = try store.fronts()
        // Every place mentioned, with at least its own mentions (a region adds those inside it).
        let own = Dictionary(uniqueKeysWithValues: fronts.map { ($0.place.id, $0.mentions) })
        #expect(Set(own.keys).isSubset(of: Set(entries.map(\.place.id))))
        for e in entries where own[e.place.id] != nil { #expect(e.mentions >= own[e.place.id]!) }
        #expect(entries.allSatisfy { $0.mentions > 0 })
        let frontFlags = entries.map(\.place.front)
        #expect(frontFlags == frontFlags.sorted { $0 && !$1 })
        let kursk = try #require(entries.first { $0.place.name == "Kursk" })
        #expect(kursk.keys.first == "kursk")
        #expect(kursk.keys.contains("koursk"))
        #expect(kursk.parentName == "Kursk Oblast")
        let oblast = try #require(entries.first { $0.place.name == "Kursk Oblast" })
        #expect(oblast.keys.contains("region de koursk"))
        let chasiv = try #require(entries.first { $0.place.name == "Chasiv Yar" })
        #expect(chasiv.keys.contains("tchassiv iar"))
        #expect(entries.allSatisfy { Set($0.keys).count == $0.keys.count })
    }

    /// A week stored in both languages lists the fronts either names (the drones stay French).
    @Test func weekDetailsListTheFrontsOfBothLanguages() throws {
        let store = try Store()
        _ = try store.importText(
            "Bilan de la semaine. Jours 978-982 de résistance\n\nLes combats continuent près de Pokrovsk. La Russie a lancé 100 drones.",
            source: "fr.txt", parser: TestSupport.parser)
        _ = try store.importText(
            "Weekly roundup. Days 978-982 of resistance\n\nFighting continues near Pokrovsk and Kupiansk. Russia launched 120 drones.",
            source: "en.txt", parser: TestSupport.parser)
        let range = DayRange(first: 978, last: 982)
        let detail = try #require(try store.weekDetails([range])[range])
        #expect(detail.fronts == ["Pokrovsk", "Kupiansk"])
        #expect(detail.tally.launched?.value == 100)
    }

    /// A region no sentence names, around places that are named, can be picked: it counts their
    /// mentions, and picking it filters on them (as `--front` does).
    @Test func pickerOffersTheRegionsAroundNamedPlaces() throws {
        let store = try Store()
        _ = try store.importText(
            "Weekly roundup. Days 978-982 of resistance\n\nFighting continued near Selydove and Pokrovsk. Russia shelled Pokrovsk again.",
            source: "w.txt", parser: TestSupport.parser)
        let entries = try store.pickerEntries()
        let mentions = Dictionary(uniqueKeysWithValues: entries.map { ($0.place.name, $0.mentions) })
        #expect(mentions["Selydove"] == 1)
        #expect(mentions["Pokrovsk"] == 2)
        #expect(mentions["Donetsk Oblast"] == 3)
        let oblast = try #require(entries.first { $0.place.name == "Donetsk Oblast" })
        #expect(oblast.keys.contains("donetsk oblast"))
        #expect(try store.fronts().map(\.place.name).contains("Donetsk Oblast") == false)
        var filter = BrowseFilter()
        filter.fronts = [oblast.place]
        #expect(try store.eventCount(filter) == 2)
    }

    @Test func languagesTalliesAndInterrupt() throws {
        #expect(try store.languages() == [.fr, .en])
        let english = try Store()
        _ = try english.importText(Self.english992, source: "en.txt", parser: TestSupport.parser)
        #expect(try english.languages() == [.en])
        #expect(try english.weekKeys(BrowseFilter()).map(\.languages) == [[.en]])
        let empty = try Store()
        #expect(try empty.languages() == [])
        #expect(try empty.weekKeys(BrowseFilter()).isEmpty)
        #expect(try empty.events(BrowseFilter(), offset: 0, limit: 10).isEmpty)
        #expect(try empty.eventCount(BrowseFilter()) == 0)
        #expect(try empty.pickerEntries().isEmpty)
        // The list carries the numbers of `bilan tally`, without the sentences; one week has them.
        let library: any Library = store
        let list = try library.tallies(language: .en)
        let full = try store.tallies(language: Optional(.en))
        #expect(list.map(\.range) == full.map(\.range))
        #expect(list.map { [$0.tally.launched, $0.tally.shotDown, $0.tally.suppressed] }
            == full.map { [$0.tally.launched, $0.tally.shotDown, $0.tally.suppressed] })
        #expect(list.allSatisfy { $0.tally.figures.allSatisfy(\.text.isEmpty) })
        let one = try #require(try library.weekTally(full[0].range, language: .en))
        #expect(one == full[0])
        #expect(try library.weekTally(DayRange(first: 1, last: 5), language: .en) == nil)
        // Nothing runs: interrupting is harmless, and the next read works. (Not on the shared archive:
        // it would stop the other tests' reads.)
        empty.interrupt()
        #expect(try english.eventCount(BrowseFilter()) == 3)
        english.interrupt()
        #expect(try english.eventCount(BrowseFilter()) == 3)
    }

    @Test func interruptStopsARunningRead() async throws {
        let store = try Store()
        try store.loadSampleIfEmpty(parser: TestSupport.parser)
        final class Flag: @unchecked Sendable {
            private let lock = NSLock()
            private var value = false
            func set() { lock.withLock { value = true } }
            var isSet: Bool { lock.withLock { value } }
        }
        let done = Flag()
        // A read that never ends on its own, stopped from another thread.
        let task = Task.detached {
            defer { done.set() }
            return try store.browse { db in
                try Int.fetchOne(db, sql: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c")
            }
        }
        for _ in 0..<500 where !done.isSet {
            try await Task.sleep(nanoseconds: 10_000_000)
            store.interrupt()
        }
        guard done.isSet else {
            Issue.record("the read was not interrupted")
            return
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(try store.eventCount(BrowseFilter()) == 15)
    }
}
