import BilanCore

/// The front picker: places the weeks mention, fronts first, narrowed by any spelling typed.
enum PickerView {
    static func draw(_ b: inout ScreenBuffer, _ s: BrowserState, _ p: PickerState) {
        b.fill(x: 0, y: 1, count: b.width, style: .heading)
        guard let entries = p.entries else {
            b.field(" Fronts", x: 0, y: 1, width: b.width, style: .heading)
            b.put(" Loading the places…", x: 0, y: 3, style: .dim)
            prompt(&b, p)
            return
        }
        let marked = p.marked.count
        b.field(" Fronts: \(p.shown.count) of \(entries.count) places mentioned" + (marked > 0 ? " · \(marked) marked" : ""),
                x: 0, y: 1, width: b.width, style: .heading)
        let legend = "* front · mentions "
        if b.width >= 70 { b.putRight(legend, right: b.width, y: 1, style: .heading) }
        if p.shown.isEmpty {
            b.put(" No place these weeks mention is spelled like that.", x: 0, y: 3, style: .dim)
        }
        let nameWidth = min(28, max(16, b.width / 3))
        for i in p.position.top..<min(p.shown.count, p.position.top + s.bodyRows(.weeks)) {
            let y = 2 + i - p.position.top
            let e = entries[p.shown[i]]
            var x = b.put(p.marked.contains(e.place.id) ? (b.ascii ? "[x] " : "[✓] ") : "[ ] ", x: 1, y: y, style: .accent)
            x = b.put(e.place.front ? "* " : "  ", x: x, y: y, style: .figure)
            x = b.field(e.place.name, x: x, y: y, width: nameWidth, style: .place) + 1
            x = b.field(String(e.mentions), x: x, y: y, width: 6, style: .normal) + 1
            let kind = e.place.kind.rawValue + (e.parentName.map { ", " + $0 } ?? "") + " · " + e.place.country
            b.field(kind, x: x, y: y, width: b.width - x, style: .dim)
            if i == p.position.cursor { Renderer.highlightRow(&b, y: y) }
        }
        prompt(&b, p)
    }

    static func prompt(_ b: inout ScreenBuffer, _ p: PickerState) {
        let y = b.height - 1
        b.fill(x: 0, y: y, count: b.width, style: .status)
        let x = b.put("front: ", x: 0, y: y, style: .status)
        let end = b.put(p.text, x: x, y: y, style: .status, maxWidth: b.width - x - 1)
        b.cursor = (min(end, b.width - 1), y)
        let hint = "Tab mark · Enter apply · Esc cancel"
        if end + DisplayWidth.of(hint) + 3 <= b.width { b.putRight(hint + " ", right: b.width, y: y, style: .status) }
    }
}
