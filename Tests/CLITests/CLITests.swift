import BilanTestSupport
import Foundation
import Testing

/// The command-line contract, through the real `bilan` binary: exit codes, stderr sentences, JSON.
@Suite struct CLITests {
    static var binary: String { TestSupport.program("bilan") }

    func bilan(_ args: [String], db: String, cwd: URL? = nil, extra: [String: String] = [:]) throws -> TestSupport.Run {
        try TestSupport.run(CLITests.binary, args, environment: extra.merging(["BILAN_DB": db]) { a, _ in a }, cwd: cwd)
    }

    @Test func aRemoteReadersCommandNeverCreatesNorFillsTheArchive() throws {
        let dir = TestSupport.temporaryDirectory()
        let db = dir.appendingPathComponent("absent.sqlite").path
        let r = try bilan(["weeks", "--json"], db: db, extra: ["BILAN_RESTRICTED": "1"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"id\": \"971-975\""))
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    /// `--db "$ARCHIVE"` with the variable unset must not reach the reader's own archive: an empty
    /// --db or $BILAN_DB is a usage error, for every command and for the search's own fast path.
    @Test func anEmptyDatabasePathIsRefused() throws {
        let home = TestSupport.temporaryDirectory()
        let env = ["HOME": home.path, "XDG_DATA_HOME": ""]
        for args in [["weeks", "--db", ""], ["search", "drones", "--db", ""], ["remove", "latest", "--db", ""], ["import", home.path, "--db", ""]] {
            let r = try bilan(args, db: home.appendingPathComponent("named.sqlite").path, extra: env)
            #expect(r.status == 64, "\(args)")
            #expect(r.stderr.hasPrefix("Error: --db is empty: give the database file's path, or leave --db out for the default\n"), "\(args)")
        }
        // `--db=` is a missing value to the argument parser: a usage error too.
        #expect(try bilan(["remove", "latest", "--db="], db: home.appendingPathComponent("named.sqlite").path, extra: env).status == 64)
        for args in [["weeks"], ["search", "drones"], ["remove", "latest"]] {
            let r = try bilan(args, db: "", extra: env)
            #expect(r.status == 64, "\(args)")
            #expect(r.stderr.hasPrefix("Error: BILAN_DB is set but empty: give the database file's path, or unset it for the default\n"), "\(args)")
        }
        // Nothing was created at the default location ($HOME/.local/share/bilan) nor beside it.
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent(".local").path))
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("named.sqlite").path))
    }

    /// The sample is shown while the database holds no week: `remove` says so rather than that
    /// the week `weeks` lists is not there; removing the last week says the sample comes back.
    @Test func removeExplainsTheBundledSample() throws {
        let dir = TestSupport.temporaryDirectory()
        let db = dir.appendingPathComponent("db.sqlite").path
        let empty = try bilan(["remove", "971-975"], db: db)
        #expect(empty.status == 1)
        #expect(empty.stderr == "bilan: the database holds no week, so there is nothing to remove (the bundled sample is shown until the first import)\n")
        try Data("Weekly roundup. Days 978-982 of resistance\n\nRussia launched 120 drones.\n".utf8).write(to: dir.appendingPathComponent("w.txt"))
        #expect(try bilan(["import", dir.appendingPathComponent("w.txt").path], db: db).status == 0)
        let last = try bilan(["remove", "latest"], db: db)
        #expect(last.status == 0)
        #expect(last.stdout.hasPrefix("removed  978-982 en"))
        #expect(last.stderr.contains("reading commands show the bundled sample until the next import"))
    }

    @Test func emptyDatabaseShowsTheBundledSampleFromAnyDirectory() throws {
        let dir = TestSupport.temporaryDirectory()
        let r = try bilan(["weeks", "--json"], db: dir.appendingPathComponent("db.sqlite").path, cwd: dir)
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"id\": \"971-975\""))
        #expect(r.stdout.contains("\"sample\": true"))
        // A named database that is not there is made, and the command says so (a mistyped path).
        #expect(r.stderr == "bilan: there was no database at \(dir.appendingPathComponent("db.sqlite").path): made it, with the bundled sample\n")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("db.sqlite").path))
        #expect(try bilan(["weeks"], db: dir.appendingPathComponent("db.sqlite").path).stderr.isEmpty)
        let show = try bilan(["show", "2024-10-23", "--json"], db: dir.appendingPathComponent("db.sqlite").path, cwd: dir)
        #expect(show.status == 0)
        #expect(show.stdout.contains("\"event_count\": 15"))
    }

    @Test func importReportsEveryFileAndExitsOneOnRejects() throws {
        let dir = TestSupport.temporaryDirectory()
        try Data("Bilan de la semaine. Jours 978-982 de résistance\n\nPlus de 200 drones ont attaqué Kyiv.\n".utf8)
            .write(to: dir.appendingPathComponent("good.txt"))
        try Data("Not a title\n\nSome text.\n".utf8).write(to: dir.appendingPathComponent("bad.txt"))
        let db = dir.appendingPathComponent("db.sqlite").path
        let r = try bilan(["import", dir.path], db: db)
        #expect(r.status == 1)
        #expect(r.stdout.contains("added      978-982 fr"))
        #expect(r.stderr.contains("bad.txt:1: the first line is not a summary title"))
        #expect(r.stdout.contains("1 added, 0 updated, 0 unchanged, 1 rejected, 0 skipped"))
        let again = try bilan(["import", dir.appendingPathComponent("good.txt").path], db: db)
        #expect(again.status == 0)
        #expect(again.stdout.contains("unchanged"))
        let tally = try bilan(["tally", "--csv"], db: db)
        #expect(tally.stdout.contains("978-982,fr,2024-10-28,2024-11-01,200,at_least,,,,"))
    }

    @Test func unknownFrontExitsTwoWithOneSentence() throws {
        let dir = TestSupport.temporaryDirectory()
        let db = dir.appendingPathComponent("db.sqlite").path
        try Data("Weekly roundup. Days 978-982 of resistance\n\nFighting near Selydove.\n".utf8).write(to: dir.appendingPathComponent("w.txt"))
        #expect(try bilan(["import", dir.appendingPathComponent("w.txt").path], db: db).status == 0)
        let r = try bilan(["search", "--front", "Selydov"], db: db)
        #expect(r.status == 2)
        #expect(r.stderr == "bilan: no place called “Selydov” in the gazetteer; did you mean “Selydove”?\n")
        #expect(r.stdout.isEmpty)
    }

    /// What other search tools read as operators gets a hint when nothing is found; a country or
    /// an empty name given as a front gets its own sentence.
    @Test func operatorWordsAndCountriesAreExplained() throws {
        let db = TestSupport.temporaryDirectory().appendingPathComponent("db.sqlite").path
        _ = try bilan(["weeks"], db: db)
        let and = try bilan(["search", "drones", "AND", "Kyiv"], db: db)
        #expect(and.status == 0 && and.stdout.isEmpty)
        #expect(and.stderr == "bilan: “AND” is searched as a word: every word given must be in the sentence already\n")
        let not = try bilan(["search", "drones NOT capitale"], db: db)
        #expect(not.stderr == "bilan: “NOT” is searched as a word: put a dash before a word to leave it out (-word)\n")
        #expect(try bilan(["search", "drones", "-capitale"], db: db).stderr.isEmpty)
        let country = try bilan(["search", "--front", "Russie"], db: db)
        #expect(country.status == 2)
        #expect(country.stderr == "bilan: “Russie” is a country (Russia), and countries are not places here: name a region, a city or a front\n")
        let empty = try bilan(["search", "--front", "", "drones"], db: db)
        #expect(empty.status == 2 && empty.stderr == "bilan: --front needs a place's name\n")
    }

    @Test func aNegativeLimitIsSaidToBeOne() throws {
        let db = TestSupport.temporaryDirectory().appendingPathComponent("db.sqlite").path
        let r = try bilan(["search", "drones", "--limit", "-1"], db: db)
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: --limit must be 0 or more\n"))
    }

    @Test func aWrongWeekNamesTheFormsEveryWhere() throws {
        let db = TestSupport.temporaryDirectory().appendingPathComponent("db.sqlite").path
        let forms = "is not a week: give a range (971-975), a day (973), a date (2024-10-23) or latest\n"
        for args in [["remove", "abc"], ["show", "abc"], ["search", "x", "--week", "abc"]] {
            let r = try bilan(args, db: db)
            #expect(r.status == 64, "\(args)")
            #expect(r.stderr.components(separatedBy: "\n").first.map { $0 + "\n" }?.hasSuffix("“abc” " + forms) == true, "\(args)")
        }
    }

    @Test func aMistypedCommandIsNamedWithTheNearestOne() throws {
        let db = TestSupport.temporaryDirectory().appendingPathComponent("db.sqlite").path
        let r = try bilan(["serach", "drones"], db: db)
        #expect(r.status == 64)
        #expect(r.stderr == "Error: “serach” is not a bilan command; did you mean “search”? (`bilan --help` lists them)\n")
        #expect(try bilan(["zzz"], db: db).stderr == "Error: “zzz” is not a bilan command (`bilan --help` lists them)\n")
        #expect(try bilan(["help"], db: db).status == 0)
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func searchJSONAndNoResultIsNotAnError() throws {
        let dir = TestSupport.temporaryDirectory()
        let db = dir.appendingPathComponent("db.sqlite").path
        let r = try bilan(["search", "--front", "kours", "--json"], db: db)
        // "kours" is not a name: the picker narrows by prefix, the CLI wants a name.
        #expect(r.status == 2)
        let k = try bilan(["search", "quinzaine", "--json"], db: db)
        #expect(k.status == 0)
        #expect(k.stdout.contains("\"snippet\": \"En fin de semaine, les Forces aériennes ukrainiennes ont neutralisé une [quinzaine] de drones approchant de la capitale.\""))
        let none = try bilan(["search", "Atlantis", "--json"], db: db)
        #expect(none.status == 0)
        #expect(none.stdout == "[]\n")
    }

    @Test func damagedDatabaseIsOneSentence() throws {
        let dir = TestSupport.temporaryDirectory()
        let db = dir.appendingPathComponent("junk.sqlite").path
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: db))
        let r = try bilan(["weeks"], db: db)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("bilan: \(db) is not a bilan database"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func textOutputCarriesNoControlCharacters() throws {
        let dir = TestSupport.temporaryDirectory()
        let text = "Bilan de la semaine. Jours 985-989 de résistance\n\nUn \u{1B}]52;c;ZXZpbA==\u{07}texte \u{1B}[2Jpiégé\u{9B}31m près de Selydove \u{202E}ici.\n"
        try Data(text.utf8).write(to: dir.appendingPathComponent("trap.txt"))
        let db = dir.appendingPathComponent("db.sqlite").path
        _ = try bilan(["import", dir.appendingPathComponent("trap.txt").path], db: db)
        for args in [["show", "985"], ["search", "texte"], ["show", "985", "--json"], ["tally"]] {
            let r = try bilan(args, db: db)
            #expect(r.status == 0)
            let bad = r.stdout.unicodeScalars.filter {
                ($0.value < 0x20 && $0.value != 0x0A) || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
            }
            #expect(bad.isEmpty, "\(args): \(bad.map { String($0.value, radix: 16) })")
        }
        #expect(try bilan(["show", "985"], db: db).stdout.contains("Un texte piégé près de Selydove ici."))
    }

    @Test func excludedWordsAsSeparateArgumentsAndUnsearchableQueries() throws {
        let dir = TestSupport.temporaryDirectory()
        let db = dir.appendingPathComponent("db.sqlite").path
        let r = try bilan(["search", "drones", "-capitale", "--json"], db: db)
        #expect(r.status == 0)
        #expect(r.stdout.contains("plus d’une centaine de [drones]"))
        #expect(!r.stdout.contains("quinzaine"))
        for q in ["!!!", "OR", "\"\""] {
            let none = try bilan(["search", q, "--json"], db: db)
            #expect(none.status == 0)
            #expect(none.stdout == "[]\n", "\(q)")
        }
    }

    @Test func aCopyOfARejectedFileIsRejectedToo() throws {
        let dir = TestSupport.temporaryDirectory()
        let bad = Data("Not a title\n\nText.\n".utf8)
        try bad.write(to: dir.appendingPathComponent("a.txt"))
        try bad.write(to: dir.appendingPathComponent("b.txt"))
        let r = try bilan(["import", dir.path], db: dir.appendingPathComponent("db.sqlite").path)
        #expect(r.status == 1)
        #expect(r.stderr.contains("a.txt:1: the first line is not a summary title"))
        #expect(r.stderr.contains("b.txt:1: the first line is not a summary title"))
        #expect(r.stdout.contains("0 added, 0 updated, 0 unchanged, 2 rejected, 0 skipped"))
    }

    @Test func aFolderAsDatabaseIsAnError() throws {
        let dir = TestSupport.temporaryDirectory()
        let r = try bilan(["weeks"], db: dir.path)
        #expect(r.status == 1)
        #expect(r.stderr == "bilan: cannot open the database \(dir.path): it is a folder, not a database file\n")
    }
}
