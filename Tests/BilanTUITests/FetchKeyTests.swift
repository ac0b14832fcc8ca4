import BilanCore
import BilanStore
import BilanTestSupport
import Testing

@testable import BilanTUI

/// `R`: the background fetch's report in the status line, and the archive read again when it ends.
@Suite("Fetch key")
struct FetchKeyTests {
    func statusLine(_ d: Driver) -> String { d.screen.line(d.state.height - 1) }

    @Test("R on a database the browser may not write says why and starts nothing")
    func readOnly() {
        let d = Driver(library: Archives.sample)
        d.type("R")
        #expect(!d.performed.contains(.startFetch))
        #expect(statusLine(d).contains("R fetches only when the database is writable"))
        #expect(d.state.fetch == nil)
    }

    @Test("R shows the fetch's progress, refuses a second one, and shows the new week when it ends")
    func progressAndReload() throws {
        let store = try Store()
        _ = try store.loadSampleIfEmpty(parser: TestSupport.parser)
        let d = Driver(library: store, width: 100, height: 20, canFetch: true)
        #expect(d.state.weeks.keys?.count == 1)
        d.type("R")
        #expect(d.performed.filter { $0 == .startFetch }.count == 1)
        #expect(statusLine(d).contains("Fetching…"))
        d.send(.fetchLine("stored         971-975 fr  (already in the archive)"))
        d.send(.fetchLine("fetching 4 pages from https://uacrisis.org"))
        #expect(statusLine(d).contains("Fetching 0/4"))
        // The child imports a week meanwhile.
        _ = try store.importText(
            TestSupport.fixtureText("browse/en-1090-1094.txt"), source: "https://uacrisis.org/en/1090-1094", parser: TestSupport.parser)
        d.send(.fetchLine("added          1090-1094 en  https://uacrisis.org/en/1090-1094 (12 events)"))
        #expect(statusLine(d).contains("Fetching 1/4 · 1090-1094 EN added"), "\(statusLine(d))")
        d.type("R")
        #expect(statusLine(d).contains("Already fetching."))
        #expect(d.performed.filter { $0 == .startFetch }.count == 1)
        d.type("j")
        #expect(statusLine(d).contains("Fetching 1/4"))
        for line in [
            "not published  1090-1094 fr  https://uacrisis.org/fr/1090-1094 (HTTP 404)",
            "not published  1097-1101 fr  https://uacrisis.org/fr/1097-1101 (HTTP 404)",
            "failed         1097-1101 en  https://uacrisis.org/en/1097-1101: HTTP 502, after 4 attempts",
            "1 added, 0 updated, 0 unchanged, 2 not published, 0 forbidden, 1 failed, 1 already stored",
        ] {
            d.send(.fetchLine(line))
        }
        #expect(d.state.fetch?.done == 4)
        d.send(.fetchEnded(1))
        #expect(d.state.fetch == nil)
        #expect(statusLine(d).contains("Fetch failed: HTTP 502, after 4 attempts"), "\(statusLine(d))")
        // The archive was read again: the new week is listed (a real week replaces the bundled sample).
        #expect(d.state.weeks.keys?.map(\.range.id) == ["1090-1094"])
        #expect(d.text.contains("1090"))
    }

    @Test("a fetch that ends well says what it brought; an interrupted one says so")
    func endings() throws {
        let d = Driver(library: Archives.sample, canFetch: true)
        d.type("R")
        d.send(.fetchLine("1 added, 0 updated, 0 unchanged, 2 not published, 0 forbidden, 0 failed, 4 already stored"))
        d.send(.fetchEnded(0))
        #expect(d.state.message == "Fetched: 1 added, 2 not published, 4 already stored.")
        d.type("R")
        d.send(.fetchLine("nothing to fetch: every week asked for is stored (--refresh fetches them again)"))
        d.send(.fetchLine("0 added, 0 updated, 0 unchanged, 0 not published, 0 forbidden, 0 failed, 2 already stored"))
        d.send(.fetchEnded(0))
        #expect(d.state.message == "Fetched: 2 already stored.")
        d.type("R")
        d.send(.fetchEnded(130))
        #expect(d.state.message == "Fetch interrupted.")
        d.type("R")
        d.send(.fetchLine("bilan: cannot open /x.sqlite: disk I/O error"))
        d.send(.fetchEnded(1))
        #expect(d.state.message == "Fetch failed: cannot open /x.sqlite: disk I/O error")
    }

    @Test("R is in the help, from the key table")
    func help() {
        let d = Driver(library: Archives.sample)
        d.type("?")
        #expect(d.text.contains("R                   fetch the newest weeks (needs a writable database)"))
    }
}
