import BilanCore
import BilanTestSupport
import Foundation
import GRDB
import Testing

@testable import BilanStore

/// A batch of weeks is one transaction without savepoints; when a week fails, the batch is stored
/// again a week at a time and only that week is lost.
@Suite struct BatchFailureTests {
    func summary(_ first: Int, _ word: String) -> String {
        """
        Bilan de la semaine. Jours \(first)-\(first + 4) de résistance

        En début de semaine, les combats se sont intensifiés près de Pokrovsk. Le mot du jour est \(word).
        """
    }

    @Test func aFailingWeekRollsBackAloneAndTheIndexAgrees() throws {
        let dir = TestSupport.temporaryDirectory()
        var paths: [String] = []
        // 70 files: more than one batch of 64, with the failing week inside the second.
        for k in 0..<70 {
            let first = 6 + 7 * k
            let url = dir.appendingPathComponent(String(format: "w%03d.txt", k))
            try Data(summary(first, "repere\(k)fin").utf8).write(to: url)
            paths.append(url.path)
        }
        let store = try Store(path: dir.appendingPathComponent("db.sqlite").path)
        // The week of days 34-38 (k = 4) and of days 468-472 (k = 66) cannot be stored.
        try store.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER refuse BEFORE INSERT ON week WHEN NEW.first_day IN (34, 468)
                    BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                    """)
        }
        var reports: [Importer.Report] = []
        try Importer(store: store, parser: TestSupport.parser).run([dir.path]) { reports.append($0) }
        #expect(reports.count == 70)
        let rejected = reports.filter { $0.status == .rejected }
        #expect(rejected.map { ($0.path as NSString).lastPathComponent } == ["w004.txt", "w066.txt"])
        #expect(rejected.allSatisfy { $0.detail?.contains("refused by the test") == true })
        #expect(reports.filter { $0.status == .added }.count == 68)
        #expect(try store.weekCount() == 68)
        #expect(try store.integrityCheck() == "ok")
        // Every stored week is in the index, and nothing of the refused ones is.
        for k in [0, 3, 5, 63, 64, 65, 67, 69] {
            #expect(try store.search(SearchRequest(query: SearchQuery("repere\(k)fin"))).count == 1, "week \(k)")
        }
        for k in [4, 66] {
            #expect(try store.search(SearchRequest(query: SearchQuery("repere\(k)fin"))).isEmpty, "week \(k)")
        }
        let orphans = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE week_id NOT IN (SELECT id FROM week)") ?? -1
        }
        #expect(orphans == 0)
    }
}
