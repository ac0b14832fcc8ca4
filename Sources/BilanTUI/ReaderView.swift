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
        let focus = focusLines(r, week)
        for (i, line) in r.layout.lines.dropFirst(r.top).prefix(s.bodyRows(.reader)).enumerated() {
            var x = margin
            if focus.contains(r.top + i) { b.put(b.ascii ? ">" : "▌", x: 0, y: 2 + i, style: .accent) }
            for seg in line.segments { x = b.put(seg.text, x: x, y: 2 + i, style: seg.style) }
        }
    }

    /// The lines of the sentence the reader was opened at (from the events list).
    static func focusLines(_ r: ReaderState, _ week: ReaderWeek) -> Range<Int> {
        guard let f = r.focus,
            let e = week.events.firstIndex(where: { $0.paragraph == f.paragraph && $0.index == f.index })
        else { return 0..<0 }
        let start = r.layout.eventLines[e]
        var end = e + 1 < week.events.count ? r.layout.eventLines[e + 1] : r.layout.lines.count
        // The next sentence starts on the same line as this one ends: that line belongs to both.
        if e + 1 < week.events.count, end > start,
            r.layout.lines.indices.contains(end), r.layout.lines[end].event != e + 1
        {
            end += 1
        }
        return start..<max(start + 1, end)
    }
}
