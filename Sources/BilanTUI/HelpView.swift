/// The keys, generated from the key table so help and keys cannot disagree.
enum HelpView {
    static func draw(_ b: inout ScreenBuffer, _ s: BrowserState) {
        for (i, line) in lines(width: b.width).dropFirst(s.helpTop).prefix(s.bodyRows(.help)).enumerated() {
            var x = 0
            for seg in line.segments { x = b.put(seg.text, x: x, y: 1 + i, style: seg.style) }
        }
    }

    static func lines(width: Int) -> [ReaderLine] {
        var out: [ReaderLine] = []
        let keyWidth = 20
        for scope in Scope.allCases {
            let bindings = KeyTable.bindings.filter { $0.scope == scope }
            guard !bindings.isEmpty else { continue }
            if !out.isEmpty { out.append(ReaderLine(segments: [], event: nil)) }
            out.append(ReaderLine(segments: [Segment(text: " " + scope.title, style: .heading)], event: nil))
            for bnd in bindings {
                let keys = KeyTable.keysLabel(bnd)
                let pad = String(repeating: " ", count: max(1, keyWidth - DisplayWidth.of(keys)))
                out.append(ReaderLine(
                    segments: [Segment(text: "   " + keys + pad, style: .figure), Segment(text: bnd.help, style: .normal)],
                    event: nil))
            }
        }
        out.append(ReaderLine(segments: [], event: nil))
        for note in [
            " Filters (fronts from f, a search kept with Enter) apply to the weeks and events lists",
            " and mark matches in the reader; F clears them. Dates are Kyiv calendar days.",
        ] {
            out.append(ReaderLine(segments: [Segment(text: note, style: .dim)], event: nil))
        }
        return out
    }
}
