import BilanCore

/// A run of text in one style.
public struct Segment: Sendable, Hashable {
    public var text: String
    public var style: Style
}

/// One line of the reader.
public struct ReaderLine: Sendable, Hashable {
    public var segments: [Segment]
    /// The event (index into the week's events) the line starts in; nil for blank lines.
    public var event: Int?
}

/// The week's text wrapped to a width: paragraphs kept, sub-headlines on their own lines, places,
/// drone figures and search matches styled.
public struct ReaderLayout: Sendable, Hashable {
    public var lines: [ReaderLine] = []
    /// Lines where a search match starts, in order.
    public var matchLines: [Int] = []
    /// The first line of each event.
    public var eventLines: [Int] = []
    var width = 0
    var ascii = false

    /// The widest text column the reader uses: long lines are hard to read on wide windows.
    static let maxTextWidth = 100

    /// Lays out `week` for a window `width` columns wide, marking matches of `query`; `ascii`
    /// transliterates first, so that lines are wrapped at the width they will be drawn at.
    public init(week: ReaderWeek, width: Int, query: SearchQuery?, ascii: Bool = false) {
        self.ascii = ascii
        self.width = width
        let textWidth = max(10, min(width - 2, Self.maxTextWidth))
        eventLines = Array(repeating: 0, count: week.events.count)
        var i = 0
        while i < week.events.count {
            var j = i
            while j < week.events.count && week.events[j].paragraph == week.events[i].paragraph { j += 1 }
            if !lines.isEmpty { lines.append(ReaderLine(segments: [], event: nil)) }
            // Sub-headlines stand alone; the rest of the paragraph flows.
            var k = i
            while k < j {
                var end = k + 1
                if !week.events[k].heading {
                    while end < j && !week.events[end].heading { end += 1 }
                }
                layOut(week: week, events: k..<end, width: textWidth, query: query)
                k = end
            }
            i = j
        }
    }

    init() {}

    private mutating func layOut(week: ReaderWeek, events: Range<Int>, width: Int, query: SearchQuery?) {
        let marker = query?.marker()
        var chars: [Character] = []
        var styles: [Style] = []
        var owner: [Int] = []
        var matchStarts: Set<Int> = []
        var eventStarts: [Int: Int] = [:]
        for e in events {
            let event = week.events[e]
            if !chars.isEmpty {
                chars.append(" ")
                styles.append(.normal)
                owner.append(e)
            }
            eventStarts[chars.count] = e
            let base: Style = event.heading ? .heading : .normal
            let marks = e < week.marks.count ? week.marks[e] : []
            let matches: [(Int, Int)] = marker.map { q in
                q.matches(in: event.text).map { r in
                    (event.text.unicodeScalars.distance(from: event.text.startIndex, to: r.lowerBound),
                     event.text.unicodeScalars.distance(from: event.text.startIndex, to: r.upperBound))
                }
            } ?? []
            var scalar = 0
            for c in event.text {
                var style = base
                if let m = marks.first(where: { $0.start <= scalar && scalar < $0.end }) {
                    style = m.kind == .place ? .place : .figure
                }
                if let m = matches.first(where: { $0.0 <= scalar && scalar < $0.1 }) {
                    style = .match
                    if m.0 == scalar { matchStarts.insert(chars.count) }
                }
                let spelled: [Character] = c == "\n" || c == "\t" ? [" "] : ascii && !c.isASCII ? Array(Ascii.transliterate(c)) : [c]
                if spelled.isEmpty && matchStarts.contains(chars.count) { matchStarts.remove(chars.count) }
                for ch in spelled {
                    chars.append(ch)
                    styles.append(style)
                    owner.append(e)
                }
                scalar += c.unicodeScalars.count
            }
        }
        // Greedy wrap at spaces, by display width.
        var start = 0
        while start < chars.count {
            var col = 0
            var end = start
            var lastSpace = -1
            while end < chars.count {
                let w = DisplayWidth.of(chars[end])
                if col + w > width { break }
                if chars[end] == " " { lastSpace = end }
                col += w
                end += 1
            }
            var next = end
            if end < chars.count {
                if lastSpace > start {
                    end = lastSpace
                    next = lastSpace + 1
                } else if end == start {
                    end = start + 1
                    next = end
                }
            }
            let lineIndex = lines.count
            var segments: [Segment] = []
            for p in start..<end {
                if let s = eventStarts[p] { eventLines[s] = lineIndex }
                if matchStarts.contains(p), matchLines.last != lineIndex { matchLines.append(lineIndex) }
                if var last = segments.last, last.style == styles[p] {
                    last.text.append(chars[p])
                    segments[segments.count - 1] = last
                } else {
                    segments.append(Segment(text: String(chars[p]), style: styles[p]))
                }
            }
            // An event starting on the space the line broke at begins on the next line.
            for p in end..<next where eventStarts[p] != nil { eventLines[eventStarts[p]!] = lineIndex + 1 }
            lines.append(ReaderLine(segments: segments, event: owner[start]))
            start = next
        }
    }

    /// The line to show at the top so that `anchor`'s sentence is visible near the top.
    func line(of anchor: ReaderAnchor, in week: ReaderWeek) -> Int {
        if let e = week.events.firstIndex(where: { $0.paragraph == anchor.paragraph && $0.index == anchor.index }) {
            return eventLines[e]
        }
        // Not in this week (the other language splits differently): the nearest paragraph.
        if let e = week.events.firstIndex(where: { $0.paragraph >= anchor.paragraph }) { return eventLines[e] }
        return max(0, lines.count - 1)
    }
}
