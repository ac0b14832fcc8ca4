import BilanCore
import Foundation

/// Imports files and folders into a store: each file one transaction, every file reported.
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

    let store: Store
    private var parser: SummaryParser?

    public init(store: Store, parser: SummaryParser? = nil) {
        self.store = store
        self.parser = parser
    }

    private func sharedParser() -> SummaryParser {
        if let parser { return parser }
        let p = SummaryParser()
        parser = p
        return p
    }

    /// Imports every path (files, or folders read recursively), calling `report` after each file.
    public func run(_ paths: [String], report: (Report) -> Void) throws {
        if try store.needsReindex() { try store.reindex(parser: sharedParser()) }
        for path in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                report(Report(path: path, status: .rejected, detail: "no such file or folder"))
                continue
            }
            if isDir.boolValue {
                for (file, eligible) in Importer.walk(path) {
                    if eligible {
                        report(try importFile(file))
                    } else {
                        report(Report(path: file, status: .skipped, detail: "not a .txt or .md file"))
                    }
                }
            } else {
                report(try importFile(path))
            }
        }
    }

    /// Files under a folder, sorted, dotfiles and dot-folders left out; `eligible` by extension.
    static func walk(_ root: String) -> [(String, Bool)] {
        var out: [(String, Bool)] = []
        let fm = FileManager.default
        guard let items = try? fm.contentsOfDirectory(atPath: root) else { return [] }
        for name in items.sorted() where !name.hasPrefix(".") {
            let full = (root as NSString).appendingPathComponent(name)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                // Do not follow links to folders (no loops).
                if let attrs = try? fm.attributesOfItem(atPath: full), attrs[.type] as? FileAttributeType == .typeSymbolicLink {
                    continue
                }
                out += walk(full)
            } else {
                out.append((full, extensions.contains((name as NSString).pathExtension.lowercased())))
            }
        }
        return out
    }

    /// Reads, decodes and stores one file.
    public func importFile(_ path: String) throws -> Report {
        let fm = FileManager.default
        if let attrs = try? fm.attributesOfItem(atPath: path), let size = attrs[.size] as? Int, size > TextDecoding.maximumSize {
            return Report(
                path: path, status: .rejected,
                detail: ParseError(source: path, "the file is \(size / 1024 / 1024) MB, over the 5 MB limit for a summary").description)
        }
        guard fm.isReadableFile(atPath: path), let data = fm.contents(atPath: path) else {
            return Report(path: path, status: .rejected, detail: "\(path): cannot read the file (permission denied or not a regular file)")
        }
        let text: String
        do {
            text = try TextDecoding.decode(data, source: path)
        } catch let e as ParseError {
            return Report(path: path, status: .rejected, detail: e.description)
        }
        let outcome = try store.importText(
            text, hash: ContentHash.of(data), source: path, parser: sharedParser(), sample: false)
        switch outcome {
        case .added(let w): return Report(path: path, status: .added, week: w)
        case .updated(let w, let prev): return Report(path: path, status: .updated, week: w, detail: prev)
        case .unchanged(let w): return Report(path: path, status: .unchanged, week: w)
        case .rejected(let e): return Report(path: path, status: .rejected, detail: e.description)
        }
    }
}
