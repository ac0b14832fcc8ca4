import BilanCore

/// Draws the state into a screen buffer: `render(state) -> ScreenBuffer`. Never changes the state.
public enum Renderer {
    public static func render(_ s: BrowserState) -> ScreenBuffer {
        var b = ScreenBuffer(width: s.width, height: s.height, ascii: s.ascii)
        if s.tooSmall {
            tooSmall(&b)
            return b
        }
        titleBar(&b, s)
        if case .picker(let p) = s.mode {
            PickerView.draw(&b, s, p)
            return b
        }
        switch s.view {
        case .weeks: WeeksView.draw(&b, s)
        case .events: EventsView.draw(&b, s)
        case .tallies: TalliesView.draw(&b, s)
        case .reader: ReaderView.draw(&b, s)
        case .figures: FiguresView.draw(&b, s)
        case .help: HelpView.draw(&b, s)
        }
        statusLine(&b, s)
        return b
    }

    static func tooSmall(_ b: inout ScreenBuffer) {
        let lines = ["Window too small", "bilan needs 40×10 at least", "(q quits)"]
        let y0 = max(0, (b.height - lines.count) / 2)
        for (i, l) in lines.enumerated() {
            let w = b.ascii ? Ascii.transliterate(l).count : DisplayWidth.of(l)
            b.put(l, x: max(0, (b.width - w) / 2), y: y0 + i, style: i == 0 ? .accent : .normal)
        }
    }

    /// The top line: the program, the tab views with the current one marked, and the view's own
    /// title on the right (the reader's week, the figures' week).
    static func titleBar(_ b: inout ScreenBuffer, _ s: BrowserState) {
        b.fill(x: 0, y: 0, count: b.width, style: .title)
        var x = b.put(" bilan ", x: 0, y: 0, style: .title)
        let base = s.stack.first ?? .weeks
        for tab in ViewKind.tabs {
            let label = " \(tab.title) "
            if tab == base && s.stack.count == 1 {
                x = b.put("[" + tab.title + "]", x: x, y: 0, style: .selected)
            } else {
                x = b.put(label, x: x, y: 0, style: .title)
            }
        }
        var right: String
        switch s.view {
        case .reader:
            right = s.reader.map { r in "\(Labels.range(r.range)) · \(Labels.dates(r.range)) · \(languages(r))" } ?? ""
        case .figures:
            right = s.figures.map { "Drone figures · \(Labels.range($0.row.range)) \($0.row.language.rawValue.uppercased())" } ?? ""
        case .help:
            right = "Keys"
        default:
            right = s.filter.isEmpty ? "" : "filtered"
        }
        if !right.isEmpty {
            let w = b.ascii ? Ascii.transliterate(right).count : DisplayWidth.of(right)
            if x + 2 + w <= b.width {
                b.putRight(right + " ", right: b.width, y: 0, style: .title)
            } else {
                b.field(right, x: min(b.width - 1, x + 1), y: 0, width: max(0, b.width - x - 2), style: .title)
            }
        }
    }

    /// "FR (EN: L)" — the language shown and the other one stored.
    static func languages(_ r: ReaderState) -> String {
        let others = (r.week?.languages ?? []).filter { $0 != r.language }.map { $0.rawValue.uppercased() }
        return r.language.rawValue.uppercased() + (others.isEmpty ? "" : " (L: \(others.joined(separator: " ")))")
    }

    /// The bottom line: the view, the filters, shown/total and position; or the search prompt.
    static func statusLine(_ b: inout ScreenBuffer, _ s: BrowserState) {
        let y = b.height - 1
        b.fill(x: 0, y: y, count: b.width, style: .status)
        if case .prompt(let p) = s.mode {
            let x = b.put("/", x: 0, y: y, style: .status)
            let w = b.ascii ? Ascii.transliterate(p.text).count : DisplayWidth.of(p.text)
            // Keep the end of a long query visible.
            var shown = Substring(p.text)
            var width = w
            while width > b.width - 3, !shown.isEmpty {
                width -= DisplayWidth.of(shown.first!)
                shown = shown.dropFirst()
            }
            let end = b.put(shown, x: x, y: y, style: .status)
            b.cursor = (min(end, b.width - 1), y)
            let hint = p.text.count < 2 && !p.text.isEmpty ? "type 2 letters" : "Enter keep · Esc cancel"
            let hw = DisplayWidth.of(hint)
            if end + hw + 3 <= b.width { b.putRight(hint + " ", right: b.width, y: y, style: .status) }
            return
        }
        var parts = [s.view.title]
        if !s.filter.fronts.isEmpty { parts.append("front: " + s.filter.fronts.map(\.name).joined(separator: ", ")) }
        if let q = s.filter.query, !q.isEmpty { parts.append("/" + s.filter.text.trimmingSpaces) }
        if let count = counts(s) { parts.append(count) }
        let left = " " + parts.joined(separator: " │ ")
        let right: String
        let rightStyle: Style
        if let m = s.message {
            right = m
            rightStyle = .accent
        } else {
            // Hints come from the key table, like the help screen.
            right = "\(KeyTable.label(of: .help)) help  \(KeyTable.label(of: .back)) \(s.stack.count > 1 ? "back" : "quit")"
            rightStyle = .status
        }
        let rw = b.ascii ? Ascii.transliterate(right).count : DisplayWidth.of(right)
        let lw = b.ascii ? Ascii.transliterate(left).count : DisplayWidth.of(left)
        if s.message != nil {
            // A message matters more than the counts: it gets the room it needs.
            let room = max(0, b.width - rw - 2)
            b.field(left, x: 0, y: y, width: min(lw, room), style: .status)
            b.field(right, x: max(0, b.width - rw - 1), y: y, width: min(rw, b.width), style: rightStyle)
        } else if lw + rw + 2 <= b.width {
            b.put(left, x: 0, y: y, style: .status)
            b.putRight(right + " ", right: b.width, y: y, style: rightStyle)
        } else {
            b.field(left, x: 0, y: y, width: b.width, style: .status)
        }
    }

    /// "3/240" (position/total) for lists, "line 12/80" in the reader; "…" while loading.
    static func counts(_ s: BrowserState) -> String? {
        switch s.view {
        case .weeks:
            guard let keys = s.weeks.keys else { return "loading…" }
            let stale = s.weeks.generation != s.generation ? " (searching…)" : ""
            return keys.isEmpty ? "none\(stale)" : "\(s.weeks.position.cursor + 1)/\(keys.count)\(stale)"
        case .events:
            guard let total = s.events.total else { return "searching…" }
            return total == 0 ? "none" : "\(s.events.position.cursor + 1)/\(total)"
        case .tallies:
            guard let rows = s.tallies.rows else { return "loading…" }
            let lang = s.tallies.language.map { " " + $0.rawValue.uppercased() } ?? ""
            return rows.isEmpty ? "none" : "\(s.tallies.position.cursor + 1)/\(rows.count)\(lang)"
        case .reader:
            guard let r = s.reader, r.week != nil else { return "loading…" }
            let total = r.layout.lines.count
            let end = min(total, r.top + s.bodyRows(.reader))
            let pct = total == 0 ? 100 : end * 100 / total
            let matches = s.filter.query == nil ? "" : " │ \(r.layout.matchLines.count) match\(r.layout.matchLines.count == 1 ? "" : "es")"
            return "line \(r.top + 1)/\(total) \(pct)%\(matches)"
        case .figures, .help:
            return nil
        }
    }

    /// Draws the cursor row of a list: the whole row reversed, keeping highlights readable.
    static func highlightRow(_ b: inout ScreenBuffer, y: Int) {
        for x in 0..<b.width {
            let st = b[x, y].style
            if st == .normal || st == .dim || st == .heading || st == .bar || st == .accent {
                b.restyle(x: x, y: y, count: 1, style: .selected)
            }
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
