import BilanCore
import GRDB

// libFuzzer target: the words `IndexFolding` reads from a text (the store's word list, and how a
// typed word is looked up) against the words SQLite's FTS5 index (unicode61, remove_diacritics 2)
// reads from the same text. Invariant: the same set, for any text of the characters both agree on
// (`IndexFolding.isWellKnown`: Latin, Greek, Cyrillic, general punctuation; the others are dropped
// from the input), cleaned as import cleans it, and raw.
nonisolated(unsafe) let index: DatabaseQueue = {
    let q = try! DatabaseQueue()
    try! q.write { db in
        try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
        try db.execute(sql: "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
    }
    return q
}()

func indexWords(_ text: String) -> Set<String> {
    try! index.write { db in
        try db.execute(sql: "DELETE FROM t")
        try db.execute(sql: "INSERT INTO t(x) VALUES (?)", arguments: [text])
        return Set(try String.fetchAll(db, sql: "SELECT term FROM v"))
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var scalars = String.UnicodeScalarView()
    scalars.append(
        contentsOf: String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self).unicodeScalars
            .filter(IndexFolding.isWellKnown))
    let raw = String(scalars)
    for text in [TextHygiene.clean(raw), raw] where !text.utf8.contains(0) {
        var ours = Set<String>()
        IndexFolding.collect(text, into: &ours)
        let theirs = indexWords(text)
        if ours != theirs {
            fatalError(
                "words of \(text.debugDescription): only ours \(ours.subtracting(theirs).sorted()), only the index's \(theirs.subtracting(ours).sorted())"
            )
        }
    }
    return 0
}
