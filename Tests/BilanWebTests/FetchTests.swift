import BilanCore
import BilanStore
import BilanTestSupport
@testable import BilanWeb
import Foundation
import Testing

/// Pages in the shapes the publisher uses, made from a summary's text: a WordPress article page
/// (title in an `h1`, body in an entry-content `div` of `p`s, with navigation, sharing widgets, related
/// weeks, comments and scripts around it) and its AMP variant.
enum SitePages {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "’", with: "&#8217;")
    }

    /// The text's title and its blocks: a one-line block without final punctuation is a sub-headline.
    static func blocks(_ text: String) -> (title: String, body: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let title = lines.first ?? ""
        let paragraphs = lines.dropFirst().split(separator: "", omittingEmptySubsequences: true)
        let body = paragraphs.map { p -> String in
            let ls = Array(p)
            if ls.count == 1, let last = ls[0].last, !".!?…»”\"".contains(last) { return "<h3>\(escape(ls[0]))</h3>" }
            return "<p>" + ls.map(escape).joined(separator: "<br>\n") + "</p>"
        }.joined(separator: "\n")
        return (title, body)
    }

    static func wordpress(_ text: String, related: [String] = []) -> String {
        let (title, body) = blocks(text)
        let links = related.map { "<li><a href=\"/x\">\(escape($0))</a></li>" }.joined()
        return """
            <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
            <title>\(escape(title)) – Ukraine Crisis Media Center</title>
            <meta property="og:title" content="\(escape(title))">
            <script>var menu = "<p>Pas un texte de l’article, malgré sa longueur qui pourrait tromper un lecteur naïf.</p>";</script>
            </head><body class="post-template-default single single-post">
            <header class="site-header"><nav class="main-navigation"><ul><li><a href="/">Accueil</a></li>
            <li><a href="/news">Actualités</a></li><li><a href="/analytics">Analyses</a></li></ul></nav></header>
            <main id="main"><article class="post type-post">
            <h1 class="entry-title">\(escape(title))</h1>
            <div class="entry-meta"><span class="posted-on">25.10.2024</span> <span class="byline">UCMC</span></div>
            <div class="entry-content">
            \(body)
            <div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Partager :</h3><ul><li><a href="#">Facebook</a></li><li><a href="#">X</a></li><li><a href="#">Telegram</a></li></ul></div>
            </div></article>
            <section class="related-posts"><h2>À lire aussi</h2><ul>\(links)</ul></section>
            <div id="comments" class="comments-area"><h2>2 commentaires</h2><ol class="comment-list">
            <li class="comment"><p>Merci pour ce bilan très complet de la situation au front, notamment autour de Pokrovsk et de Toretsk cette semaine.</p></li>
            </ol></div></main>
            <footer class="site-footer"><p>© 2024 Ukraine Crisis Media Center. Tous droits réservés.</p></footer>
            </body></html>
            """
    }

    static func amp(_ text: String) -> String {
        let (title, body) = blocks(text)
        return """
            <!doctype html><html amp lang="en"><head><meta charset="utf-8">
            <script async src="https://cdn.ampproject.org/v0.js"></script>
            <title>\(escape(title)) | UACRISIS.ORG</title></head>
            <body class="amp-wp-single">
            <header class="amp-wp-header"><a href="/"><span class="amp-site-title">Ukraine Crisis Media Center</span></a></header>
            <article class="amp-wp-article"><header class="amp-wp-article-header"><h1 class="amp-wp-title">\(escape(title))</h1></header>
            <div class="amp-wp-article-content">
            \(body)
            </div>
            <div class="social-share-bar"><amp-social-share type="facebook" width="40" height="40"></amp-social-share></div>
            </article>
            <footer class="amp-wp-footer"><p>© 2024 Ukraine Crisis Media Center. All rights reserved.</p></footer>
            </body></html>
            """
    }
}

@Suite(.serialized) struct FetchTests {
    /// The local copy of the site for days 957..975: both languages, WordPress pages in French and AMP
    /// pages in English, and no English page for 964-968 (a 404 inside the range).
    static let copy: [(path: String, text: String, amp: Bool)] = [
        ("/fr/957-961", TestSupport.fixtureText("site/fr-957-961.txt"), false),
        ("/en/957-961", TestSupport.fixtureText("site/en-957-961.txt"), true),
        ("/fr/964-968", TestSupport.fixtureText("site/fr-964-968.txt"), false),
        ("/fr/971-975", TestSupport.sampleText, false),
        ("/en/971-975", TestSupport.fixtureText("site/en-971-975.txt"), true),
    ]

    static func serve(_ site: LocalSite) {
        for page in copy {
            site.route(page.path, .html(page.amp ? SitePages.amp(page.text) : SitePages.wordpress(page.text, related: [copy[0].text])))
        }
    }

    static func store() throws -> Store {
        try Store(path: TestSupport.temporaryDirectory().appendingPathComponent("fetch.sqlite").path)
    }

    /// A fetcher that does not really wait, and the waits it was asked for.
    final class Waits: @unchecked Sendable {
        var seconds: [Double] = []
        func fetcher() -> Fetcher {
            Fetcher(transport: URLSessionTransport(), parser: TestSupport.parser) { s, cancel in
                self.seconds.append(s)
                return !cancel.isSet
            }
        }
    }

    static func job(_ site: LocalSite, _ targets: [FetchTarget], timeout: Double = 5, retries: Int = 2, interval: Double = 0) -> FetchJob {
        FetchJob(
            targets: targets, urls: try! URLTemplate.make(template: nil, base: site.base).get(), interval: interval,
            timeout: timeout, retries: retries, userAgent: "bilan/test")
    }

    static func targets(_ span: String, _ languages: [Language] = [.fr, .en]) -> [FetchTarget] {
        FetchSpan(span)!.ranges.flatMap { r in languages.map { FetchTarget(range: r, language: $0) } }
    }

    func run(_ site: LocalSite, _ job: FetchJob, _ store: Store, cancel: CancelFlag = CancelFlag(), waits: Waits = Waits())
        throws -> [FetchReport]
    {
        var reports: [FetchReport] = []
        try waits.fetcher().run(job, store: store, cancel: cancel) { p in
            if case .finished(_, _, let r) = p { reports.append(r) }
        }
        return reports
    }

    @Test func aRangeImportsTheSameEventsAsTheTextFilesAndReportsTheMissingPageAsNotPublished() throws {
        let site = try LocalSite()
        defer { site.stop() }
        FetchTests.serve(site)
        let store = try FetchTests.store()
        let reports = try run(site, FetchTests.job(site, FetchTests.targets("957..975")), store)
        #expect(reports.map { "\($0.target) \($0.status.rawValue)" } == [
            "957-961 fr added", "957-961 en added", "964-968 fr added", "964-968 en not_published", "971-975 fr added",
            "971-975 en added",
        ])
        #expect(reports[3].detail == "HTTP 404")
        #expect(reports[0].url == site.base + "/fr/957-961")
        // The same events as importing the text files.
        for page in FetchTests.copy {
            let fromText = try TestSupport.parser.parse(page.text, source: page.path)
            let (id, info) = try store.week(.range(fromText.range), language: fromText.language)
            #expect(info.source == site.base + page.path)
            let stored = try store.events(ofWeek: id)
            #expect(stored.map(\.text) == fromText.events.map(\.text), "\(page.path)")
            #expect(stored.map(\.places) == fromText.events.map(\.places), "\(page.path)")
        }
        #expect(try store.integrityCheck() == "ok")
        // Polite: robots.txt asked once, every request names bilan.
        #expect(site.hits("/robots.txt") == 1)
        #expect(site.hits.allSatisfy { $0.userAgent == "bilan/test" })
    }

    @Test func aServerErrorIsRetriedWithDoublingWaits() throws {
        let site = try LocalSite()
        defer { site.stop() }
        site.route("/fr/971-975", .status(500), .status(503), .html(SitePages.wordpress(TestSupport.sampleText)))
        let waits = Waits()
        var retries: [String] = []
        let store = try FetchTests.store()
        var reports: [FetchReport] = []
        try waits.fetcher().run(FetchTests.job(site, FetchTests.targets("971-975", [.fr]), interval: 1), store: store, cancel: CancelFlag()) {
            if case .retrying(_, _, _, let reason) = $0 { retries.append(reason) }
            if case .finished(_, _, let r) = $0 { reports.append(r) }
        }
        #expect(reports.map(\.status) == [.added])
        #expect(retries == ["HTTP 500", "HTTP 503"])
        #expect(site.hits("/fr/971-975") == 3)
        // Back-off 1 s then 2 s, and the one-second pace between requests.
        #expect(waits.seconds.filter { $0 > 1.5 }.count == 1)
        #expect(waits.seconds.contains { abs($0 - 2) < 0.01 })
    }

    @Test func retriesStopAfterTheirCountAndTooManyRequestsHonoursRetryAfter() throws {
        let site = try LocalSite()
        defer { site.stop() }
        site.route("/fr/971-975", .status(429, [("Retry-After", "7")]), .status(502))
        let waits = Waits()
        let reports = try run(site, FetchTests.job(site, FetchTests.targets("971-975", [.fr]), retries: 2), try FetchTests.store(), waits: waits)
        #expect(reports.map(\.status) == [.failed])
        #expect(reports[0].detail == "HTTP 502, after 3 attempts")
        #expect(waits.seconds.contains(7))
        #expect(site.hits("/fr/971-975") == 3)
    }

    @Test func aSlowAnswerTimesOut() throws {
        let site = try LocalSite()
        defer { site.stop() }
        var slow = LocalSite.Reply.html(SitePages.wordpress(TestSupport.sampleText))
        slow.delay = 3
        site.route("/fr/971-975", slow)
        let store = try FetchTests.store()
        let started = Date()
        let reports = try run(site, FetchTests.job(site, FetchTests.targets("971-975", [.fr]), timeout: 1, retries: 0), store)
        #expect(reports.map(\.status) == [.failed])
        #expect(reports[0].detail?.contains("no complete answer within 1 s") == true, "\(reports[0].detail ?? "")")
        #expect(Date().timeIntervalSince(started) < 2.5)
    }

    @Test func aResponseThatIsNotAPageFails() throws {
        let site = try LocalSite()
        defer { site.stop() }
        site.route("/fr/971-975", LocalSite.Reply(status: 200, headers: [("Content-Type", "application/pdf")], body: Array("%PDF-1.7".utf8)))
        let store = try FetchTests.store()
        let reports = try run(site, FetchTests.job(site, FetchTests.targets("971-975", [.fr])), store)
        #expect(reports.map(\.status) == [.failed])
        #expect(reports[0].detail == "not a web page (content type application/pdf)")
        #expect(try store.weekCount() == 0)
    }

    @Test func aPageSentAsOctetStreamIsRecognisedByItsContent() throws {
        let site = try LocalSite()
        defer { site.stop() }
        var page = LocalSite.Reply.html(SitePages.wordpress(TestSupport.sampleText))
        page.headers = [("Content-Type", "application/octet-stream")]
        site.route("/fr/971-975", page)
        let reports = try run(site, FetchTests.job(site, FetchTests.targets("971-975", [.fr])), try FetchTests.store())
        #expect(reports.map(\.status) == [.added])
    }

    @Test(arguments: [false, true])
    func anOversizeResponseIsCutOff(chunked: Bool) throws {
        let site = try LocalSite()
        defer { site.stop() }
        var big = LocalSite.Reply.html("<html><body>" + String(repeating: "<p>Bilan</p>", count: 600_000) + "</body></html>")
        big.chunked = chunked
        site.route("/fr/971-975", big)
        let reports = try run(site, FetchTests.job(site, FetchTests.targets("971-975", [.fr])), try FetchTests.store())
        #expect(reports.map(\.status) == [.failed])
        #expect(reports[0].detail == "the response is over the 5 MB limit")
    }

    @Test func aRedirectLoopStops() throws {
        let site = try LocalSite()
        defer { site.stop() }
        site.route("/fr/971-975", .status(302, [("Location", "/fr/971-975/amp")]))
        site.route("/fr/971-975/amp", .status(301, [("Location", "/fr/971-975")]))
        let reports = try run(site, FetchTests.job(site, FetchTests.targets("971-975", [.fr])), try FetchTests.store())
        #expect(reports.map(\.status) == [.failed])
        #expect(reports[0].detail == "more than 5 redirects (a redirect loop?)")
        #expect(site.hits.count <= 8)
    }

    @Test func aRedirectAwayFromHTTPIsRefused() throws {
        let site = try LocalSite()
        defer { site.stop() }
        site.route("/fr/971-975", .status(302, [("Location", "file:///etc/passwd")]))
        let reports = try run(site, FetchTests.job(site, FetchTests.targets("971-975", [.fr])), try FetchTests.store())
        #expect(reports.map(\.status) == [.failed], "\(site.hits.map(\.path))")
        #expect(reports[0].detail?.contains("file:///etc/passwd") == true, "\(reports[0].detail ?? "") \(site.hits.map(\.path))")
    }

    @Test func aRedirectIsFollowedToThePage() throws {
        let site = try LocalSite()
        defer { site.stop() }
        site.route("/fr/971-975", .status(301, [("Location", "/fr/971-975/amp")]))
        site.route("/fr/971-975/amp", .html(SitePages.amp(TestSupport.sampleText)))
        let reports = try run(site, FetchTests.job(site, FetchTests.targets("971-975", [.fr])), try FetchTests.store())
        #expect(reports.map(\.status) == [.added])
        #expect(reports[0].week?.eventCount == 15)
    }

    @Test func aPageWithoutASummaryIsNotPublished() throws {
        let site = try LocalSite()
        defer { site.stop() }
        site.route("/fr/971-975", .html(String(decoding: try Data(contentsOf: TestSupport.fixture("html/home-page.html")), as: UTF8.self)))
        // A page of another week (the site sending its newest week for an unknown one) is not that week.
        site.route("/fr/978-982", .html(SitePages.wordpress(TestSupport.sampleText)))
        let store = try FetchTests.store()
        let reports = try run(site, FetchTests.job(site, FetchTests.targets("971..982", [.fr])), store)
        #expect(reports.map(\.status) == [.notPublished, .notPublished])
        #expect(reports[0].detail?.hasPrefix("no summary in the page") == true)
        #expect(reports[1].detail == "the page holds week 971-975 fr instead")
        #expect(try store.weekCount() == 0)
    }

    @Test func robotsTxtIsObeyedAndItsCrawlDelayKept() throws {
        let site = try LocalSite()
        defer { site.stop() }
        FetchTests.serve(site)
        site.route("/robots.txt", .html("User-agent: *\nDisallow: /en/\nCrawl-delay: 4\n"))
        let waits = Waits()
        let reports = try run(site, FetchTests.job(site, FetchTests.targets("957..961")), try FetchTests.store(), waits: waits)
        #expect(reports.map(\.status) == [.added, .forbidden])
        #expect(site.hits("/en/957-961") == 0)
        #expect(waits.seconds.contains { $0 > 3.9 })
    }

    @Test func anUnreadableRobotsTxtStopsTheFetchSayingWhy() throws {
        let site = try LocalSite()
        defer { site.stop() }
        FetchTests.serve(site)
        site.route("/robots.txt", .status(503))
        let reports = try run(site, FetchTests.job(site, FetchTests.targets("957..961")), try FetchTests.store())
        #expect(reports.map(\.status) == [.failed, .failed])
        #expect(reports[0].detail == "the site's robots.txt could not be read (HTTP 503), so nothing is fetched from the site")
        #expect(site.hits.map(\.path) == ["/robots.txt"])
    }

    @Test func aSiteThatDoesNotAnswerFailsAtOnceWithTheReason() throws {
        let site = try LocalSite()
        let job = FetchTests.job(site, FetchTests.targets("957..961"), retries: 3)
        site.stop()
        let store = try FetchTests.store()
        let started = Date()
        let reports = try run(site, job, store)
        #expect(reports.map(\.status) == [.failed, .failed])
        #expect(reports[0].detail?.hasPrefix("the site's robots.txt could not be read (") == true, "\(reports[0].detail ?? "")")
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func anInterruptedRunKeepsTheFinishedWeeksAndNoHalfWeek() throws {
        let site = try LocalSite()
        defer { site.stop() }
        FetchTests.serve(site)
        let store = try FetchTests.store()
        let cancel = CancelFlag()
        var finished: [FetchReport] = []
        try Waits().fetcher().run(FetchTests.job(site, FetchTests.targets("957..975")), store: store, cancel: cancel) { p in
            if case .finished(_, _, let r) = p {
                finished.append(r)
                if finished.count == 2 { cancel.cancel() }
            }
        }
        #expect(finished.count == 2)
        #expect(try store.weeks().map { "\($0.range.id) \($0.language.rawValue)" }.sorted() == ["957-961 en", "957-961 fr"])
        #expect(try store.integrityCheck() == "ok")
    }
}
