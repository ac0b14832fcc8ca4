import BilanCore

/// Drone figures week by week: launched, shot down and suppressed with their qualifiers, a bar per
/// week scaled to the largest count, and a sparkline of launches over time.
enum TalliesView {
    static func draw(_ b: inout ScreenBuffer, _ s: BrowserState) {
        guard let rows = s.tallyRows else {
            b.put(" Loading the tallies…", x: 0, y: 3, style: .dim)
            return
        }
        let lang = s.tallies.language.map { Reducer.name($0) } ?? ""
        let max = rows.reduce(0) { Swift.max($0, $1.tally.launched?.value ?? 0, $1.tally.shotDown?.value ?? 0) }
        // Line 1: the sparkline, oldest week on the left.
        var x = b.put(" \(lang) · launched, oldest week first ", x: 0, y: 1, style: .dim)
        let spark = sparkline(rows.reversed().map { $0.tally.launched?.value }, width: b.width - x - 26, ascii: b.ascii)
        x = b.put(spark, x: x, y: 1, style: .bar)
        let legend = b.ascii ? "# launched, = shot down " : "█ launched ▓ shot down "
        if x + DisplayWidth.of(legend) + 2 <= b.width { b.putRight(legend, right: b.width, y: 1, style: .dim) }
        // Line 2: headings.
        let top = s.tallies.position.top
        let longest = rows.dropFirst(top).prefix(s.bodyRows(.tallies)).map { Labels.range($0.range).count }.max() ?? 9
        let c = columns(b.width, range: Swift.max(9, longest))
        b.fill(x: 0, y: 2, count: b.width, style: .heading)
        x = b.field(" week", x: 0, y: 2, width: c.range + 1, style: .heading)
        if c.dates > 0 { x = b.field("dates", x: x + 1, y: 2, width: c.dates, style: .heading) }
        b.putRight("launched", right: x + 1 + c.value, y: 2, style: .heading)
        x += 1 + c.value
        b.putRight("shot down", right: x + 1 + c.value, y: 2, style: .heading)
        x += 1 + c.value
        if c.suppressed > 0 {
            b.putRight("suppressed", right: x + 1 + c.suppressed, y: 2, style: .heading)
            x += 1 + c.suppressed
        }
        if rows.isEmpty {
            b.put(s.filter.isEmpty ? " No weeks stored." : " No week matches the filter. F clears it.", x: 0, y: 4, style: .dim)
            return
        }
        let pos = s.tallies.position
        for i in pos.top..<min(rows.count, pos.top + s.bodyRows(.tallies)) {
            let y = 3 + i - pos.top
            let t = rows[i].tally
            x = b.field(" " + Labels.range(rows[i].range), x: 0, y: y, width: c.range + 1)
            if c.dates > 0 { x = b.field(Labels.dates(rows[i].range), x: x + 1, y: y, width: c.dates, style: .dim) }
            for (v, w) in [(t.launched, c.value), (t.shotDown, c.value), (t.suppressed, c.suppressed)] where w > 0 {
                b.putRight(Labels.value(v), right: x + 1 + w, y: y, style: v == nil ? .dim : .figure)
                x += 1 + w
            }
            if c.bar > 0 && max > 0 {
                bar(&b, launched: t.launched?.value, shotDown: t.shotDown?.value, max: max, x: x + 2, y: y, width: c.bar)
            }
            if i == pos.cursor { Renderer.highlightRow(&b, y: y) }
        }
    }

    static func columns(_ width: Int, range: Int = 9) -> (range: Int, dates: Int, value: Int, suppressed: Int, bar: Int) {
        let value = 9
        let dates = width >= 80 ? 22 : 0
        let suppressed = width >= 60 ? 10 : 0
        let used = 1 + range + (dates > 0 ? dates + 1 : 0) + 2 * (value + 1) + (suppressed > 0 ? suppressed + 1 : 0)
        let bar = width - used - 3
        return (range, dates, value, suppressed, bar >= 6 ? bar : 0)
    }

    /// Launched as a full bar, the shot-down part of it shaded; scaled to the largest count.
    static func bar(_ b: inout ScreenBuffer, launched: Int?, shotDown: Int?, max: Int, x: Int, y: Int, width: Int) {
        func cells(_ v: Int?) -> Int {
            guard let v, v > 0 else { return 0 }
            return Swift.max(1, Int((Double(v) / Double(max) * Double(width)).rounded()))
        }
        let l = cells(launched), d = cells(shotDown)
        let full: Character = b.ascii ? "#" : "█"
        let shade: Character = b.ascii ? "=" : "▓"
        for i in 0..<Swift.max(l, d) {
            b.put(String(i < d ? shade : full), x: x + i, y: y, style: .bar)
        }
    }

    /// Values as block heights, each column the largest of the weeks it stands for; a week that
    /// reports nothing is a gap, not a zero.
    static func sparkline(_ values: [Int?], width: Int, ascii: Bool) -> String {
        guard width > 0, !values.isEmpty else { return "" }
        let levels: [Character] = ascii ? Array(".:-=+*#%") : Array("▁▂▃▄▅▆▇█")
        let columns = min(width, values.count)
        var buckets: [Int?] = []
        for c in 0..<columns {
            let from = c * values.count / columns, to = (c + 1) * values.count / columns
            buckets.append(values[from..<Swift.max(from + 1, to)].compactMap { $0 }.max())
        }
        let top = buckets.compactMap { $0 }.max() ?? 0
        return String(buckets.map { v -> Character in
            guard let v, top > 0 else { return " " }
            return levels[Swift.min(levels.count - 1, v * levels.count / (top + 1))]
        })
    }
}
