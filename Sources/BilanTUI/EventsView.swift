import Foundation
import BilanCore

/// Every sentence matching the filters, grouped by week (the week is named on its first row and on
/// the top row), with when in the week it happened.
enum EventsView {
    static func draw(_ b: inout ScreenBuffer, _ s: BrowserState) {
        // Wide enough for the longest week label on screen ("1090–1094 FR") and a space.
        let top = s.events.position.top
        let labels = (top..<top + s.bodyRows(.events)).compactMap { s.events.rows[$0] }.map { label($0).count }
        let weekWidth = max(13, (labels.max() ?? 0) + 1), whenWidth = b.width >= 60 ? 7 : 0
        b.fill(x: 0, y: 1, count: b.width, style: .heading)
        var x = b.field(" week", x: 0, y: 1, width: weekWidth + 1, style: .heading)
        if whenWidth > 0 { x = b.field("when", x: x, y: 1, width: whenWidth, style: .heading) }
        b.field("sentence", x: x, y: 1, width: b.width - x, style: .heading)
        guard let total = s.events.total else {
            b.put(" Searching…", x: 0, y: 3, style: .dim)
            return
        }
        if total == 0 {
            b.put(s.filter.isEmpty ? " No events stored." : " No sentence matches the filter. F clears it.", x: 0, y: 3, style: .dim)
            return
        }
        let pos = s.events.position
        let query = s.filter.query
        var previous: SearchHit? = pos.top > 0 ? s.events.rows[pos.top - 1] : nil
        for i in pos.top..<min(total, pos.top + s.bodyRows(.events)) {
            let y = 2 + i - pos.top
            guard let hit = s.events.rows[i] else {
                b.put(" …", x: 0, y: y, style: .dim)
                previous = nil
                continue
            }
            let newWeek = previous == nil || previous!.range != hit.range || previous!.language != hit.language || i == pos.top
            if newWeek {
                b.field(" " + label(hit), x: 0, y: y, width: weekWidth + 1, style: .heading)
            }
            var x = weekWidth + 1
            if whenWidth > 0 {
                x = b.field(when(hit.event), x: x, y: y, width: whenWidth, style: .dim)
            }
            sentence(&b, hit.event.text, query: query, x: x, y: y, width: b.width - x, heading: hit.event.heading)
            if i == pos.cursor { Renderer.highlightRow(&b, y: y) }
            previous = hit
        }
    }

    /// "1090–1094 FR".
    static func label(_ hit: SearchHit) -> String {
        Labels.range(hit.range) + " " + hit.language.rawValue.uppercased()
    }

    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// "Wed 23" when the sentence names its day, else "start", "middle", "end", or blank.
    static func when(_ e: Event) -> String {
        if let d = e.date { return "\(weekdays[d.weekday]) \(d.day)" }
        return e.partOfWeek?.rawValue ?? ""
    }

    /// One line of a sentence with the search matches marked, cut with "…".
    static func sentence(_ b: inout ScreenBuffer, _ text: String, query: SearchQuery?, x: Int, y: Int, width: Int, heading: Bool) {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        b.field(flat, x: x, y: y, width: width, style: heading ? .heading : .normal)
        guard let query, width > 1 else { return }
        // Re-draw the matched stretches that fit in the match style.
        var col = x
        var at = flat.startIndex
        for r in query.matches(in: flat) {
            col += b.columns(flat[at..<r.lowerBound])
            let w = b.columns(flat[r])
            if col >= x + width - 1 { break }
            b.restyle(x: col, y: y, count: min(w, x + width - 1 - col), style: .match)
            col += w
            at = r.upperBound
        }
    }
}
