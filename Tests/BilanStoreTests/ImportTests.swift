import BilanCore
import BilanStore
import BilanTestSupport
import Foundation
import Testing

@Suite struct ImportTests {
    let french = """
        Bilan de la semaine. Jours 978-982 de résistance

        En début de semaine, les combats se sont intensifiés près de Pokrovsk. Plus de 200 drones ont attaqué l’Ukraine.
        """
    let english = """
        Weekly roundup. Ukraine resists Russia’s invasion. Days 978-982

        Early in the week, fighting intensified near Pokrovsk. Russia launched over 200 drones.
        """

    func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func run(_ store: Store, _ paths: [String]) throws -> [Importer.Report] {
        var out: [Importer.Report] = []
        try Importer(store: store, parser: TestSupport.parser).run(paths) { out.append($0) }
        return out
    }

    @Test func folderWithMixedFiles() throws {
        let dir = TestSupport.temporaryDirectory()
        let sub = dir.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        _ = try write(french, "a-fr.txt", in: dir)
        _ = try write(english, "b-en.md", in: sub)
        _ = try write("Hello\n\nNot a summary.", "c-bad.txt", in: dir)
        _ = try write("", "d-empty.txt", in: dir)
        try Data([0x42, 0x00, 0x01, 0x02, 0x03]).write(to: dir.appendingPathComponent("e-binary.txt"))
        _ = try write("ignored", "f.png", in: dir)
        _ = try write(french, ".hidden.txt", in: dir)
        try Data(Array("Bilan de la semaine. Jours 985-989 de résistance\n\nLa semaine fut dure. ".utf8) + [0xFF, 0xFE, 0x81])
            .write(to: dir.appendingPathComponent("g-invalid.txt"))
        let db = dir.appendingPathComponent("db.sqlite").path
        let store = try Store(path: db)
        let reports = try run(store, [dir.path])
        let byName = Dictionary(uniqueKeysWithValues: reports.map { (($0.path as NSString).lastPathComponent, $0) })
        #expect(byName["a-fr.txt"]?.status == .added)
        #expect(byName["b-en.md"]?.status == .added)
        #expect(byName["c-bad.txt"]?.status == .rejected)
        #expect(byName["c-bad.txt"]?.detail?.contains("c-bad.txt:1:") == true)
        #expect(byName["d-empty.txt"]?.status == .rejected)
        #expect(byName["e-binary.txt"]?.status == .rejected)
        #expect(byName["f.png"]?.status == .skipped)
        #expect(byName[".hidden.txt"] == nil)
        #expect(byName["g-invalid.txt"]?.status == .rejected)
        #expect(try store.weeks().map { "\($0.range.id) \($0.language.rawValue)" } == ["978-982 fr", "978-982 en"])
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func reimportIsUnchangedAndChangesReplace() throws {
        let dir = TestSupport.temporaryDirectory()
        let a = try write(french, "a.txt", in: dir)
        let store = try Store(path: dir.appendingPathComponent("db.sqlite").path)
        #expect(try run(store, [a]).map(\.status) == [.added])
        #expect(try run(store, [a]).map(\.status) == [.unchanged])
        let b = try write(french + " Vers la fin de la semaine, Kyiv a été attaquée.", "b.txt", in: dir)
        let r = try run(store, [b])
        #expect(r.map(\.status) == [.updated])
        #expect(r.first?.detail == a)
        let w = try store.week(.range(DayRange(first: 978, last: 982)))
        #expect(w.info.source == b)
        #expect(try store.events(ofWeek: w.id).count == 3)
        #expect(try store.weekCount() == 1)
    }

    /// A link to nothing in a folder is reported, naming where it points, not passed over.
    @Test func aLinkToNothingIsReported() throws {
        let dir = TestSupport.temporaryDirectory()
        let good = try write(french, "a.txt", in: dir)
        let gone = dir.appendingPathComponent("b.txt").path
        try FileManager.default.createSymbolicLink(atPath: gone, withDestinationPath: "/nonexistent/b.txt")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("c.png").path, withDestinationPath: "/nonexistent/c.png")
        let store = try Store(path: dir.appendingPathComponent("db.sqlite").path)
        let r = try run(store, [dir.path])
        #expect(r.map(\.path) == [good, gone, dir.appendingPathComponent("c.png").path])
        #expect(r.map(\.status) == [.added, .rejected, .skipped])
        #expect(r[1].detail == "\(gone): a link to /nonexistent/b.txt, which is not there")
    }

    /// Without a page extractor (bilan without bilan-web), a saved page is skipped and says why,
    /// whether it was named or found in a folder: never read as text and rejected.
    @Test func savedPagesWithoutAnExtractorAreSkipped() throws {
        let dir = TestSupport.temporaryDirectory()
        let page = try write("<html><head><title>Bilan</title></head><body><p>Texte.</p></body></html>", "p.html", in: dir)
        let store = try Store(path: dir.appendingPathComponent("db.sqlite").path)
        for paths in [[page], [dir.path]] {
            let r = try run(store, paths)
            #expect(r.map(\.status) == [.skipped])
            #expect(r.first?.detail == "a saved web page: bilan-web reads those")
        }
    }

    /// Two files of one folder hold the same week (an old copy and a corrected one): every import
    /// of the folder keeps the later file and says so, instead of switching versions on each run.
    @Test func twoFilesOfOneWeekKeepTheLaterOne() throws {
        let dir = TestSupport.temporaryDirectory()
        let a = try write(french, "a.txt", in: dir)
        let b = try write(french.replacingOccurrences(of: "Plus de 200", with: "Plus de 300"), "b.txt", in: dir)
        let store = try Store(path: dir.appendingPathComponent("db.sqlite").path)
        let range = DayRange(first: 978, last: 982)
        for run in 1...3 {
            let r = try self.run(store, [dir.path])
            #expect(r.map(\.path) == [a, b])
            #expect(r.map(\.status) == [.skipped, run == 1 ? .added : .unchanged], "run \(run)")
            #expect(r[0].detail == "\(b), later in this import, holds the same week and is kept")
            #expect(try store.week(.range(range)).info.source == b)
            #expect(try store.weekTally(range, language: .fr)?.tally.launched?.value == 300)
        }
        // Named in the other order, the other file is the later one.
        let r = try run(store, [b, a])
        #expect(r.map(\.status) == [.skipped, .updated])
        #expect(try store.week(.range(range)).info.source == a)
    }

    /// The same across batches of the import (256 files each): the later file's week is stored again
    /// when an earlier file of the run replaced it, so the end state is the same every time.
    @Test func twoFilesOfOneWeekInDifferentBatches() throws {
        let dir = TestSupport.temporaryDirectory()
        // 300 files: the first and the last hold week 978-982; the others are weeks of their own.
        let first = try write(french, "000.txt", in: dir)
        for k in 1..<299 {
            let d = 1000 + 5 * k
            _ = try write(
                "Bilan de la semaine. Jours \(d)-\(d + 4) de résistance\n\nLes combats continuent près de Pokrovsk.",
                String(format: "%03d.txt", k), in: dir)
        }
        let last = try write(french.replacingOccurrences(of: "Plus de 200", with: "Plus de 300"), "299.txt", in: dir)
        let store = try Store(path: dir.appendingPathComponent("db.sqlite").path)
        let range = DayRange(first: 978, last: 982)
        for run in 1...2 {
            let r = try self.run(store, [dir.path])
            let ends = [r.first!, r.last!]
            #expect(ends.map(\.path) == [first, last])
            #expect(ends.map(\.status) == [run == 1 ? .added : .updated, .updated], "run \(run)")
            #expect(r.last?.detail == "\(first), earlier in this import; of two files of one week, the later is kept")
            #expect(try store.week(.range(range)).info.source == last)
            #expect(try store.weekTally(range, language: .fr)?.tally.launched?.value == 300)
            #expect(try store.weekCount() == 299)
        }
    }

    @Test func sampleIsReplacedByARealImport() throws {
        let store = try Store()
        #expect(try store.loadSampleIfEmpty(parser: TestSupport.parser))
        #expect(try store.weeks().map(\.sample) == [true])
        #expect(try store.loadSampleIfEmpty(parser: TestSupport.parser) == false)
        _ = try store.importText(french, source: "x.txt", parser: TestSupport.parser)
        #expect(try store.weeks().map(\.range.id) == ["978-982"])
    }

    @Test func importingTheSampleItselfKeepsIt() throws {
        let store = try Store()
        try store.loadSampleIfEmpty(parser: TestSupport.parser)
        let outcome = try store.importText(SampleData.files[0].text, source: "seeds/x.txt", parser: TestSupport.parser)
        guard case .unchanged(let w) = outcome else { Issue.record("\(outcome)"); return }
        #expect(w.sample == false)
        #expect(try store.weeks().map(\.sample) == [false])
        #expect(try store.weeks().first?.source == "seeds/x.txt")
    }

    @Test func embeddedSampleIsTheSeedFile() {
        #expect(SampleData.files.count == 1)
        #expect(SampleData.files[0].text == TestSupport.sampleText)
    }

    @Test func removeAndReindex() throws {
        let store = try Store()
        _ = try store.importText(french, source: "fr.txt", parser: TestSupport.parser)
        _ = try store.importText(english, source: "en.txt", parser: TestSupport.parser)
        #expect(try store.reindex(parser: TestSupport.parser, refreshPlaces: false) == 2)
        #expect(try store.weekCount() == 2)
        let removed = try store.remove(.day(980), language: .en)
        #expect(removed.map(\.language) == [.en])
        #expect(try store.remove(.range(DayRange(first: 978, last: 982)), language: nil).count == 1)
        #expect(try store.weekCount() == 0)
        #expect(try store.search(SearchRequest(query: SearchQuery("Pokrovsk"))).isEmpty)
        #expect(throws: StoreError.self) { try store.remove(.latest, language: nil) }
    }

    @Test func notADatabase() throws {
        let dir = TestSupport.temporaryDirectory()
        let path = dir.appendingPathComponent("junk.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        do {
            _ = try Store(path: path)
            Issue.record("opened junk")
        } catch let e as StoreError {
            #expect(e.description.contains("junk.sqlite"))
        }
    }

    @Test func weekResolutionPrefersFrench() throws {
        let store = try Store()
        _ = try store.importText(english, source: "en.txt", parser: TestSupport.parser)
        #expect(try store.week(.latest).info.language == .en)
        _ = try store.importText(french, source: "fr.txt", parser: TestSupport.parser)
        #expect(try store.week(.day(982)).info.language == .fr)
        #expect(try store.week(.day(984)).info.language == .fr)  // Sunday of the same calendar week
        #expect(try store.week(.latest, language: .en).info.language == .en)
        #expect(throws: StoreError.self) { try store.week(.day(985)) }
    }

    @Test func ligaturesAreFoundSpelledEitherWay() throws {
        let store = try Store()
        _ = try store.importText(
            "Bilan de la semaine. Jours 978-982 de résistance\n\nLes manœuvres russes. Le cœur de Kyiv.\n", source: "x.txt",
            parser: TestSupport.parser)
        for q in ["manoeuvres", "manœuvres", "MANOEUVRE", "coeur", "cœur"] {
            #expect(try store.search(SearchRequest(query: SearchQuery(q))).count == 1, "\(q)")
        }
        let hit = try store.search(SearchRequest(query: SearchQuery("manoeuvre"))).first
        #expect(hit?.snippet == "Les [manœuvres] russes.")
    }

    @Test func placeNamesAreNotPlainWords() throws {
        let store = try Store()
        try store.loadSampleIfEmpty(parser: TestSupport.parser)
        // "Oblast" is only in the canonical place names, never in the sample's text.
        #expect(try store.search(SearchRequest(query: SearchQuery("oblast"))).isEmpty)
    }
}
