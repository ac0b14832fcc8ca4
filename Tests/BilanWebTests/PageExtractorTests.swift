import BilanCore
import BilanStore
import BilanTestSupport
@testable import BilanWeb
import Foundation
import Testing

@Suite struct PageExtractorTests {
    static let pages: [(html: String, txt: String)] = [
        ("wordpress-fr-1027-1031.html", "fr-1027-1031-jours-first.txt"),
        ("wordpress-en-1034-1038.html", "en-1034-1038-comma-days.txt"),
        ("amp-fr-1027-1031.html", "fr-1027-1031-jours-first.txt"),
        ("amp-en-1034-1038.htm", "en-1034-1038-comma-days.txt"),
        ("builder-fr-1027-1031.html", "fr-1027-1031-jours-first.txt"),
        ("builder-en-1034-1038.html", "en-1034-1038-comma-days.txt"),
        ("windows-1252-fr-1027-1031.html", "fr-1027-1031-jours-first.txt"),
        ("entities-fr-1027-1031.html", "fr-1027-1031-jours-first.txt"),
        ("entities-en-1034-1038.html", "en-1034-1038-comma-days.txt"),
        ("related-first-fr-1027-1031.html", "fr-1027-1031-jours-first.txt"),
    ]

    func page(_ name: String) throws -> Data {
        try Data(contentsOf: TestSupport.fixture("html/" + name))
    }

    func week(_ text: String, _ source: String) throws -> Week {
        try TestSupport.parser.parse(text, source: source)
    }

    @Test(arguments: pages)
    func pageGivesTheSameEventsAsTheText(_ fixture: (html: String, txt: String)) throws {
        let text = try PageExtractor.extractText(try page(fixture.html), source: fixture.html)
        let fromPage = try week(text, fixture.html)
        let fromText = try week(TestSupport.fixtureText("weeks/" + fixture.txt), fixture.txt)
        #expect(fromPage.title == fromText.title)
        #expect(fromPage.range == fromText.range)
        #expect(fromPage.language == fromText.language)
        #expect(fromPage.events.map(\.text) == fromText.events.map(\.text), "\(fixture.html):\n\(text)")
        #expect(fromPage.events.map(\.heading) == fromText.events.map(\.heading))
    }

    @Test func furnitureAndOtherWeeksStayOut() throws {
        for name in ["wordpress-fr-1027-1031.html", "builder-fr-1027-1031.html", "amp-fr-1027-1031.html", "related-first-fr-1027-1031.html"] {
            let text = try PageExtractor.extractText(try page(name), source: name)
            #expect(text.hasPrefix("Bilan de la semaine. Jours 1027-1031 de résistance\n\n"))
            for junk in ["1020-1024", "1013-1017", "1034-1038", "Merci pour ce résumé", "Facebook", "Accueil", "©", "Articles similaires", "Partager"] {
                #expect(!text.contains(junk), "\(name) holds “\(junk)”")
            }
        }
    }

    @Test func titleOutputShape() throws {
        let text = try PageExtractor.extractText(try page("wordpress-en-1034-1038.html"), source: "p.html")
        let paragraphs = text.trimmingCharacters(in: .newlines).components(separatedBy: "\n\n")
        #expect(paragraphs.first == "Weekly roundup. Ukraine resists Russia’s invasion. Days 1,034-1,038")
        #expect(paragraphs.dropFirst().first == "Christmas strikes on the energy grid")
    }

    @Test func entitiesAreDecodedAndNBSPKept() throws {
        let text = try PageExtractor.extractText(try page("entities-fr-1027-1031.html"), source: "e.html")
        #expect(text.contains("contre l’Ukraine"))
        #expect(text.contains("1\u{00A0}800"))
        #expect(text.contains("“davantage"))
        #expect(!text.contains("&"))
    }

    @Test func breaksAndStrongLeads() throws {
        let html = """
            <html><head><meta charset="utf-8"></head><body><div class="c">
            <h1>Bilan de la semaine. Jours 971-975 de résistance</h1>
            <p><strong>Sur le front</strong><br>Les combats   se poursuivent.<br/>Une deuxième ligne.</p>
            <p>Un autre paragraphe, assez long pour compter dans la page.</p>
            </div></body></html>
            """
        let text = try PageExtractor.extractText(Data(html.utf8), source: "b.html")
        #expect(text == "Bilan de la semaine. Jours 971-975 de résistance\n\nSur le front\n\nLes combats se poursuivent.\nUne deuxième ligne.\n\nUn autre paragraphe, assez long pour compter dans la page.\n")
    }

    @Test func pageWithoutSummaryIsRejected() throws {
        do {
            _ = try PageExtractor.extractText(try page("home-page.html"), source: "home-page.html")
            Issue.record("home page accepted")
        } catch let e as ParseError {
            #expect(e.description == "home-page.html:1: no weekly summary found in this page (title “Ukraine Crisis Media Center”)")
        }
    }

    @Test func importingAFolderWithPages() throws {
        let dir = TestSupport.temporaryDirectory()
        for name in ["wordpress-fr-1027-1031.html", "amp-en-1034-1038.htm", "home-page.html"] {
            try FileManager.default.copyItem(at: TestSupport.fixture("html/" + name), to: dir.appendingPathComponent(name))
        }
        try Data("ignored".utf8).write(to: dir.appendingPathComponent("logo.png"))
        let store = try Store(inMemory: ())
        var reports: [Importer.Report] = []
        try Importer(store: store, parser: TestSupport.parser, pageExtractor: { try PageExtractor.extractText($0, source: $1) })
            .run([dir.path]) { reports.append($0) }
        let byName = Dictionary(uniqueKeysWithValues: reports.map { (($0.path as NSString).lastPathComponent, $0) })
        #expect(byName["wordpress-fr-1027-1031.html"]?.status == .added)
        #expect(byName["wordpress-fr-1027-1031.html"]?.week?.range.id == "1027-1031")
        #expect(byName["amp-en-1034-1038.htm"]?.status == .added)
        #expect(byName["amp-en-1034-1038.htm"]?.week?.language == .en)
        #expect(byName["home-page.html"]?.status == .rejected)
        #expect(byName["home-page.html"]?.detail?.hasSuffix("home-page.html:1: no weekly summary found in this page (title “Ukraine Crisis Media Center”)") == true)
        #expect(byName["logo.png"]?.status == .skipped)
        // Without an extractor, pages are skipped as before.
        var plain: [Importer.Report] = []
        try Importer(store: try Store(inMemory: ()), parser: TestSupport.parser).run([dir.path]) { plain.append($0) }
        #expect(plain.allSatisfy { $0.status == .skipped })
    }
}

@Suite struct PageInjectionTests {
    @Test func escapesWrittenAsEntitiesInAPageAreRemovedLikeRawOnes() throws {
        let page = """
            <html><head><meta charset="utf-8"></head><body><article>
            <h1>Bilan de la semaine. Jours 1006-1010 de r&#233;sistance</h1>
            <div class="entry-content">
            <p>Les forces russes&#27;]52;c;cm0gLXJmIH4=&#7; ont attaqu&eacute; Pokrovsk&#x1b;[2J mardi avec 40 drones.</p>
            <p>La d&eacute;fense a abattu &#x202E;32&#x202C; drones pr&egrave;s de Kharkiv&#155;31m, dit le rapport&#133;</p>
            </div></article></body></html>
            """
        let text = try PageExtractor.extractText(Data(page.utf8), source: "hostile.html")
        let week = try TestSupport.parser.parse(text, source: "hostile.html")
        let scalars = week.events.flatMap { $0.text.unicodeScalars } + week.title.unicodeScalars
        let bad = scalars.filter { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) }
        #expect(bad.isEmpty, "\(bad.map { String($0.value, radix: 16) })")
        #expect(week.events.map(\.text).contains { $0.hasPrefix("La défense a abattu 32 drones près de Kharkiv") })
    }
}
