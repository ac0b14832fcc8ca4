import BilanTestSupport
import Foundation
import Testing

/// An archive several users share: one imports (a cron job), others read. Run as root, which can
/// act as other users (`setpriv`); skipped otherwise.
@Suite(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
struct SharedArchiveTests {
    static let writer = "2001"
    static let reader = "2002"

    /// `bilan ARGS` as the user `uid`, with no home of its own.
    func bilan(as uid: String, _ args: [String]) throws -> TestSupport.Run {
        try TestSupport.run(
            "/usr/bin/setpriv", ["--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", TestSupport.program("bilan")] + args,
            environment: ["HOME": "/nonexistent"])
    }

    /// A folder anyone may use, holding one week in a file anyone may read.
    func sharedFolder() throws -> (dir: URL, week: String) {
        let dir = TestSupport.temporaryDirectory()
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir.path)
        let week = dir.appendingPathComponent("week.txt")
        try Data("Weekly roundup. Days 978-982 of resistance\n\nRussia launched 1,200 drones.\n".utf8).write(to: week)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: week.path)
        return (dir, week.path)
    }

    func changed(_ week: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent("week2.txt")
        try Data(try String(contentsOfFile: week, encoding: .utf8).replacingOccurrences(of: "1,200", with: "1,300").utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
        return url.path
    }

    func owner(_ path: String) -> String? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.ownerAccountID] as? NSNumber)?.stringValue
    }

    /// The log files the writer made stay when it exits, so a reader uses them rather than making
    /// its own, and the writer can import again after someone has read the archive.
    @Test func aReaderDoesNotLockTheWriterOut() throws {
        let (dir, week) = try sharedFolder()
        let db = dir.appendingPathComponent("archive.sqlite").path
        #expect(try bilan(as: Self.writer, ["import", week, "--db", db]).status == 0)
        #expect(owner(db + "-wal") == Self.writer && owner(db + "-shm") == Self.writer)
        let read = try bilan(as: Self.reader, ["weeks", "--db", db])
        #expect(read.status == 0)
        #expect(read.stdout.contains("978-982  en"))
        #expect(owner(db + "-wal") == Self.writer && owner(db + "-shm") == Self.writer)
        let again = try bilan(as: Self.writer, ["import", try changed(week, in: dir), "--db", db])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try bilan(as: Self.reader, ["tally", "--db", db]).stdout.contains("1300"))
        // The log is emptied when the last connection closes.
        #expect((try FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int) == 0)
    }

    /// Log files another user made (an archive from before, or files removed by hand) are named
    /// in the writer's error, with what to do.
    @Test func aLogOfAnotherUserIsNamed() throws {
        let (dir, week) = try sharedFolder()
        let db = dir.appendingPathComponent("archive.sqlite").path
        #expect(try bilan(as: Self.writer, ["import", week, "--db", db]).status == 0)
        for suffix in ["-wal", "-shm"] { try FileManager.default.removeItem(atPath: db + suffix) }
        #expect(try bilan(as: Self.reader, ["weeks", "--db", db]).status == 0)
        let r = try bilan(as: Self.writer, ["import", try changed(week, in: dir), "--db", db])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("bilan: cannot write to the database \(db): its log \(db)-"))
        #expect(r.stderr.hasSuffix("remove \(db)-wal and \(db)-shm while no bilan uses the archive\n"))
    }

    /// An archive in a folder the reader may not write to (a copy on a read-only share) is read as
    /// it is, by every reading command, without a log.
    @Test func anArchiveInAFolderNobodyWrites() throws {
        let (dir, week) = try sharedFolder()
        let db = dir.appendingPathComponent("archive.sqlite").path
        #expect(try bilan(as: Self.writer, ["import", week, "--db", db]).status == 0)
        let shelf = TestSupport.temporaryDirectory()
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shelf.path)
        let copy = shelf.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: db, toPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: copy)
        for args in [["weeks"], ["search", "drones"], ["tally", "--json"], ["show", "latest"]] {
            let r = try bilan(as: Self.reader, args + ["--db", copy])
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(r.stdout.contains("978-982") || r.stdout.contains("1200"), "\(args)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: shelf.path) == ["copy.sqlite"])
    }
}
