import BilanCore
import Foundation

/// Imports files and folders into a store: each file stored whole or not at all, every file reported.
public final class Importer {
    /// One line of the import report.
    public struct Report: Sendable {
        public enum Status: String, Sendable { case added, updated, unchanged, rejected, skipped }
        public var path: String
        public var status: Status
        public var week: WeekInfo?
        /// Why a file was rejected or skipped, or which source an update replaced.
        public var detail: String?
    }

    /// File endings read from folders.
    public static let extensions: Set<String> = ["txt", "md"]
    /// Saved web pages, read from folders when the importer has a page extractor.
    public static let pageExtensions: Set<String> = ["html", "htm"]

    /// Turns a saved page's bytes into a summary's text (title line, blank line, paragraphs), or throws
    /// a `ParseError` naming the file. Injected (BilanWeb's `PageExtractor.extractText`) so that the
    /// store does not link an HTML parser.
    public typealias PageExtractor = @Sendable (_ data: Data, _ source: String) throws -> String

    let store: Store
    private var parser: SummaryParser?
    private let preload: ParserPreload?
    private let pageExtractor: PageExtractor?
    /// The file of this run whose text each week (range and language) now holds, in the order the
    /// files come: when two files of one import hold the same week, the later one is kept.
    private var weekOwner: [WeekKey: (path: String, hash: String)] = [:]

    struct WeekKey: Hashable {
        var range: DayRange
        var language: Language
        init(_ w: WeekInfo) { (range, language) = (w.range, w.language) }
        init(_ w: Week) { (range, language) = (w.range, w.language) }
    }

    public init(store: Store, parser: SummaryParser? = nil, pageExtractor: PageExtractor? = nil) {
        self.store = store
        self.parser = parser
        self.preload = nil
        self.pageExtractor = pageExtractor
    }

    /// An importer whose parser is being built meanwhile (see `ParserPreload`).
    public init(store: Store, preload: ParserPreload, pageExtractor: PageExtractor? = nil) {
        self.store = store
        self.parser = nil
        self.preload = preload
        self.pageExtractor = pageExtractor
    }

    /// Whether any of `paths` is a saved page, or a folder with one somewhere inside.
    public static func holdsPages(_ paths: [String]) -> Bool {
        paths.contains { path in
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return false }
            if !isDir.boolValue { return isPage(path) }
            return walk(path, extensions: pageExtensions).contains { $0.1 }
        }
    }

    static func isPage(_ path: String) -> Bool { pageExtensions.contains((path as NSString).pathExtension.lowercased()) }

    /// The endings this importer reads from folders.
    var eligibleExtensions: Set<String> {
        pageExtractor == nil ? Importer.extensions : Importer.extensions.union(Importer.pageExtensions)
    }

    private func sharedParser() -> SummaryParser {
        if let parser { return parser }
        let p = preload?.parser ?? SummaryParser()
        parser = p
        return p
    }

    /// Imports every path (files, or folders read recursively), calling `report` after each file.
    ///
    /// Files are read ahead and parsed in batches of 256 on other threads, then stored in the order
    /// given in one transaction per batch (see `Store.store(batch:)`); a file that fails never stops
    /// the others, and a file is reported once its batch is committed.
    public func run(_ paths: [String], report: (Report) -> Void) throws {
        weekOwner = [:]
        if try store.needsReindex() { try store.reindex(parser: sharedParser()) }
        var items: [(path: String, eligible: Bool, missing: Bool)] = []
        for path in paths {
            var isDir: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
                items.append((path, false, true))
            } else if isDir.boolValue {
                // The database's own files are never listed, even when it lives in the folder. (Only
                // a file of the same name is resolved: resolving each of 10,000 paths took 0.25 s.)
                let ownFiles = ["", "-wal", "-shm", "-journal"].map { store.path + $0 }
                let own = Set(ownFiles.map(Importer.canonical))
                let ownNames = Set(ownFiles.map { ($0 as NSString).lastPathComponent })
                items += Importer.walk(path, extensions: eligibleExtensions).filter {
                    !(ownNames.contains(($0.0 as NSString).lastPathComponent) && own.contains(Importer.canonical($0.0)))
                }.map { ($0.0, $0.1, false) }
            } else {
                // A file named by itself is read whatever its ending, but a saved page needs the
                // page extractor.
                items.append((path, pageExtractor != nil || !Importer.isPage(path), false))
            }
        }
        // 256 files a transaction: FTS5 writes its pending words as a new segment at each commit
        // and merges segments as they pile up, so fewer commits write and merge less.
        let batch = 256
        let slices = stride(from: 0, to: items.count, by: batch).map { Array(items[$0..<min($0 + batch, items.count)]) }
        // Files with the same bytes as an earlier file of this run get its outcome.
        var firstOfHash: [String: String] = [:]  // content hash -> first path
        var outcomeOfHash: [String: Report] = [:]  // content hash -> that file's report
        var pending: [ParsingBatch] = []
        var nextLoad = slices.first.map { LoadingBatch($0) }
        for k in slices.indices {
            // The next batch's files are read and hashed in the background meanwhile.
            let loading = nextLoad!
            nextLoad = k + 1 < slices.count ? LoadingBatch(slices[k + 1]) : nil
            let loaded = loading.wait()
            // One query for the whole batch: which of its texts are stored already.
            let known = try store.knownHashes(loaded.compactMap { if case .bytes(_, _, let h)? = $0 { h } else { nil } })
            // Files seen before need no parsing; the others are decoded.
            var prepared: [Prepared] = []
            for (i, item) in slices[k].enumerated() {
                if item.missing {
                    prepared.append(.done(Report(path: item.path, status: .rejected, detail: "\(item.path): no such file or folder")))
                } else if !item.eligible {
                    let why =
                        pageExtractor != nil ? "not a .txt, .md or .html file"
                        : Importer.isPage(item.path) ? "a saved web page: bilan-web reads those" : "not a .txt or .md file"
                    prepared.append(.done(Report(path: item.path, status: .skipped, detail: why)))
                } else if let l = loaded[i] {
                    let p = try prepare(l, known: known)
                    if case .text(let path, _, let hash) = p {
                        if firstOfHash[hash] != nil {
                            prepared.append(.duplicate(path: path, hash: hash))
                            continue
                        }
                        firstOfHash[hash] = path
                    }
                    prepared.append(p)
                } else {
                    prepared.append(.done(Report(path: item.path, status: .rejected, detail: "\(item.path): not read")))
                }
            }
            // Parse this batch on the other threads while earlier ones are being stored. Two batches
            // ahead: a batch slower to parse than the one before it is stored does not leave the
            // storing thread waiting.
            pending.append(ParsingBatch(prepared: prepared, parser: sharedParser()))
            if pending.count > 2 { try storeAndReport(pending.removeFirst(), &outcomeOfHash, firstOfHash, report) }
        }
        for batch in pending { try storeAndReport(batch, &outcomeOfHash, firstOfHash, report) }
        store.releaseFreePages()
    }

    /// A batch of prepared files being parsed in the background, in the order batches come.
    final class ParsingBatch: @unchecked Sendable {
        let prepared: [Prepared]
        private let results: ParseResults
        private let done = DispatchGroup()

        /// Parsing threads: all cores but one, which is left to the thread storing the batches
        /// before, the slower half (sharing every core with the parsers, it got two thirds of one).
        /// Files are parsed in the order given, so the oldest batch is ready first.
        static let queue: OperationQueue = {
            let q = OperationQueue()
            q.name = "bilan.parse"
            q.maxConcurrentOperationCount = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
            return q
        }()

        init(prepared: [Prepared], parser: SummaryParser) {
            self.prepared = prepared
            let results = ParseResults(count: prepared.count)
            self.results = results
            for (i, item) in prepared.enumerated() {
                guard case .text(let path, let text, _) = item else { continue }
                done.enter()
                ParsingBatch.queue.addOperation { [done] in
                    do {
                        results.set(i, .success(try parser.parse(text, source: path)))
                    } catch let e as ParseError {
                        results.set(i, .failure(e))
                    } catch {
                        results.set(i, .failure(ParseError(source: path, "\(error)")))
                    }
                    done.leave()
                }
            }
        }

        /// The parse results, once every file of the batch is parsed.
        func wait() -> ParseResults {
            done.wait()
            return results
        }
    }

    /// Stores a parsed batch in one transaction (each file whole or not at all), and reports each
    /// file once the batch is committed, so a file reported added is on disk.
    private func storeAndReport(
        _ batch: ParsingBatch, _ outcomeOfHash: inout [String: Report], _ firstOfHash: [String: String],
        _ report: (Report) -> Void
    ) throws {
        let results = batch.wait()
        let prepared = batch.prepared
        // When several files of the batch hold one week, only the last is stored (the others are
        // skipped, naming it): the same folder imported again gives the same week every time.
        let keys: [WeekKey?] = prepared.indices.map { i in
            switch prepared[i] {
            case .text: if case .success(let week)? = results.get(i) { WeekKey(week) } else { nil }
            case .known(_, _, _, let r): r.status == .unchanged ? r.week.map(WeekKey.init) : nil
            case .done, .duplicate: nil
            }
        }
        var lastOfWeek: [WeekKey: Int] = [:]
        for (i, key) in keys.enumerated() { if let key { lastOfWeek[key] = i } }
        func keptInstead(_ i: Int) -> Report? {
            guard let key = keys[i], let j = lastOfWeek[key], j > i, let path = prepared[i].path, let later = prepared[j].path
            else { return nil }
            return Report(path: path, status: .skipped, detail: "\(later), later in this import, holds the same week and is kept")
        }
        var batchItems: [(week: Week, hash: String, source: String)] = []
        for (i, p) in prepared.enumerated() {
            if case .text(let path, _, let hash) = p, case .success(let week)? = results.get(i), keptInstead(i) == nil {
                batchItems.append((week, hash, path))
            }
        }
        var stored = try store.store(batch: batchItems).makeIterator()
        for (i, p) in prepared.enumerated() {
            if let skipped = keptInstead(i) {
                report(skipped)
                continue
            }
            switch p {
            case .done(let r): report(r)
            case .known(let path, let data, let hash, let r):
                let r = try storeAgainIfReplaced(path: path, data: data, hash: hash, r)
                outcomeOfHash[hash] = r
                report(r)
            case .duplicate(let path, let hash):
                report(Importer.duplicate(of: outcomeOfHash[hash], path: path, first: firstOfHash[hash] ?? ""))
            case .text(let path, _, let hash):
                let r: Report
                switch results.get(i) {
                case .success?:
                    switch stored.next() {
                    case .success(let outcome)?: r = owned(Importer.report(path, outcome), hash: hash)
                    case .failure(let e)?: r = Report(path: path, status: .rejected, detail: "\(path): \(e)")
                    case nil: r = Report(path: path, status: .rejected, detail: "\(path): not stored")
                    }
                case .failure(let e)?: r = Report(path: path, status: .rejected, detail: e.description)
                case nil: r = Report(path: path, status: .rejected, detail: "\(path): not parsed")
                }
                outcomeOfHash[hash] = r
                report(r)
            }
        }
    }

    /// Records which file of this run a stored week now holds; an update of a week an earlier file
    /// of this run stored says so.
    private func owned(_ r: Report, hash: String) -> Report {
        guard let w = r.week, r.status == .added || r.status == .updated || r.status == .unchanged else { return r }
        var r = r
        if r.status == .updated, let earlier = weekOwner[WeekKey(w)], earlier.hash != hash {
            r.detail = "\(earlier.path), earlier in this import; of two files of one week, the later is kept"
        }
        weekOwner[WeekKey(w)] = (r.path, hash)
        return r
    }

    /// A file whose text was stored before: unchanged, unless an earlier file of this run (in an
    /// earlier batch) has replaced its week since; then it is stored again, being the later.
    private func storeAgainIfReplaced(path: String, data: Data, hash: String, _ r: Report) throws -> Report {
        guard let w = r.week, r.status == .unchanged else { return r }
        guard let earlier = weekOwner[WeekKey(w)], earlier.hash != hash else { return owned(r, hash: hash) }
        do {
            let text = try text(of: data, path: path)
            let outcome = try store.importText(text, hash: hash, source: path, parser: sharedParser())
            return owned(Importer.report(path, outcome), hash: hash)
        } catch let e as ParseError {
            return Report(path: path, status: .rejected, detail: e.description)
        }
    }

    /// A file with the same bytes as `first`: rejected for the same reason, else unchanged.
    static func duplicate(of firstReport: Report?, path: String, first: String) -> Report {
        guard let f = firstReport else {
            return Report(path: path, status: .rejected, detail: "\(path): the same text as \(first), which was not imported")
        }
        if f.status == .rejected {
            let reason = f.detail.map { $0.hasPrefix(first) ? path + $0.dropFirst(first.count) : $0 } ?? ""
            return Report(path: path, status: .rejected, detail: reason)
        }
        return Report(path: path, status: .unchanged, week: f.week, detail: "the same text as \(first)")
    }

    enum Prepared: Sendable {
        case done(Report)
        /// A text stored before (its report says which week it is); stored again only when an
        /// earlier file of this run replaced its week.
        case known(path: String, data: Data, hash: String, report: Report)
        case duplicate(path: String, hash: String)
        case text(path: String, text: String, hash: String)

        /// The file of a text to store or stored before.
        var path: String? {
            switch self {
            case .text(let path, _, _), .known(let path, _, _, _): path
            case .done, .duplicate: nil
            }
        }
    }

    /// Parse results written by concurrent workers, one slot each.
    final class ParseResults: @unchecked Sendable {
        private var slots: [Result<Week, ParseError>?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ r: Result<Week, ParseError>) {
            lock.lock()
            slots[i] = r
            lock.unlock()
        }
        func get(_ i: Int) -> Result<Week, ParseError>? {
            lock.lock()
            defer { lock.unlock() }
            return slots[i]
        }
    }

    static func report(_ path: String, _ outcome: ImportOutcome) -> Report {
        switch outcome {
        case .added(let w): return Report(path: path, status: .added, week: w)
        case .updated(let w, let prev): return Report(path: path, status: .updated, week: w, detail: prev)
        case .unchanged(let w): return Report(path: path, status: .unchanged, week: w)
        case .rejected(let e): return Report(path: path, status: .rejected, detail: e.description)
        }
    }

    /// A file's bytes and their hash, or why it cannot be read.
    enum Loaded: Sendable {
        case failed(Report)
        case bytes(path: String, data: Data, hash: String)
    }

    /// Reads and hashes a batch's files on a background thread.
    final class LoadingBatch: @unchecked Sendable {
        private var loaded: [Loaded?]
        private let done = DispatchGroup()

        init(_ items: [(path: String, eligible: Bool, missing: Bool)]) {
            loaded = Array(repeating: nil, count: items.count)
            done.enter()
            DispatchQueue.global().async { [self] in
                for (i, item) in items.enumerated() where item.eligible && !item.missing {
                    loaded[i] = Importer.load(item.path)
                }
                done.leave()
            }
        }

        /// One slot per item, nil for the items not read (missing or skipped).
        func wait() -> [Loaded?] {
            done.wait()
            return loaded
        }
    }

    /// Reads a file and hashes its bytes; rejects it when it is too large or cannot be read.
    static func load(_ path: String) -> Loaded {
        let fm = FileManager.default
        if let attrs = try? fm.attributesOfItem(atPath: path), let size = attrs[.size] as? Int, size > TextDecoding.maximumSize {
            return .failed(
                Report(
                    path: path, status: .rejected,
                    detail: TextDecoding.tooLarge(size, source: path).description))
        }
        if !fm.fileExists(atPath: path), let target = try? fm.destinationOfSymbolicLink(atPath: path) {
            return .failed(Report(path: path, status: .rejected, detail: "\(path): a link to \(target), which is not there"))
        }
        guard fm.isReadableFile(atPath: path), let data = fm.contents(atPath: path) else {
            return .failed(Report(path: path, status: .rejected, detail: "\(path): cannot read the file (permission denied or not a regular file)"))
        }
        return .bytes(path: path, data: data, hash: ContentHash.of(data))
    }

    /// Decodes a file read; `.done` when it is rejected or was imported before.
    /// `known`: the hashes of the batch's texts that are stored already.
    func prepare(_ loaded: Loaded, known: Set<String>) throws -> Prepared {
        let (path, data, hash): (String, Data, String)
        switch loaded {
        case .failed(let r): return .done(r)
        case .bytes(let p, let d, let h): (path, data, hash) = (p, d, h)
        }
        if known.contains(hash), let known = try store.importKnown(hash: hash, source: path) {
            return .known(path: path, data: data, hash: hash, report: Importer.report(path, known))
        }
        do {
            return .text(path: path, text: try text(of: data, path: path), hash: hash)
        } catch let e as ParseError {
            return .done(Report(path: path, status: .rejected, detail: e.description))
        }
    }

    /// A file's text: a saved page's article when there is a page extractor, else its decoded bytes.
    func text(of data: Data, path: String) throws -> String {
        if let extract = pageExtractor, Importer.isPage(path) {
            return try extract(data, path)
        }
        return try TextDecoding.decode(data, source: path)
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Files under a folder, sorted, dotfiles and dot-folders left out; `eligible` by extension.
    static func walk(_ root: String, extensions: Set<String> = Importer.extensions) -> [(String, Bool)] {
        var out: [(String, Bool)] = []
        let fm = FileManager.default
        guard let items = try? fm.contentsOfDirectory(atPath: root) else { return [] }
        for name in items.sorted() where !name.hasPrefix(".") {
            let full = (root as NSString).appendingPathComponent(name)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isDir) else {
                // A link to nothing is listed (and reported), not silently passed over.
                if (try? fm.destinationOfSymbolicLink(atPath: full)) != nil {
                    out.append((full, extensions.contains((name as NSString).pathExtension.lowercased())))
                }
                continue
            }
            if isDir.boolValue {
                // Do not follow links to folders (no loops).
                if let attrs = try? fm.attributesOfItem(atPath: full), attrs[.type] as? FileAttributeType == .typeSymbolicLink {
                    continue
                }
                out += walk(full, extensions: extensions)
            } else {
                out.append((full, extensions.contains((name as NSString).pathExtension.lowercased())))
            }
        }
        return out
    }
}
