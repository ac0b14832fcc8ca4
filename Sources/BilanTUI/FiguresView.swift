import BilanCore

/// A week's drone figures, each with the sentence it was read from.
enum FiguresView {
    static func draw(_ b: inout ScreenBuffer, _ s: BrowserState) {
        guard let f = s.figures else { return }
        let t = f.row.tally
        let head = "launched \(Labels.value(t.launched)) · shot down \(Labels.value(t.shotDown)) · suppressed \(Labels.value(t.suppressed))"
        b.fill(x: 0, y: 1, count: b.width, style: .heading)
        b.field(" " + head, x: 0, y: 1, width: b.width, style: .heading)
        guard f.loaded else {
            b.put(" Loading the sentences…", x: 0, y: 3, style: .dim)
            return
        }
        let lines = lines(f.row, width: b.width, ascii: b.ascii)
        for (i, line) in lines.dropFirst(f.top).prefix(s.bodyRows(.figures)).enumerated() {
            var x = 0
            for seg in line.segments { x = b.put(seg.text, x: x, y: 2 + i, style: seg.style) }
        }
    }

    static let roleNames: [FigureRole: String] = [
        .launched: "launched", .shotDown: "shot down", .suppressed: "suppressed", .other: "not tallied",
    ]

    /// The figures laid out: a line per figure (value, role, weapon, phrase), then its sentence
    /// wrapped and indented.
    static func lines(_ row: TallyRow, width: Int, ascii: Bool = false) -> [ReaderLine] {
        var out: [ReaderLine] = []
        if row.tally.figures.isEmpty {
            return [ReaderLine(segments: [Segment(text: " This week reports no drone figures.", style: .dim)], event: nil)]
        }
        for f in row.tally.figures {
            let fig = f.figure
            let value = Labels.value(TallyValue(value: fig.value, qualifier: fig.qualifier))
            var segs = [
                Segment(text: " " + value, style: .figure),
                Segment(text: "  " + (roleNames[fig.role] ?? fig.role.rawValue), style: .heading),
            ]
            if let w = fig.weapon { segs.append(Segment(text: " · " + w, style: .normal)) }
            if fig.wholeWeek { segs.append(Segment(text: " · whole week", style: .dim)) }
            out.append(ReaderLine(segments: segs, event: nil))
            // The phrase the number was read from, then its whole sentence, both wrapped.
            let textWidth = max(10, min(width - 6, ReaderLayout.maxTextWidth))
            let phrase = "“" + fig.phrase + "”"
            for l in wrap(ascii ? Ascii.transliterate(phrase) : phrase, width: textWidth) {
                out.append(ReaderLine(segments: [Segment(text: "     " + l, style: .figure)], event: nil))
            }
            for l in wrap(ascii ? Ascii.transliterate(f.text) : f.text, width: textWidth) {
                out.append(ReaderLine(segments: [Segment(text: "     " + l, style: .normal)], event: nil))
            }
            out.append(ReaderLine(segments: [], event: nil))
        }
        return out
    }

    /// Greedy word wrap by display width.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var w = 0
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let ww = DisplayWidth.of(word)
            if w > 0 && w + 1 + ww > width {
                lines.append(line)
                line = ""
                w = 0
            }
            if w > 0 {
                line += " "
                w += 1
            }
            line += word
            w += ww
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
