import BilanCore
import Foundation

/// `R`: the background fetch's report, read line by line (the text `bilan fetch` prints), and the
/// reload once it ends.
extension Reducer {
    /// The outcomes `bilan fetch` starts a page's line with.
    static let fetchOutcomes = ["added", "updated", "unchanged", "not published", "forbidden", "failed"]

    static func fetchLine(_ s: inout BrowserState, _ line: String) -> [Effect] {
        guard var f = s.fetch else { return [] }
        let text = line.trimmingCharacters(in: .whitespaces)
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if words.first == "fetching", words.count > 1, let n = Int(words[1]) {
            f.total = n
        } else if let outcome = fetchOutcomes.first(where: { text.hasPrefix($0 + " ") }) {
            let rest = text.dropFirst(outcome.count).split(separator: " ", omittingEmptySubsequences: true)
            f.done += 1
            if rest.count >= 2 { f.last = "\(rest[0]) \(rest[1].uppercased()) \(outcome)" }
            if outcome == "failed" || outcome == "forbidden" {
                // "failed  971-975 fr  URL: why" and "forbidden  971-975 fr  URL (why)": the why.
                var why = rest.dropFirst(2)
                if let url = why.first, url.contains("://") { why = why.dropFirst() }
                f.problem = why.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: "()"))
            }
        } else if words.count > 1, Int(words[0]) != nil, text.contains(" added, ") {
            f.summary = text
        } else if text.hasPrefix("bilan") {
            // An error sentence ("bilan: …").
            f.problem = String(text.drop(while: { $0 != ":" }).dropFirst()).trimmingCharacters(in: .whitespaces)
        }
        s.fetch = f
        return []
    }

    static func fetchEnded(_ s: inout BrowserState, _ status: Int32) -> [Effect] {
        let f = s.fetch ?? FetchState()
        s.fetch = nil
        let summary = f.summary.map(compactSummary) ?? ""
        switch status {
        case 0: s.message = summary.isEmpty ? "Fetched." : "Fetched: \(summary)."
        case 130: s.message = "Fetch interrupted" + (summary.isEmpty ? "." : ": \(summary).")
        default:
            s.message = "Fetch failed" + (f.problem.map { ": \($0)" } ?? (summary.isEmpty ? "." : ": \(summary)."))
        }
        // New weeks: read the archive again, keeping the view and the filters.
        s.generation += 1
        s.weeks.details = [:]
        s.weeks.requested = []
        s.tallies.rows = nil
        return [.cancelQueries] + ensureLoaded(&s)
    }

    /// "2 added, 0 updated, 0 unchanged, 1 not published, …" without the zero counts.
    static func compactSummary(_ line: String) -> String {
        let parts = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let kept = parts.filter { !$0.hasPrefix("0 ") }
        return kept.isEmpty ? "nothing new" : kept.joined(separator: ", ")
    }
}
