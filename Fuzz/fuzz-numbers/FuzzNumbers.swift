import BilanCore
import Foundation

// libFuzzer target: the number and qualifier reader and the drone-figure reader, in both languages,
// on any sentence. Invariants: no crash or hang; a count's length lies within the text; values are
// not negative.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for language in [Language.fr, .en] {
        if let n = NumberReader.read(text, language: language) {
            precondition(n.length > 0 && n.length <= text.count, "length \(n.length) of \(text.debugDescription)")
            precondition((n.value ?? 0) >= 0, "negative count in \(text.debugDescription)")
        }
        for f in DroneFigureReader.figures(in: text, language: language) {
            precondition((f.value ?? 0) >= 0, "negative figure in \(text.debugDescription)")
        }
    }
    return 0
}
