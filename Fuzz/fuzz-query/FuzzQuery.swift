import BilanCore
import BilanStore
import Foundation

// libFuzzer target: the search query grammar, its snippets, and the full-text query built from it,
// run against the bundled sample in memory. Invariants: no crash or hang, and no query a reader can
// type ever reaches SQLite as broken FTS5 syntax (any error but the documented ones is a bug).
nonisolated(unsafe) let store: Store = {
    let s = try! Store()
    _ = try! s.loadSampleIfEmpty(parser: SummaryParser())
    return s
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let query = SearchQuery(text)
    let sample = "Les premiers contingents nord-coréens sont arrivés dans la région de Koursk, près de Selydove."
    for r in query.matches(in: sample) { precondition(r.lowerBound < r.upperBound) }
    _ = query.snippet(sample)
    do {
        _ = try store.search(SearchRequest(query: query, limit: 5))
    } catch let e as StoreError {
        switch e {
        case .onlyExclusions: break
        default: fatalError("search \(text.debugDescription) failed: \(e)")
        }
    } catch {
        fatalError("search \(text.debugDescription) failed: \(error)")
    }
    return 0
}
