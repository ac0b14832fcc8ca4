import BilanCore

/// One week's text, wrapped, with places, drone figures and search matches marked.
enum ReaderView {
    static func draw(_ b: inout ScreenBuffer, _ s: BrowserState) {
        guard let r = s.reader else { return }
        guard let week = r.week else {
            b.put(r.missing ? " This week is not stored." : " Loading…", x: 0, y: 2, style: .dim)
            return
        }
        b.field(" " + week.info.title, x: 0, y: 1, width: b.width, style: .heading)
        let margin = 1
        for (i, line) in r.layout.lines.dropFirst(r.top).prefix(s.bodyRows(.reader)).enumerated() {
            var x = margin
            for seg in line.segments { x = b.put(seg.text, x: x, y: 2 + i, style: seg.style) }
        }
    }
}
