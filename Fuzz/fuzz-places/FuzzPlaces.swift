import BilanCore
import Foundation

// libFuzzer target: the place matcher on any sentence. Invariants: no crash or hang; every id it
// returns names a place of the gazetteer, once.
let matcher = PlaceMatcher()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let ids = matcher.placeIDs(in: text)
    precondition(Set(ids).count == ids.count, "an id twice in \(text.debugDescription)")
    precondition(matcher.names(ids).count == ids.count, "an unknown id in \(ids)")
    return 0
}
