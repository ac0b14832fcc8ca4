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
        // Shorter words when even the notice does not fit.
        centered(&b, b.width >= 28 ? ["Window too small", "bilan needs 40×10 at least", "(q quits)"] : ["Too small:", "40×10 needed", "(q quits)"])
    }

    /// A frame with a few lines in its middle (while the database is prepared, before any state).
    public static func notice(_ lines: [String], width: Int, height: Int, ascii: Bool) -> ScreenBuffer {
        var b = ScreenBuffer(width: width, height: height, ascii: ascii)
        centered(&b, lines)
        return b
    }

    static func centered(_ b: inout ScreenBuffer, _ lines: [String]) {
        let y0 = max(0, (b.height - lines.count) / 2)
        for (i, l) in lines.enumerated() {
            let w = b.columns(l)
            b.put(l, x: max(0, (b.width - w) / 2), y: y0 + i, style: i == 0 ? .accent : .normal)
        }
    }

    /// The top line: the program, the tab views with the current one marked, and the view's own
    /// title on the right (the reader's week, the figures' week).
    static func titleBar(_ b: inout ScreenBuffer, _ s: BrowserState) {
        b.fill(x: 0, y: 0, count: b.width, style: .title)
        var x = b.put(" bilan ", x: 0, y: 0, style: .title)
        let base = s.stack.first ?? .weeks
        let ownTitle = s.view == .reader || s.view == .figures || s.view == .help
        for tab in ViewKind.tabs where !(ownTitle && b.width < 80) {
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
            let w = b.columns(right)
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
    /// When room runs out the key hints go first, then the filters are shortened: the position stays.
    static func statusLine(_ b: inout ScreenBuffer, _ s: BrowserState) {
        let y = b.height - 1
        b.fill(x: 0, y: y, count: b.width, style: .status)
        if case .prompt(let p) = s.mode {
            prompt(&b, s, p)
            return
        }
        let head = " " + s.view.title
        var filters: [String] = []
        if !s.filter.fronts.isEmpty { filters.append("front: " + s.filter.fronts.map(\.name).joined(separator: ", ")) }
        if s.filter.query != nil { filters.append("/" + s.filter.text.trimmingSpaces) }
        let filterText = filters.joined(separator: " │ ")
        let count = counts(s).map { " │ " + $0 } ?? ""
        let right: String
        let rightStyle: Style
        if let m = s.message {
            right = m
            rightStyle = .accent
        } else if let f = s.fetch {
            right = fetchProgress(f, ascii: s.ascii)
            rightStyle = .accent
        } else {
            // Hints come from the key table, like the help screen.
            right = "\(KeyTable.label(of: .help)) help  \(KeyTable.label(of: .back)) \(s.stack.count > 1 ? "back" : "quit")"
            rightStyle = .status
        }
        let fixed = b.columns(head) + b.columns(count) + (filterText.isEmpty ? 0 : 3)
        let full = fixed + b.columns(filterText)
        if s.message != nil || s.fetch != nil {
            // A message matters most: it gets the room it needs, the rest what is left.
            let rw = min(b.columns(right), b.width - 1)
            b.field(right, x: b.width - rw - 1, y: y, width: rw, style: rightStyle)
            left(&b, head: head, filters: filterText, count: count, width: b.width - rw - 2, y: y)
        } else if full + b.columns(right) + 2 <= b.width {
            left(&b, head: head, filters: filterText, count: count, width: full, y: y)
            b.putRight(right + " ", right: b.width, y: y, style: rightStyle)
        } else {
            left(&b, head: head, filters: filterText, count: count, width: b.width, y: y)
        }
    }

    /// "Fetching 3/6 · 971-975 FR added" while `R` runs.
    static func fetchProgress(_ f: FetchState, ascii: Bool) -> String {
        var text = "Fetching"
        if let total = f.total { text += " \(f.done)/\(total)" } else { text += (ascii ? "..." : "…") }
        if !f.last.isEmpty { text += (ascii ? " - " : " · ") + f.last }
        return text
    }

    /// " View │ filters │ counts" in `width` columns, the filters cut first.
    static func left(_ b: inout ScreenBuffer, head: String, filters: String, count: String, width: Int, y: Int) {
        var x = b.field(head, x: 0, y: y, width: min(b.columns(head), width), style: .status)
        let room = width - b.columns(head) - b.columns(count)
        if !filters.isEmpty, room > 4 {
            x = b.put(" │ ", x: x, y: y, style: .status)
            x = b.field(filters, x: x, y: y, width: min(b.columns(filters), room - 3), style: .status)
        }
        b.field(count, x: x, y: y, width: max(0, min(b.columns(count), width - x)), style: .status)
    }

    /// The search prompt: what is typed, the cursor after it, and the live count; a message (the
    /// search's length limit) takes the place of the count, with room kept for it.
    static func prompt(_ b: inout ScreenBuffer, _ s: BrowserState, _ p: PromptState) {
        let y = b.height - 1
        let x = b.put("/", x: 0, y: y, style: .status)
        let messageWidth = s.message.map { min(b.columns($0), max(0, b.width - 8)) } ?? 0
        // Keep the end of a long query visible.
        var shown = Substring(p.text)
        var width = b.columns(p.text)
        while width > b.width - 3 - (messageWidth > 0 ? messageWidth + 2 : 0), !shown.isEmpty {
            width -= b.columns(String(shown.first!))
            shown = shown.dropFirst()
        }
        let end = b.put(shown, x: x, y: y, style: .status)
        b.cursor = (min(end, b.width - 1), y)
        if let m = s.message, messageWidth > 0 {
            b.field(m, x: b.width - messageWidth - 1, y: y, width: messageWidth, style: .accent)
            return
        }
        let typing = p.text.count < 2 && !p.text.isEmpty
        let live = typing ? "type 2 letters" : counts(s) ?? ""
        for hint in [live + " · Enter keep · Esc cancel", live] where !hint.isEmpty {
            if end + DisplayWidth.of(hint) + 3 <= b.width {
                b.putRight(hint + " ", right: b.width, y: y, style: .status)
                break
            }
        }
    }

    /// "3/240" (position/total, "of N" when filtered) for lists, "line 12/80" in the reader.
    static func counts(_ s: BrowserState) -> String? {
        switch s.view {
        case .weeks:
            guard let keys = s.weeks.keys else { return "loading…" }
            let stale = s.weeks.generation != s.generation ? " (searching…)" : ""
            let of = !s.filter.isEmpty ? s.weeks.unfiltered.map { " of \($0)" } ?? "" : ""
            return keys.isEmpty ? "none\(of)\(stale)" : "\(s.weeks.position.cursor + 1)/\(keys.count)\(of)\(stale)"
        case .events:
            guard let total = s.events.total else { return "searching…" }
            return total == 0 ? "none" : "\(s.events.position.cursor + 1)/\(total)"
        case .tallies:
            guard let rows = s.tallyRows else { return "loading…" }
            let lang = s.tallies.language.map { " " + $0.rawValue.uppercased() } ?? ""
            return rows.isEmpty ? "none\(lang)" : "\(s.tallies.position.cursor + 1)/\(rows.count)\(lang)"
        case .reader:
            guard let r = s.reader, r.week != nil else { return "loading…" }
            let total = r.layout.lines.count
            let end = min(total, r.top + s.bodyRows(.reader))
            let pct = total == 0 ? 100 : end * 100 / total
            let n = r.layout.matchLines.count
            var matches = ""
            if s.filter.query != nil {
                matches = r.currentMatch.map { " │ match \($0 + 1)/\(n)" } ?? " │ \(n) match\(n == 1 ? "" : "es")"
            }
            return "line \(r.top + 1)/\(total) \(pct)%\(matches)"
        case .figures:
            guard let f = s.figures, f.loaded else { return "loading…" }
            let total = FiguresView.lines(f.row, width: s.width, ascii: s.ascii).count
            return "\(f.row.language.rawValue.uppercased()) │ line \(f.top + 1)/\(total)"
        case .help:
            return "line \(s.helpTop + 1)/\(HelpView.lines(width: s.width, ascii: s.ascii).count)"
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
