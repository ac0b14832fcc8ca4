import BilanCore

/// The home view: one row per week range, newest first.
enum WeeksView {
    /// Columns for a width: narrow windows drop the languages, then the fronts.
    struct Columns {
        var range = 9, dates = 22, languages = 5, matches = 0, drones = 12
        var fronts = 0

        init(width: Int, filtered: Bool, range: Int = 9, ascii: Bool = false) {
            self.range = range
            // ASCII writes ">=" and "^": two more columns for "^>=1000 v>=200".
            let dronesWidth = ascii ? 14 : 12
            if filtered { matches = 6 }
            if width < 70 {
                dates = 17
                languages = 0
            }
            let used = 1 + range + 1 + dates + 1 + (languages > 0 ? languages + 1 : 0) + (matches > 0 ? matches + 1 : 0)
            drones = max(0, min(dronesWidth, width - used))
            fronts = max(0, width - used - drones - 1)
            if fronts < 8 { fronts = 0 }
        }
    }

    static func draw(_ b: inout ScreenBuffer, _ s: BrowserState) {
        let filtered = !s.filter.isEmpty
        // Wide enough for the longest range on screen ("1090–1094", or a 5-digit day some day).
        let visible = s.weeks.keys.map { $0.dropFirst(s.weeks.position.top).prefix(s.bodyRows(.weeks)) } ?? []
        let rangeWidth = visible.map { Labels.range($0.range).count }.max() ?? 9
        let c = Columns(width: b.width, filtered: filtered, range: max(9, rangeWidth), ascii: b.ascii)
        b.fill(x: 0, y: 1, count: b.width, style: .heading)
        var x = 1
        x = b.field("week", x: x, y: 1, width: c.range, style: .heading) + 1
        x = b.field("dates", x: x, y: 1, width: c.dates, style: .heading) + 1
        if c.languages > 0 { x = b.field("lang", x: x, y: 1, width: c.languages, style: .heading) + 1 }
        if c.matches > 0 { x = b.field("hits", x: x, y: 1, width: c.matches, style: .heading) + 1 }
        if c.drones > 0 { x = b.field("drones", x: x, y: 1, width: c.drones, style: .heading) + 1 }
        if c.fronts > 0 { b.field("fronts", x: x, y: 1, width: c.fronts, style: .heading) }

        guard let keys = s.weeks.keys else {
            b.put(" Loading the weeks…", x: 0, y: 3, style: .dim)
            return
        }
        if keys.isEmpty {
            let why = filtered ? " No week matches the filter. F clears it." : " No weeks stored. `bilan import FOLDER` adds some."
            b.put(why, x: 0, y: 3, style: .dim)
            return
        }
        let rows = s.bodyRows(.weeks)
        let pos = s.weeks.position
        for i in pos.top..<min(keys.count, pos.top + rows) {
            let y = 2 + i - pos.top
            let key = keys[i]
            var x = 1
            x = b.field(Labels.range(key.range), x: x, y: y, width: c.range) + 1
            x = b.field(Labels.dates(key.range), x: x, y: y, width: c.dates, style: .dim) + 1
            if c.languages > 0 {
                x = b.field(key.languages.map { $0.rawValue.uppercased() }.joined(separator: " "), x: x, y: y, width: c.languages) + 1
            }
            if c.matches > 0 {
                b.putRight(key.matches.map(String.init) ?? "", right: x + c.matches - 1, y: y, style: .match)
                x += c.matches + 1
            }
            let detail = s.weeks.details[key.range]
            if c.drones > 0 {
                if let d = detail {
                    x = drones(&b, d.tally, x: x, y: y, width: c.drones) + 1
                } else {
                    x = b.field("…", x: x, y: y, width: c.drones, style: .dim) + 1
                }
            }
            if c.fronts > 0, let d = detail {
                b.field(d.fronts.joined(separator: ", "), x: x, y: y, width: c.fronts, style: .place)
            }
            if i == pos.cursor { Renderer.highlightRow(&b, y: y) }
        }
    }

    /// "▲≥100 ▼~15": launched and shot down, blank when the week reports neither.
    @discardableResult
    static func drones(_ b: inout ScreenBuffer, _ t: WeekTally, x: Int, y: Int, width: Int) -> Int {
        var parts: [String] = []
        if t.launched != nil { parts.append("▲" + Labels.value(t.launched)) }
        if t.shotDown != nil { parts.append("▼" + Labels.value(t.shotDown)) }
        return b.field(parts.joined(separator: " "), x: x, y: y, width: width, style: .figure)
    }
}
