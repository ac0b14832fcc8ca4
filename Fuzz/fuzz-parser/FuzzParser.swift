import BilanCore
import Foundation

// libFuzzer target: the summary parser on any bytes (decoded as a file would be), half the time behind
// a valid title so that the body's parsing is reached. Invariants: no crash, no hang, and no event
// text carrying a control character or a bidi override.
let parser = SummaryParser()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard var text = try? TextDecoding.decode(bytes, source: "fuzz") else { return 0 }
    if let first = bytes.first, first & 1 == 1 {
        text = (first & 2 == 0 ? "Bilan de la semaine. Jours 971-975 de résistance\n\n" : "Weekly roundup. Days 1,034-1,038\n\n") + text
    }
    guard let week = try? parser.parse(text, source: "fuzz") else { return 0 }
    for e in week.events {
        for u in e.text.unicodeScalars where (u.value < 0x20 && u.value != 0x09) || (0x7F...0x9F).contains(u.value)
            || (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value)
        {
            fatalError("event text keeps U+\(String(u.value, radix: 16)): \(e.text.debugDescription)")
        }
    }
    precondition(week.range.first <= week.range.last)
    _ = TallyBuilder.self
    return 0
}
