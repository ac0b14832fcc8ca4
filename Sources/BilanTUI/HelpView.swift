/// The keys, generated from the key table so help and keys cannot disagree.
enum HelpView {
    static func draw(_ b: inout ScreenBuffer, _ s: BrowserState) {
        for (i, line) in lines(width: b.width, ascii: b.ascii).dropFirst(s.helpTop).prefix(s.bodyRows(.help)).enumerated() {
            var x = 0
            for seg in line.segments { x = b.put(seg.text, x: x, y: 1 + i, style: seg.style) }
        }
    }

    static func lines(width: Int, ascii: Bool = false) -> [ReaderLine] {
        var out: [ReaderLine] = []
        // Narrow windows: a narrower key column, and help text wrapped under itself.
        let keyWidth = width >= 60 ? 20 : 12
        let textWidth = max(10, width - 3 - keyWidth)
        for scope in Scope.allCases {
            let bindings = KeyTable.bindings.filter { $0.scope == scope }
            guard !bindings.isEmpty else { continue }
            if !out.isEmpty { out.append(ReaderLine(segments: [], event: nil)) }
            out.append(ReaderLine(segments: [Segment(text: " " + scope.title, style: .heading)], event: nil))
            for bnd in bindings {
                let keys = KeyTable.keysLabel(bnd, ascii: ascii)
                let pad = String(repeating: " ", count: max(1, keyWidth - DisplayWidth.of(keys)))
                let text = FiguresView.wrap(bnd.help, width: textWidth)
                if DisplayWidth.of(keys) >= keyWidth {
                    // A long list of keys gets its own line.
                    out.append(ReaderLine(segments: [Segment(text: "   " + keys, style: .figure)], event: nil))
                } else {
                    out.append(ReaderLine(
                        segments: [Segment(text: "   " + keys + pad, style: .figure), Segment(text: text.first ?? "", style: .normal)],
                        event: nil))
                }
                let indent = String(repeating: " ", count: 3 + keyWidth)
                for more in DisplayWidth.of(keys) >= keyWidth ? text[...] : text.dropFirst() {
                    out.append(ReaderLine(segments: [Segment(text: indent + more, style: .normal)], event: nil))
                }
            }
        }
        out.append(ReaderLine(segments: [], event: nil))
        let note = "Filters (fronts from f, a search kept with Enter) apply to the weeks and events lists"
            + " and mark matches in the reader; F clears them."
        for line in FiguresView.wrap(note, width: max(10, width - 2)) {
            out.append(ReaderLine(segments: [Segment(text: " " + line, style: .dim)], event: nil))
        }
        return out
    }
}
