import BilanCore
import BilanTestSupport
import Foundation
import Testing

/// `bilan fetch` through the real binaries (bilan execs bilan-web) against the local site.
@Suite(.serialized) struct FetchCommandTests {
    /// Runs bilan; `interruptAfter` sends SIGINT once stdout holds that many lines.
    func bilan(_ args: [String], db: String, interruptAfter lines: Int? = nil) throws -> TestSupport.Run {
        try TestSupport.run(TestSupport.program("bilan"), args + ["--db", db], interruptAfter: lines)
    }

    @Test func fetchingARangeImportsItsWeeksAndAResumedRunFinishesTheRest() throws {
        let site = try LocalSite()
        defer { site.stop() }
        FetchTests.serve(site)
        // The third page answers slowly: the interrupt lands while it is under way.
        var slow = LocalSite.Reply.html(SitePages.wordpress(TestSupport.fixtureText("site/fr-964-968.txt")))
        slow.delay = 3
        site.route("/fr/964-968", slow)
        let db = TestSupport.temporaryDirectory().appendingPathComponent("a.sqlite").path
        let args = ["fetch", "957..975", "--base-url", site.base, "--interval", "0"]
        let first = try bilan(args, db: db, interruptAfter: 3)  // "fetching 6 pages", then two weeks
        #expect(first.status == 130, "\(first.stderr)")
        #expect(first.stdout.contains("added          957-961 fr  \(site.base)/fr/957-961 (14 events)"), "\(first.stdout)")
        #expect(first.stdout.contains("(interrupted: run the same command again to resume)"))
        let afterStop = try bilan(["weeks", "--json"], db: db)
        #expect(afterStop.stdout.components(separatedBy: "\"id\"").count - 1 == 2, "\(afterStop.stdout)")

        site.route("/fr/964-968", .html(SitePages.wordpress(TestSupport.fixtureText("site/fr-964-968.txt"))))
        let second = try bilan(args, db: db)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("stored         957-961 fr  (already in the archive)"))
        #expect(second.stdout.contains("added          964-968 fr"))
        #expect(second.stdout.contains("not published  964-968 en  \(site.base)/en/964-968 (HTTP 404)"))
        #expect(second.stdout.hasSuffix("3 added, 0 updated, 0 unchanged, 1 not published, 0 forbidden, 0 failed, 2 already stored\n"), "\(second.stdout)")
        let weeks = try bilan(["weeks", "--json"], db: db)
        #expect(weeks.stdout.components(separatedBy: "\"id\"").count - 1 == 5)
        #expect(weeks.stdout.contains("\"source\": \"\(site.base)/en/971-975\""))
    }

    @Test func oneWeekThatIsNotPublishedIsAnError() throws {
        let site = try LocalSite()
        defer { site.stop() }
        let db = TestSupport.temporaryDirectory().appendingPathComponent("b.sqlite").path
        let r = try bilan(["fetch", "2024-12-02", "--base-url", site.base, "--interval", "0", "--json"], db: db)
        #expect(r.status == 1)
        #expect(r.stderr.contains("bilan: week 1013-1017 is not published (yet)"))
        #expect(r.stdout.contains("\"status\": \"not_published\""))
        #expect(r.stdout.contains("\"url\": \"\(site.base)/fr/1013-1017\""))
    }

    @Test func aFailedPageMakesTheExitCodeOneAndKeepsTheOthers() throws {
        let site = try LocalSite()
        defer { site.stop() }
        FetchTests.serve(site)
        site.route("/en/957-961", .status(403))
        let db = TestSupport.temporaryDirectory().appendingPathComponent("c.sqlite").path
        let r = try bilan(["fetch", "957-961", "--base-url", site.base, "--interval", "0"], db: db)
        #expect(r.status == 1)
        #expect(r.stderr.contains("failed         957-961 en  \(site.base)/en/957-961: HTTP 403"))
        #expect(r.stdout.contains("added          957-961 fr"))
    }

    @Test func bilanImportHandsSavedPagesToBilanWeb() throws {
        let dir = TestSupport.temporaryDirectory()
        try FileManager.default.copyItem(at: TestSupport.fixture("html/wordpress-fr-1027-1031.html"), to: dir.appendingPathComponent("page.html"))
        try FileManager.default.copyItem(at: TestSupport.fixture("weeks/en-1034-1038-comma-days.txt"), to: dir.appendingPathComponent("week.txt"))
        let db = dir.appendingPathComponent("e.sqlite").path
        let r = try bilan(["import", dir.path], db: db)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("added      1027-1031 fr  \(dir.path)/page.html (13 events)"), "\(r.stdout)")
        #expect(r.stdout.contains("added      1034-1038 en"))
    }

    @Test func aPageWithBrokenBytesForItsCharsetImportsWithoutLibxml2Noise() throws {
        let dir = TestSupport.temporaryDirectory()
        var page = Data("<html><head><meta charset=\"Shift_JIS\"></head><body><h1>Bilan de la semaine. Jours 971-975 de résistance</h1><p>Les forces ".utf8)
        page += Data([0x9D, 0x2E, 0x20, 0x49, 0xFF, 0xFE, 0x80])
        page += Data(" ont avancé près de Pokrovsk.</p></body></html>".utf8)
        try page.write(to: dir.appendingPathComponent("broken.html"))
        let r = try bilan(["import", dir.appendingPathComponent("broken.html").path], db: dir.appendingPathComponent("f.sqlite").path)
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }

    @Test func badArgumentsSayWhatIsWrong() throws {
        let db = TestSupport.temporaryDirectory().appendingPathComponent("d.sqlite").path
        let cases: [([String], String)] = [
            (["fetch"], "name the weeks to fetch"),
            (["fetch", "975..957"], "is neither a week"),
            (["fetch", "971-975", "--base-url", "ftp://example.org"], "is not an http(s) address"),
            (["fetch", "971-975", "--url-template", "https://example.org/{lang}"], "names no week"),
            (["fetch", "971-975", "--interval", "0"], "only for a server on this machine, not uacrisis.org"),
        ]
        for (args, message) in cases {
            let r = try bilan(args, db: db)
            #expect(r.status == 64, "\(args)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
