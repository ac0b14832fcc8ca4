import BilanCore
import BilanWeb
import Foundation

// libFuzzer target: the HTML page extractor (libxml2's parser underneath) on any bytes. Invariants: no
// crash or hang; what it extracts starts with a series title the parser accepts.
let parser = SummaryParser()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = try? PageExtractor.extractText(Data(bytes: data, count: size), source: "fuzz.html") else { return 0 }
    let title = String(text.prefix { $0 != "\n" })
    precondition(TitleParser.parse(title) != nil, "extracted a text whose title is not the series': \(title.debugDescription)")
    _ = try? parser.parse(text, source: "fuzz.html")
    return 0
}
